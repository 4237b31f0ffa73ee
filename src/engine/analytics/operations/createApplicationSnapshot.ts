/**
 * CreateApplicationSnapshot: a savepoint of a RUNNING Flink application,
 * CREATING then READY; at most 1,000 per application (LimitExceededException)
 * [BC-KA2; KDA-FL23 how-fault-snapshot.md, limits.md]. SQL applications have no snapshots.
 */
import { AwsError, ValidationErrors } from '../../core/errors';
import { checkString } from '../../kinesis/validation';
import { findApp, requireStatus, type AnalyticsContext } from '../context';
import { isSqlApp } from '../applicationModel';
import { MAX_SNAPSHOTS } from '../constants';
import { takeSnapshot } from '../runtime/checkpoints';
import { checkApplicationName } from './createApplication';

export function createApplicationSnapshot(ctx: AnalyticsContext, input: { ApplicationName: string; SnapshotName: string }): Record<string, never> {
  const v = new ValidationErrors();
  checkApplicationName(v, input.ApplicationName);
  checkString(v, input.SnapshotName, 'snapshotName', 1, 256, true, /^[a-zA-Z0-9_.-]+$/, '[a-zA-Z0-9_.-]+');
  v.throwIfAny();
  const app = findApp(ctx, input.ApplicationName);
  if (isSqlApp(app)) throw new AwsError('UnsupportedOperationException', 'Snapshots are not supported for SQL applications.');
  requireStatus(app, ['RUNNING'], 'CreateApplicationSnapshot');
  if (app.snapshots.some((s) => s.SnapshotName === input.SnapshotName)) throw new AwsError('ResourceInUseException', `Snapshot ${input.SnapshotName} already exists for application ${app.name}.`);
  if (app.snapshots.length >= MAX_SNAPSHOTS) throw new AwsError('LimitExceededException', `Application ${app.name} already has ${MAX_SNAPSHOTS} snapshots.`);
  takeSnapshot(ctx, app, input.SnapshotName);
  return {};
}
