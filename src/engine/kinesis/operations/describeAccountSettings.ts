/**
 * DescribeAccountSettings: the account's minimum throughput billing commitment
 * [BC-K DescribeAccountSettings, MinimumThroughputBillingCommitmentOutput].
 */
import type { KinesisContext } from '../context';
import { billingCommitmentToAws, settleBillingCommitment, type MinimumThroughputBillingCommitmentOutput } from '../accountSettings';

export interface DescribeAccountSettingsOutput {
  MinimumThroughputBillingCommitment: MinimumThroughputBillingCommitmentOutput;
}

export function describeAccountSettings(ctx: KinesisContext, _input: Record<string, never> = {}): DescribeAccountSettingsOutput {
  settleBillingCommitment(ctx);
  return { MinimumThroughputBillingCommitment: billingCommitmentToAws(ctx.account.billingCommitment) };
}
