/**
 * Long-running consumers of a video stream, as plain data: GetMedia readers
 * (3 connections per stream, 25 MB/s each, MillisBehindNow) and HLS viewers
 * (a LIVE session each, renewed when it expires; revoked by an 11th session).
 */
import { AwsError, resourceInUse, resourceNotFound } from '../core/errors';
import { GET_MEDIA_BYTES_PER_SECOND, GET_MEDIA_CONNECTIONS, RECEIVED_LATENCY_MS } from './constants';
import { resolveStream, type VideoContext } from './context';
import { fragmentBySeq, firstSeqAtOrAfter, runOfSeq } from './fragmentStore';
import { resolveStartSelector, type StartSelector } from './startSelector';
import { createStreamingSession, sessionById } from './streamingSession';
import { openStreamingSession } from './archived/streamingSessionRequest';
import type { VideoStreamState } from './types';

/** A GetMedia connection held open by a reader. */
export interface GetMediaReader {
  name: string;
  stream: string;
  nextSeq: number;
  /** When the connection has finished sending what it has read (25 MB/s). */
  busyUntil: number;
  fragments: number;
  bytes: number;
  lastServerTimestamp?: number;
  lastFragmentSeq?: number;
  status: 'READING' | 'CLOSED';
}

/** An HLS viewer: holds a LIVE session and downloads each new fragment once. */
export interface HlsViewer {
  name: string;
  stream: string;
  session: number;
  fragments: number;
  bytes: number;
  lastSeq?: number;
  lastServerTimestamp?: number;
  renewals: number;
  status: 'WATCHING' | 'REVOKED' | 'STOPPED';
  expiresSeconds: number;
}

/** Opens a GetMedia reader; a fourth connection on a stream gets ConnectionLimitExceededException. */
export function addGetMediaReader(ctx: VideoContext, name: string, streamName: string, selector: StartSelector = { StartSelectorType: 'NOW' }): GetMediaReader {
  if (ctx.readers.has(name)) throw resourceInUse(`Reader ${name} already exists.`);
  const s = resolveStream(ctx, { StreamName: streamName });
  openGetMediaConnection(s);
  const r: GetMediaReader = { name, stream: s.name, nextSeq: resolveStartSelector(s, selector), busyUntil: ctx.core.now(), fragments: 0, bytes: 0, status: 'READING' };
  ctx.readers.set(name, r);
  s.getMediaReaders.push(name);
  return r;
}

/** Counts one more GetMedia connection against the stream's 3, or refuses it. */
export function openGetMediaConnection(s: VideoStreamState): void {
  if (s.getMediaReaders.length >= GET_MEDIA_CONNECTIONS) {
    s.counters.getMediaRejected++;
    throw new AwsError('ConnectionLimitExceededException', `Stream ${s.name} already has ${GET_MEDIA_CONNECTIONS} GetMedia connections, the most allowed.`);
  }
}

/** Closes a reader's connection. */
export function removeGetMediaReader(ctx: VideoContext, name: string): void {
  const r = ctx.readers.get(name);
  if (r === undefined) throw resourceNotFound(`Reader ${name} not found.`);
  r.status = 'CLOSED';
  ctx.readers.delete(name);
  const s = ctx.streams.get(r.stream);
  if (s !== undefined) s.getMediaReaders = s.getMediaReaders.filter((x) => x !== name);
}

/** Starts an HLS viewer on a LIVE session (GetHLSStreamingSessionURL's rules apply: retention > 0, a fragment in the last 30 s). */
export function addHlsViewer(ctx: VideoContext, name: string, streamName: string, expiresSeconds = 43200): HlsViewer {
  if (ctx.viewers.has(name)) throw resourceInUse(`Viewer ${name} already exists.`);
  const s = resolveStream(ctx, { StreamName: streamName });
  const session = openStreamingSession(ctx, 'HLS', { StreamName: streamName, PlaybackMode: 'LIVE', Expires: expiresSeconds }, { selector: 'hLSFragmentSelector', max: 'maxMediaPlaylistFragmentResults' });
  const v: HlsViewer = { name, stream: s.name, session: session.id, fragments: 0, bytes: 0, renewals: 0, status: 'WATCHING', expiresSeconds };
  ctx.viewers.set(name, v);
  s.hlsViewers.push(name);
  return v;
}

/** Stops an HLS viewer. */
export function removeHlsViewer(ctx: VideoContext, name: string): void {
  const v = ctx.viewers.get(name);
  if (v === undefined) throw resourceNotFound(`Viewer ${name} not found.`);
  ctx.viewers.delete(name);
  const s = ctx.streams.get(v.stream);
  if (s !== undefined) s.hlsViewers = s.hlsViewers.filter((x) => x !== name);
}

/** Each watching viewer downloads a newly arrived fragment once (billed as HLS output). */
export function viewFragment(ctx: VideoContext, s: VideoStreamState, seq: number, server: number, size: number): void {
  const names = s.hlsViewers;
  for (let i = 0; i < names.length; i++) {
    const v = ctx.viewers.get(names[i])!;
    if (v.status !== 'WATCHING') continue;
    let session = sessionById(s, v.session);
    if (session === undefined || session.status === 'REVOKED') {
      v.status = 'REVOKED';
      continue;
    }
    if (server >= session.expiresAt) {
      // The player asks for a new session URL when its session expires.
      session.status = 'EXPIRED';
      session = createStreamingSession(ctx, s, { protocol: 'HLS', mode: 'LIVE', selectorType: 'SERVER_TIMESTAMP', maxFragments: 5, expiresSeconds: v.expiresSeconds }, server);
      v.session = session.id;
      v.renewals++;
    }
    v.fragments++;
    v.bytes += size;
    v.lastSeq = seq;
    v.lastServerTimestamp = server;
    s.counters.bytesOutHls += size;
  }
}

/** The fast path of viewFragment: `n` fragments of `size` ending with `lastSeq`, none crossing a session's expiry. */
export function viewFragments(ctx: VideoContext, s: VideoStreamState, lastSeq: number, lastServer: number, size: number, n: number): void {
  for (const name of s.hlsViewers) {
    const v = ctx.viewers.get(name)!;
    if (v.status !== 'WATCHING') continue;
    v.fragments += n;
    v.bytes += n * size;
    v.lastSeq = lastSeq;
    v.lastServerTimestamp = lastServer;
    s.counters.bytesOutHls += n * size;
  }
}

/** Readers read what has arrived, in fragment-number order, at up to 25 MB/s each. */
export function catchUpReaders(ctx: VideoContext, s: VideoStreamState, t: number): void {
  for (const name of s.getMediaReaders) {
    const r = ctx.readers.get(name)!;
    for (;;) {
      const seq = firstSeqAtOrAfter(s, r.nextSeq);
      if (seq === undefined || seq >= s.nextSeq) break;
      if (ctx.perFragment !== true && readRunCaughtUp(s, r, seq, t)) continue;
      const f = fragmentBySeq(s, seq)!;
      const readAt = Math.max(f.ServerTimestamp + f.FragmentLengthInMilliseconds + RECEIVED_LATENCY_MS, r.busyUntil);
      if (readAt > t) break;
      r.busyUntil = readAt + (f.FragmentSizeInBytes * 1000) / GET_MEDIA_BYTES_PER_SECOND;
      r.nextSeq = seq + 1;
      r.fragments++;
      r.bytes += f.FragmentSizeInBytes;
      r.lastServerTimestamp = f.ServerTimestamp;
      r.lastFragmentSeq = seq;
      s.counters.bytesOut += f.FragmentSizeInBytes;
    }
  }
}

/**
 * A reader that has caught up reads each fragment of a run as soon as it is
 * whole: sending one (size / 25 MB/s) takes less than its duration (PutMedia's
 * 12.5 MB/s is half of GetMedia's 25 MB/s), so its connection is free again
 * before the next one completes. Those reads are added in one step, by
 * arithmetic on the run, with the same values the fragment-by-fragment loop
 * gives (integer times, so every read time is exact). False when the reader is
 * still behind (busy past the fragment's completion) or nothing is due by `t`.
 */
function readRunCaughtUp(s: VideoStreamState, r: GetMediaReader, seq: number, t: number): boolean {
  const run = runOfSeq(s, seq);
  if (run === undefined) return false;
  const dur = run.durationMs;
  const send = (run.sizeBytes * 1000) / GET_MEDIA_BYTES_PER_SECOND;
  if (!Number.isSafeInteger(run.firstServer) || !Number.isSafeInteger(dur) || dur <= 0 || send > dur) return false;
  const i0 = seq - run.firstSeq;
  // Fragment i is whole (readable) at completeAt(i).
  const completeAt = (i: number) => run.firstServer + i * dur + dur + RECEIVED_LATENCY_MS;
  if (r.busyUntil > completeAt(i0)) return false;
  const lastStored = Math.min(run.count, s.nextSeq - run.firstSeq) - 1;
  let i1 = Math.min(lastStored, Math.floor((t - run.firstServer - dur - RECEIVED_LATENCY_MS) / dur));
  // The division may round at a boundary; settle i1 on the exact comparison the loop makes.
  while (i1 >= i0 && completeAt(i1) > t) i1--;
  while (i1 + 1 <= lastStored && completeAt(i1 + 1) <= t) i1++;
  if (i1 < i0) return false;
  const k = i1 - i0 + 1;
  r.busyUntil = completeAt(i1) + send;
  r.nextSeq = run.firstSeq + i1 + 1;
  r.fragments += k;
  r.bytes += k * run.sizeBytes;
  r.lastServerTimestamp = run.firstServer + i1 * dur;
  r.lastFragmentSeq = run.firstSeq + i1;
  s.counters.bytesOut += k * run.sizeBytes;
  return true;
}

/** MillisBehindNow of a reader at `t`: now minus the server time of the last fragment it was sent [BC-KVM chunk tags]. */
export function millisBehindNow(r: GetMediaReader, t: number): number | undefined {
  return r.lastServerTimestamp === undefined ? undefined : t - r.lastServerTimestamp;
}
