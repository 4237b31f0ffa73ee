/**
 * Camera producers: a frame rate, bitrate, keyframe interval, resolution label,
 * tracks and producer clock skew. The producer SDK cuts a fragment at each
 * keyframe (key_frame_fragmentation), so a fragment lasts keyframe interval / fps
 * and weighs bitrate x duration [KVS-DG20 how-data, producer SDK].
 */
import { invalidArgument, isAwsError, resourceInUse, resourceNotFound, ValidationErrors } from '../core/errors';
import type { VideoContext } from './context';
import { openSession } from './putMediaSession';
import { catchUpStream } from './ingest';

/** Resolution labels and the bitrate a camera uses by default (720p25 is about 5 Mbps [KVS-DG20 how-data]; the others scale from it). */
export const RESOLUTION_KBPS = { '480p': 1500, '720p': 5000, '1080p': 8000, '4K': 25000 } as const;
export type Resolution = keyof typeof RESOLUTION_KBPS;

/** What a camera is configured with (scenario command `addCamera`). */
export interface CameraConfig {
  name: string;
  streamName: string;
  /** Frames per second (the producer SDK's default is 24). */
  fps?: number;
  /** Encoder bitrate in kbit/s (default by resolution). */
  bitrateKbps?: number;
  /** Frames from one keyframe to the next (default 2 s worth). */
  keyframeIntervalFrames?: number;
  resolution?: Resolution;
  /** Tracks per fragment: 1 video, 2 with audio; more than 3 gives ack 4012. */
  tracks?: number;
  /** The camera's clock minus true time, in ms (its producer timestamps carry it). */
  clockSkewMs?: number;
  /** Network time from camera to service, in ms (server timestamp = start + this). */
  networkLatencyMs?: number;
}

/** A camera's state: its config resolved, its position and its counters. */
export interface CameraState {
  name: string;
  streamName: string;
  fps: number;
  bitrateKbps: number;
  keyframeIntervalFrames: number;
  resolution: Resolution;
  tracks: number;
  clockSkewMs: number;
  networkLatencyMs: number;
  status: 'STOPPED' | 'CONNECTING' | 'STREAMING' | 'THROTTLED' | 'REFUSED';
  sessionId: number;
  /** True time at which the next fragment starts. */
  nextStart: number;
  /** Producer time at which the last accepted fragment ended (4004 refuses an earlier one). */
  lastProducerEnd: number;
  /** Fragments the camera has cut and sent (accepted + refused). */
  produced: number;
  /** True when its last fragment was accepted with its current settings on the current connection (the fast path may follow). */
  bulkReady: boolean;
  refused: number;
}

/** Fragment duration of a camera: keyframe interval / fps, in ms. */
export function fragmentDurationMs(c: CameraState): number {
  return Math.round((c.keyframeIntervalFrames / c.fps) * 1000);
}

/** Fragment size of a camera: bitrate x duration, in bytes. */
export function fragmentSizeBytes(c: CameraState): number {
  return Math.round((c.bitrateKbps * 1000 * fragmentDurationMs(c)) / 8000);
}

function checkConfig(cfg: CameraConfig): void {
  const v = new ValidationErrors();
  const pos = (x: number | undefined, field: string, max: number) => {
    if (x !== undefined && (typeof x !== 'number' || !Number.isFinite(x) || x <= 0 || x > max)) v.add(x, field, `be a number greater than 0 and at most ${max}`);
  };
  if (typeof cfg.name !== 'string' || !/^[a-zA-Z0-9_.-]{1,64}$/.test(cfg.name)) v.add(cfg.name, 'name', 'match [a-zA-Z0-9_.-]{1,64}');
  pos(cfg.fps, 'fps', 240);
  pos(cfg.bitrateKbps, 'bitrateKbps', 1000000);
  pos(cfg.keyframeIntervalFrames, 'keyframeIntervalFrames', 100000);
  pos(cfg.tracks, 'tracks', 16);
  if (cfg.resolution !== undefined && !(cfg.resolution in RESOLUTION_KBPS)) v.add(cfg.resolution, 'resolution', `be one of ${Object.keys(RESOLUTION_KBPS).join(', ')}`);
  v.throwIfAny();
}

/** Adds a stopped camera pointed at a stream. */
export function addCamera(ctx: VideoContext, cfg: CameraConfig): CameraState {
  checkConfig(cfg);
  if (ctx.cameras.has(cfg.name)) throw resourceInUse(`Camera ${cfg.name} already exists.`);
  const fps = cfg.fps ?? 24;
  const resolution = cfg.resolution ?? '720p';
  const cam: CameraState = {
    name: cfg.name,
    streamName: cfg.streamName,
    fps,
    bitrateKbps: cfg.bitrateKbps ?? RESOLUTION_KBPS[resolution],
    keyframeIntervalFrames: cfg.keyframeIntervalFrames ?? Math.round(fps * 2),
    resolution,
    tracks: cfg.tracks ?? 1,
    clockSkewMs: cfg.clockSkewMs ?? 0,
    networkLatencyMs: cfg.networkLatencyMs ?? 100,
    status: 'STOPPED',
    sessionId: 0,
    nextStart: ctx.core.now(),
    lastProducerEnd: -Infinity,
    produced: 0,
    refused: 0,
    bulkReady: false,
  };
  ctx.cameras.set(cam.name, cam);
  return cam;
}

/** The camera named, or ResourceNotFoundException. */
export function getCamera(ctx: VideoContext, name: string): CameraState {
  const c = ctx.cameras.get(name);
  if (c === undefined) throw resourceNotFound(`Camera ${name} not found.`);
  return c;
}

/** Starts a camera: it calls PutMedia (5 per second per stream; while another camera's connection is open, this newer one is refused with ConnectionLimitExceededException and retries) and streams from now. */
export function startCamera(ctx: VideoContext, name: string): CameraState {
  const cam = getCamera(ctx, name);
  const s = ctx.streams.get(cam.streamName);
  if (s === undefined || s.deleted) throw resourceNotFound(`The requested stream ${cam.streamName} was not found or not active.`);
  catchUpStream(ctx, s, ctx.core.now());
  cam.nextStart = ctx.core.now();
  if (s.status !== 'ACTIVE') {
    // The producer SDK retries until the stream is ACTIVE; the simulator checks each second.
    cam.status = 'CONNECTING';
    ctx.core.scheduleEvent(1000, 'video.cameraRetry', { camera: cam.name });
    return cam;
  }
  try {
    openSession(ctx, s, cam);
  } catch (e) {
    // Refused or throttled: the camera keeps its status and retries (openSession scheduled it).
    if (!isAwsError(e)) throw e;
  }
  return cam;
}

/** Stops a camera: no more data; the connection sends IDLE and closes after 30 s. */
export function stopCamera(ctx: VideoContext, name: string): CameraState {
  const cam = getCamera(ctx, name);
  const s = ctx.streams.get(cam.streamName);
  if (s !== undefined) catchUpStream(ctx, s, ctx.core.now());
  if (cam.status === 'STREAMING' && s?.session?.camera === cam.name) {
    s.session.status = 'IDLE';
    ctx.core.scheduleEventAt(s.session.lastDataAt + 30000, 'video.idleClose', { stream: s.name, session: s.session.id });
  }
  cam.status = 'STOPPED';
  return cam;
}

/** Changes a running camera's knobs (each change applies from its next fragment). */
export function updateCamera(ctx: VideoContext, name: string, patch: Partial<Omit<CameraConfig, 'name' | 'streamName'>>): CameraState {
  const cam = getCamera(ctx, name);
  checkConfig({ ...patch, name, streamName: cam.streamName });
  const s = ctx.streams.get(cam.streamName);
  if (s !== undefined) catchUpStream(ctx, s, ctx.core.now());
  cam.bulkReady = false;
  if (patch.resolution !== undefined) {
    cam.resolution = patch.resolution;
    if (patch.bitrateKbps === undefined) cam.bitrateKbps = RESOLUTION_KBPS[patch.resolution];
  }
  if (patch.fps !== undefined) cam.fps = patch.fps;
  if (patch.bitrateKbps !== undefined) cam.bitrateKbps = patch.bitrateKbps;
  if (patch.keyframeIntervalFrames !== undefined) cam.keyframeIntervalFrames = patch.keyframeIntervalFrames;
  if (patch.tracks !== undefined) cam.tracks = patch.tracks;
  if (patch.clockSkewMs !== undefined) cam.clockSkewMs = patch.clockSkewMs;
  if (patch.networkLatencyMs !== undefined) {
    if (patch.networkLatencyMs < 0) throw invalidArgument('networkLatencyMs must be >= 0.');
    cam.networkLatencyMs = patch.networkLatencyMs;
  }
  return cam;
}
