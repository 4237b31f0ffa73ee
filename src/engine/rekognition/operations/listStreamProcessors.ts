/** ListStreamProcessors: names and statuses, MaxResults 1..1000 with NextToken [BC-REK]. */
import { AwsError } from '../../core/errors';
import type { RekognitionContext } from '../context';

export function listStreamProcessors(ctx: RekognitionContext, input: { MaxResults?: number; NextToken?: string }) {
  const all = [...ctx.processors.values()];
  const max = input.MaxResults ?? 1000;
  if (!Number.isInteger(max) || max < 1 || max > 1000) throw new AwsError('InvalidParameterException', 'MaxResults must be between 1 and 1000.');
  const start = input.NextToken === undefined ? 0 : Number(input.NextToken.replace(/^sp/, ''));
  if (!Number.isInteger(start) || start < 0) throw new AwsError('InvalidPaginationTokenException', 'Invalid pagination token.');
  const page = all.slice(start, start + max).map((p) => ({ Name: p.name, Status: p.status }));
  return start + max < all.length ? { StreamProcessors: page, NextToken: `sp${start + max}` } : { StreamProcessors: page };
}
