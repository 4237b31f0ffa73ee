/**
 * UntagResource: removes tags by key from a stream or a registered consumer by
 * its ARN; keys it does not have are ignored [BC-K UntagResource: TagKeys 1..50].
 */
import { ValidationErrors } from '../../core/errors';
import type { KinesisContext } from '../context';
import { checkResourceArn, findResource } from '../resourceLookup';
import { checkTagKeyList, removeTags } from '../tags';

export interface UntagResourceInput {
  ResourceARN: string;
  TagKeys: string[];
}

export function untagResource(ctx: KinesisContext, input: UntagResourceInput): Record<string, never> {
  const v = new ValidationErrors();
  checkTagKeyList(v, input.TagKeys, 'tagKeys');
  checkResourceArn(v, input.ResourceARN);
  v.throwIfAny();
  const r = findResource(ctx, input.ResourceARN);
  removeTags(r.holder.tags, input.TagKeys);
  return {};
}
