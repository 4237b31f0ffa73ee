/**
 * PutMedia connections: at most 5 calls per second per stream (the 6th gets
 * ClientLimitExceededException); one connection per stream: the current
 * PutMedia reference says "If you attempt multiple concurrent PutMedia
 * connections, Kinesis Video Streams throttles the latest connections with a
 * ConnectionLimitExceededException error" (the 2020 limits page said the last
 * one is accepted; the simulator follows the current text): the older
 * connection keeps streaming, the newer camera retries each second. IDLE while no data
 * arrives, closed after 30 s without data, rotated at 45 minutes [KVS limits; PutMedia].
 */
import { AwsError } from '../core/errors';
import { IDLE_CLOSE_MS, PUT_MEDIA_TPS } from './constants';
import type { VideoContext } from './context';
import type { CameraState } from './camera';
import type { PutMediaSession, VideoStreamState } from './types';

const MAX_PAST_SESSIONS = 50;

/** Closes the stream's current session for `reason` (kept in a short history for the views). */
export function closeSession(ctx: VideoContext, s: VideoStreamState, reason: NonNullable<PutMediaSession['closeReason']>, at = ctx.core.now()): void {
  const old = s.session;
  if (old === null) return;
  old.status = 'CLOSED';
  old.closedAt = at;
  old.closeReason = reason;
  s.pastSessions.push(old);
  if (s.pastSessions.length > MAX_PAST_SESSIONS) s.pastSessions.shift();
  s.session = null;
  const cam = ctx.cameras.get(old.camera);
  if (cam !== undefined && cam.sessionId === old.id && cam.status === 'STREAMING' && reason !== 'ROTATED') cam.status = 'STOPPED';
  ctx.core.events.emit({ type: 'putMediaSession', time: at, stream: s.name, camera: old.camera, session: old.id, status: 'CLOSED', reason });
}

/** Opens a PutMedia connection for `cam` at `at` (a PutMedia call: counted against 5 per second). */
export function openSession(ctx: VideoContext, s: VideoStreamState, cam: CameraState, at = ctx.core.now(), reason: 'START' | 'ROTATE' = 'START'): void {
  if (reason === 'START' && s.session !== null && s.session.camera === cam.name) {
    // The camera's own connection is still open (IDLE for up to 30 s after it stopped): it sends on it
    // again. A second connection would be the newer concurrent one, which AWS throttles [PutMedia].
    s.session.status = 'OPEN';
    s.session.lastDataAt = at;
    cam.sessionId = s.session.id;
    cam.bulkReady = false;
    cam.status = 'STREAMING';
    return;
  }
  s.putMediaCallTimes = s.putMediaCallTimes.filter((x) => x > at - 1000);
  s.counters.putMediaCalls++;
  if (s.putMediaCallTimes.length >= PUT_MEDIA_TPS) {
    s.counters.putMediaThrottled++;
    cam.status = 'THROTTLED';
    // The producer SDK backs off and retries; the simulator retries after a second.
    ctx.core.scheduleEventAt(at + 1000, 'video.cameraRetry', { camera: cam.name });
    throw new AwsError('ClientLimitExceededException', `PutMedia calls to stream ${s.name} exceeded ${PUT_MEDIA_TPS} per second.`);
  }
  s.putMediaCallTimes.push(at);
  if (s.session !== null && s.session.camera !== cam.name) {
    s.counters.putMediaThrottled++;
    cam.status = 'REFUSED';
    ctx.core.scheduleEventAt(at + 1000, 'video.cameraRetry', { camera: cam.name });
    throw new AwsError('ConnectionLimitExceededException', `Stream ${s.name} already has a PutMedia connection (from ${s.session.camera}); one is allowed per stream.`);
  }
  // Rotation: the producer SDK ends its old connection as it opens the next, so the stream still has one.
  if (s.session !== null) closeSession(ctx, s, 'ROTATED', at);
  const session: PutMediaSession = { id: ctx.nextSessionId++, camera: cam.name, openedAt: at, lastDataAt: at, status: 'OPEN' };
  s.session = session;
  cam.sessionId = session.id;
  cam.bulkReady = false;
  cam.status = 'STREAMING';
  ctx.core.events.emit({ type: 'putMediaSession', time: at, stream: s.name, camera: cam.name, session: session.id, status: 'OPEN' });
}

/** Registers the PutMedia data-event handlers (once, at service creation). */
export function registerSessionHandlers(ctx: VideoContext, retry: (camera: string) => void): void {
  ctx.core.registerHandler<{ stream: string; session: number }>('video.idleClose', ({ stream, session }) => {
    const s = ctx.streams.get(stream);
    if (s === undefined || s.session === null || s.session.id !== session || s.session.status !== 'IDLE') return;
    if (ctx.core.now() - s.session.lastDataAt >= IDLE_CLOSE_MS) closeSession(ctx, s, 'IDLE_TIMEOUT');
  });
  ctx.core.registerHandler<{ camera: string }>('video.cameraRetry', ({ camera }) => retry(camera));
}
