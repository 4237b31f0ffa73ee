/**
 * UpdateAccountSettings: enables or disables the minimum throughput billing
 * commitment, synchronously [BC-K UpdateAccountSettings]. A commitment runs at
 * least 24 hours: disabling it earlier leaves it ENABLED_UNTIL_EARLIEST_ALLOWED_END,
 * and enabling it again before then cancels the pending disable
 * [BC-K MinimumThroughputBillingCommitmentInput].
 */
import { ValidationErrors } from '../../core/errors';
import type { KinesisContext } from '../context';
import { checkEnum } from '../validation';
import { billingCommitmentToAws, COMMITMENT_MIN_MS, settleBillingCommitment, type MinimumThroughputBillingCommitmentOutput } from '../accountSettings';

export interface UpdateAccountSettingsInput {
  MinimumThroughputBillingCommitment: { Status: 'ENABLED' | 'DISABLED' };
}
export interface UpdateAccountSettingsOutput {
  MinimumThroughputBillingCommitment: MinimumThroughputBillingCommitmentOutput;
}

export function updateAccountSettings(ctx: KinesisContext, input: UpdateAccountSettingsInput): UpdateAccountSettingsOutput {
  const v = new ValidationErrors();
  const m = input.MinimumThroughputBillingCommitment;
  if (m === undefined || m === null) v.add(m, 'minimumThroughputBillingCommitment', 'not be null');
  else checkEnum(v, m.Status, 'minimumThroughputBillingCommitment.status', ['ENABLED', 'DISABLED'], true);
  v.throwIfAny();
  settleBillingCommitment(ctx);
  const c = ctx.account.billingCommitment;
  const now = ctx.core.now();
  if (m.Status === 'ENABLED') {
    if (c.status === 'DISABLED') {
      ctx.account.billingCommitment = { status: 'ENABLED', startedAt: now, earliestAllowedEndAt: now + COMMITMENT_MIN_MS };
    } else if (c.status === 'ENABLED_UNTIL_EARLIEST_ALLOWED_END') {
      // Enabling again before the earliest end cancels the pending disable.
      c.status = 'ENABLED';
    }
  } else if (c.status !== 'DISABLED') {
    if (now < (c.earliestAllowedEndAt ?? now)) c.status = 'ENABLED_UNTIL_EARLIEST_ALLOWED_END';
    else ctx.account.billingCommitment = { status: 'DISABLED', startedAt: c.startedAt, endedAt: now, earliestAllowedEndAt: c.earliestAllowedEndAt };
  }
  return { MinimumThroughputBillingCommitment: billingCommitmentToAws(ctx.account.billingCommitment) };
}
