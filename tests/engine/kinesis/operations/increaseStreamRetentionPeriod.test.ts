import { describe, it, expect } from 'vitest';
import type { Simulation } from '../../../../src/engine/simulation';
import { T0, expectAwsError, withStream } from './streamFixtures';

const HOUR = 3600 * 1000;
const put = (sim: Simulation, byte: number) => sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', Data: new Uint8Array([byte]) });
function readAll(sim: Simulation): number[] {
  const it = sim.kinesis.getShardIterator({ StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator;
  return sim.kinesis.getRecords({ ShardIterator: it }).Records.map((r) => r.Data[0]);
}

describe('increaseStreamRetentionPeriod', () => {
  it('sets a longer period at once and says so', () => {
    const sim = withStream(1);
    sim.core.events.drain();
    expect(sim.kinesis.increaseStreamRetentionPeriod({ StreamName: 's', RetentionPeriodHours: 168 })).toEqual({});
    expect(sim.kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.RetentionPeriodHours).toBe(168);
    expect(sim.core.events.drain()).toEqual([{ type: 'retentionChanged', time: T0 + 10000, stream: 's', hours: 168 }]);
    sim.kinesis.increaseStreamRetentionPeriod({ StreamARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/s', RetentionPeriodHours: 8760 });
    expect(sim.kinesis.describeStream({ StreamName: 's' }).StreamDescription.RetentionPeriodHours).toBe(8760);
  });

  it('keeps unexpired records longer but never brings back one already past the old period, trimmed or not', () => {
    const sim = withStream(1);
    put(sim, 1); // at T0 + 10 s
    sim.advanceSync(HOUR);
    put(sim, 2); // at T0 + 1 h + 10 s
    // Just past record 1's 24 h; the minute sweep last ran before that, so it is still stored.
    sim.advanceSync(T0 + 10000 + 24 * HOUR + 1 - sim.now());
    const store = sim.kinesisContext.streams.get('s')!.shards[0].store;
    expect(store.size).toBe(2);
    sim.kinesis.increaseStreamRetentionPeriod({ StreamName: 's', RetentionPeriodHours: 48 });
    expect(readAll(sim)).toEqual([2]);
    // Record 2 outlives its old 24 h under the new 48 h.
    sim.advanceSync(2 * HOUR);
    expect(readAll(sim)).toEqual([2]);
    sim.advanceSync(47 * HOUR);
    expect(readAll(sim)).toEqual([]);
  });

  it('needs a value not below the current one', () => {
    const sim = withStream(1);
    sim.kinesis.increaseStreamRetentionPeriod({ StreamName: 's', RetentionPeriodHours: 72 });
    expectAwsError(
      () => sim.kinesis.increaseStreamRetentionPeriod({ StreamName: 's', RetentionPeriodHours: 48 }),
      'InvalidArgumentException',
      'Requested retention period (48 hours) for stream s can not be shorter than existing retention period (72 hours). Use DecreaseRetentionPeriod API.',
    );
    // The current period itself is accepted and changes nothing, as on AWS (kinesalite refuses only a shorter one).
    expect(sim.kinesis.increaseStreamRetentionPeriod({ StreamName: 's', RetentionPeriodHours: 72 })).toEqual({});
    expect(sim.kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.RetentionPeriodHours).toBe(72);
  });

  it('keeps to 24..8760 hours', () => {
    const sim = withStream(1);
    expectAwsError(
      () => sim.kinesis.increaseStreamRetentionPeriod({ StreamName: 's', RetentionPeriodHours: 8761 }),
      'InvalidArgumentException',
      'Maximum allowed retention period is 8760 hours. Requested retention period (8761 hours) is too long.',
    );
    expectAwsError(
      () => sim.kinesis.increaseStreamRetentionPeriod({ StreamName: 's', RetentionPeriodHours: 23 }),
      'InvalidArgumentException',
      'Minimum allowed retention period is 24 hours. Requested retention period (23 hours) is too short.',
    );
    expectAwsError(
      () => sim.kinesis.increaseStreamRetentionPeriod({ StreamName: 's' } as never),
      'ValidationException',
      "1 validation error detected: Value null at 'retentionPeriodHours' failed to satisfy constraint: Member must not be null",
    );
  });

  it('needs an ACTIVE stream', () => {
    const sim = withStream(1);
    sim.kinesis.updateShardCount({ StreamName: 's', TargetShardCount: 2, ScalingType: 'UNIFORM_SCALING' });
    expectAwsError(
      () => sim.kinesis.increaseStreamRetentionPeriod({ StreamName: 's', RetentionPeriodHours: 48 }),
      'ResourceInUseException',
      'Stream s under account 123456789012 not ACTIVE, instead in state UPDATING',
    );
  });
});
