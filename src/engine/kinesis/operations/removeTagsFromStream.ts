/**
 * RemoveTagsFromStream: removes tags by key; keys the stream does not have are
 * ignored [BC-K RemoveTagsFromStream: TagKeys 1..50 keys of 1..128 characters].
 */
import { resourceInUse, ValidationErrors } from '../../core/errors';
import { findStream, type KinesisContext } from '../context';
import { checkStreamRef } from '../validation';
import { checkTagKeyList, removeTags } from '../tags';
import type { StreamRef } from '../types';

export interface RemoveTagsFromStreamInput extends StreamRef {
  TagKeys: string[];
}

export function removeTagsFromStream(ctx: KinesisContext, input: RemoveTagsFromStreamInput): Record<string, never> {
  const v = new ValidationErrors();
  checkStreamRef(v, input);
  checkTagKeyList(v, input.TagKeys, 'tagKeys');
  v.throwIfAny();
  const s = findStream(ctx, input);
  if (s.status === 'CREATING' || s.status === 'DELETING') {
    throw resourceInUse(`Stream ${s.name} under account ${ctx.core.accountId} not ACTIVE, instead in state ${s.status}`);
  }
  removeTags(s.tags, input.TagKeys);
  return {};
}
