/** ListApplications: summaries in name order, Limit 1..50 per page, NextToken to continue [BC-KA2]. */
import { AwsError, ValidationErrors } from '../../core/errors';
import { checkInt } from '../../kinesis/validation';
import type { AnalyticsContext } from '../context';
import { summarizeApp } from '../applicationModel';
import type { ApplicationSummary } from '../types';

export function listApplications(ctx: AnalyticsContext, input: { Limit?: number; NextToken?: string }): { ApplicationSummaries: ApplicationSummary[]; NextToken?: string } {
  const v = new ValidationErrors();
  checkInt(v, input.Limit, 'limit', 1, 50);
  v.throwIfAny();
  const names = [...ctx.apps.values()].filter((a) => !a.deleted).map((a) => a.name).sort();
  let from = 0;
  if (input.NextToken !== undefined) {
    from = names.findIndex((n) => n > input.NextToken!);
    if (!names.includes(input.NextToken) && from < 0) throw new AwsError('InvalidArgumentException', 'NextToken is invalid.');
    if (from < 0) from = names.length;
  }
  const limit = input.Limit ?? 50;
  const page = names.slice(from, from + limit);
  const out: { ApplicationSummaries: ApplicationSummary[]; NextToken?: string } = { ApplicationSummaries: page.map((n) => summarizeApp(ctx.apps.get(n)!)) };
  if (from + limit < names.length) out.NextToken = page[page.length - 1];
  return out;
}
