/**
 * One data stream: its status, mode, retention, shards (open and closed) and
 * the routing table from the hash line to its open shards.
 */
import { createShard, isOpen, type ShardState } from './shardModel';
import { evenHashRanges } from './hashKey';
import type { StreamMode, StreamStatus } from './types';
import type { ConsumerState } from './consumerModel';

export interface StreamState {
  name: string;
  arn: string;
  status: StreamStatus;
  mode: StreamMode;
  createdAt: number;
  retentionHours: number;
  maxRecordSizeKiB: number;
  tags: Record<string, string>;
  shardLevelMetrics: string[];
  /** Every shard not yet expired, in creation order. */
  shards: ShardState[];
  byId: Map<string, ShardState>;
  /** Open shards sorted by starting hash key: the routing table. */
  open: ShardState[];
  openStartHigh: Float64Array;
  nextShardIndex: number;
  consumers: Map<string, ConsumerState>;
  /** Times of UpdateShardCount calls, for the 10-per-24-h rule. */
  shardCountUpdates: number[];
  /** Times of UpdateStreamMode calls, for the twice-per-24-h rule. */
  modeUpdates: number[];
  /** Retention in force for reads (a decrease applies at once; an increase does not bring data back). */
  deleted: boolean;
}

/** A new stream with `shardCount` open shards evenly over the hash line. */
export function createStreamState(name: string, arn: string, shardCount: number, mode: StreamMode, now: number, retentionHours: number, maxRecordSizeKiB: number): StreamState {
  const s: StreamState = {
    name,
    arn,
    status: 'CREATING',
    mode,
    createdAt: now,
    retentionHours,
    maxRecordSizeKiB,
    tags: {},
    shardLevelMetrics: [],
    shards: [],
    byId: new Map(),
    open: [],
    openStartHigh: new Float64Array(0),
    nextShardIndex: 0,
    consumers: new Map(),
    shardCountUpdates: [],
    modeUpdates: [],
    deleted: false,
  };
  evenHashRanges(shardCount).forEach((r) => addShard(s, createShard(s.nextShardIndex++, r.start, r.end, now)));
  rebuildRouting(s);
  return s;
}

/** Adds a shard to the stream (call rebuildRouting after a batch of changes). */
export function addShard(s: StreamState, shard: ShardState): void {
  s.shards.push(shard);
  s.byId.set(shard.shardId, shard);
}

/** Rebuilds the sorted table of open shards used to route hash keys. */
export function rebuildRouting(s: StreamState): void {
  s.open = s.shards.filter(isOpen).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  s.openStartHigh = Float64Array.from(s.open, (sh) => sh.startHigh);
}

/**
 * The open shard whose range holds the hash key whose top 52 bits are `high`;
 * `exact` gives the full key, needed only when `high` equals a shard boundary's.
 */
export function routeHigh(s: StreamState, high: number, exact: () => bigint): ShardState {
  const starts = s.openStartHigh;
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= high) lo = mid;
    else hi = mid - 1;
  }
  if (starts[lo] === high) {
    // Boundary shares its top 52 bits with the key: compare the full 128 bits.
    const key = exact();
    while (lo > 0 && s.open[lo].start > key) lo--;
  }
  return s.open[lo];
}

/** The open shard holding `key`. */
export function routeKey(s: StreamState, key: bigint): ShardState {
  return routeHigh(s, Number(key >> 76n), () => key);
}
