/**
 * DecreaseStreamRetentionPeriod: a shorter retention period, below the current
 * one. Data older than the new period becomes unreadable at once (reads apply
 * the stream's cutoff), and is dropped from the shards [BC-K; KDS-DG22
 * kinesis-extended-retention].
 */
import { invalidArgument } from '../../core/errors';
import type { KinesisContext } from '../context';
import { expireShards } from '../retention';
import { checkRetentionRequest, setRetention } from './retentionPeriod';
import type { RetentionInput } from '../types';

export function decreaseStreamRetentionPeriod(ctx: KinesisContext, input: RetentionInput): Record<string, never> {
  const s = checkRetentionRequest(ctx, input);
  const hours = input.RetentionPeriodHours;
  if (hours > s.retentionHours) {
    throw invalidArgument(
      `Requested retention period (${hours} hours) for stream ${s.name} can not be longer than existing retention period (${s.retentionHours} hours). Use IncreaseRetentionPeriod API.`,
    );
  }
  // The current period itself is accepted and changes nothing, as on AWS (only a longer one is refused).
  if (hours === s.retentionHours) return {};
  setRetention(ctx, s, hours);
  expireShards(ctx, s);
  return {};
}
