/**
 * `sim.video`: Kinesis Video Streams, typed (`sim.video.createStream({...})`,
 * one method per AWS operation), plus its simulator controls (cameras, GetMedia
 * readers, HLS viewers, signaling clients) and its queries (fragments, acks,
 * stats) for the views. Cameras catch up at the end of every advance.
 */
import type { SimCore } from '../core/simCore';
import { acksBetween, type Ack } from './acks';
import { addCamera, startCamera, stopCamera, updateCamera, fragmentDurationMs, fragmentSizeBytes, type CameraConfig, type CameraState } from './camera';
import { connectToChannel, disconnectFromChannel } from './channelModel';
import { addGetMediaReader, addHlsViewer, millisBehindNow, removeGetMediaReader, removeHlsViewer, type GetMediaReader, type HlsViewer } from './consumers';
import { createVideoContext, type VideoContext } from './context';
import { forEachFragment, firstSeqAtTime } from './fragmentStore';
import { catchUpAll, catchUpStream } from './ingest';
import { videoOperations } from './operations';
import { getMediaPlaylist, type MediaPlaylist } from './archived/playlist';
import { registerSessionHandlers } from './putMediaSession';
import { activeSessions } from './streamingSession';
import { retentionCutoff } from './storage';
import type { StartSelector } from './startSelector';
import { sceneAt, sceneSeed, visitsBetween, type SceneObject, type SceneVisit } from './scene';
import type { Fragment, RefusedFragment, SignalingChannelState, StreamingSession, VideoStreamCounters } from './types';

type Ops = typeof videoOperations;
type LowerFirst<S extends string> = S extends `${infer H}${infer T}` ? `${Lowercase<H>}${T}` : S;

/** The typed Kinesis Video Streams API: each AWS operation as a method taking its request shape. */
export type VideoOperationsApi = {
  [K in keyof Ops as LowerFirst<K & string>]: (input: Parameters<Ops[K]['run']>[1]) => ReturnType<Ops[K]['run']>;
};

/** A stream's figures for the views (one source: these counters). */
export interface VideoStreamStats {
  StreamName: string;
  status: string;
  retentionHours: number;
  storedFragments: number;
  storedBytes: number;
  oldestServerTimestamp?: number;
  newestServerTimestamp?: number;
  retentionCutoff: number;
  counters: VideoStreamCounters;
  /** Ingest over the last full second, against the 12.5 MB/s and 5 fragments/s limits. */
  ingestBytesPerSecond: number;
  session?: { id: number; camera: string; status: string; openedAt: number };
  activeStreamingSessions: number;
  getMediaReaders: number;
}

/** sim.video: the AWS operations plus simulator controls and queries. */
export interface VideoApi extends VideoOperationsApi {
  addCamera(cfg: CameraConfig): CameraState;
  startCamera(name: string): CameraState;
  stopCamera(name: string): CameraState;
  updateCamera(name: string, patch: Partial<Omit<CameraConfig, 'name' | 'streamName'>>): CameraState;
  cameras(): CameraState[];
  addGetMediaReader(name: string, streamName: string, selector?: StartSelector): GetMediaReader;
  removeGetMediaReader(name: string): void;
  readers(): Array<GetMediaReader & { millisBehindNow?: number }>;
  addHlsViewer(name: string, streamName: string, expiresSeconds?: number): HlsViewer;
  removeHlsViewer(name: string): void;
  viewers(): HlsViewer[];
  connectToChannel(channel: string, role: 'MASTER' | 'VIEWER', client: string): SignalingChannelState;
  disconnectFromChannel(channel: string, client: string): SignalingChannelState;
  /** The media playlist a session URL serves now (what the app's player plays). */
  getMediaPlaylist(url: string): MediaPlaylist;
  /** Stored fragments whose server time is in [from, to]. */
  fragments(streamName: string, from: number, to: number, limit?: number): Fragment[];
  /** Refused fragments kept for the timeline (every one is counted in the stream's counters). */
  refusedFragments(streamName: string): RefusedFragment[];
  /** The PutMedia acks sent in [from, to]. */
  acks(streamName: string, from: number, to: number): Ack[];
  /** A stream's figures. */
  stats(streamName: string): VideoStreamStats;
  /** Streaming sessions of a stream (active first). */
  sessions(streamName: string): StreamingSession[];
  /** Scripts a visit into a stream's scene (beside the seeded ones). */
  addSceneVisit(streamName: string, visit: Omit<SceneVisit, 'id' | 'lane'> & { lane?: number }): SceneVisit;
  /** The scene's visits overlapping [from, to]. */
  sceneVisits(streamName: string, from: number, to: number): SceneVisit[];
  /** What the stream's camera sees at time t. */
  sceneAt(streamName: string, t: number): SceneObject[];
}

export interface VideoService {
  context: VideoContext;
  api: VideoApi;
}

function streamOf(ctx: VideoContext, name: string) {
  const s = ctx.streams.get(name);
  if (s === undefined || s.deleted) throw new Error(`No video stream ${name}`);
  return s;
}

/** Builds sim.video: its context, handlers, after-advance catch-up and API. */
export function createVideoService(core: SimCore): VideoService {
  const ctx = createVideoContext(core);
  core.registerHandler<{ stream: string; arn: string }>('video.streamActive', ({ stream, arn }) => {
    const s = ctx.streams.get(stream);
    if (s === undefined || s.arn !== arn || s.deleted || s.status === 'DELETING') return;
    s.status = 'ACTIVE';
    core.events.emit({ type: 'videoStreamStatus', time: core.now(), stream, status: 'ACTIVE' });
  });
  core.registerHandler<{ stream: string; arn: string }>('video.streamDeleted', ({ stream, arn }) => {
    const s = ctx.streams.get(stream);
    if (s === undefined || s.arn !== arn) return;
    s.deleted = true;
    for (const r of s.getMediaReaders) ctx.readers.delete(r);
    for (const v of s.hlsViewers) ctx.viewers.delete(v);
    core.events.emit({ type: 'videoStreamStatus', time: core.now(), stream, status: 'DELETED' });
  });
  core.registerHandler<{ channel: string; arn: string }>('video.channelActive', ({ channel, arn }) => {
    const c = ctx.channels.get(channel);
    if (c !== undefined && c.arn === arn && !c.deleted) c.status = 'ACTIVE';
  });
  registerSessionHandlers(ctx, (camera) => {
    const cam = ctx.cameras.get(camera);
    if (cam !== undefined && (cam.status === 'CONNECTING' || cam.status === 'THROTTLED' || cam.status === 'REFUSED')) startCamera(ctx, camera);
  });
  core.onAfterAdvance((now) => catchUpAll(ctx, now));

  const api = {} as Record<string, unknown>;
  for (const [name, op] of Object.entries(videoOperations)) api[name[0].toLowerCase() + name.slice(1)] = (input: unknown) => op.run(ctx, input ?? {});
  const controls: Omit<VideoApi, keyof VideoOperationsApi | 'addSceneVisit' | 'sceneVisits' | 'sceneAt'> = {
    addCamera: (cfg) => addCamera(ctx, cfg),
    startCamera: (name) => startCamera(ctx, name),
    stopCamera: (name) => stopCamera(ctx, name),
    updateCamera: (name, patch) => updateCamera(ctx, name, patch),
    cameras: () => [...ctx.cameras.values()],
    addGetMediaReader: (name, stream, sel) => addGetMediaReader(ctx, name, stream, sel),
    removeGetMediaReader: (name) => removeGetMediaReader(ctx, name),
    readers: () => [...ctx.readers.values()].map((r) => ({ ...r, millisBehindNow: millisBehindNow(r, core.now()) })),
    addHlsViewer: (name, stream, exp) => addHlsViewer(ctx, name, stream, exp),
    removeHlsViewer: (name) => removeHlsViewer(ctx, name),
    viewers: () => [...ctx.viewers.values()],
    connectToChannel: (channel, role, client) => connectToChannel(ctx, channel, role, client),
    disconnectFromChannel: (channel, client) => disconnectFromChannel(ctx, channel, client),
    getMediaPlaylist: (url) => getMediaPlaylist(ctx, url),
    fragments(name, from, to, limit = 10000) {
      const s = streamOf(ctx, name);
      catchUpStream(ctx, s, core.now());
      const out: Fragment[] = [];
      const first = firstSeqAtTime(s, from, 'SERVER');
      if (first !== undefined) forEachFragment(s, first, s.nextSeq - 1, (f) => (f.ServerTimestamp > to || out.length >= limit ? false : void out.push(f)));
      return out;
    },
    refusedFragments: (name) => [...streamOf(ctx, name).refused],
    acks(name, from, to) {
      const s = streamOf(ctx, name);
      const now = core.now();
      catchUpStream(ctx, s, now);
      const acks = acksBetween(s, from, to, now);
      // The fragment the camera is sending now has had its BUFFERING ack already.
      const cam = s.session?.status === 'OPEN' ? ctx.cameras.get(s.session.camera) : undefined;
      if (cam !== undefined && cam.status === 'STREAMING') {
        const server = cam.nextStart + cam.networkLatencyMs;
        if (server >= from && server <= Math.min(to, now)) acks.push({ time: server, AckEventType: 'BUFFERING', FragmentTimecode: cam.nextStart + cam.clockSkewMs, session: s.session!.id });
      }
      return acks.sort((a, b) => a.time - b.time);
    },
    stats(name) {
      const s = streamOf(ctx, name);
      const now = core.now();
      catchUpStream(ctx, s, now);
      const first = s.runs[0];
      const last = s.runs[s.runs.length - 1];
      const cam = s.session === null ? undefined : ctx.cameras.get(s.session.camera);
      return {
        StreamName: s.name,
        status: s.status,
        retentionHours: s.retentionHours,
        storedFragments: s.storedFragments,
        storedBytes: s.storedBytes,
        oldestServerTimestamp: first?.firstServer,
        newestServerTimestamp: last === undefined ? undefined : last.firstServer + (last.count - 1) * last.durationMs,
        retentionCutoff: retentionCutoff(s, now),
        counters: { ...s.counters, refusedByReason: { ...s.counters.refusedByReason } },
        ingestBytesPerSecond: cam !== undefined && cam.status === 'STREAMING' ? (fragmentSizeBytes(cam) * 1000) / fragmentDurationMs(cam) : 0,
        session: s.session === null ? undefined : { id: s.session.id, camera: s.session.camera, status: s.session.status, openedAt: s.session.openedAt },
        activeStreamingSessions: activeSessions(s, now).length,
        getMediaReaders: s.getMediaReaders.length,
      };
    },
    sessions(name) {
      const s = streamOf(ctx, name);
      activeSessions(s, core.now());
      return [...s.sessions].sort((a, b) => (a.status === 'ACTIVE' ? 0 : 1) - (b.status === 'ACTIVE' ? 0 : 1) || a.id - b.id);
    },
  };
  const scripted = (name: string) => ctx.scriptedVisits.get(name) ?? [];
  Object.assign(controls, {
    addSceneVisit(name: string, v: Omit<SceneVisit, 'id' | 'lane'> & { lane?: number }) {
      const list = ctx.scriptedVisits.get(name) ?? [];
      const visit: SceneVisit = { ...v, id: `s${list.length + 1}`, lane: v.lane ?? 0.5 };
      list.push(visit);
      ctx.scriptedVisits.set(name, list);
      for (const h of ctx.sceneHooks) h(name);
      return visit;
    },
    sceneVisits: (name: string, from: number, to: number) => visitsBetween(sceneSeed(core.seed, name), from, to, scripted(name)),
    sceneAt: (name: string, t: number) => sceneAt(sceneSeed(core.seed, name), t, scripted(name)),
  });
  Object.assign(api, controls);
  return { context: ctx, api: api as unknown as VideoApi };
}
