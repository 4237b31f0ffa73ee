/**
 * StopApplication: RUNNING -> STOPPING -> READY; Force=true also stops an
 * application that is STARTING, UPDATING or AUTOSCALING (the only call allowed
 * while autoscaling) without a snapshot [BC-KA2; LIVE how-scaling-auto].
 */
import { ValidationErrors } from '../../core/errors';
import { findApp, requireStatus, type AnalyticsContext } from '../context';
import { beginStop } from '../runtime/lifecycle';
import { checkApplicationName } from './createApplication';

export function stopApplication(ctx: AnalyticsContext, input: { ApplicationName: string; Force?: boolean }): Record<string, never> {
  const v = new ValidationErrors();
  checkApplicationName(v, input.ApplicationName);
  v.throwIfAny();
  const app = findApp(ctx, input.ApplicationName);
  const force = input.Force === true;
  requireStatus(app, force ? ['RUNNING', 'STARTING', 'UPDATING', 'AUTOSCALING'] : ['RUNNING'], force ? 'StopApplication with Force' : 'StopApplication');
  beginStop(ctx, app, force);
  return {};
}
