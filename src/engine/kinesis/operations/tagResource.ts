/**
 * TagResource: adds or overwrites tags on a stream or a registered consumer by
 * its ARN; a resource holds at most 50 tags [BC-K TagResource].
 */
import { ValidationErrors } from '../../core/errors';
import type { KinesisContext } from '../context';
import { checkResourceArn, findResource } from '../resourceLookup';
import { addTags, checkTagMap } from '../tags';

export interface TagResourceInput {
  ResourceARN: string;
  Tags: Record<string, string>;
}

export function tagResource(ctx: KinesisContext, input: TagResourceInput): Record<string, never> {
  const v = new ValidationErrors();
  checkTagMap(v, input.Tags, 'tags', true);
  checkResourceArn(v, input.ResourceARN);
  v.throwIfAny();
  const r = findResource(ctx, input.ResourceARN);
  addTags(r.holder.tags, input.Tags, `resource ${r.arn}`);
  return {};
}
