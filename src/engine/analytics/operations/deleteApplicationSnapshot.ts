/** DeleteApplicationSnapshot: by name, with its SnapshotCreationTimestamp [BC-KA2]. The service never deletes snapshots by itself. */
import { AwsError, ValidationErrors } from '../../core/errors';
import { findApp, type AnalyticsContext } from '../context';
import { checkApplicationName } from './createApplication';

export function deleteApplicationSnapshot(ctx: AnalyticsContext, input: { ApplicationName: string; SnapshotName: string; SnapshotCreationTimestamp: number }): Record<string, never> {
  const v = new ValidationErrors();
  checkApplicationName(v, input.ApplicationName);
  if (input.SnapshotName === undefined) v.add(undefined, 'snapshotName', 'not be null');
  if (input.SnapshotCreationTimestamp === undefined) v.add(undefined, 'snapshotCreationTimestamp', 'not be null');
  v.throwIfAny();
  const app = findApp(ctx, input.ApplicationName);
  const at = app.snapshots.findIndex((s) => s.SnapshotName === input.SnapshotName);
  if (at < 0) throw new AwsError('ResourceNotFoundException', `Snapshot ${input.SnapshotName} does not exist for application ${app.name}.`);
  if (Math.floor(app.snapshots[at].SnapshotCreationTimestamp / 1000) !== Math.floor(input.SnapshotCreationTimestamp / 1000)) {
    throw new AwsError('InvalidArgumentException', `SnapshotCreationTimestamp does not match snapshot ${input.SnapshotName}.`);
  }
  app.snapshots.splice(at, 1);
  app.snapshotData.delete(input.SnapshotName);
  return {};
}
