/**
 * DeleteApplication: halts the application and deletes it; CreateTimestamp
 * must match the application's [BC-KA2].
 */
import { AwsError, ValidationErrors } from '../../core/errors';
import { findApp, requireStatus, type AnalyticsContext } from '../context';
import { beginDelete } from '../runtime/lifecycle';
import { checkApplicationName } from './createApplication';

export function deleteApplication(ctx: AnalyticsContext, input: { ApplicationName: string; CreateTimestamp: number }): Record<string, never> {
  const v = new ValidationErrors();
  checkApplicationName(v, input.ApplicationName);
  if (input.CreateTimestamp === undefined) v.add(undefined, 'createTimestamp', 'not be null');
  v.throwIfAny();
  const app = findApp(ctx, input.ApplicationName);
  if (Math.floor(input.CreateTimestamp / 1000) !== Math.floor(app.createdAt / 1000)) {
    throw new AwsError('InvalidArgumentException', `CreateTimestamp does not match the creation time of application ${app.name}.`);
  }
  requireStatus(app, ['READY', 'RUNNING'], 'DeleteApplication');
  beginDelete(ctx, app);
  return {};
}
