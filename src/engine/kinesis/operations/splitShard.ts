/**
 * SplitShard: divides an open shard of a provisioned, ACTIVE stream at
 * NewStartingHashKey. The key must be greater than one plus the shard's
 * StartingHashKey and less than its EndingHashKey [kinesalite, matching AWS].
 * The stream is UPDATING until the split takes effect.
 */
import { invalidArgument, resourceInUse, ValidationErrors } from '../../core/errors';
import { findActiveStream, findNamedShard, openShardsInAccount, shardQuotaError, type KinesisContext } from '../context';
import { checkStreamRef, checkString } from '../validation';
import { HASH_KEY_PATTERN, parseHashKey } from '../hashKey';
import { runStreamUpdate } from '../reshard';
import { requireProvisioned } from './requireProvisioned';
import type { SplitShardInput } from '../types';

export function splitShard(ctx: KinesisContext, input: SplitShardInput): Record<string, never> {
  const v = new ValidationErrors();
  checkStreamRef(v, input);
  checkString(v, input.ShardToSplit, 'shardToSplit', 1, 128, true, /^[a-zA-Z0-9_.-]+$/);
  checkString(v, input.NewStartingHashKey, 'newStartingHashKey', 1, 39, true, HASH_KEY_PATTERN, '0|([1-9]\\d{0,38})');
  v.throwIfAny();
  const s = findActiveStream(ctx, input);
  requireProvisioned(ctx, s, 'SplitShard');
  const shard = findNamedShard(ctx, s, input.ShardToSplit);
  const account = ctx.core.accountId;
  if (shard.closedAt !== undefined) {
    throw resourceInUse(`Shard ${shard.shardId} in stream ${s.name} under account ${account} has already been merged or split, and thus is not eligible for merging or splitting.`);
  }
  const key = parseHashKey(input.NewStartingHashKey);
  if (key === undefined || key <= shard.start + 1n || key >= shard.end) {
    throw invalidArgument(
      `NewStartingHashKey ${input.NewStartingHashKey} used in SplitShard() on shard ${shard.shardId} in stream ${s.name} under account ${account} ` +
        `is not both greater than one plus the shard's StartingHashKey ${shard.start} and less than the shard's EndingHashKey ${shard.end}.`,
    );
  }
  if (openShardsInAccount(ctx) + 1 > ctx.shardQuota) throw shardQuotaError(ctx, 1);
  runStreamUpdate(ctx, s, { op: 'split', shard, key });
  return {};
}
