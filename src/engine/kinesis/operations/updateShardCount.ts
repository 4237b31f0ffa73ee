/**
 * UpdateShardCount (ScalingType UNIFORM_SCALING only): reshards a provisioned,
 * ACTIVE stream to TargetShardCount evenly sized open shards after the UPDATING
 * delay [BC-K UpdateShardCount]. AWS's default limits, each a LimitExceededException:
 * - at most 10 calls per stream per rolling 24 h (2 in the 2018 docs, see constants);
 * - at most double and at least half the current open shard count;
 * - at most 10,000 shards per stream (500 until 2021-11);
 * - within the account shard quota, intermediate shards included.
 */
import { limitExceeded, ValidationErrors } from '../../core/errors';
import { findActiveStream, openShardsInAccount, shardQuotaError, type KinesisContext } from '../context';
import { checkEnum, checkInt, checkStreamRef } from '../validation';
import { runStreamUpdate } from '../reshard';
import { uniformSplitCount } from '../uniformScaling';
import { requireProvisioned } from './requireProvisioned';
import { ROLLING_DAY_MS, UPDATE_SHARD_COUNT_CALLS_PER_DAY, UPDATE_SHARD_COUNT_MAX_SHARDS } from '../constants';
import type { UpdateShardCountInput, UpdateShardCountOutput } from '../types';

export function updateShardCount(ctx: KinesisContext, input: UpdateShardCountInput): UpdateShardCountOutput {
  const v = new ValidationErrors();
  checkStreamRef(v, input);
  checkInt(v, input.TargetShardCount, 'targetShardCount', 1, 100000, true);
  checkEnum(v, input.ScalingType, 'scalingType', ['UNIFORM_SCALING'], true);
  v.throwIfAny();
  const s = findActiveStream(ctx, input);
  requireProvisioned(ctx, s, 'UpdateShardCount');
  const now = ctx.core.now();
  const account = ctx.core.accountId;
  const current = s.open.length;
  const target = input.TargetShardCount;

  const recent = s.shardCountUpdates.filter((t) => t > now - ROLLING_DAY_MS);
  if (recent.length >= UPDATE_SHARD_COUNT_CALLS_PER_DAY) {
    throw limitExceeded(
      `Stream ${s.name} under account ${account} has already been scaled ${recent.length} times in the last 24 hours. ` +
        `UpdateShardCount can be called at most ${UPDATE_SHARD_COUNT_CALLS_PER_DAY} times per rolling 24-hour period.`,
    );
  }
  if (target > 2 * current) {
    throw limitExceeded(`UpdateShardCount cannot scale up over double your current open shard count. Current open shard count: ${current} Target shard count: ${target}`);
  }
  if (2 * target < current) {
    throw limitExceeded(`UpdateShardCount cannot scale down below half your current open shard count. Current open shard count: ${current} Target shard count: ${target}`);
  }
  if (target > UPDATE_SHARD_COUNT_MAX_SHARDS) {
    throw limitExceeded(`UpdateShardCount cannot scale up to more than ${UPDATE_SHARD_COUNT_MAX_SHARDS} shards in a stream. Current open shard count: ${current} Target shard count: ${target}`);
  }
  // The splits come first, so the stream briefly holds current + splits open shards.
  const splits = uniformSplitCount(s.open, target);
  if (openShardsInAccount(ctx) + splits > ctx.shardQuota) throw shardQuotaError(ctx, splits);

  recent.push(now);
  s.shardCountUpdates = recent;
  runStreamUpdate(ctx, s, { op: 'updateShardCount', target });
  return { StreamName: s.name, StreamARN: s.arn, CurrentShardCount: current, TargetShardCount: target };
}
