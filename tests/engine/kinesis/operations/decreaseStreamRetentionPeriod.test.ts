import { describe, it, expect } from 'vitest';
import type { Simulation } from '../../../../src/engine/simulation';
import { T0, expectAwsError, withStream } from './streamFixtures';

const HOUR = 3600 * 1000;
const put = (sim: Simulation, byte: number) => sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: new Uint8Array([byte]) });
function readAll(sim: Simulation): number[] {
  const it = sim.kinesis.getShardIterator({ StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator;
  return sim.kinesis.getRecords({ ShardIterator: it }).Records.map((r) => r.Data[0]);
}

describe('decreaseStreamRetentionPeriod', () => {
  it('makes data older than the new period unreadable at once, and drops it', () => {
    const sim = withStream(1);
    sim.kinesis.increaseStreamRetentionPeriod({ StreamName: 's', RetentionPeriodHours: 48 });
    put(sim, 1);
    sim.advanceSync(30 * HOUR);
    put(sim, 2);
    expect(readAll(sim)).toEqual([1, 2]);
    sim.core.events.drain();
    expect(sim.kinesis.decreaseStreamRetentionPeriod({ StreamName: 's', RetentionPeriodHours: 24 })).toEqual({});
    expect(readAll(sim)).toEqual([2]);
    expect(sim.kinesisContext.streams.get('s')!.shards[0].store.trimIndex).toBe(1);
    expect(sim.kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.RetentionPeriodHours).toBe(24);
    expect(sim.core.events.drain()).toEqual([{ type: 'retentionChanged', time: T0 + 10000 + 30 * HOUR, stream: 's', hours: 24 }]);
  });

  it('an iterator taken before the decrease skips the records that expired', () => {
    const sim = withStream(1);
    sim.kinesis.increaseStreamRetentionPeriod({ StreamName: 's', RetentionPeriodHours: 48 });
    put(sim, 1);
    sim.advanceSync(30 * HOUR);
    put(sim, 2);
    const it = sim.kinesis.getShardIterator({ StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator;
    sim.kinesis.decreaseStreamRetentionPeriod({ StreamName: 's', RetentionPeriodHours: 24 });
    expect(sim.kinesis.getRecords({ ShardIterator: it }).Records.map((r) => r.Data[0])).toEqual([2]);
  });

  it('needs a value not above the current one and not under 24 hours', () => {
    const sim = withStream(1);
    expectAwsError(
      () => sim.kinesis.decreaseStreamRetentionPeriod({ StreamName: 's', RetentionPeriodHours: 48 }),
      'InvalidArgumentException',
      'Requested retention period (48 hours) for stream s can not be longer than existing retention period (24 hours). Use IncreaseRetentionPeriod API.',
    );
    // The current period itself is accepted and changes nothing, as on AWS (kinesalite refuses only a longer one).
    expect(sim.kinesis.decreaseStreamRetentionPeriod({ StreamName: 's', RetentionPeriodHours: 24 })).toEqual({});
    expect(sim.kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.RetentionPeriodHours).toBe(24);
    expectAwsError(
      () => sim.kinesis.decreaseStreamRetentionPeriod({ StreamName: 's', RetentionPeriodHours: 12 }),
      'InvalidArgumentException',
      'Minimum allowed retention period is 24 hours. Requested retention period (12 hours) is too short.',
    );
    expectAwsError(
      () => sim.kinesis.decreaseStreamRetentionPeriod({ StreamName: 'x', RetentionPeriodHours: 24 }),
      'ResourceNotFoundException',
      'Stream x under account 123456789012 not found.',
    );
  });

  it('answers on the wire', () => {
    const sim = withStream(1);
    sim.kinesis.increaseStreamRetentionPeriod({ StreamName: 's', RetentionPeriodHours: 100 });
    expect(sim.handleAwsJson('Kinesis_20131202.DecreaseStreamRetentionPeriod', '{"StreamName":"s","RetentionPeriodHours":30}')).toEqual({ status: 200, body: '' });
    const bad = sim.handleAwsJson('Kinesis_20131202.DecreaseStreamRetentionPeriod', '{"StreamName":"s","RetentionPeriodHours":31}');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).__type).toBe('InvalidArgumentException');
  });
});
