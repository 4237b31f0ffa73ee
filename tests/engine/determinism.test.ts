/**
 * Determinism: the same seed and the same commands give deep-equal results:
 * describe outputs, sequence numbers, records read, enhanced fan-out events and
 * the drained event log. The commands here draw their keys, sizes and pauses
 * from the simulation's own seeded generator, so a different seed gives a
 * different (but again reproducible) world.
 */
import { describe, it, expect } from 'vitest';
import { createSimulation, isAwsError } from '../../src/engine';

function scenario(seed: number | string) {
  const sim = createSimulation({ seed });
  const rng = sim.core.random.fork('determinism-workload');
  sim.kinesis.createStream({ StreamName: 'det', ShardCount: 3 });
  sim.advanceSync(10000);
  const arn = sim.kinesis.describeStreamSummary({ StreamName: 'det' }).StreamDescriptionSummary.StreamARN;
  const consumer = sim.kinesis.registerStreamConsumer({ StreamARN: arn, ConsumerName: 'efo' }).Consumer.ConsumerARN;
  sim.advanceSync(5000);
  const sub = sim.kinesis.subscribeToShard({ ConsumerARN: consumer, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'TRIM_HORIZON' } }).EventStream;

  const puts: unknown[] = [];
  for (let step = 0; step < 60; step++) {
    const n = 1 + rng.int(400);
    const records = Array.from({ length: n }, () => ({ PartitionKey: `user-${rng.int(50)}`, Data: new Uint8Array(1 + rng.int(20000)).fill(rng.int(256)) }));
    const r = sim.kinesis.putRecords({ StreamName: 'det', Records: records });
    puts.push(r.FailedRecordCount, r.Records.map((x) => x.SequenceNumber ?? x.ErrorCode));
    try {
      const one = sim.kinesis.putRecord({ StreamName: 'det', PartitionKey: rng.string(8), Data: new Uint8Array([step]) });
      puts.push(one.SequenceNumber);
    } catch (e) {
      if (!isAwsError(e)) throw e;
      puts.push(e.type);
    }
    if (step === 20) sim.kinesis.splitShard({ StreamName: 'det', ShardToSplit: 'shardId-000000000001', NewStartingHashKey: (2n ** 127n).toString() });
    if (step === 40) sim.kinesis.updateShardCount({ StreamName: 'det', TargetShardCount: 2, ScalingType: 'UNIFORM_SCALING' });
    sim.advanceSync(rng.int(1500));
  }
  sim.advanceSync(20000);

  const describe = sim.kinesis.describeStream({ StreamName: 'det' });
  const reads: unknown[] = [];
  for (const shard of describe.StreamDescription.Shards) {
    let it: string | null = sim.kinesis.getShardIterator({ StreamName: 'det', ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator;
    for (let calls = 0; it !== null && calls < 40; calls++) {
      sim.advanceSync(1000);
      let r;
      try {
        r = sim.kinesis.getRecords({ ShardIterator: it });
      } catch (e) {
        if (!isAwsError(e, 'ProvisionedThroughputExceededException')) throw e;
        reads.push(e.type); // after a large read the shard's read budget is in debt for a few seconds
        continue;
      }
      reads.push(r.Records.map((x) => [x.SequenceNumber, x.PartitionKey, x.ApproximateArrivalTimestamp, Array.from(x.Data.slice(0, 4))]), r.MillisBehindLatest, r.ChildShards);
      if (r.Records.length === 0 && r.MillisBehindLatest === 0) break;
      it = r.NextShardIterator;
    }
  }
  const efo = sub.take().map((e) => [e.Records.map((x) => x.SequenceNumber), e.ContinuationSequenceNumber, e.MillisBehindLatest, e.ChildShards]);
  const random = [sim.core.random.next(), sim.core.random.string(12)];
  const iterator = sim.kinesis.getShardIterator({ StreamName: 'det', ShardId: 'shardId-000000000000', ShardIteratorType: 'LATEST' }).ShardIterator;
  return { describe, summary: sim.kinesis.describeStreamSummary({ StreamName: 'det' }), puts, reads, efo, events: sim.core.events.drain(), random, iterator, now: sim.now() };
}

describe('determinism', () => {
  it('gives deep-equal results for the same seed and commands', () => {
    const a = scenario(2024);
    const b = scenario(2024);
    expect(b).toEqual(a);
    // Not a trivially empty world: records were put, throttled, read and pushed.
    expect((a.puts as unknown[]).flat().filter((x) => x === 'ProvisionedThroughputExceededException').length).toBeGreaterThan(0);
    expect(a.reads.length).toBeGreaterThan(10);
    expect(a.efo.length).toBeGreaterThan(10);
    expect(a.events.some((e) => e.type === 'shardSplit')).toBe(true);
  });

  it('gives a different world for a different seed where randomness is used', () => {
    const a = scenario(2024);
    const c = scenario('another seed');
    expect(c.random).not.toEqual(a.random);
    expect(c.puts).not.toEqual(a.puts);
    // Iterators are tied to the seed, so one simulation's iterator is refused by another.
    expect(c.iterator).not.toBe(a.iterator);
    // The stream's shape does not depend on the seed: same commands, same topology.
    expect(c.describe.StreamDescription.Shards.map((s) => s.HashKeyRange)).toEqual(a.describe.StreamDescription.Shards.map((s) => s.HashKeyRange));
  });
});
