/**
 * AddTagsToStream: adds or overwrites up to 10 tags per call on a stream, which
 * holds at most 50 [BC-K AddTagsToStream]. The stream may be in any state but
 * DELETING's end; AWS lists ResourceInUseException, which the engine gives for
 * a stream that is not ACTIVE or UPDATING.
 */
import { invalidArgument, resourceInUse, ValidationErrors } from '../../core/errors';
import { findStream, type KinesisContext } from '../context';
import { checkStreamRef } from '../validation';
import { addTags, checkTagMap, MAX_TAGS_PER_ADD_TAGS_CALL } from '../tags';
import type { StreamRef } from '../types';

export interface AddTagsToStreamInput extends StreamRef {
  Tags: Record<string, string>;
}

export function addTagsToStream(ctx: KinesisContext, input: AddTagsToStreamInput): Record<string, never> {
  const v = new ValidationErrors();
  checkStreamRef(v, input);
  checkTagMap(v, input.Tags, 'tags', true);
  v.throwIfAny();
  const s = findStream(ctx, input);
  const what = `stream ${s.name} under account ${ctx.core.accountId}`;
  if (s.status === 'CREATING' || s.status === 'DELETING') {
    throw resourceInUse(`Stream ${s.name} under account ${ctx.core.accountId} not ACTIVE, instead in state ${s.status}`);
  }
  if (Object.keys(input.Tags).length > MAX_TAGS_PER_ADD_TAGS_CALL) {
    throw invalidArgument(`Failed to add tags to ${what} because a given request cannot have more than ${MAX_TAGS_PER_ADD_TAGS_CALL} tags.`);
  }
  addTags(s.tags, input.Tags, what);
  return {};
}
