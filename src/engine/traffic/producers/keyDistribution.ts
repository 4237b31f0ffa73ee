/**
 * Where a key population lands on a stream's open shards: each shard's share
 * of the records, and for finite populations the keys each shard holds (by
 * weight, heaviest first) so bulk records can be materialised with keys that
 * really route to their shard and the hot-shard report can name top keys.
 * Computed once per routing table (s.open is rebuilt on every split or merge,
 * so a different array means the table is stale).
 */
import { partitionKeyToHashKey } from '../../kinesis/hashKey';
import { md5High52 } from '../../kinesis/md5';
import { resolveBoundary, routeHighIndex, type StreamState } from '../../kinesis/streamModel';
import type { ShardState } from '../../kinesis/shardModel';
import type { KeyPopulation } from './keyStrategies';

export interface KeyDistribution {
  /** The routing table this was computed for (compare with s.open). */
  readonly open: readonly ShardState[];
  /** Share of the population's records per open shard (same order as `open`), summing to 1. */
  readonly share: Float64Array;
  /** Finite populations: key ids per open shard, heaviest first. */
  readonly shardKeys?: Int32Array[];
  /** ...and their cumulative weights normalised within the shard. */
  readonly shardCum?: Float64Array[];
  /** The routing table's boundaries as they were (s.openStartHigh of `open`): pools are found against this table. */
  readonly openStartHigh: Float64Array;
  /** Simulated time of the computation (hostname_timestamp keys depend on it). */
  readonly time: number;
  /** Unbounded populations: keys that route to each shard, found on first use (poolOf); plain data. */
  pools?: string[][];
}

/** Keys that route to the shard at `pos` of `dist.open`, for materialised records (finite: its heaviest 64). */
export function poolOf(dist: KeyDistribution, pop: KeyPopulation, pos: number): string[] {
  if (dist.shardKeys !== undefined) return Array.from(dist.shardKeys[pos].subarray(0, 64), (id) => pop.keyAt(id, 0));
  dist.pools ??= findPools(pop, dist, dist.time);
  return dist.pools[pos];
}

/** Top 52 bits of every key's MD5 in a finite population, computed once (kept on the population). */
function keyHighs(pop: KeyPopulation): Float64Array {
  let h = pop.highs;
  if (h === undefined) {
    h = new Float64Array(pop.size);
    for (let i = 0; i < pop.size; i++) h[i] = md5High52(pop.keyAt(i, 0));
    pop.highs = h;
  }
  return h;
}

/** A routing table: the open shards and their starts' top 52 bits (a stream's, or a distribution's snapshot). */
export interface RoutingTable {
  readonly open: readonly ShardState[];
  readonly openStartHigh: Float64Array;
}

/** The position in s.open of the shard a partition key routes to (`high`: top 52 bits of its MD5, if known). */
export function openPositionOfKey(s: RoutingTable, key: string, high?: number): number {
  const h = high ?? md5High52(key);
  const lo = routeHighIndex(s, h);
  // Only a key whose top 52 bits equal a shard boundary's needs its full 128 bits.
  return s.openStartHigh[lo] === h ? resolveBoundary(s, lo, partitionKeyToHashKey(key)) : lo;
}

/** The fraction of the hash line a shard covers. */
export function rangeFraction(shard: ShardState): number {
  return Number((shard.end - shard.start + 1n) >> 64n) / 18446744073709551616;
}

/** Computes where `pop` lands on the stream's current open shards. */
export function distributeKeys(pop: KeyPopulation, s: StreamState, time: number): KeyDistribution {
  const open = s.open;
  const n = open.length;
  const share = new Float64Array(n);
  if (pop.kind === 'finite') {
    const highs = keyHighs(pop);
    const w = pop.weights!;
    const pos = new Int32Array(pop.size);
    const counts = new Int32Array(n);
    for (let i = 0; i < pop.size; i++) {
      const p = openPositionOfKey(s, pop.keyAt(i, 0), highs[i]);
      pos[i] = p;
      counts[p]++;
      share[p] += w[i];
    }
    const shardKeys = Array.from(counts, (c) => new Int32Array(c));
    const fill = new Int32Array(n);
    for (let i = 0; i < pop.size; i++) shardKeys[pos[i]][fill[pos[i]]++] = i;
    const shardCum = shardKeys.map((ids, p) => {
      ids.sort((a, b) => w[b] - w[a] || a - b);
      const cum = new Float64Array(ids.length);
      let acc = 0;
      for (let j = 0; j < ids.length; j++) cum[j] = acc += w[ids[j]] / share[p];
      return cum;
    });
    return { open, openStartHigh: s.openStartHigh, time, share, shardKeys, shardCum };
  }
  for (let p = 0; p < n; p++) share[p] = pop.kind === 'explicit' ? 1 / n : rangeFraction(open[p]);
  return { open, openStartHigh: s.openStartHigh, time, share };
}

/** Keys per shard in a pool; enough for materialised records to look varied. */
const POOL_SIZE = 32;
/** Candidates tried at most, so a very narrow shard cannot stall a read. */
const POOL_MAX_CANDIDATES = 400000;

/**
 * For unbounded populations: scans candidate keys 0, 1, 2, ... and keeps the
 * first POOL_SIZE that route to each open shard (materialised bulk records draw
 * their keys from these, so a record read from shard X really routes to X).
 */
function findPools(pop: KeyPopulation, s: RoutingTable, time: number): string[][] {
  const n = s.open.length;
  const pools: string[][] = Array.from({ length: n }, () => []);
  let missing = n;
  for (let c = 0; c < POOL_MAX_CANDIDATES && missing > 0; c++) {
    const key = pop.keyAt(c, time);
    const p = openPositionOfKey(s, key);
    if (pools[p].length < POOL_SIZE) {
      pools[p].push(key);
      if (pools[p].length === POOL_SIZE) missing--;
    }
  }
  return pools;
}

/** A 32-bit mix of a seed and a record index, for deterministic picks without a generator. */
export function mix32(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index | 0, 0x9e3779b1) ^ Math.imul(Math.floor(index / 4294967296), 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
