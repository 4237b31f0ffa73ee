/**
 * IncreaseStreamRetentionPeriod: a longer retention period, above the current
 * one. It keeps records that have not expired yet for longer, but does not bring
 * back data already past the old period [BC-K; KDS-DG22 kinesis-extended-retention].
 */
import { invalidArgument } from '../../core/errors';
import type { KinesisContext } from '../context';
import { expireShards } from '../retention';
import { checkRetentionRequest, setRetention } from './retentionPeriod';
import type { RetentionInput } from '../types';

export function increaseStreamRetentionPeriod(ctx: KinesisContext, input: RetentionInput): Record<string, never> {
  const s = checkRetentionRequest(ctx, input);
  const hours = input.RetentionPeriodHours;
  if (hours < s.retentionHours) {
    throw invalidArgument(
      `Requested retention period (${hours} hours) for stream ${s.name} can not be shorter than existing retention period (${s.retentionHours} hours). Use DecreaseRetentionPeriod API.`,
    );
  }
  // The current period itself is accepted and changes nothing, as on AWS (only a shorter one is refused).
  if (hours === s.retentionHours) return {};
  // Records past the old cutoff are gone for good: drop them (and expired closed shards)
  // under the old period before the longer one applies, so the increase cannot revive them.
  expireShards(ctx, s);
  setRetention(ctx, s, hours);
  return {};
}
