import { describe, it, expect } from 'vitest';
import { createSimulation, type Simulation } from '../../../../src/engine/simulation';
import { evenHashRanges } from '../../../../src/engine/kinesis/hashKey';
import { T0, TWO_127, MAX, expectAwsError, lineage, withStream } from './streamFixtures';

const W3 = 113427455640312821154458202477256070485n; // floor(2^128 / 3)
const UNIFORM = 'UNIFORM_SCALING' as const;

function scale(sim: Simulation, target: number, name = 's') {
  const out = sim.kinesis.updateShardCount({ StreamName: name, TargetShardCount: target, ScalingType: UNIFORM });
  sim.advanceSync(10000);
  return out;
}
const open = (sim: Simulation) => lineage(sim.kinesis.listShards({ StreamName: 's', ShardFilter: { Type: 'AT_LATEST' } }).Shards);
const all = (sim: Simulation) => lineage(sim.kinesis.listShards({ StreamName: 's' }).Shards);

describe('updateShardCount', () => {
  it('answers with the current and target counts and goes UPDATING, then ACTIVE after the delay', () => {
    const sim = withStream(2);
    sim.core.events.drain();
    expect(sim.kinesis.updateShardCount({ StreamName: 's', TargetShardCount: 3, ScalingType: UNIFORM })).toEqual({
      StreamName: 's',
      StreamARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/s',
      CurrentShardCount: 2,
      TargetShardCount: 3,
    });
    expect(sim.kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary.StreamStatus).toBe('UPDATING');
    // Writes go on to the old shards meanwhile.
    expect(sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'a', Data: new Uint8Array([1]) }).ShardId).toBe('shardId-000000000000');
    sim.advanceSync(9999);
    expect(open(sim).length).toBe(2);
    sim.advanceSync(1);
    const sum = sim.kinesis.describeStreamSummary({ StreamName: 's' }).StreamDescriptionSummary;
    expect([sum.StreamStatus, sum.OpenShardCount]).toEqual(['ACTIVE', 3]);
    const events = sim.core.events.drain();
    expect(events[0]).toEqual({ type: 'streamStatus', time: T0 + 10000, stream: 's', status: 'UPDATING' });
    expect(events.slice(-2)).toEqual([
      { type: 'shardCountUpdated', time: T0 + 20000, stream: 's', from: 2, to: 3 },
      { type: 'streamStatus', time: T0 + 20000, stream: 's', status: 'ACTIVE' },
    ]);
  });

  it('2 -> 3: splits at both new boundaries, merges the middle pieces; every new shard names its parents', () => {
    const sim = withStream(2);
    scale(sim, 3);
    expect(all(sim)).toEqual([
      ['shardId-000000000000', '0', String(TWO_127 - 1n), '-', '-'],
      ['shardId-000000000001', String(TWO_127), String(MAX), '-', '-'],
      ['shardId-000000000002', '0', String(W3 - 1n), 'shardId-000000000000', '-'],
      ['shardId-000000000003', String(W3), String(TWO_127 - 1n), 'shardId-000000000000', '-'],
      ['shardId-000000000004', String(TWO_127), String(2n * W3 - 1n), 'shardId-000000000001', '-'],
      ['shardId-000000000005', String(2n * W3), String(MAX), 'shardId-000000000001', '-'],
      ['shardId-000000000006', String(W3), String(2n * W3 - 1n), 'shardId-000000000003', 'shardId-000000000004'],
    ]);
    expect(open(sim).map((x) => x[0])).toEqual(['shardId-000000000002', 'shardId-000000000005', 'shardId-000000000006']);
    // Exactly CreateStream's layout for 3 shards.
    const byStart = open(sim).sort((a, b) => (BigInt(a[1]) < BigInt(b[1]) ? -1 : 1));
    expect(byStart.map((x) => [x[1], x[2]])).toEqual(evenHashRanges(3).map((r) => [String(r.start), String(r.end)]));
  });

  it('1 -> 2 is one split at 2^127; 4 -> 2 is two merges of neighbours', () => {
    const one = withStream(1);
    scale(one, 2);
    expect(open(one)).toEqual([
      ['shardId-000000000001', '0', String(TWO_127 - 1n), 'shardId-000000000000', '-'],
      ['shardId-000000000002', String(TWO_127), String(MAX), 'shardId-000000000000', '-'],
    ]);
    const four = withStream(4);
    scale(four, 2);
    expect(open(four)).toEqual([
      ['shardId-000000000004', '0', String(TWO_127 - 1n), 'shardId-000000000000', 'shardId-000000000001'],
      ['shardId-000000000005', String(TWO_127), String(MAX), 'shardId-000000000002', 'shardId-000000000003'],
    ]);
  });

  it('3 -> 6: a shard cut twice leaves an intermediate shard, closed at once, and a one-key piece merged onwards', () => {
    const sim = withStream(3);
    scale(sim, 6);
    const r6 = evenHashRanges(6).map((r) => [String(r.start), String(r.end)]);
    expect(open(sim)).toEqual([
      ['shardId-000000000003', ...r6[0], 'shardId-000000000000', '-'],
      ['shardId-000000000005', ...r6[1], 'shardId-000000000004', '-'],
      ['shardId-000000000009', ...r6[3], 'shardId-000000000008', '-'],
      ['shardId-000000000012', ...r6[5], 'shardId-000000000002', '-'],
      ['shardId-000000000013', ...r6[2], 'shardId-000000000006', 'shardId-000000000007'],
      ['shardId-000000000014', ...r6[4], 'shardId-000000000010', 'shardId-000000000011'],
    ]);
    const byId = new Map(all(sim).map((x) => [x[0], x]));
    // shard 0 [0, W3-1] is cut at floor(2^128/6) and again at 2*floor(2^128/6) = W3-1.
    expect(byId.get('shardId-000000000004')).toEqual(['shardId-000000000004', r6[1][0], String(W3 - 1n), 'shardId-000000000000', '-']);
    expect(byId.get('shardId-000000000006')).toEqual(['shardId-000000000006', String(W3 - 1n), String(W3 - 1n), 'shardId-000000000004', '-']);
    expect(sim.kinesisContext.streams.get('s')!.byId.get('shardId-000000000004')!.closedAt).toBe(T0 + 20000);
    expect(byId.size).toBe(15);
  });

  it('leaves an evenly laid-out stream alone when the target is its current count', () => {
    const sim = withStream(4);
    scale(sim, 4);
    expect(all(sim).length).toBe(4);
  });

  it('allows at most double and at least half the open shard count', () => {
    const sim = withStream(5);
    expectAwsError(
      () => sim.kinesis.updateShardCount({ StreamName: 's', TargetShardCount: 11, ScalingType: UNIFORM }),
      'LimitExceededException',
      'UpdateShardCount cannot scale up over double your current open shard count. Current open shard count: 5 Target shard count: 11',
    );
    expectAwsError(
      () => sim.kinesis.updateShardCount({ StreamName: 's', TargetShardCount: 2, ScalingType: UNIFORM }),
      'LimitExceededException',
      'UpdateShardCount cannot scale down below half your current open shard count. Current open shard count: 5 Target shard count: 2',
    );
    expect(scale(sim, 3).CurrentShardCount).toBe(5);
    expect(scale(sim, 6).CurrentShardCount).toBe(3);
  });

  it('allows 10 calls per rolling 24 hours (2 in the 2018 docs)', () => {
    const sim = withStream(2);
    const first = sim.now();
    for (let i = 0; i < 10; i++) scale(sim, i % 2 === 0 ? 3 : 2);
    expectAwsError(
      () => sim.kinesis.updateShardCount({ StreamName: 's', TargetShardCount: 3, ScalingType: UNIFORM }),
      'LimitExceededException',
      'Stream s under account 123456789012 has already been scaled 10 times in the last 24 hours. UpdateShardCount can be called at most 10 times per rolling 24-hour period.',
    );
    // The first call leaves the window 24 h after it was made.
    sim.advanceSync(first + 24 * 3600 * 1000 - 1 - sim.now());
    expect(() => sim.kinesis.updateShardCount({ StreamName: 's', TargetShardCount: 3, ScalingType: UNIFORM })).toThrow('10 times');
    sim.advanceSync(1);
    expect(scale(sim, 3).TargetShardCount).toBe(3);
  });

  it('refuses more than 10,000 shards', () => {
    const sim = withStream(5001);
    expectAwsError(
      () => sim.kinesis.updateShardCount({ StreamName: 's', TargetShardCount: 10001, ScalingType: UNIFORM }),
      'LimitExceededException',
      'UpdateShardCount cannot scale up to more than 10000 shards in a stream. Current open shard count: 5001 Target shard count: 10001',
    );
  });

  it('counts the intermediate shards against the account quota', () => {
    // 2 -> 3 splits twice before it merges: 4 shards open at the peak.
    const ok = withStream(2, 's', { shardQuota: 4 });
    expect(scale(ok, 3).TargetShardCount).toBe(3);
    const tight = withStream(2, 's', { shardQuota: 3 });
    expectAwsError(
      () => tight.kinesis.updateShardCount({ StreamName: 's', TargetShardCount: 3, ScalingType: UNIFORM }),
      'LimitExceededException',
      'This request would exceed the shard limit for the account 123456789012 in us-east-1. Current shard count for the account: 2. Limit: 3. ' +
        'Number of additional shards that would have resulted from this request: 2. ' +
        'Refer to the AWS Service Limits page (https://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and how to request higher limits.',
    );
  });

  it('works on ACTIVE provisioned streams only', () => {
    const sim = withStream(2);
    scale(sim, 3);
    sim.kinesis.updateShardCount({ StreamName: 's', TargetShardCount: 2, ScalingType: UNIFORM });
    expectAwsError(
      () => sim.kinesis.updateShardCount({ StreamName: 's', TargetShardCount: 3, ScalingType: UNIFORM }),
      'ResourceInUseException',
      'Stream s under account 123456789012 not ACTIVE, instead in state UPDATING',
    );
    const od = createSimulation({ seed: 1 });
    od.kinesis.createStream({ StreamName: 'od', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    od.advanceSync(10000);
    expectAwsError(
      () => od.kinesis.updateShardCount({ StreamName: 'od', TargetShardCount: 5, ScalingType: UNIFORM }),
      'ValidationException',
      'UpdateShardCount is not supported for stream od under account 123456789012 because it is in ON_DEMAND capacity mode.',
    );
  });

  it('validates ScalingType and TargetShardCount', () => {
    const sim = withStream(2);
    expectAwsError(
      () => sim.kinesis.updateShardCount({ StreamName: 's', TargetShardCount: 3, ScalingType: 'FAST' as never }),
      'ValidationException',
      "1 validation error detected: Value 'FAST' at 'scalingType' failed to satisfy constraint: Member must satisfy enum value set: [UNIFORM_SCALING]",
    );
    expectAwsError(
      () => sim.kinesis.updateShardCount({ StreamName: 's', TargetShardCount: 0, ScalingType: UNIFORM }),
      'ValidationException',
      "1 validation error detected: Value '0' at 'targetShardCount' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });

  it('keeps routing records by hash key to the new shards', () => {
    const sim = withStream(2);
    scale(sim, 3);
    const put = (ehk: bigint) => sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', ExplicitHashKey: String(ehk), Data: new Uint8Array([1]) }).ShardId;
    expect([put(0n), put(W3 - 1n), put(W3), put(2n * W3 - 1n), put(2n * W3), put(MAX)]).toEqual([
      'shardId-000000000002',
      'shardId-000000000002',
      'shardId-000000000006',
      'shardId-000000000006',
      'shardId-000000000005',
      'shardId-000000000005',
    ]);
  });
});
