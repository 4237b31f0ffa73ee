import { describe, it, expect } from 'vitest';
import { createSimulation } from '../../../../src/engine/simulation';
import { T0, TWO_127, addConsumer, expectAwsError, withStream } from './streamFixtures';

describe('describeStreamSummary', () => {
  it('summarises a provisioned stream exactly, CREATING then ACTIVE', () => {
    const sim = createSimulation({ seed: 1 });
    sim.kinesis.createStream({ StreamName: 'orders', ShardCount: 3 });
    const expected = {
      StreamName: 'orders',
      StreamARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/orders',
      StreamStatus: 'CREATING',
      StreamModeDetails: { StreamMode: 'PROVISIONED' },
      RetentionPeriodHours: 24,
      StreamCreationTimestamp: T0,
      EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
      EncryptionType: 'NONE',
      OpenShardCount: 3,
      ConsumerCount: 0,
      MaxRecordSizeInKiB: 1024,
    };
    expect(sim.kinesis.describeStreamSummary({ StreamName: 'orders' })).toEqual({ StreamDescriptionSummary: expected });
    sim.advanceSync(10000);
    expect(sim.kinesis.describeStreamSummary({ StreamARN: expected.StreamARN }).StreamDescriptionSummary).toEqual({ ...expected, StreamStatus: 'ACTIVE' });
  });

  it('counts open shards only, and registered consumers', () => {
    const sim = withStream(2);
    sim.kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: String(TWO_127 / 2n) });
    expect(sim.kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.OpenShardCount).toBe(2);
    sim.advanceSync(10000);
    addConsumer(sim, 's', 'app');
    const sum = sim.kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary;
    expect([sum.OpenShardCount, sum.ConsumerCount, sum.StreamStatus]).toEqual([3, 1, 'ACTIVE']);
  });

  it('shows ON_DEMAND mode, its 4 shards and a larger MaxRecordSizeInKiB', () => {
    const sim = createSimulation({ seed: 1 });
    sim.kinesis.createStream({ StreamName: 'od', StreamModeDetails: { StreamMode: 'ON_DEMAND' }, MaxRecordSizeInKiB: 2048 });
    const sum = sim.kinesis.describeStreamSummary({ StreamName: 'od' }).StreamDescriptionSummary;
    expect([sum.StreamModeDetails, sum.OpenShardCount, sum.MaxRecordSizeInKiB]).toEqual([{ StreamMode: 'ON_DEMAND' }, 4, 2048]);
  });

  it('reports unknown streams', () => {
    const sim = withStream(1);
    expectAwsError(() => sim.kinesis.describeStreamSummary({ StreamName: 'x' }), 'ResourceNotFoundException', 'Stream x under account 123456789012 not found.');
    expectAwsError(
      () => sim.kinesis.describeStreamSummary({ StreamARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/x' }),
      'ResourceNotFoundException',
      'Stream x under account 123456789012 not found.',
    );
  });
});
