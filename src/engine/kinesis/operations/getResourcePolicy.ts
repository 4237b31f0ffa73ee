/**
 * GetResourcePolicy: the policy attached to a stream or a registered consumer,
 * as the JSON string given to PutResourcePolicy; `{}` when none is attached
 * (modelled, see README) [BC-K GetResourcePolicy].
 */
import { ValidationErrors } from '../../core/errors';
import type { KinesisContext } from '../context';
import { checkResourceArn, findResource } from '../resourceLookup';

export interface ResourceArnInput {
  ResourceARN: string;
}
export interface GetResourcePolicyOutput {
  Policy: string;
}

export function getResourcePolicy(ctx: KinesisContext, input: ResourceArnInput): GetResourcePolicyOutput {
  const v = new ValidationErrors();
  checkResourceArn(v, input.ResourceARN);
  v.throwIfAny();
  return { Policy: findResource(ctx, input.ResourceARN).holder.resourcePolicy ?? '{}' };
}
