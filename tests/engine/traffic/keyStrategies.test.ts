import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/simulation';
import { createKeyPopulation, KEY_STRATEGY_PRESETS, LOG_LEVELS, type KeyStrategyName } from '../../../src/engine/traffic/producers/keyStrategies';
import { distributeKeys, poolOf } from '../../../src/engine/traffic/producers/keyDistribution';
import { partitionKeyToHashKey } from '../../../src/engine/kinesis/hashKey';

function stream(shards: number) {
  const sim = createSimulation({ seed: 1 });
  sim.kinesis.createStream({ StreamName: 's', ShardCount: shards });
  sim.advanceSync(10000);
  return { sim, s: sim.kinesisContext.streams.get('s')! };
}

/** The position of the shard whose range holds the key, computed from the ranges directly. */
function shardOf(s: ReturnType<typeof stream>['s'], key: string): number {
  const h = partitionKeyToHashKey(key);
  return s.open.findIndex((sh) => sh.start <= h && h <= sh.end);
}

describe('key strategies', () => {
  it('has a preset with a lesson for every strategy', () => {
    const names: KeyStrategyName[] = ['device_id', 'customer_id', 'transaction_id', 'log_level', 'server_id', 'hostname_timestamp', 'constant', 'random', 'explicit_hash_key'];
    expect(KEY_STRATEGY_PRESETS.map((p) => p.name)).toEqual(names);
    for (const p of KEY_STRATEGY_PRESETS) expect(p.lesson.length).toBeGreaterThan(20);
  });

  it('log_level puts each level on the shard its MD5 routes to, with the level weights', () => {
    const { s } = stream(4);
    const d = distributeKeys(createKeyPopulation({ name: 'log_level' }), s, 0);
    const expected = new Float64Array(4);
    const weights = [0.1, 0.7, 0.12, 0.07, 0.01];
    LOG_LEVELS.forEach((lvl, i) => (expected[shardOf(s, lvl)] += weights[i]));
    expect(Array.from(d.share).map((x) => x.toFixed(6))).toEqual(Array.from(expected).map((x) => x.toFixed(6)));
    // INFO (70%) alone makes its shard hot.
    expect(Math.max(...d.share)).toBeGreaterThanOrEqual(0.7);
  });

  it('device_id spreads 1,000 equal keys by where their hashes fall', () => {
    const { s } = stream(4);
    const pop = createKeyPopulation({ name: 'device_id', count: 1000 });
    const d = distributeKeys(pop, s, 0);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 1000; i++) counts[shardOf(s, pop.keyAt(i, 0))]++;
    expect(Array.from(d.share, (x) => Math.round(x * 1000))).toEqual(counts);
    expect(counts.reduce((a, b) => a + b)).toBe(1000);
    expect(d.shardKeys!.map((k) => k.length)).toEqual(counts);
    expect(pop.keyAt(42, 0)).toBe('device-000042');
  });

  it('customer_id follows Zipf weights: customer 1 outweighs customer 10 tenfold to the power s', () => {
    const pop = createKeyPopulation({ name: 'customer_id', count: 100, zipfExponent: 1 });
    expect(pop.weights![0] / pop.weights![9]).toBeCloseTo(10, 10);
    expect(pop.keyAt(0, 0)).toBe('customer-000001');
  });

  it('constant key sends everything to one shard', () => {
    const { s } = stream(8);
    const d = distributeKeys(createKeyPopulation({ name: 'constant', key: 'k' }), s, 0);
    const p = shardOf(s, 'k');
    expect(Array.from(d.share)).toEqual(Array.from({ length: 8 }, (_, i) => (i === p ? 1 : 0)));
  });

  it('server_id over 20 servers gives each shard a whole number of servers', () => {
    const { s } = stream(4);
    const pop = createKeyPopulation({ name: 'server_id', count: 20 });
    const d = distributeKeys(pop, s, 0);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 20; i++) counts[shardOf(s, pop.keyAt(i, 0))]++;
    expect(Array.from(d.share, (x) => Math.round(x * 20))).toEqual(counts);
  });

  it.each(['transaction_id', 'random', 'hostname_timestamp'] as const)('%s spreads by hash range width, and its pool keys route to their shard', (name) => {
    const { s } = stream(4);
    const pop = createKeyPopulation({ name });
    const d = distributeKeys(pop, s, 0);
    expect(Array.from(d.share)).toEqual([0.25, 0.25, 0.25, 0.25]);
    for (let p = 0; p < 4; p++) {
      expect(poolOf(d, pop, p).length).toBe(32);
      for (const k of poolOf(d, pop, p)) expect(shardOf(s, k)).toBe(p);
    }
  });

  it('explicit_hash_key shares equally over open shards whatever their width', () => {
    const { sim, s } = stream(2);
    sim.kinesis.splitShard({ StreamName: 's', ShardToSplit: s.open[0].shardId, NewStartingHashKey: (1n << 125n).toString() });
    sim.advanceSync(20000);
    const d = distributeKeys(createKeyPopulation({ name: 'explicit_hash_key' }), s, 0);
    expect(Array.from(d.share)).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });
});
