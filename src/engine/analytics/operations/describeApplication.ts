/** DescribeApplication: the ApplicationDetail of one application [BC-KA2]. */
import { ValidationErrors } from '../../core/errors';
import { findApp, type AnalyticsContext } from '../context';
import { describeApp } from '../applicationModel';
import { checkApplicationName } from './createApplication';
import type { ApplicationDetail } from '../types';

export function describeApplication(ctx: AnalyticsContext, input: { ApplicationName: string; IncludeAdditionalDetails?: boolean }): { ApplicationDetail: ApplicationDetail } {
  const v = new ValidationErrors();
  checkApplicationName(v, input.ApplicationName);
  v.throwIfAny();
  return { ApplicationDetail: describeApp(findApp(ctx, input.ApplicationName)) };
}
