import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/simulation';
import { SecondRing } from '../../../src/engine/metrics/secondRing';
import { SHARD_SECONDS, STREAM_SECONDS } from '../../../src/engine/metrics/kinesisMetrics';

describe('SecondRing', () => {
  it('keeps only the last `capacity` seconds in a fixed array', () => {
    const r = new SecondRing(2, 10);
    for (let sec = 100; sec < 125; sec++) {
      const slot = r.begin(sec);
      r.set(0, slot, sec);
      r.set(1, slot, -sec);
    }
    expect(r.values.length).toBe(20);
    expect(r.firstSecond).toBe(115);
    expect(r.at(0, 114)).toBeNaN();
    expect(r.at(0, 115)).toBe(115);
    expect(r.at(1, 124)).toBe(-124);
    expect(Array.from(r.series(0, 122, 127))).toEqual([122, 123, 124, NaN, NaN]);
  });

  it('marks skipped seconds as no data', () => {
    const r = new SecondRing(1, 10);
    r.set(0, r.begin(5), 1);
    r.set(0, r.begin(6), 2);
    r.set(0, r.begin(9), 3);
    expect(Array.from(r.series(0, 5, 10))).toEqual([1, 2, NaN, NaN, 3]);
  });
});

describe('Kinesis metrics', () => {
  function run() {
    const sim = createSimulation({ seed: 5 });
    sim.kinesis.createStream({ StreamName: 's', ShardCount: 2 });
    sim.advanceSync(10000);
    // Shard-level series exist only while enhanced monitoring publishes them.
    sim.kinesis.enableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['ALL'] });
    sim.traffic.addProducer({ streamName: 's', rate: { kind: 'constant', recordsPerSecond: 1500 }, keys: { name: 'constant' }, record: { sizeBytes: 100 }, maxRetries: 0 });
    sim.advanceSync(30000);
    return sim;
  }

  it('samples IncomingRecords, IncomingBytes and WriteProvisionedThroughputExceeded each second, per stream and shard', () => {
    const sim = run();
    const now = sim.now();
    const q = { stream: 's', from: now - 5000, to: now };
    expect(Array.from(sim.metrics.kinesis.series({ ...q, metric: 'IncomingRecords' }).values)).toEqual([1000, 1000, 1000, 1000, 1000]);
    expect(Array.from(sim.metrics.kinesis.series({ ...q, metric: 'IncomingBytes' }).values)).toEqual([100000, 100000, 100000, 100000, 100000]);
    expect(Array.from(sim.metrics.kinesis.series({ ...q, metric: 'WriteProvisionedThroughputExceeded' }).values)).toEqual([500, 500, 500, 500, 500]);
    expect(Array.from(sim.metrics.kinesis.series({ ...q, metric: 'PutRecords.ThrottledRecords' }).values)).toEqual([500, 500, 500, 500, 500]);
    const s = sim.kinesisContext.streams.get('s')!;
    const hot = s.open.find((sh) => sh.counters.incomingRecords > 0)!;
    const cold = s.open.find((sh) => sh !== hot)!;
    expect(Array.from(sim.metrics.kinesis.series({ ...q, shardId: hot.shardId, metric: 'IncomingRecords' }).values)).toEqual([1000, 1000, 1000, 1000, 1000]);
    expect(Array.from(sim.metrics.kinesis.series({ ...q, shardId: cold.shardId, metric: 'IncomingRecords' }).values)).toEqual([0, 0, 0, 0, 0]);
    // Per minute: the 30 seconds of traffic summed.
    const minute = sim.metrics.kinesis.series({ stream: 's', metric: 'IncomingRecords', from: 1767225600000, to: 1767225660000, periodMs: 60000 });
    expect(Array.from(minute.values)).toEqual([30000]);
    expect(sim.metrics.kinesis.total({ ...q, metric: 'IncomingRecords' })).toBe(5000);
  });

  it('stays the same size however long the simulation runs', () => {
    const sim = run();
    const before = sim.metrics.kinesis.heapBytes();
    sim.advanceSync(2 * 3600000);
    expect(sim.metrics.kinesis.heapBytes()).toBe(before);
    expect(before).toBe(16 * STREAM_SECONDS * 8 + 2 * (7 * SHARD_SECONDS * 8 + 64)); // 16 stream metrics (10 from shard counters and producers, 6 from consumers)
    const now = sim.now();
    const old = sim.metrics.kinesis.series({ stream: 's', metric: 'IncomingRecords', from: now - 2 * 3600000, to: now - 2 * 3600000 + 3000 });
    expect(Array.from(old.values)).toEqual([NaN, NaN, NaN]);
  });
});

describe('Kinesis metrics shard columns', () => {
  it('gives new shards their own series from their first second, and frees expired shards for new ones', () => {
    const sim = createSimulation({ seed: 9 });
    sim.kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    sim.advanceSync(10000);
    sim.kinesis.enableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['ALL'] });
    sim.traffic.addProducer({ streamName: 's', rate: { kind: 'constant', recordsPerSecond: 400 }, keys: { name: 'device_id', count: 64 }, record: { sizeBytes: 100 }, maxRetries: 0 });
    sim.advanceSync(5000);
    const s = sim.kinesisContext.streams.get('s')!;
    const parent = s.open[0];
    sim.kinesis.splitShard({ StreamName: 's', ShardToSplit: parent.shardId, NewStartingHashKey: ((parent.start + parent.end) / 2n).toString() });
    sim.advanceSync(60000); // the split completes (UPDATING, then ACTIVE)
    const [a, b] = s.open;
    const m = sim.metrics.kinesis;
    const now = sim.now();
    const q = (shardId: string, from: number, to: number) => Array.from(m.series({ stream: 's', shardId, metric: 'IncomingRecords', from, to }).values);
    // The children exist from the split on: no data point before the second their first sample covers.
    const childFirst = Math.floor(a.createdAt / 1000) * 1000 - 1000;
    expect(q(a.shardId, childFirst - 2000, childFirst + 1000)).toEqual([NaN, NaN, 225]);
    const lastFive = [q(a.shardId, now - 5000, now), q(b.shardId, now - 5000, now)];
    for (let i = 0; i < 5; i++) expect(lastFive[0][i] + lastFive[1][i]).toBe(400);
    expect(q(parent.shardId, now - 3000, now)).toEqual([0, 0, 0]); // closed: sampled, takes nothing
    // A day past the parent's retention it expires: its series is gone.
    sim.advanceSync(25 * 3600000);
    expect(s.shards.map((x) => x.shardId)).toEqual([a.shardId, b.shardId]);
    const later = sim.now();
    expect(q(parent.shardId, later - 3000, later)).toEqual([NaN, NaN, NaN]);
    // Merging the children makes a shard that takes the freed column, without the parent's seconds.
    sim.kinesis.mergeShards({ StreamName: 's', ShardToMerge: a.shardId, AdjacentShardToMerge: b.shardId });
    sim.advanceSync(60000);
    const merged = s.open[0];
    const t = sim.now();
    const mergedFirst = Math.floor(merged.createdAt / 1000) * 1000 - 1000;
    expect(q(merged.shardId, mergedFirst - 3000, mergedFirst)).toEqual([NaN, NaN, NaN]);
    expect(q(merged.shardId, mergedFirst, mergedFirst + 1000)[0]).toBeGreaterThan(0);
    expect(q(merged.shardId, t - 2000, t)).toEqual([400, 400]);
    expect(m.heapBytes()).toBe(16 * STREAM_SECONDS * 8 + 3 * (7 * SHARD_SECONDS * 8 + 64)); // three columns: the merged shard reused one
  });
});
