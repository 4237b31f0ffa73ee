import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/simulation';
import { partitionKeyToHashKey } from '../../../src/engine/kinesis/hashKey';
import { weightedMedianHash } from '../../../src/engine/traffic/hotShards';
import type { KeyStrategyConfig } from '../../../src/engine/traffic/producers/keyStrategies';

function report(shards: number, keys: KeyStrategyConfig, rate: number) {
  const sim = createSimulation({ seed: 9 });
  sim.kinesis.createStream({ StreamName: 's', ShardCount: shards });
  sim.advanceSync(10000);
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

  it('weightedMedianHash splits the weight in half', () => {
    const keys = ['a', 'b', 'c', 'd'].map((k) => ({ key: k, recordsPerSec: 1 }));
    const sorted = keys.map((k) => partitionKeyToHashKey(k.key)).sort((x, y) => (x < y ? -1 : 1));
    expect(weightedMedianHash(keys)).toBe(sorted[1] + 1n);
  });
});
