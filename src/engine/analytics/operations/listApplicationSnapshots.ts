/** ListApplicationSnapshots: SnapshotSummaries in creation order, Limit 1..50, NextToken [BC-KA2]. */
import { AwsError, ValidationErrors } from '../../core/errors';
import { checkInt } from '../../kinesis/validation';
import { findApp, type AnalyticsContext } from '../context';
import { checkApplicationName } from './createApplication';
import type { SnapshotDetails } from '../types';

export function listApplicationSnapshots(ctx: AnalyticsContext, input: { ApplicationName: string; Limit?: number; NextToken?: string }): { SnapshotSummaries: SnapshotDetails[]; NextToken?: string } {
  const v = new ValidationErrors();
  checkApplicationName(v, input.ApplicationName);
  checkInt(v, input.Limit, 'limit', 1, 50);
  v.throwIfAny();
  const app = findApp(ctx, input.ApplicationName);
  let from = 0;
  if (input.NextToken !== undefined) {
    from = Number(input.NextToken);
    if (!Number.isInteger(from) || from < 0 || from > app.snapshots.length) throw new AwsError('InvalidArgumentException', 'NextToken is invalid.');
  }
  const limit = input.Limit ?? 50;
  const out: { SnapshotSummaries: SnapshotDetails[]; NextToken?: string } = { SnapshotSummaries: app.snapshots.slice(from, from + limit).map((s) => ({ ...s })) };
  if (from + limit < app.snapshots.length) out.NextToken = String(from + limit);
  return out;
}
