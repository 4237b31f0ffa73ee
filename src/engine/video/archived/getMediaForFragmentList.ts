/**
 * GetMediaForFragmentList: the media of up to 1,000 named fragments, in the
 * order given; an unknown or expired number gives ResourceNotFoundException [BC-KVAM; KVS limits].
 */
import { invalidArgument, resourceNotFound } from '../../core/errors';
import { MAX_FRAGMENT_LIST } from '../constants';
import { resolveStream, type VideoContext } from '../context';
import { fragmentBySeq } from '../fragmentStore';
import { parseFragmentNumber } from '../fragmentNumber';
import { catchUpStream } from '../ingest';
import { chunkTags, encodeChunks } from '../payload';

export function getMediaForFragmentList(ctx: VideoContext, input: { StreamName?: string; StreamARN?: string; Fragments: string[] }): { ContentType: string; Payload: Uint8Array } {
  if (!Array.isArray(input.Fragments) || input.Fragments.length < 1 || input.Fragments.length > MAX_FRAGMENT_LIST) {
    throw invalidArgument(`Fragments must list between 1 and ${MAX_FRAGMENT_LIST} fragment numbers.`);
  }
  const s = resolveStream(ctx, input);
  const now = ctx.core.now();
  catchUpStream(ctx, s, now);
  const chunks = input.Fragments.map((n) => {
    const seq = parseFragmentNumber(s.index, n);
    const f = seq === undefined ? undefined : fragmentBySeq(s, seq);
    if (f === undefined) throw resourceNotFound(`Fragment ${n} was not found in stream ${s.name}.`);
    s.counters.bytesOut += f.FragmentSizeInBytes;
    return chunkTags(f, now, false);
  });
  return { ContentType: 'video/webm', Payload: encodeChunks(chunks) };
}
