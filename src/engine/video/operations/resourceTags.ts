/**
 * TagResource, UntagResource and ListTagsForResource: tags of a stream or a
 * signaling channel by its ARN; TagResource takes a list of {Key, Value} [BC-KV].
 */
import { resourceNotFound } from '../../core/errors';
import type { VideoContext } from '../context';
import { checkTags, VideoValidation } from '../validation';
import { mergeTags } from './tagStream';

function tagsOf(ctx: VideoContext, arn: string): Record<string, string> {
  for (const s of ctx.streams.values()) if (s.arn === arn && !s.deleted) return s.tags;
  for (const c of ctx.channels.values()) if (c.arn === arn && !c.deleted) return c.tags;
  throw resourceNotFound(`The resource ${arn} was not found.`);
}

export function tagResource(ctx: VideoContext, input: { ResourceARN: string; Tags: Array<{ Key: string; Value: string }> }): Record<string, never> {
  const v = new VideoValidation();
  v.str(input.ResourceARN, 'resourceARN', 1, 1024, undefined, true);
  if (!Array.isArray(input.Tags) || input.Tags.length < 1 || input.Tags.length > 50) v.add(input.Tags, 'tags', 'have length between 1 and 50');
  const map = Object.fromEntries((Array.isArray(input.Tags) ? input.Tags : []).map((t) => [t.Key, t.Value]));
  checkTags(v, map, 'tags');
  v.throwIfAny();
  mergeTags(tagsOf(ctx, input.ResourceARN), map);
  return {};
}

export function untagResource(ctx: VideoContext, input: { ResourceARN: string; TagKeyList: string[] }): Record<string, never> {
  const v = new VideoValidation();
  v.str(input.ResourceARN, 'resourceARN', 1, 1024, undefined, true);
  if (!Array.isArray(input.TagKeyList) || input.TagKeyList.length < 1 || input.TagKeyList.length > 50) v.add(input.TagKeyList, 'tagKeyList', 'have length between 1 and 50');
  v.throwIfAny();
  const tags = tagsOf(ctx, input.ResourceARN);
  for (const k of input.TagKeyList) delete tags[k];
  return {};
}

export function listTagsForResource(ctx: VideoContext, input: { ResourceARN: string; NextToken?: string }): { Tags: Record<string, string> } {
  const v = new VideoValidation();
  v.str(input.ResourceARN, 'resourceARN', 1, 1024, undefined, true);
  v.throwIfAny();
  return { Tags: { ...tagsOf(ctx, input.ResourceARN) } };
}
