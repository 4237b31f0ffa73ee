/**
 * What GetHLSStreamingSessionURL and GetDASHStreamingSessionURL share: the
 * playback mode (LIVE, LIVE_REPLAY, ON_DEMAND; default LIVE), the fragment
 * selector, Expires (300..43,200 s) and the playlist size (1..5,000; default 5
 * live, 1,000 on demand). Retention 0 gives NoDataRetentionException; a LIVE
 * session needs a fragment in the last 30 s and a replay or on-demand one a
 * fragment in its range, else ResourceNotFoundException [BC-KVAM].
 */
import { AwsError, invalidArgument, resourceNotFound } from '../../core/errors';
import {
  LIVE_RECENT_MS,
  PLAYLIST_DEFAULT_LIVE,
  PLAYLIST_DEFAULT_ON_DEMAND,
  PLAYLIST_MAX_RANGE,
  SESSION_EXPIRES_DEFAULT_S,
  SESSION_EXPIRES_RANGE,
} from '../constants';
import { resolveStream, type VideoContext } from '../context';
import { firstSeqAtTime, seqBounds, fragmentBySeq } from '../fragmentStore';
import { catchUpStream } from '../ingest';
import { createStreamingSession } from '../streamingSession';
import { toMs } from '../startSelector';
import type { StreamingSession } from '../types';
import { VideoValidation } from '../validation';

/** The common request fields (HLS names; DASH's are mapped onto them). */
export interface SessionRequest {
  StreamName?: string;
  StreamARN?: string;
  PlaybackMode?: 'LIVE' | 'LIVE_REPLAY' | 'ON_DEMAND';
  Selector?: { FragmentSelectorType?: 'PRODUCER_TIMESTAMP' | 'SERVER_TIMESTAMP'; TimestampRange?: { StartTimestamp?: number | Date; EndTimestamp?: number | Date } };
  Expires?: number;
  MaxFragments?: number;
}

/** Checks a session request and creates the session (revoking the oldest of 10). */
export function openStreamingSession(ctx: VideoContext, protocol: 'HLS' | 'DASH', r: SessionRequest, fields: { selector: string; max: string }): StreamingSession {
  const v = new VideoValidation();
  v.oneOf(r.PlaybackMode, 'playbackMode', ['LIVE', 'LIVE_REPLAY', 'ON_DEMAND']);
  v.oneOf(r.Selector?.FragmentSelectorType, `${fields.selector}.fragmentSelectorType`, ['PRODUCER_TIMESTAMP', 'SERVER_TIMESTAMP']);
  v.int(r.Expires, 'expires', SESSION_EXPIRES_RANGE[0], SESSION_EXPIRES_RANGE[1]);
  v.int(r.MaxFragments, fields.max, PLAYLIST_MAX_RANGE[0], PLAYLIST_MAX_RANGE[1]);
  v.throwIfAny();
  const s = resolveStream(ctx, r);
  const now = ctx.core.now();
  catchUpStream(ctx, s, now);
  if (s.retentionHours === 0) throw new AwsError('NoDataRetentionException', `${protocol} playback needs a stream that retains data; ${s.name} has a data retention of 0 hours.`);
  const mode = r.PlaybackMode ?? 'LIVE';
  const selectorType = r.Selector?.FragmentSelectorType ?? 'SERVER_TIMESTAMP';
  const start = toMs(r.Selector?.TimestampRange?.StartTimestamp);
  const end = toMs(r.Selector?.TimestampRange?.EndTimestamp);
  const kind = selectorType === 'SERVER_TIMESTAMP' ? 'SERVER' : 'PRODUCER';
  if (mode === 'LIVE') {
    if (r.Selector?.TimestampRange !== undefined) throw invalidArgument('TimestampRange must not be set when PlaybackMode is LIVE.');
    const b = seqBounds(s);
    const last = b === undefined ? undefined : fragmentBySeq(s, b[1]);
    if (last === undefined || last.ServerTimestamp < now - LIVE_RECENT_MS) throw resourceNotFound(`No fragments found in stream ${s.name} in the last 30 seconds.`);
  } else {
    if (start === undefined) throw invalidArgument(`StartTimestamp is required when PlaybackMode is ${mode}.`);
    if (mode === 'ON_DEMAND' && end === undefined) throw invalidArgument('EndTimestamp is required when PlaybackMode is ON_DEMAND.');
    if (end !== undefined && end <= start) throw invalidArgument('StartTimestamp must be before EndTimestamp.');
    if (end !== undefined && end - start > 24 * 3600 * 1000) throw invalidArgument('EndTimestamp must be within 24 hours of StartTimestamp.');
    const first = firstSeqAtTime(s, start, kind);
    const f = first === undefined ? undefined : fragmentBySeq(s, first);
    const t = f === undefined ? undefined : kind === 'SERVER' ? f.ServerTimestamp : f.ProducerTimestamp;
    if (t === undefined || (end !== undefined && t > end)) throw resourceNotFound(`No fragments found in stream ${s.name} in the requested time range.`);
  }
  return createStreamingSession(ctx, s, {
    protocol,
    mode,
    selectorType,
    start,
    end,
    maxFragments: r.MaxFragments ?? (mode === 'ON_DEMAND' ? PLAYLIST_DEFAULT_ON_DEMAND : PLAYLIST_DEFAULT_LIVE),
    expiresSeconds: r.Expires ?? SESSION_EXPIRES_DEFAULT_S,
    replayOrigin: mode === 'LIVE_REPLAY' ? now : undefined,
  });
}
