/**
 * SplitShard, MergeShards and UpdateShardCount work on provisioned streams only
 * [BC-K]: on-demand streams scale themselves.
 */
import { validationError } from '../../core/errors';
import type { KinesisContext } from '../context';
import type { StreamState } from '../streamModel';

export function requireProvisioned(ctx: KinesisContext, s: StreamState, operation: string): void {
  if (s.mode !== 'PROVISIONED') {
    throw validationError(`${operation} is not supported for stream ${s.name} under account ${ctx.core.accountId} because it is in ON_DEMAND capacity mode.`);
  }
}
