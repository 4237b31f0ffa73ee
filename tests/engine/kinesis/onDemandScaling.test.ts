import { describe, it, expect } from 'vitest';
import { createSimulation, type Simulation, type SimulationOptions } from '../../../src/engine/simulation';
import { midpoint } from '../../../src/engine/kinesis/hashKey';
import { T0 } from './operations/streamFixtures';

const TWO_125 = 1n << 125n;
const TWO_126 = 1n << 126n;

function onDemand(opts: SimulationOptions = {}): Simulation {
  const sim = createSimulation({ seed: 5, ...opts });
  sim.kinesis.createStream({ StreamName: 'od', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
  return sim;
}

/** One second of traffic into shard 0: `n` records of `bytes` bytes, alternating between its two future halves. */
function second(sim: Simulation, n: number, bytes: number): number {
  const data = new Uint8Array(bytes);
  let failed = 0;
  for (let done = 0; done < n; done += 500) {
    const Records = Array.from({ length: Math.min(500, n - done) }, (_, i) => ({
      Data: data,
      PartitionKey: 'k',
      ExplicitHashKey: (done + i) % 2 === 0 ? '1' : String(TWO_125 + 1n),
    }));
    failed += sim.kinesis.putRecords({ StreamName: 'od', Records }).FailedRecordCount;
  }
  sim.advanceSync(1000);
  return failed;
}
const openIds = (sim: Simulation) => sim.kinesis.listShards({ StreamName: 'od', ShardFilter: { Type: 'AT_LATEST' } }).Shards.map((s) => s.ShardId.slice(-2));

describe('onDemandScaling', () => {
  it('splits a shard that took more than 500 KB/s over a minute at its midpoint, 5 minutes after that minute', () => {
    const sim = onDemand();
    sim.advanceSync(60000); // first sample at T0 + 60 s
    for (let s = 0; s < 60; s++) second(sim, 600, 1000); // 600,600 B/s into shard 0 until T0 + 120 s
    expect(sim.now()).toBe(T0 + 120000);
    sim.core.events.drain();
    sim.advanceSync(299999);
    expect(openIds(sim)).toEqual(['00', '01', '02', '03']);
    sim.advanceSync(1);
    expect(sim.core.events.drain().filter((e) => e.type === 'shardSplit')).toEqual([
      { type: 'shardSplit', time: T0 + 420000, stream: 'od', parent: 'shardId-000000000000', children: ['shardId-000000000004', 'shardId-000000000005'], newStartingHashKey: String(TWO_125) },
    ]);
    const shards = sim.kinesis.listShards({ StreamName: 'od', ShardFilter: { Type: 'AT_LATEST' } }).Shards;
    expect(shards.map((s) => [s.ShardId, s.HashKeyRange.StartingHashKey, s.HashKeyRange.EndingHashKey, s.ParentShardId ?? '-'])).toEqual([
      ['shardId-000000000001', String(TWO_126), String(2n * TWO_126 - 1n), '-'],
      ['shardId-000000000002', String(2n * TWO_126), String(3n * TWO_126 - 1n), '-'],
      ['shardId-000000000003', String(3n * TWO_126), String((1n << 128n) - 1n), '-'],
      ['shardId-000000000004', '0', String(TWO_125 - 1n), 'shardId-000000000000'],
      ['shardId-000000000005', String(TWO_125), String(TWO_126 - 1n), 'shardId-000000000000'],
    ]);
    // Quiet afterwards: no further splits.
    sim.advanceSync(3600000);
    expect(openIds(sim)).toEqual(['01', '02', '03', '04', '05']);
    expect(sim.kinesis.describeStreamSummary({ StreamName: 'od' }).StreamDescriptionSummary.StreamStatus).toBe('ACTIVE');
  });

  it('does not split a shard at 500 KB/s or less', () => {
    const sim = onDemand();
    sim.advanceSync(60000);
    for (let s = 0; s < 60; s++) second(sim, 499, 1001); // 499 x (1001 + 1) = 499,998 B/s
    sim.advanceSync(600000);
    expect(openIds(sim)).toEqual(['00', '01', '02', '03']);
  });

  it('throttles at the shard limits until the split, then takes the same traffic', () => {
    const sim = onDemand();
    sim.advanceSync(60000);
    const failed: number[] = [];
    for (let s = 0; s < 60; s++) failed.push(second(sim, 1200, 800)); // 1,000 records/s per shard: 200 fail each second
    expect(failed.every((f) => f === 200)).toBe(true);
    sim.advanceSync(300000);
    expect(openIds(sim)).toEqual(['01', '02', '03', '04', '05']);
    expect(second(sim, 1200, 800)).toBe(0);
  });

  it('stays within the account shard quota', () => {
    const sim = onDemand({ shardQuota: 4 });
    sim.advanceSync(60000);
    for (let s = 0; s < 60; s++) second(sim, 600, 1000);
    sim.advanceSync(600000);
    expect(openIds(sim)).toEqual(['00', '01', '02', '03']);
  });

  it('halves ranges as evenly as integers allow', () => {
    expect(midpoint({ start: 0n, end: TWO_126 - 1n })).toBe(TWO_125);
    expect(midpoint({ start: 10n, end: 12n })).toBe(11n);
    expect(midpoint({ start: 10n, end: 11n })).toBe(11n);
  });

  it('stops sampling (and sweeping) once no stream is left', () => {
    const sim = onDemand();
    sim.advanceSync(10000);
    sim.kinesis.deleteStream({ StreamName: 'od' });
    sim.advanceSync(5000);
    sim.advanceSync(120000);
    expect(sim.core.queue.peekTime()).toBe(Infinity);
  });
});
