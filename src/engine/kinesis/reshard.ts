/**
 * The state changes behind SplitShard, MergeShards and UpdateShardCount, applied
 * when the stream's UPDATING delay ends. The parent closes (its EndingSequenceNumber
 * is set) and keeps its records until retention ends; children get new ids and
 * point back to their parents [BC-K; KDS-DG22 after-resharding].
 */
import type { StreamChange } from './lifecycleEvents';
import type { KinesisContext } from './context';
import { addShard, rebuildRouting, type StreamState } from './streamModel';
import { createShard, type ShardState } from './shardModel';

/** Splits `parent` so that `newStart` and above go to the upper child; returns [lower, upper]. */
export function applySplit(ctx: KinesisContext, s: StreamState, parent: ShardState, newStart: bigint, rebuild = true): [ShardState, ShardState] {
  const now = ctx.core.now();
  const lower = createShard(s.nextShardIndex++, parent.start, newStart - 1n, now, { parent: parent.shardId });
  const upper = createShard(s.nextShardIndex++, newStart, parent.end, now, { parent: parent.shardId });
  parent.closedAt = now;
  parent.childShardIds = [lower.shardId, upper.shardId];
  addShard(s, lower);
  addShard(s, upper);
  if (rebuild) rebuildRouting(s);
  ctx.core.events.emit({ type: 'shardSplit', time: now, stream: s.name, parent: parent.shardId, children: [lower.shardId, upper.shardId], newStartingHashKey: newStart.toString() });
  return [lower, upper];
}

/** Merges two adjacent open shards into one child; `toMerge` becomes ParentShardId, `adjacent` AdjacentParentShardId. */
export function applyMerge(ctx: KinesisContext, s: StreamState, toMerge: ShardState, adjacent: ShardState, rebuild = true): ShardState {
  const now = ctx.core.now();
  const start = toMerge.start < adjacent.start ? toMerge.start : adjacent.start;
  const end = toMerge.end > adjacent.end ? toMerge.end : adjacent.end;
  const child = createShard(s.nextShardIndex++, start, end, now, { parent: toMerge.shardId, adjacent: adjacent.shardId });
  toMerge.closedAt = now;
  adjacent.closedAt = now;
  toMerge.childShardIds = [child.shardId];
  adjacent.childShardIds = [child.shardId];
  addShard(s, child);
  if (rebuild) rebuildRouting(s);
  ctx.core.events.emit({ type: 'shardsMerged', time: now, stream: s.name, parents: [toMerge.shardId, adjacent.shardId], child: child.shardId });
  return child;
}

/** True when `b`'s hash range starts right after `a`'s ends: the order MergeShards takes them in. */
export function mergeableInOrder(a: ShardState, b: ShardState): boolean {
  return a.end + 1n === b.start;
}

/** True when the two ranges touch end to start, in either order. */
export function areAdjacent(a: ShardState, b: ShardState): boolean {
  return a.end + 1n === b.start || b.end + 1n === a.start;
}

/**
 * Puts the stream in UPDATING and runs `change` after the update delay, then
 * back to ACTIVE: reads and writes continue meanwhile, on the old shards.
 */
export function runStreamUpdate(ctx: KinesisContext, s: StreamState, change: StreamChange): void {
  s.status = 'UPDATING';
  ctx.core.events.emit({ type: 'streamStatus', time: ctx.core.now(), stream: s.name, status: 'UPDATING' });
  // A data event (lifecycleEvents.ts applies the change), so the queue holds no closure.
  ctx.core.scheduleEvent(ctx.delays.updateStreamMs, 'kinesis:streamUpdated', { ctx, s, change }, `kinesis:${change.op}:${s.name}`);
}
