/** TagStream: adds or replaces tags (a stream has at most 50) [BC-KV TagStream]. */
import { AwsError } from '../../core/errors';
import { MAX_TAGS } from '../constants';
import { resolveStream, type VideoContext } from '../context';
import { checkTags, VideoValidation } from '../validation';

/** Merges `tags` into `target`, refusing more than 50 in all. */
export function mergeTags(target: Record<string, string>, tags: Record<string, string>): void {
  const keys = new Set([...Object.keys(target), ...Object.keys(tags)]);
  if (keys.size > MAX_TAGS) throw new AwsError('TagsPerResourceExceededLimitException', `The resource can have at most ${MAX_TAGS} tags.`);
  Object.assign(target, tags);
}

export function tagStream(ctx: VideoContext, input: { StreamName?: string; StreamARN?: string; Tags: Record<string, string> }): Record<string, never> {
  const v = new VideoValidation();
  if (input.Tags === undefined) v.add(undefined, 'tags', 'not be null');
  checkTags(v, input.Tags, 'tags');
  v.throwIfAny();
  mergeTags(resolveStream(ctx, input).tags, input.Tags);
  return {};
}
