/**
 * Retention: records older than the stream's retention period are gone from
 * every read, TRIM_HORIZON included; a closed shard whose records have all
 * expired is EXPIRED and no longer listed [KDS-DG22 after-resharding].
 */
import { retentionCutoff, type KinesisContext } from './context';
import type { StreamState } from './streamModel';

/** Trims every shard and removes closed shards that have expired. */
export function expireShards(ctx: KinesisContext, s: StreamState): void {
  const cutoff = retentionCutoff(ctx, s);
  let removed = false;
  for (const sh of s.shards) {
    sh.store.trimBefore(cutoff);
    if (sh.closedAt !== undefined && sh.closedAt < cutoff) removed = true;
  }
  if (removed) {
    s.shards = s.shards.filter((sh) => sh.closedAt === undefined || sh.closedAt >= cutoff);
    s.byId = new Map(s.shards.map((sh) => [sh.shardId, sh]));
  }
}
