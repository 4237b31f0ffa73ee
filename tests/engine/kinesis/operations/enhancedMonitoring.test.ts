import { describe, it, expect } from 'vitest';
import { expectAwsError, withStream } from './streamFixtures';
import type { Simulation } from '../../../../src/engine/simulation';

const ARN = 'arn:aws:kinesis:us-east-1:123456789012:stream/s';
const ALL7 = ['IncomingBytes', 'IncomingRecords', 'OutgoingBytes', 'OutgoingRecords', 'WriteProvisionedThroughputExceeded', 'ReadProvisionedThroughputExceeded', 'IteratorAgeMilliseconds'];

/** One value per second over [from, to) of a metric (shard-level when shardId is given). */
function secs(sim: Simulation, metric: string, from: number, to: number, shardId?: string): number[] {
  return Array.from(sim.metrics.kinesis.series({ stream: 's', metric: metric as never, shardId, from, to }).values);
}

describe('enableEnhancedMonitoring / disableEnhancedMonitoring', () => {
  it('answers the metrics before (Current) and after (Desired), and DescribeStream lists them', () => {
    const sim = withStream(1);
    expect(sim.kinesis.describeStream({ StreamName: 's' }).StreamDescription.EnhancedMonitoring).toEqual([{ ShardLevelMetrics: [] }]);
    expect(sim.kinesis.enableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['IncomingRecords', 'IncomingBytes'] })).toEqual({
      StreamName: 's', StreamARN: ARN, CurrentShardLevelMetrics: [], DesiredShardLevelMetrics: ['IncomingBytes', 'IncomingRecords'],
    });
    expect(sim.kinesis.enableEnhancedMonitoring({ StreamARN: ARN, ShardLevelMetrics: ['ALL'] })).toEqual({
      StreamName: 's', StreamARN: ARN, CurrentShardLevelMetrics: ['IncomingBytes', 'IncomingRecords'], DesiredShardLevelMetrics: ALL7,
    });
    expect(sim.kinesis.describeStream({ StreamName: 's' }).StreamDescription.EnhancedMonitoring).toEqual([{ ShardLevelMetrics: ALL7 }]);
    expect(sim.kinesis.disableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['IteratorAgeMilliseconds', 'OutgoingBytes'] }).DesiredShardLevelMetrics).toEqual([
      'IncomingBytes', 'IncomingRecords', 'OutgoingRecords', 'WriteProvisionedThroughputExceeded', 'ReadProvisionedThroughputExceeded',
    ]);
    expect(sim.kinesis.disableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['ALL'] }).DesiredShardLevelMetrics).toEqual([]);
    expectAwsError(
      () => sim.kinesis.enableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['Bytes'] }),
      'ValidationException',
      "1 validation error detected: Value '[Bytes]' at 'shardLevelMetrics' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [IncomingBytes, IncomingRecords, OutgoingBytes, OutgoingRecords, WriteProvisionedThroughputExceeded, ReadProvisionedThroughputExceeded, IteratorAgeMilliseconds, ALL]]",
    );
    expectAwsError(() => sim.kinesis.enableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: [] }), 'ValidationException', "1 validation error detected: Value '[]' at 'shardLevelMetrics' failed to satisfy constraint: Member must have length greater than or equal to 1");
  });

  it('publishes shard-level metrics only while enabled; stream-level ones always', () => {
    const sim = withStream(1);
    sim.advanceSync(1000 - (sim.now() % 1000));
    const t0 = sim.now();
    const put = (n: number) => {
      for (let i = 0; i < n; i++) sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: new Uint8Array(9) });
    };
    put(3); // second 0: monitoring off
    sim.advanceSync(1000);
    sim.kinesis.enableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['IncomingRecords'] });
    put(4); // second 1: IncomingRecords on
    sim.advanceSync(1000);
    sim.kinesis.disableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['ALL'] });
    put(5); // second 2: off again
    sim.advanceSync(1000);
    expect(secs(sim, 'IncomingRecords', t0, t0 + 3000)).toEqual([3, 4, 5]);
    expect(secs(sim, 'IncomingRecords', t0, t0 + 3000, 'shardId-000000000000')).toEqual([NaN, 4, NaN]);
    // Only the enabled metric: IncomingBytes stayed off throughout.
    expect(secs(sim, 'IncomingBytes', t0, t0 + 3000, 'shardId-000000000000')).toEqual([NaN, NaN, NaN]);
    expect(sim.metrics.kinesis.total({ stream: 's', metric: 'IncomingRecords', shardId: 'shardId-000000000000', from: t0, to: t0 + 3000 })).toBe(4);
    const out = new Float32Array(3).fill(-1);
    sim.metrics.kinesis.shardMatrix('s', ['shardId-000000000000'], 'IncomingRecords', t0 / 1000, 3, out);
    expect(Array.from(out)).toEqual([-1, 4, -1]);
  });
});

describe('API metrics count every caller', () => {
  it('1,200 direct PutRecord calls in one second: 1,000 succeed and PutRecord.Success reads 1,000', () => {
    const sim = withStream(1);
    sim.advanceSync(1000 - (sim.now() % 1000));
    const t0 = sim.now();
    let ok = 0;
    for (let i = 0; i < 1200; i++) {
      try {
        sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: new Uint8Array(10) });
        ok++;
      } catch {
        // ProvisionedThroughputExceededException past 1,000 records/s
      }
    }
    sim.advanceSync(1000);
    expect(ok).toBe(1000);
    expect(secs(sim, 'IncomingRecords', t0, t0 + 1000)).toEqual([1000]);
    expect(secs(sim, 'PutRecord.Success', t0, t0 + 1000)).toEqual([1000]);
    expect(secs(sim, 'WriteProvisionedThroughputExceeded', t0, t0 + 1000)).toEqual([200]);
  });

  it('counts PutRecords.ThrottledRecords and GetRecords.Success of direct calls', () => {
    const sim = withStream(1);
    sim.advanceSync(1000 - (sim.now() % 1000));
    const t0 = sim.now();
    const records = Array.from({ length: 500 }, () => ({ PartitionKey: 'k', Data: new Uint8Array(10) }));
    sim.kinesis.putRecords({ StreamName: 's', Records: records });
    sim.kinesis.putRecords({ StreamName: 's', Records: records });
    sim.kinesis.putRecords({ StreamName: 's', Records: records });
    const it = sim.kinesis.getShardIterator({ StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator;
    const r = sim.kinesis.getRecords({ ShardIterator: it, Limit: 10 });
    sim.kinesis.getRecords({ ShardIterator: r.NextShardIterator!, Limit: 10 });
    sim.advanceSync(1000);
    expect(secs(sim, 'PutRecords.ThrottledRecords', t0, t0 + 1000)).toEqual([500]);
    expect(secs(sim, 'GetRecords.Success', t0, t0 + 1000)).toEqual([2]);
    expect(secs(sim, 'GetRecords.Records', t0, t0 + 1000)).toEqual([20]);
    expect(secs(sim, 'PutRecord.Success', t0, t0 + 1000)).toEqual([0]);
  });

  it('does not count an exact-mode producer twice (its calls go through the operations)', () => {
    const sim = withStream(1);
    sim.traffic.addProducer({ streamName: 's', rate: { kind: 'constant', recordsPerSecond: 50 }, keys: { name: 'constant' }, record: { sizeBytes: 100 }, writePath: 'PutRecord' });
    sim.advanceSync(10000);
    const t = Math.floor(sim.now() / 1000) * 1000;
    const success = sim.metrics.kinesis.total({ stream: 's', metric: 'PutRecord.Success', from: t - 5000, to: t });
    const incoming = sim.metrics.kinesis.total({ stream: 's', metric: 'IncomingRecords', from: t - 5000, to: t });
    expect([success, incoming]).toEqual([250, 250]);
  });
});
