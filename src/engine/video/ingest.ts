/**
 * Ingest: the streaming camera of a stream cuts and sends its fragments up to
 * a time, each checked as PutMedia checks it (tracks 4012, duration 4002 and
 * the 1 s minimum, size 4001, timecode order 4004, then the stream's 5
 * fragments/s and 12.5 MB/s), numbered when accepted, stored, expired.
 * Cameras are a pure function of time, so catching up is a loop, not an event per fragment.
 */
import { isAwsError } from '../core/errors';
import {
  MAX_CONNECTION_MS,
  MAX_FRAGMENT_BYTES,
  MAX_FRAGMENT_MS,
  MAX_TRACKS,
  MIN_FRAGMENT_MS,
  PUT_MEDIA_BYTES_PER_SECOND,
  PUT_MEDIA_FRAGMENTS_PER_SECOND,
  RECEIVED_LATENCY_MS,
} from './constants';
import type { VideoContext } from './context';
import { fragmentDurationMs, fragmentSizeBytes, type CameraState } from './camera';
import { appendFragment, appendRegular } from './fragmentStore';
import { openSession } from './putMediaSession';
import { expireStream } from './storage';
import type { RefusalReason, VideoStreamState } from './types';
import { catchUpReaders, viewFragment, viewFragments } from './consumers';
import { sessionById } from './streamingSession';

const MAX_REFUSED_KEPT = 500;

/** Brings a stream up to `t`: its camera's fragments, expiry, then its consumers. */
export function catchUpStream(ctx: VideoContext, s: VideoStreamState, t: number): void {
  if (s.deleted) return;
  const cam = s.session !== null && s.session.status === 'OPEN' ? ctx.cameras.get(s.session.camera) : undefined;
  if (cam !== undefined && cam.status === 'STREAMING' && cam.sessionId === s.session!.id) ingestUntil(ctx, s, cam, t);
  expireStream(s, t);
  catchUpReaders(ctx, s, t);
}

/** Brings every stream up to `t` (the after-advance hook). */
export function catchUpAll(ctx: VideoContext, t: number): void {
  for (const s of ctx.streams.values()) catchUpStream(ctx, s, t);
}

function refusal(cam: CameraState, s: VideoStreamState, dur: number, size: number, producer: number, server: number): [RefusalReason, number?] | undefined {
  if (cam.tracks > MAX_TRACKS) return ['ERROR_4012_TOO_MANY_TRACKS', 4012];
  if (dur > MAX_FRAGMENT_MS) return ['ERROR_4002_FRAGMENT_TOO_LONG', 4002];
  if (size > MAX_FRAGMENT_BYTES) return ['ERROR_4001_FRAGMENT_TOO_LARGE', 4001];
  if (producer < cam.lastProducerEnd) return ['ERROR_4004_TIMECODE_OUT_OF_ORDER', 4004];
  // Stream limits: a fragment arriving faster than 12.5 MB/s, or a sixth in one second, is throttled.
  if ((size * 1000) / dur > PUT_MEDIA_BYTES_PER_SECOND) return ['THROTTLED_BYTES_PER_SECOND'];
  const second = Math.floor(server / 1000);
  if (second !== s.windowSecond) {
    s.windowSecond = second;
    s.windowFragments = 0;
    s.windowBytes = 0;
  }
  if (s.windowFragments >= PUT_MEDIA_FRAGMENTS_PER_SECOND) return ['THROTTLED_FRAGMENTS_PER_SECOND'];
  s.windowFragments++;
  s.windowBytes += size;
  if (dur < MIN_FRAGMENT_MS) return ['MIN_FRAGMENT_DURATION_REACHED'];
  return undefined;
}

function ingestUntil(ctx: VideoContext, s: VideoStreamState, cam: CameraState, t: number): void {
  const dur = fragmentDurationMs(cam);
  const size = fragmentSizeBytes(cam);
  const hooks = ctx.fragmentHooks;
  // Fragment listeners and the reference switch want every fragment one by one.
  const runs = hooks.length === 0 && ctx.perFragment !== true && dur >= MIN_FRAGMENT_MS;
  for (;;) {
    const start = cam.nextStart;
    // A fragment is complete (RECEIVED) once its last frame has arrived.
    if (start + dur + cam.networkLatencyMs + RECEIVED_LATENCY_MS > t) return;
    if (runs && cam.bulkReady && bulk(ctx, s, cam, t, dur, size)) continue;
    const session = s.session!;
    if (start - session.openedAt >= MAX_CONNECTION_MS) {
      // The producer SDK rotates the connection before its 45-minute limit: a new PutMedia call.
      try {
        openSession(ctx, s, cam, start, 'ROTATE');
      } catch (e) {
        if (isAwsError(e)) return;
        throw e;
      }
    }
    const producer = start + cam.clockSkewMs;
    const server = start + cam.networkLatencyMs;
    cam.nextStart = start + dur;
    cam.produced++;
    expireStream(s, server);
    const refused = refusal(cam, s, dur, size, producer, server);
    if (refused !== undefined) {
      cam.bulkReady = false;
      cam.refused++;
      s.counters.fragmentsRefused++;
      s.counters.refusedByReason[refused[0]] = (s.counters.refusedByReason[refused[0]] ?? 0) + 1;
      s.refused.push({ camera: cam.name, session: s.session!.id, producerTimestamp: producer, serverTimestamp: server, durationMs: dur, sizeBytes: size, reason: refused[0], errorId: refused[1] });
      if (s.refused.length > MAX_REFUSED_KEPT) s.refused.shift();
      ctx.core.events.emit({ type: 'fragmentRefused', time: server + dur, stream: s.name, camera: cam.name, reason: refused[0], errorId: refused[1] });
      continue;
    }
    cam.lastProducerEnd = producer + dur;
    cam.bulkReady = true;
    const seq = appendFragment(s, { firstProducer: producer, firstServer: server, durationMs: dur, sizeBytes: size, tracks: cam.tracks, camera: cam.name, session: s.session!.id });
    s.session!.lastDataAt = server + dur;
    s.counters.fragmentsIn++;
    s.counters.bytesIn += size;
    viewFragment(ctx, s, seq, server, size);
    for (let h = 0; h < hooks.length; h++) hooks[h](s, seq, producer, server, dur, cam.name);
  }
}

/**
 * The fast path: after an accepted fragment, the ones that follow with the same
 * settings pass the same checks (their producer times continue it, and at one
 * per second or slower the per-second window holds one each), so all that are
 * complete by `t`, before the connection's 45-minute rotation and before a
 * viewer's session expires, are appended at once, in closed form.
 */
function bulk(ctx: VideoContext, s: VideoStreamState, cam: CameraState, t: number, dur: number, size: number): boolean {
  const start0 = cam.nextStart;
  const session = s.session!;
  let n = Math.floor((t - start0 - dur - cam.networkLatencyMs - RECEIVED_LATENCY_MS) / dur) + 1;
  n = Math.min(n, Math.ceil((session.openedAt + MAX_CONNECTION_MS - start0) / dur));
  const server0 = start0 + cam.networkLatencyMs;
  const viewers = s.hlsViewers;
  for (let i = 0; i < viewers.length; i++) {
    const v = ctx.viewers.get(viewers[i])!;
    if (v.status !== 'WATCHING') continue;
    const vs = sessionById(s, v.session);
    if (vs === undefined || vs.status !== 'ACTIVE') return false;
    n = Math.min(n, Math.ceil((vs.expiresAt - server0) / dur));
  }
  if (!(n > 0)) return false;
  const producer0 = start0 + cam.clockSkewMs;
  appendRegular(s, producer0, server0, dur, size, cam.tracks, cam.name, session.id, n);
  const lastServer = server0 + (n - 1) * dur;
  cam.nextStart = start0 + n * dur;
  cam.produced += n;
  cam.lastProducerEnd = producer0 + n * dur;
  session.lastDataAt = lastServer + dur;
  s.counters.fragmentsIn += n;
  s.counters.bytesIn += n * size;
  s.windowSecond = Math.floor(lastServer / 1000);
  s.windowFragments = 1;
  s.windowBytes = size;
  viewFragments(ctx, s, s.nextSeq - 1, lastServer, size, n);
  return true;
}
