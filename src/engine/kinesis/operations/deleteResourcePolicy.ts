/**
 * DeleteResourcePolicy: removes the policy of a stream or a registered
 * consumer [BC-K DeleteResourcePolicy]. A resource without one answers
 * ResourceNotFoundException (modelled text, see README).
 */
import { resourceNotFound, ValidationErrors } from '../../core/errors';
import type { KinesisContext } from '../context';
import { checkResourceArn, findResource } from '../resourceLookup';
import type { ResourceArnInput } from './getResourcePolicy';

export function deleteResourcePolicy(ctx: KinesisContext, input: ResourceArnInput): Record<string, never> {
  const v = new ValidationErrors();
  checkResourceArn(v, input.ResourceARN);
  v.throwIfAny();
  const r = findResource(ctx, input.ResourceARN);
  if (r.holder.resourcePolicy === undefined) throw resourceNotFound(`No resource policy found for resource ${r.arn}.`);
  delete r.holder.resourcePolicy;
  return {};
}
