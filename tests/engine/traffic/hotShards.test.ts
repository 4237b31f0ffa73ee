import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/simulation';
import { partitionKeyToHashKey } from '../../../src/engine/kinesis/hashKey';
import { HOT_WINDOW_MS, isHot, weightedMedianHash } from '../../../src/engine/traffic/hotShards';
import type { KeyStrategyConfig } from '../../../src/engine/traffic/producers/keyStrategies';

function report(shards: number, keys: KeyStrategyConfig, rate: number) {
  const sim = createSimulation({ seed: 9 });
  sim.kinesis.createStream({ StreamName: 's', ShardCount: shards });
  sim.advanceSync(10000);
  // The report reads shard-level metrics, which enhanced monitoring publishes.
  sim.kinesis.enableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['ALL'] });
  sim.traffic.addProducer({ streamName: 's', rate: { kind: 'constant', recordsPerSecond: rate }, keys, record: { sizeBytes: 100 } });
  sim.advanceSync(61000);
  return { sim, r: sim.traffic.hotShardReport('s', 60000) };
}

describe('hotShardReport', () => {
  it('names the log level that makes a shard hot and advises a better key, not a split', () => {
    const { r, sim } = report(4, { name: 'log_level' }, 1000);
    const info = partitionKeyToHashKey('INFO');
    const s = sim.kinesisContext.streams.get('s')!;
    const infoShard = s.open.find((sh) => sh.start <= info && info <= sh.end)!.shardId;
    const heat = r.shards.find((h) => h.shardId === infoShard)!;
    expect(heat.hot).toBe(true);
    expect(heat.topKeys[0].key).toBe('INFO');
    expect(heat.recordsPerSec).toBeGreaterThanOrEqual(700);
    expect(heat.splitAtHashKey).toBeUndefined();
    expect(heat.advice).toContain('Key "INFO"');
    expect(r.recordsPerSec).toBe(1000);
  });

  it('advises splitting a shard of many keys at the weighted median of their hashes', () => {
    const { r, sim } = report(2, { name: 'customer_id', count: 2000, zipfExponent: 0.3 }, 1700);
    const hot = r.shards.filter((h) => h.hot);
    expect(hot.length).toBeGreaterThan(0);
    const s = sim.kinesisContext.streams.get('s')!;
    for (const h of hot) {
      const sh = s.byId.get(h.shardId)!;
      const at = BigInt(h.splitAtHashKey!);
      expect(at > sh.start && at <= sh.end).toBe(true);
      expect(h.advice).toContain(`NewStartingHashKey ${h.splitAtHashKey}`);
    }
    expect(r.advice[0]).toMatch(/write capacity: add shards \(UpdateShardCount to about 3\)/);
  });

  it('reports an even spread as not hot', () => {
    const { r } = report(4, { name: 'transaction_id' }, 400);
    expect(r.shards.map((h) => h.hot)).toEqual([false, false, false, false]);
    expect(r.shards.map((h) => h.recordsPerSec)).toEqual([100, 100, 100, 100]);
    expect(r.advice).toEqual([]);
  });

  it('never averages over time before the run: a 60 s window 5 s into the traffic covers the seconds there are', async () => {
    const sim = createSimulation({ seed: 9 });
    sim.kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    await sim.advance(12000);
    const held0 = sim.metrics.kinesis.heldSeconds('s')!;
    sim.traffic.addProducer({ streamName: 's', rate: { kind: 'constant', recordsPerSecond: 500 }, keys: { name: 'random' }, record: { sizeBytes: 100 } });
    await sim.advance(5000);
    const load = sim.traffic.streamLoad('s', 60000);
    const held = sim.metrics.kinesis.heldSeconds('s')!;
    expect(load.window).toEqual({ windowMs: 60000, fromMs: held0.first * 1000, toMs: (held.last + 1) * 1000, seconds: held.last - held0.first + 1 });
    const total = sim.metrics.kinesis.total({ stream: 's', shardId: 'shardId-000000000000', metric: 'IncomingRecords', from: load.window.fromMs, to: load.window.toMs });
    expect(load.shards[0].recordsPerSec).toBe(total / load.window.seconds);
    expect(load.window.seconds).toBeLessThan(60);
    // The report over the same window says the same.
    expect(sim.traffic.hotShardReport('s', 60000).shards[0].recordsPerSec).toBe(load.shards[0].recordsPerSec);
    expect(sim.traffic.streamLoad('s').window.windowMs).toBe(HOT_WINDOW_MS);
  });

  it('has one definition of hot: throttling, above 80% of a limit, or 1.5 times its share of the hash line', () => {
    const calm = { throttledPerSec: 0, utilisation: 0.5, share: 0.25, expectedShare: 0.25 };
    expect(isHot(calm)).toBe(false);
    expect(isHot({ ...calm, throttledPerSec: 1 })).toBe(true);
    expect(isHot({ ...calm, utilisation: 0.81 })).toBe(true);
    expect(isHot({ ...calm, utilisation: 0.8 })).toBe(false);
    expect(isHot({ ...calm, share: 0.38 })).toBe(true);
    expect(isHot({ ...calm, share: 0.375 })).toBe(false);
  });

  it('weightedMedianHash splits the weight in half', () => {
    const keys = ['a', 'b', 'c', 'd'].map((k) => ({ key: k, recordsPerSec: 1 }));
    const sorted = keys.map((k) => partitionKeyToHashKey(k.key)).sort((x, y) => (x < y ? -1 : 1));
    expect(weightedMedianHash(keys)).toBe(sorted[1] + 1n);
  });
});
