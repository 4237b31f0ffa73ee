/**
 * The account's minimum throughput billing commitment as plain data on the
 * Kinesis context, and its AWS shape [BC-K MinimumThroughputBillingCommitmentOutput].
 * A disable scheduled for the earliest allowed end takes effect when that time
 * has passed, checked whenever the settings are read or changed.
 */
import type { BillingCommitmentState, KinesisContext } from './context';

/** "Commitments have a minimum duration of 24 hours" [BC-K MinimumThroughputBillingCommitmentInput]. */
export const COMMITMENT_MIN_MS = 24 * 3600 * 1000;

export interface MinimumThroughputBillingCommitmentOutput {
  Status: BillingCommitmentState['status'];
  StartedAt?: number;
  EndedAt?: number;
  EarliestAllowedEndAt?: number;
}

/** Applies a pending disable whose earliest allowed end has passed. */
export function settleBillingCommitment(ctx: KinesisContext): void {
  const c = ctx.account.billingCommitment;
  if (c.status === 'ENABLED_UNTIL_EARLIEST_ALLOWED_END' && c.earliestAllowedEndAt !== undefined && ctx.core.now() >= c.earliestAllowedEndAt) {
    c.status = 'DISABLED';
    c.endedAt = c.earliestAllowedEndAt;
  }
}

/** The AWS shape (timestamps only when set). */
export function billingCommitmentToAws(c: BillingCommitmentState): MinimumThroughputBillingCommitmentOutput {
  const out: MinimumThroughputBillingCommitmentOutput = { Status: c.status };
  if (c.startedAt !== undefined) out.StartedAt = c.startedAt;
  if (c.endedAt !== undefined) out.EndedAt = c.endedAt;
  if (c.earliestAllowedEndAt !== undefined) out.EarliestAllowedEndAt = c.earliestAllowedEndAt;
  return out;
}
