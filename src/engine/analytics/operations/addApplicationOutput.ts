/** AddApplicationOutput: up to 3 destinations per SQL application [BC-KA2; KDA-SQL19 limits.md]. */
import { AwsError, ValidationErrors } from '../../core/errors';
import { bumpVersion, checkVersion, findApp, requireStatus, type AnalyticsContext } from '../context';
import { describeApp, isSqlApp } from '../applicationModel';
import { MAX_OUTPUTS } from '../constants';
import { parseOutput } from '../configParse';
import { checkApplicationName } from './createApplication';
import type { Output, OutputDescription } from '../types';

export function addApplicationOutput(ctx: AnalyticsContext, input: { ApplicationName: string; CurrentApplicationVersionId: number; Output: Output }): { ApplicationARN: string; ApplicationVersionId: number; OutputDescriptions: OutputDescription[] } {
  const v = new ValidationErrors();
  checkApplicationName(v, input.ApplicationName);
  v.throwIfAny();
  const app = findApp(ctx, input.ApplicationName);
  if (!isSqlApp(app)) throw new AwsError('InvalidArgumentException', 'AddApplicationOutput is only valid for SQL-1_0 applications.');
  requireStatus(app, ['READY', 'RUNNING'], 'AddApplicationOutput');
  checkVersion(app, input.CurrentApplicationVersionId);
  if (app.outputs.length >= MAX_OUTPUTS) throw new AwsError('LimitExceededException', `Application ${app.name} already has ${MAX_OUTPUTS} outputs.`);
  app.outputs.push(parseOutput(ctx, app, input.Output));
  bumpVersion(ctx, app);
  return { ApplicationARN: app.arn, ApplicationVersionId: app.versionId, OutputDescriptions: describeApp(app).ApplicationConfigurationDescription.SqlApplicationConfigurationDescription!.OutputDescriptions };
}
