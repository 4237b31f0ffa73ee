/**
 * MergeShards: joins two open, adjacent shards (their ranges touch end to start)
 * of a provisioned, ACTIVE stream, given in hash order (ShardToMerge's range
 * ends just before AdjacentShardToMerge's starts; the other order is refused as
 * "not an adjacent pair" [kinesalite, matching AWS]). The child gets ParentShardId = ShardToMerge
 * and AdjacentParentShardId = AdjacentShardToMerge [BC-K; kinesalite].
 */
import { invalidArgument, resourceInUse, ValidationErrors } from '../../core/errors';
import { findActiveStream, findNamedShard, type KinesisContext } from '../context';
import { checkStreamRef, checkString } from '../validation';
import { mergeableInOrder, runStreamUpdate } from '../reshard';
import { requireProvisioned } from './requireProvisioned';
import type { MergeShardsInput } from '../types';

export function mergeShards(ctx: KinesisContext, input: MergeShardsInput): Record<string, never> {
  const v = new ValidationErrors();
  checkStreamRef(v, input);
  checkString(v, input.ShardToMerge, 'shardToMerge', 1, 128, true, /^[a-zA-Z0-9_.-]+$/);
  checkString(v, input.AdjacentShardToMerge, 'adjacentShardToMerge', 1, 128, true, /^[a-zA-Z0-9_.-]+$/);
  v.throwIfAny();
  const s = findActiveStream(ctx, input);
  requireProvisioned(ctx, s, 'MergeShards');
  const a = findNamedShard(ctx, s, input.ShardToMerge);
  const b = findNamedShard(ctx, s, input.AdjacentShardToMerge);
  const account = ctx.core.accountId;
  for (const sh of [a, b]) {
    if (sh.closedAt !== undefined) {
      throw resourceInUse(`Shard ${sh.shardId} in stream ${s.name} under account ${account} has already been merged or split, and thus is not eligible for merging or splitting.`);
    }
  }
  // AWS takes the pair in hash order only: AdjacentShardToMerge must start just after ShardToMerge ends.
  if (a === b || !mergeableInOrder(a, b)) {
    throw invalidArgument(`Shards ${a.shardId} and ${b.shardId} in stream ${s.name} under account ${account} are not an adjacent pair of shards eligible for merging`);
  }
  runStreamUpdate(ctx, s, { op: 'merge', a, b });
  return {};
}
