/**
 * StartApplication: READY -> STARTING -> RUNNING [BC-KA2]. SQL applications
 * choose where each input starts (NOW, TRIM_HORIZON, LAST_STOPPED_POINT); Flink
 * applications may restore from a snapshot. From 2026-01-27 SQL applications
 * can no longer be started.
 */
import { AwsError, ValidationErrors } from '../../core/errors';
import { findApp, requireStatus, type AnalyticsContext } from '../context';
import { isSqlApp } from '../applicationModel';
import { SQL_APPS_DELETED_FROM } from '../constants';
import { beginStart } from '../runtime/lifecycle';
import { checkApplicationName } from './createApplication';
import type { RunConfiguration } from '../types';

export function startApplication(ctx: AnalyticsContext, input: { ApplicationName: string; RunConfiguration?: RunConfiguration }): Record<string, never> {
  const v = new ValidationErrors();
  checkApplicationName(v, input.ApplicationName);
  v.throwIfAny();
  const app = findApp(ctx, input.ApplicationName);
  if (isSqlApp(app) && ctx.core.now() >= SQL_APPS_DELETED_FROM) {
    throw new AwsError('UnsupportedOperationException', 'Kinesis Data Analytics for SQL applications is discontinued: SQL applications cannot be started or run from January 27, 2026.');
  }
  requireStatus(app, ['READY'], 'StartApplication');
  if (app.program === undefined) throw new AwsError('InvalidApplicationConfigurationException', `Application ${app.name} has no runnable code.`);
  if (isSqlApp(app) && app.inputs.length === 0) throw new AwsError('InvalidApplicationConfigurationException', `Application ${app.name} has no input.`);
  const rc = input.RunConfiguration;
  const restore = rc?.ApplicationRestoreConfiguration;
  if (restore?.ApplicationRestoreType === 'RESTORE_FROM_CUSTOM_SNAPSHOT' && !app.snapshotData.has(restore.SnapshotName ?? '')) {
    throw new AwsError('InvalidArgumentException', `Snapshot ${String(restore.SnapshotName)} does not exist for application ${app.name}.`);
  }
  for (const r of rc?.SqlRunConfigurations ?? []) {
    const i = app.inputs.find((x) => x.inputId === r.InputId);
    if (i === undefined) throw new AwsError('InvalidArgumentException', `Input ${r.InputId} does not exist in application ${app.name}.`);
    i.startingPosition = r.InputStartingPositionConfiguration?.InputStartingPosition;
  }
  beginStart(ctx, app, restore);
  return {};
}
