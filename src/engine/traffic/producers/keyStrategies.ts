/**
 * Partition key strategies as named presets, each with the lesson it teaches.
 * MD5 of the key places a record on the hash line [KDS-DG22 key-concepts], so
 * the strategy alone decides whether traffic spreads evenly or piles onto one
 * shard. A strategy is a key population: a finite set of keys with weights
 * (devices, customers, log levels), or an unbounded one whose keys are all
 * different (transaction ids, random keys), which spreads by hash range width.
 */
import type { Random } from '../../core/random';

export type KeyStrategyName =
  | 'device_id'
  | 'customer_id'
  | 'transaction_id'
  | 'log_level'
  | 'server_id'
  | 'hostname_timestamp'
  | 'constant'
  | 'random'
  | 'explicit_hash_key';

export interface KeyStrategyConfig {
  name: KeyStrategyName;
  /** Distinct devices, customers, servers or hosts (defaults per preset). */
  count?: number;
  /** Zipf exponent for customer_id (default 1.1): weight of the i-th customer is 1/i^s. */
  zipfExponent?: number;
  /** The key of the constant strategy (default "the-only-key"). */
  key?: string;
}

export interface KeyStrategyPreset {
  name: KeyStrategyName;
  label: string;
  /** The one-line lesson the preset teaches. */
  lesson: string;
  defaultCount?: number;
}

/** The presets in the order the UI offers them. */
export const KEY_STRATEGY_PRESETS: readonly KeyStrategyPreset[] = [
  { name: 'device_id', label: 'device_id over N devices', defaultCount: 1000, lesson: 'Many keys of equal weight spread evenly, and each device keeps its order within its shard.' },
  { name: 'customer_id', label: 'customer_id with Zipf skew', defaultCount: 10000, lesson: 'A few heavy customers dominate: the shards holding them run hot while others idle.' },
  { name: 'transaction_id', label: 'transaction_id (unique)', lesson: 'A unique key per record spreads perfectly, but records of one customer no longer share a shard or an order.' },
  { name: 'log_level', label: 'log_level (5 values)', lesson: 'Five keys can touch at most five shards: INFO alone makes one shard hot whatever the shard count.' },
  { name: 'server_id', label: 'server_id', defaultCount: 20, lesson: 'Few keys per shard means lumpy spread: with 20 servers some shards get three and some none.' },
  { name: 'hostname_timestamp', label: 'hostname + timestamp', defaultCount: 50, lesson: 'A composite key that changes every second spreads well but scatters one host over every shard.' },
  { name: 'constant', label: 'constant key', lesson: 'One key means one shard: adding shards does nothing until the key changes.' },
  { name: 'random', label: 'random key', lesson: 'Random keys spread evenly but give up all grouping and ordering by entity.' },
  { name: 'explicit_hash_key', label: 'explicit hash key', lesson: 'ExplicitHashKey skips MD5: the producer picks the shard (round-robin here) and must track ranges after every reshard.' },
];

/** Log levels and their share of a typical application log (the simulator's choice). */
export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'] as const;
export const LOG_LEVEL_WEIGHTS = [0.1, 0.7, 0.12, 0.07, 0.01] as const;

/** A strategy ready to use: how keys are named, weighed and drawn. */
export interface KeyPopulation {
  readonly config: KeyStrategyConfig;
  /** 'finite': keys 0..size-1 with weights; 'uniform': every record a new key, spread by hash range; 'explicit': round-robin over open shards. */
  readonly kind: 'finite' | 'uniform' | 'explicit';
  /** Number of distinct keys (finite only). */
  readonly size: number;
  /** Key i of a finite population, or candidate key i of the other kinds. */
  keyAt(i: number, time: number): string;
  /** Normalised weights (finite only). */
  readonly weights?: Float64Array;
  /** Draws the key of the next record from `rng` (the exact write path). */
  draw(rng: Random, time: number): string;
  /** Top 52 bits of every key's MD5 (finite only), computed on first use by keyDistribution.ts. */
  highs?: Float64Array;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Builds the key population of a strategy. */
export function createKeyPopulation(config: KeyStrategyConfig): KeyPopulation {
  const preset = KEY_STRATEGY_PRESETS.find((p) => p.name === config.name);
  if (preset === undefined) throw new Error(`unknown key strategy ${config.name}`);
  const count = Math.max(1, Math.floor(config.count ?? preset.defaultCount ?? 1));
  switch (config.name) {
    case 'device_id':
      return finite(config, count, (i) => `device-${pad(i, 6)}`, () => 1);
    case 'server_id':
      return finite(config, count, (i) => `server-${pad(i, 3)}`, () => 1);
    case 'customer_id': {
      const s = config.zipfExponent ?? 1.1;
      return finite(config, count, (i) => `customer-${pad(i + 1, 6)}`, (i) => 1 / Math.pow(i + 1, s));
    }
    case 'log_level':
      return finite(config, LOG_LEVELS.length, (i) => LOG_LEVELS[i], (i) => LOG_LEVEL_WEIGHTS[i]);
    case 'constant': {
      const key = config.key ?? 'the-only-key';
      return finite(config, 1, () => key, () => 1);
    }
    case 'transaction_id':
      return unbounded(config, 'uniform', (i) => `txn-${hex8(i)}-${hex8(i * 2654435761)}`, (rng) => `txn-${rng.string(8, HEX)}-${rng.string(8, HEX)}`);
    case 'random':
      return unbounded(config, 'uniform', (i) => `k${hex8(i ^ 0x5bd1e995)}${hex8(i)}`, (rng) => rng.string(16));
    case 'hostname_timestamp': {
      const host = (h: number) => `ip-10-0-${Math.floor(h / 250)}-${(h % 250) + 1}`;
      return unbounded(
        config,
        'uniform',
        (i, time) => `${host(i % count)}#${Math.floor(time / 1000) + Math.floor(i / count)}`,
        (rng, time) => `${host(rng.int(count))}#${Math.floor(time / 1000)}`,
      );
    }
    case 'explicit_hash_key':
      return unbounded(config, 'explicit', (i) => `order-${pad(i, 8)}`, (rng) => `order-${pad(rng.int(1e8), 8)}`);
  }
}

const HEX = '0123456789abcdef';
function hex8(n: number): string {
  return ((n >>> 0) + 0x100000000).toString(16).slice(1);
}

function finite(config: KeyStrategyConfig, size: number, name: (i: number) => string, weight: (i: number) => number): KeyPopulation {
  const weights = new Float64Array(size);
  let total = 0;
  for (let i = 0; i < size; i++) total += weights[i] = weight(i);
  const cum = new Float64Array(size);
  let acc = 0;
  for (let i = 0; i < size; i++) {
    weights[i] /= total;
    cum[i] = acc += weights[i];
  }
  const names: string[] = [];
  const keyAt = (i: number): string => (names[i] ??= name(i));
  return {
    config,
    kind: 'finite',
    size,
    weights,
    keyAt,
    draw(rng) {
      return keyAt(searchCum(cum, rng.next()));
    },
  };
}

function unbounded(config: KeyStrategyConfig, kind: 'uniform' | 'explicit', keyAt: (i: number, time: number) => string, draw: (rng: Random, time: number) => string): KeyPopulation {
  return { config, kind, size: Infinity, keyAt, draw };
}

/** The first i with cum[i] > u (cum ascending, last = 1). */
export function searchCum(cum: ArrayLike<number>, u: number): number {
  let lo = 0, hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
