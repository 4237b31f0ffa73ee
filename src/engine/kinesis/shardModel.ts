/**
 * One shard: its slice of the hash line, its lineage, its records and limits.
 * A shard is open until a split or merge closes it; closed shards stay
 * readable until their last record passes retention, then expire.
 */
import { ShardStore } from './shardStore';
import { TokenBucket, WriteLimiter } from './throughput';
import { bigHigh52 } from './hashKey';
import { sequenceFormatter, sequencePrefix, type SequenceFormatter } from './sequenceNumber';
import {
  SHARD_READ_BYTES_PER_SEC,
  SHARD_READ_CALLS_PER_SEC,
  SHARD_WRITE_BYTES_PER_SEC,
  SHARD_WRITE_RECORDS_PER_SEC,
} from './constants';
import type { Shard } from './types';
import type { ReadWindow } from './readLimits';

/** Running totals a shard keeps; metrics sample them, nothing resets them. */
export interface ShardCounters {
  incomingRecords: number;
  incomingBytes: number;
  writeThrottledRecords: number;
  readCalls: number;
  readRecords: number;
  readBytes: number;
  readThrottledCalls: number;
}

export interface ShardState {
  shardId: string;
  index: number;
  parentShardId?: string;
  adjacentParentShardId?: string;
  start: bigint;
  end: bigint;
  /** Top 52 bits of `start`, for routing without BigInt. */
  startHigh: number;
  createdAt: number;
  closedAt?: number;
  /** Ids of the shards this one was split or merged into. */
  childShardIds?: string[];
  seqPrefix: string;
  /** Formats this shard's sequence number for a record index. */
  seq: SequenceFormatter;
  store: ShardStore;
  write: WriteLimiter;
  readBytes: TokenBucket;
  readCalls: TokenBucket;
  /** GetRecords calls before this time are throttled (1 s after a throttle). */
  readBlockedUntil: number;
  counters: ShardCounters;
  /** The shared read budget of coarse-stepping readers (readLimits.ts readWindow), opened on first use. */
  readWindow?: ReadWindow;
  /** How far the cost meter has metered this shard's records, and what it found (cost/kinesisCost.ts). */
  metered?: { upTo: number; units: number; billedBytes: number };
}

/** The shard id for index n: "shardId-" and 12 zero-padded digits [KCLEX; kinesalite]. */
export function shardIdOf(index: number): string {
  return 'shardId-' + String(index).padStart(12, '0');
}

/** Creates an open shard covering [start, end]. */
export function createShard(index: number, start: bigint, end: bigint, now: number, parents: { parent?: string; adjacent?: string } = {}): ShardState {
  const shard: ShardState = {
    shardId: shardIdOf(index),
    index,
    start,
    end,
    startHigh: bigHigh52(start),
    createdAt: now,
    seqPrefix: sequencePrefix(now, index),
    seq: sequenceFormatter(sequencePrefix(now, index)),
    store: new ShardStore(),
    write: new WriteLimiter(SHARD_WRITE_RECORDS_PER_SEC, SHARD_WRITE_BYTES_PER_SEC, now),
    readBytes: new TokenBucket(SHARD_READ_BYTES_PER_SEC, SHARD_READ_BYTES_PER_SEC, now),
    readCalls: new TokenBucket(SHARD_READ_CALLS_PER_SEC, SHARD_READ_CALLS_PER_SEC, now),
    readBlockedUntil: -Infinity,
    counters: { incomingRecords: 0, incomingBytes: 0, writeThrottledRecords: 0, readCalls: 0, readRecords: 0, readBytes: 0, readThrottledCalls: 0 },
  };
  if (parents.parent !== undefined) shard.parentShardId = parents.parent;
  if (parents.adjacent !== undefined) shard.adjacentParentShardId = parents.adjacent;
  return shard;
}

/** The sequence number of record `index` of a shard. */
export function shardSequenceNumber(shard: ShardState, index: number): string {
  return shard.seq.format(index);
}

/** The AWS `Shard` shape. A closed shard carries its EndingSequenceNumber. */
export function shardToAws(shard: ShardState): Shard {
  const out: Shard = {
    ShardId: shard.shardId,
    HashKeyRange: { StartingHashKey: shard.start.toString(), EndingHashKey: shard.end.toString() },
    SequenceNumberRange: { StartingSequenceNumber: shardSequenceNumber(shard, 0) },
  };
  if (shard.parentShardId !== undefined) out.ParentShardId = shard.parentShardId;
  if (shard.adjacentParentShardId !== undefined) out.AdjacentParentShardId = shard.adjacentParentShardId;
  if (shard.closedAt !== undefined) {
    out.SequenceNumberRange.EndingSequenceNumber = shardSequenceNumber(shard, Math.max(0, shard.store.nextIndex - 1));
  }
  return out;
}

/** True while the shard takes writes. */
export function isOpen(shard: ShardState): boolean {
  return shard.closedAt === undefined;
}
