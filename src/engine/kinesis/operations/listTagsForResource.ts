/**
 * ListTagsForResource: every tag of a stream or a registered consumer by its
 * ARN, in key order (no paging in this operation's model) [BC-K ListTagsForResource].
 */
import { ValidationErrors } from '../../core/errors';
import type { KinesisContext } from '../context';
import { checkResourceArn, findResource } from '../resourceLookup';
import { tagList } from '../tags';

export interface ListTagsForResourceInput {
  ResourceARN: string;
}
export interface ListTagsForResourceOutput {
  Tags: Array<{ Key: string; Value: string }>;
}

export function listTagsForResource(ctx: KinesisContext, input: ListTagsForResourceInput): ListTagsForResourceOutput {
  const v = new ValidationErrors();
  checkResourceArn(v, input.ResourceARN);
  v.throwIfAny();
  return { Tags: tagList(findResource(ctx, input.ResourceARN).holder.tags) };
}
