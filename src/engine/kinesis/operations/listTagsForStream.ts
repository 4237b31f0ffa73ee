/**
 * ListTagsForStream: the stream's tags in key order, `Limit` (1..50) at a time;
 * HasMoreTags says more follow, and the next page starts after
 * ExclusiveStartTagKey, the last key returned [BC-K ListTagsForStream].
 */
import { ValidationErrors } from '../../core/errors';
import { findStream, type KinesisContext } from '../context';
import { checkInt, checkStreamRef, checkString } from '../validation';
import { MAX_TAGS_PER_RESOURCE, TAG_KEY_MAX, tagList } from '../tags';
import type { StreamRef } from '../types';

export interface ListTagsForStreamInput extends StreamRef {
  ExclusiveStartTagKey?: string;
  Limit?: number;
}
export interface ListTagsForStreamOutput {
  Tags: Array<{ Key: string; Value: string }>;
  HasMoreTags: boolean;
}

export function listTagsForStream(ctx: KinesisContext, input: ListTagsForStreamInput): ListTagsForStreamOutput {
  const v = new ValidationErrors();
  checkStreamRef(v, input);
  checkString(v, input.ExclusiveStartTagKey, 'exclusiveStartTagKey', 1, TAG_KEY_MAX);
  checkInt(v, input.Limit, 'limit', 1, MAX_TAGS_PER_RESOURCE);
  v.throwIfAny();
  const s = findStream(ctx, input);
  let tags = tagList(s.tags);
  const after = input.ExclusiveStartTagKey;
  if (after !== undefined) tags = tags.filter((t) => t.Key > after);
  // Without Limit every tag fits in one page: a stream holds at most 50, the largest Limit.
  const limit = input.Limit ?? MAX_TAGS_PER_RESOURCE;
  return { Tags: tags.slice(0, limit), HasMoreTags: tags.length > limit };
}
