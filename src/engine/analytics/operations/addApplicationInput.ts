/** AddApplicationInput: a SQL application's one streaming source (a second is LimitExceededException) [BC-KA2; KDA-SQL19 how-it-works.md]. */
import { AwsError, ValidationErrors } from '../../core/errors';
import { bumpVersion, checkVersion, findApp, requireStatus, type AnalyticsContext } from '../context';
import { describeApp, isSqlApp } from '../applicationModel';
import { MAX_INPUTS } from '../constants';
import { parseInput } from '../configParse';
import { checkApplicationName } from './createApplication';
import type { Input, InputDescription } from '../types';

export function addApplicationInput(ctx: AnalyticsContext, input: { ApplicationName: string; CurrentApplicationVersionId: number; Input: Input }): { ApplicationARN: string; ApplicationVersionId: number; InputDescriptions: InputDescription[] } {
  const v = new ValidationErrors();
  checkApplicationName(v, input.ApplicationName);
  v.throwIfAny();
  const app = findApp(ctx, input.ApplicationName);
  if (!isSqlApp(app)) throw new AwsError('InvalidArgumentException', 'AddApplicationInput is only valid for SQL-1_0 applications.');
  requireStatus(app, ['READY', 'RUNNING'], 'AddApplicationInput');
  checkVersion(app, input.CurrentApplicationVersionId);
  if (app.inputs.length >= MAX_INPUTS) throw new AwsError('LimitExceededException', `Application ${app.name} already has ${MAX_INPUTS} streaming input.`);
  app.inputs.push(parseInput(ctx, app, input.Input));
  bumpVersion(ctx, app);
  return { ApplicationARN: app.arn, ApplicationVersionId: app.versionId, InputDescriptions: describeApp(app).ApplicationConfigurationDescription.SqlApplicationConfigurationDescription!.InputDescriptions };
}
