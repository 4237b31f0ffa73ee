/**
 * GetMedia (kinesis-video-media): chunks from the StartSelector up to the live
 * edge, in fragment-number order, each with its MillisBehindNow and
 * continuation token; at most 3 connections per stream (the fourth gets
 * ConnectionLimitExceededException) and 25 MB/s per connection [BC-KVM; KVS limits].
 * A call returns what one second of its connection carries.
 */
import { GET_MEDIA_BYTES_PER_SECOND } from './constants';
import { resolveStream, type VideoContext } from './context';
import { forEachFragment } from './fragmentStore';
import { openGetMediaConnection } from './consumers';
import { catchUpStream } from './ingest';
import { chunkTags, encodeChunks, type ChunkTags } from './payload';
import { resolveStartSelector, type StartSelector } from './startSelector';

export function getMedia(ctx: VideoContext, input: { StreamName?: string; StreamARN?: string; StartSelector: StartSelector }): { ContentType: string; Payload: Uint8Array } {
  const s = resolveStream(ctx, input);
  const now = ctx.core.now();
  catchUpStream(ctx, s, now);
  openGetMediaConnection(s);
  const from = resolveStartSelector(s, input.StartSelector);
  const chunks: ChunkTags[] = [];
  let bytes = 0;
  forEachFragment(s, from, s.nextSeq - 1, (f) => {
    if (chunks.length > 0 && bytes + f.FragmentSizeInBytes > GET_MEDIA_BYTES_PER_SECOND) return false;
    bytes += f.FragmentSizeInBytes;
    chunks.push(chunkTags(f, now, true));
  });
  s.counters.bytesOut += bytes;
  return { ContentType: 'video/webm', Payload: encodeChunks(chunks) };
}
