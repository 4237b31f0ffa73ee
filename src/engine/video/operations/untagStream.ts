/** UntagStream: removes the tags named in TagKeyList (1..50 keys) [BC-KV UntagStream]. */
import { resolveStream, type VideoContext } from '../context';
import { VideoValidation } from '../validation';

export function untagStream(ctx: VideoContext, input: { StreamName?: string; StreamARN?: string; TagKeyList: string[] }): Record<string, never> {
  const v = new VideoValidation();
  if (!Array.isArray(input.TagKeyList) || input.TagKeyList.length < 1 || input.TagKeyList.length > 50) v.add(input.TagKeyList, 'tagKeyList', 'have length between 1 and 50');
  v.throwIfAny();
  const s = resolveStream(ctx, input);
  for (const k of input.TagKeyList) delete s.tags[k];
  return {};
}
