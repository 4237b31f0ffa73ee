/** ListTagsForStream: the stream's tags as a map [BC-KV ListTagsForStream]. */
import { resolveStream, type VideoContext } from '../context';

export function listTagsForStream(ctx: VideoContext, input: { StreamName?: string; StreamARN?: string; NextToken?: string }): { Tags: Record<string, string> } {
  return { Tags: { ...resolveStream(ctx, input).tags } };
}
