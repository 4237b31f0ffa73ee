/**
 * ListFragments: the archived (persisted) fragments of a stream, optionally in
 * a producer or server TimestampRange, MaxResults 1..1000 with NextToken. A
 * stream with retention 0 archives nothing, so it lists none; a fragment is
 * listed once PERSISTED [BC-KVAM ListFragments].
 */
import { PERSISTED_LATENCY_MS, LIST_FRAGMENTS_MAX } from '../constants';
import { resolveStream, type VideoContext } from '../context';
import { forEachFragment } from '../fragmentStore';
import { catchUpStream } from '../ingest';
import { decodePageToken, encodePageToken } from '../pageToken';
import { VideoValidation } from '../validation';
import { readRange } from './timestampRange';

export interface ListFragmentsInput {
  StreamName?: string;
  StreamARN?: string;
  MaxResults?: number;
  NextToken?: string;
  FragmentSelector?: { FragmentSelectorType: 'PRODUCER_TIMESTAMP' | 'SERVER_TIMESTAMP'; TimestampRange: { StartTimestamp: number | Date; EndTimestamp: number | Date } };
}

/** A fragment as ListFragments returns it (times in epoch ms). */
export interface FragmentOut {
  FragmentNumber: string;
  FragmentSizeInBytes: number;
  ProducerTimestamp: number;
  ServerTimestamp: number;
  FragmentLengthInMilliseconds: number;
}

export function listFragments(ctx: VideoContext, input: ListFragmentsInput): { Fragments: FragmentOut[]; NextToken?: string } {
  const v = new VideoValidation();
  v.int(input.MaxResults, 'maxResults', 1, LIST_FRAGMENTS_MAX);
  v.oneOf(input.FragmentSelector?.FragmentSelectorType, 'fragmentSelector.fragmentSelectorType', ['PRODUCER_TIMESTAMP', 'SERVER_TIMESTAMP'], input.FragmentSelector !== undefined);
  v.throwIfAny();
  const s = resolveStream(ctx, input);
  const now = ctx.core.now();
  catchUpStream(ctx, s, now);
  const range = input.FragmentSelector === undefined ? undefined : readRange(input.FragmentSelector.TimestampRange?.StartTimestamp, input.FragmentSelector.TimestampRange?.EndTimestamp);
  const byProducer = input.FragmentSelector?.FragmentSelectorType === 'PRODUCER_TIMESTAMP';
  const max = input.MaxResults ?? LIST_FRAGMENTS_MAX;
  const from = input.NextToken === undefined ? 0 : decodePageToken(input.NextToken);
  const out: FragmentOut[] = [];
  let next: number | undefined;
  if (s.retentionHours > 0) {
    forEachFragment(s, from, Number.MAX_SAFE_INTEGER, (f) => {
      if (f.ServerTimestamp + f.FragmentLengthInMilliseconds + PERSISTED_LATENCY_MS > now) return false;
      const t = byProducer ? f.ProducerTimestamp : f.ServerTimestamp;
      if (range !== undefined && (t < range[0] || t > range[1])) return;
      if (out.length === max) {
        next = f.seq;
        return false;
      }
      out.push({
        FragmentNumber: f.FragmentNumber,
        FragmentSizeInBytes: f.FragmentSizeInBytes,
        ProducerTimestamp: f.ProducerTimestamp,
        ServerTimestamp: f.ServerTimestamp,
        FragmentLengthInMilliseconds: f.FragmentLengthInMilliseconds,
      });
    });
  }
  return next === undefined ? { Fragments: out } : { Fragments: out, NextToken: encodePageToken(next) };
}
