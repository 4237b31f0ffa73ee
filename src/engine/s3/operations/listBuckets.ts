/**
 * ListBuckets: every bucket of the account with its creation date, in name
 * order as S3 lists them. The owner is the simulated account.
 */
import type { S3Context } from '../s3Model';

export interface ListBucketsOutput {
  Buckets: { Name: string; CreationDate: number }[];
  Owner: { DisplayName: string; ID: string };
}

/** Lists the simulated buckets (the input has no members). */
export function listBuckets(ctx: S3Context, _input: Record<string, never>): ListBucketsOutput {
  const names = [...ctx.buckets.keys()].sort();
  return {
    Buckets: names.map((n) => ({ Name: n, CreationDate: ctx.buckets.get(n)!.createdAt })),
    Owner: { DisplayName: 'simulated', ID: '0'.repeat(64) },
  };
}
