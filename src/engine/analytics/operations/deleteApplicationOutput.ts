/** DeleteApplicationOutput: removes one destination by OutputId [BC-KA2]. */
import { AwsError, ValidationErrors } from '../../core/errors';
import { bumpVersion, checkVersion, findApp, requireStatus, type AnalyticsContext } from '../context';
import { checkApplicationName } from './createApplication';

export function deleteApplicationOutput(ctx: AnalyticsContext, input: { ApplicationName: string; CurrentApplicationVersionId: number; OutputId: string }): { ApplicationARN: string; ApplicationVersionId: number } {
  const v = new ValidationErrors();
  checkApplicationName(v, input.ApplicationName);
  if (input.OutputId === undefined) v.add(undefined, 'outputId', 'not be null');
  v.throwIfAny();
  const app = findApp(ctx, input.ApplicationName);
  requireStatus(app, ['READY', 'RUNNING'], 'DeleteApplicationOutput');
  checkVersion(app, input.CurrentApplicationVersionId);
  const at = app.outputs.findIndex((o) => o.outputId === input.OutputId);
  if (at < 0) throw new AwsError('ResourceNotFoundException', `Output ${input.OutputId} does not exist in application ${app.name}.`);
  app.outputs.splice(at, 1);
  bumpVersion(ctx, app);
  return { ApplicationARN: app.arn, ApplicationVersionId: app.versionId };
}
