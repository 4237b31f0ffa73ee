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
  it('grows an even 8 MiB/s stream 4 -> 8 -> 16 shards (double its 8 MiB/s peak) and stays at 16, never 32', async () => {
    const sim = onDemand();
    await sim.advance(10000);
    // 1,024 records/s of 8,192 bytes with their partition keys: 8 MiB/s spread evenly by random keys.
    sim.traffic.addProducer({ streamName: 'od', rate: { kind: 'constant', recordsPerSecond: 1024 }, keys: { name: 'random' }, record: { sizeBytes: 8192 - 40 }, mode: 'bulk', maxRetries: 0 });
    const counts: number[] = [];
    for (let m = 0; m < 120; m++) {
      await sim.advance(60000);
      const n = sim.kinesis.describeStreamSummary({ StreamName: 'od' }).StreamDescriptionSummary.OpenShardCount;
      if (counts[counts.length - 1] !== n) counts.push(n);
    }
    expect(counts).toEqual([4, 8, 16]);
    // The capacity the stream keeps: twice the busiest minute, in 1 MiB/s shards.
    const peak = sim.kinesisContext.streams.get('od')!.onDemand!.dailyPeaks;
    expect(peak).toHaveLength(1);
    expect(Math.ceil((2 * peak[0].bytesPerSec) / (1 << 20))).toBe(16);
  });

  it('keeps its capacity for 30 days after the peak, then scales back down to 4 shards', async () => {
    const sim = onDemand();
    await sim.advance(10000);
    const p = sim.traffic.addProducer({ streamName: 'od', rate: { kind: 'constant', recordsPerSecond: 1000 }, keys: { name: 'random' }, record: { sizeBytes: 3000 }, mode: 'bulk', maxRetries: 0 });
    await sim.advance(20 * 60000);
    sim.traffic.removeProducer(p.id);
    const open = () => sim.kinesis.describeStreamSummary({ StreamName: 'od' }).StreamDescriptionSummary.OpenShardCount;
    expect(open()).toBe(6); // 1,000 x 3,000-odd bytes = 2.9 MiB/s: twice that needs 6 shards
    await sim.advance(28 * 86400000);
    expect(open()).toBe(6);
    await sim.advance(3 * 86400000);
    expect(open()).toBe(4);
    expect(sim.kinesisContext.streams.get('od')!.onDemand!.dailyPeaks).toEqual([]);
  });

  it('does not split a hot shard while the stream as a whole is within half its capacity', () => {
    const sim = onDemand();
    sim.advanceSync(60000);
    for (let s = 0; s < 60; s++) second(sim, 600, 1000); // 600,600 B/s into shard 0: twice that is under 4 MiB/s
    sim.advanceSync(600000);
    expect(openIds(sim)).toEqual(['00', '01', '02', '03']);
  });

  it('throttles what is above its capacity until it has grown, then takes the same traffic', async () => {
    const sim = onDemand();
    await sim.advance(10000);
    // 6,000 small records/s on random keys: 4 shards take 4,000 and throttle the rest.
    sim.traffic.addProducer({ streamName: 'od', rate: { kind: 'constant', recordsPerSecond: 6000 }, keys: { name: 'random' }, record: { sizeBytes: 20 }, mode: 'bulk', maxRetries: 0 });
    const s = sim.kinesisContext.streams.get('od')!;
    const throttledIn = async (ms: number) => {
      const sum = () => s.shards.reduce((n, sh) => n + sh.counters.writeThrottledRecords, 0);
      const before = sum();
      await sim.advance(ms);
      return sum() - before;
    };
    expect(await throttledIn(60000)).toBeGreaterThan(100000);
    // The 4,000 records/s peak asks for 8,000 records/s: 8 shards, 5 minutes after the sample.
    await sim.advance(6 * 60000);
    expect(openIds(sim)).toHaveLength(8);
    expect(await throttledIn(60000)).toBe(0);
    // 6,000 records/s is the new peak: 12,000 records/s of capacity, 12 shards.
    await sim.advance(10 * 60000);
    expect(openIds(sim)).toHaveLength(12);
  });

  it('stays within the account shard quota', async () => {
    const sim = onDemand({ shardQuota: 6 });
    await sim.advance(10000);
    sim.traffic.addProducer({ streamName: 'od', rate: { kind: 'constant', recordsPerSecond: 1024 }, keys: { name: 'random' }, record: { sizeBytes: 8192 - 40 }, mode: 'bulk', maxRetries: 0 });
    await sim.advance(30 * 60000);
    expect(openIds(sim)).toHaveLength(6);
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
