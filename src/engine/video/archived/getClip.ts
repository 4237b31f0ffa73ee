/**
 * GetClip: one MP4 for a producer or server time range within 24 hours
 * (a SERVER_TIMESTAMP range must lie in the past); it holds at most the first
 * 100 MB or 200 fragments of the range. Needs retention > 0 (NoDataRetentionException);
 * a range with no fragments gives ResourceNotFoundException [BC-KVAM GetClip].
 * The MP4 bytes are decorative: the payload lists the fragments it covers.
 */
import { AwsError, invalidArgument, resourceNotFound } from '../../core/errors';
import { CLIP_MAX_BYTES, CLIP_MAX_FRAGMENTS } from '../constants';
import { resolveStream, type VideoContext } from '../context';
import { firstSeqAtTime, forEachFragment } from '../fragmentStore';
import { catchUpStream } from '../ingest';
import { chunkTags, encodeChunks, type ChunkTags } from '../payload';
import { VideoValidation } from '../validation';
import { readRange } from './timestampRange';

export interface GetClipInput {
  StreamName?: string;
  StreamARN?: string;
  ClipFragmentSelector: { FragmentSelectorType: 'PRODUCER_TIMESTAMP' | 'SERVER_TIMESTAMP'; TimestampRange: { StartTimestamp: number | Date; EndTimestamp: number | Date } };
}

export function getClip(ctx: VideoContext, input: GetClipInput): { ContentType: string; Payload: Uint8Array } {
  const v = new VideoValidation();
  v.oneOf(input.ClipFragmentSelector?.FragmentSelectorType, 'clipFragmentSelector.fragmentSelectorType', ['PRODUCER_TIMESTAMP', 'SERVER_TIMESTAMP'], true);
  v.throwIfAny();
  const s = resolveStream(ctx, input);
  const now = ctx.core.now();
  catchUpStream(ctx, s, now);
  if (s.retentionHours === 0) throw new AwsError('NoDataRetentionException', `GetClip needs a stream that retains data; ${s.name} has a data retention of 0 hours.`);
  const sel = input.ClipFragmentSelector;
  const [a, b] = readRange(sel.TimestampRange?.StartTimestamp, sel.TimestampRange?.EndTimestamp, { max24h: true, field: 'ClipFragmentSelector.TimestampRange' });
  const server = sel.FragmentSelectorType === 'SERVER_TIMESTAMP';
  if (server && b > now) throw invalidArgument('For SERVER_TIMESTAMP, the clip range must lie in the past.');
  const from = firstSeqAtTime(s, a, server ? 'SERVER' : 'PRODUCER');
  const chunks: ChunkTags[] = [];
  let bytes = 0;
  if (from !== undefined) {
    forEachFragment(s, from, s.nextSeq - 1, (f) => {
      const t = server ? f.ServerTimestamp : f.ProducerTimestamp;
      if (t > b || chunks.length >= CLIP_MAX_FRAGMENTS || bytes + f.FragmentSizeInBytes > CLIP_MAX_BYTES) return false;
      bytes += f.FragmentSizeInBytes;
      chunks.push(chunkTags(f, now, false));
    });
  }
  if (chunks.length === 0) throw resourceNotFound(`No fragments found in stream ${s.name} in the requested time range.`);
  s.counters.bytesOut += bytes;
  return { ContentType: 'video/mp4', Payload: encodeChunks(chunks) };
}
