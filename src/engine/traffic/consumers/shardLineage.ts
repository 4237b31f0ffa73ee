/**
 * Which shards a reader may read now. After a reshard, a parent must be read
 * to its end before its children, or per-key order breaks [KDS-DG22 after
 * resharding]; so a child waits until every parent it has is finished or gone.
 */
import type { KinesisContext } from '../../kinesis/context';
import { retentionCutoff } from '../../kinesis/context';
import type { StreamState } from '../../kinesis/streamModel';
import type { ShardState } from '../../kinesis/shardModel';
import { touchCursors } from './shardCursor';

/** Where a reader starts in the shards that exist when it starts [BC-K ShardIteratorType]. */
export type InitialPosition = 'TRIM_HORIZON' | 'LATEST' | 'AT_TIMESTAMP';

/** The record index a reader starts at in `shard`. */
export function initialIndex(ctx: KinesisContext, s: StreamState, shard: ShardState, pos: InitialPosition, timestamp?: number): number {
  const store = shard.store;
  store.trimBefore(retentionCutoff(ctx, s));
  if (pos === 'LATEST') return store.nextIndex;
  if (pos === 'AT_TIMESTAMP') return store.firstIndexAtOrAfter(Math.max(timestamp ?? 0, retentionCutoff(ctx, s)));
  return store.trimIndex;
}

/** The parent ids of a shard (one after a split, two after a merge). */
export function parentsOf(shard: ShardState): string[] {
  const out: string[] = [];
  if (shard.parentShardId !== undefined) out.push(shard.parentShardId);
  if (shard.adjacentParentShardId !== undefined) out.push(shard.adjacentParentShardId);
  return out;
}

/** Something a reader keeps per shard; `ended` means read to SHARD_END. */
export interface LineageEntry {
  shard: ShardState;
  ended: boolean;
}

/**
 * Keeps one entry per shard of the stream: new shards get entries (initial
 * shards at the reader's initial position, later children from their first
 * record, as the KCL does), expired shards lose theirs.
 */
export class ShardLineage<E extends LineageEntry> {
  readonly entries = new Map<string, E>();
  private synced = false;
  private shardsSeen: ShardState[] | undefined;
  /** Goes up whenever entries are added or dropped (for callers that cache a view of them). */
  version = 0;

  constructor(private readonly create: (shard: ShardState, isInitial: boolean) => E) {}

  /** Adds entries for new shards and drops those of expired shards (cheap when nothing changed). */
  sync(ctx: KinesisContext, s: StreamState): void {
    if (this.shardsSeen === s.shards && this.entries.size === s.shards.length) return;
    for (const sh of s.shards) {
      if (!this.entries.has(sh.shardId)) this.entries.set(sh.shardId, this.create(sh, !this.synced));
    }
    if (this.entries.size > s.shards.length) {
      for (const id of [...this.entries.keys()]) if (!s.byId.has(id)) this.entries.delete(id);
    }
    this.synced = true;
    this.shardsSeen = s.shards;
    this.version++;
    touchCursors(ctx); // readers' reports walk their entries again
  }

  /** True when every parent of the entry's shard is finished or no longer exists. */
  parentsDone(e: E): boolean {
    const sh = e.shard;
    if (sh.parentShardId === undefined) return true;
    for (const p of parentsOf(sh)) {
      const pe = this.entries.get(p);
      if (pe !== undefined && !pe.ended) return false;
    }
    return true;
  }
}
