/**
 * The Kinesis Video Streams context: every stream, channel, camera and
 * consumer as plain data, plus lookups shared by the operations.
 */
import { AwsError, invalidArgument, resourceNotFound } from '../core/errors';
import type { SimCore } from '../core/simCore';
import type { SignalingChannelState, VideoStreamState } from './types';
import type { CameraState } from './camera';
import type { GetMediaReader, HlsViewer } from './consumers';
import type { SceneVisit } from './scene';

/** Video state reachable from the simulation (checkpoints copy it). */
export interface VideoContext {
  core: SimCore;
  streams: Map<string, VideoStreamState>;
  channels: Map<string, SignalingChannelState>;
  cameras: Map<string, CameraState>;
  readers: Map<string, GetMediaReader>;
  viewers: Map<string, HlsViewer>;
  /** Streams and channels ever created (indexes for fragment numbers and endpoints). */
  nextStreamIndex: number;
  nextSessionId: number;
  accountStreamQuota: number;
  /**
   * The reference path: cameras send, viewers watch and readers read fragment
   * by fragment, never as runs. Off by default; equivalence tests turn it on to
   * check that the run arithmetic gives the same world.
   */
  perFragment?: boolean;
  /** Visits a scenario scripted into a stream's scene (beside the seeded ones). */
  scriptedVisits: Map<string, SceneVisit[]>;
  /** Told when a stream's scene gains a scripted visit (Rekognition reschedules; code, not state). */
  sceneHooks: Array<(stream: string) => void>;
  /** Listeners told about new fragments (Rekognition registers one at creation: code, not state). */
  fragmentHooks: Array<(stream: VideoStreamState, seq: number, producerTs: number, serverTs: number, durationMs: number, camera: string) => void>;
}

/** Builds an empty video context. */
export function createVideoContext(core: SimCore): VideoContext {
  return {
    core,
    streams: new Map(),
    channels: new Map(),
    cameras: new Map(),
    readers: new Map(),
    viewers: new Map(),
    nextStreamIndex: 1,
    nextSessionId: 1,
    accountStreamQuota: 10000,
    scriptedVisits: new Map(),
    sceneHooks: [],
    fragmentHooks: [],
  };
}

/** A new opaque version string ([a-zA-Z0-9]{20}, as AWS's look) from the seeded generator. */
export function newVersion(ctx: VideoContext): string {
  return ctx.core.random.string(20);
}

/** The stream ARN: arn:aws:kinesisvideo:<region>:<account>:stream/<name>/<creation ms> (AWS's form). */
export function videoStreamArn(ctx: VideoContext, name: string, created: number): string {
  return ctx.core.arn('kinesisvideo', `stream/${name}/${created}`);
}

/** The live stream a request names by StreamName or StreamARN (exactly one), or ResourceNotFoundException. */
export function resolveStream(ctx: VideoContext, input: { StreamName?: string; StreamARN?: string }, opts: { allowDeleting?: boolean } = {}): VideoStreamState {
  const { StreamName: name, StreamARN: arn } = input ?? {};
  if (name === undefined && arn === undefined) throw invalidArgument('Either StreamName or StreamARN must be specified.');
  if (name !== undefined && arn !== undefined) throw invalidArgument('StreamName and StreamARN cannot both be specified.');
  let s: VideoStreamState | undefined;
  if (name !== undefined) s = ctx.streams.get(name);
  else for (const x of ctx.streams.values()) if (x.arn === arn) s = x;
  if (s === undefined || s.deleted || (s.status === 'DELETING' && opts.allowDeleting !== true)) {
    throw resourceNotFound(name !== undefined ? `The requested stream ${name} was not found or not active.` : `The requested stream with ARN ${arn} was not found or not active.`);
  }
  return s;
}

/** Refuses a data-plane or update call on a stream that is not ACTIVE (ResourceInUseException, as AWS answers). */
export function requireActive(s: VideoStreamState): void {
  if (s.status !== 'ACTIVE') throw new AwsError('ResourceInUseException', `The stream ${s.name} is ${s.status}, not ACTIVE.`);
}

/** Checks CurrentVersion against the stream's (VersionMismatchException when stale). */
export function checkVersion(s: { version: string; name: string }, current: string | undefined, what = 'stream'): void {
  if (current === undefined) return;
  if (current !== s.version) {
    throw new AwsError('VersionMismatchException', `The ${what} version ${current} does not match the current version ${s.version} of ${s.name}.`);
  }
}
