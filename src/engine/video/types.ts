/**
 * Kinesis Video Streams state, as plain data reachable from the simulation
 * (checkpoints copy it). Fragments are metadata in runs; frames are never stored.
 */
import type { ApiName } from './constants';

export type VideoStreamStatus = 'CREATING' | 'ACTIVE' | 'UPDATING' | 'DELETING';

/**
 * A run of consecutive fragments with the same duration and size whose
 * timestamps step by that duration: fragment i of the run has number
 * firstSeq+i, producer time firstProducer+i*durationMs and server time
 * firstServer+i*durationMs. A regular camera appends to one run for days.
 */
export interface FragmentRun {
  firstSeq: number;
  count: number;
  firstProducer: number;
  firstServer: number;
  durationMs: number;
  sizeBytes: number;
  tracks: number;
  /** The camera that sent it (for the player's scene and the timeline). */
  camera: string;
  /** PutMedia session that carried it. */
  session: number;
}

/** One fragment as the API shows it (materialised on demand from its run). */
export interface Fragment {
  seq: number;
  FragmentNumber: string;
  FragmentSizeInBytes: number;
  ProducerTimestamp: number;
  ServerTimestamp: number;
  FragmentLengthInMilliseconds: number;
  tracks: number;
  camera: string;
  session: number;
}

/** Why a fragment was refused: a PutMedia ack error code, the minimum duration ack, or a stream limit. */
export type RefusalReason =
  | 'ERROR_4001_FRAGMENT_TOO_LARGE'
  | 'ERROR_4002_FRAGMENT_TOO_LONG'
  | 'ERROR_4004_TIMECODE_OUT_OF_ORDER'
  | 'ERROR_4008_STREAM_DELETED'
  | 'ERROR_4012_TOO_MANY_TRACKS'
  | 'MIN_FRAGMENT_DURATION_REACHED'
  | 'THROTTLED_BYTES_PER_SECOND'
  | 'THROTTLED_FRAGMENTS_PER_SECOND';

/** A fragment the service refused (kept in a bounded recent list; every one is counted). */
export interface RefusedFragment {
  camera: string;
  session: number;
  producerTimestamp: number;
  serverTimestamp: number;
  durationMs: number;
  sizeBytes: number;
  reason: RefusalReason;
  /** The PutMedia ack ErrorId when the refusal is an ack error (4001, 4002, ...). */
  errorId?: number;
}

/** A PutMedia connection: the newest one per stream wins [KVS limits]. */
export interface PutMediaSession {
  id: number;
  camera: string;
  openedAt: number;
  /** When data last arrived (the 30 s idle close counts from here). */
  lastDataAt: number;
  status: 'OPEN' | 'IDLE' | 'CLOSED';
  closedAt?: number;
  closeReason?: 'IDLE_TIMEOUT' | 'ROTATED' | 'STREAM_DELETED' | 'CAMERA_STOPPED';
}

/** An HLS or DASH streaming session [BC-KVAM GetHLSStreamingSessionURL]. */
export interface StreamingSession {
  id: number;
  protocol: 'HLS' | 'DASH';
  token: string;
  url: string;
  mode: 'LIVE' | 'LIVE_REPLAY' | 'ON_DEMAND';
  selectorType: 'PRODUCER_TIMESTAMP' | 'SERVER_TIMESTAMP';
  start?: number;
  end?: number;
  maxFragments: number;
  createdAt: number;
  expiresAt: number;
  status: 'ACTIVE' | 'EXPIRED' | 'REVOKED';
  /** For LIVE_REPLAY: where the session started on the server clock, so fragments appear as their duration passes. */
  replayOrigin?: number;
}

/** Per-stream counters: one source for every figure the views show. */
export interface VideoStreamCounters {
  fragmentsIn: number;
  bytesIn: number;
  fragmentsExpired: number;
  bytesExpired: number;
  fragmentsRefused: number;
  refusedByReason: Partial<Record<RefusalReason, number>>;
  putMediaCalls: number;
  putMediaThrottled: number;
  bytesOut: number;
  bytesOutHls: number;
  /** Byte-milliseconds of fragments already gone (each counted for the time it was kept); the live part is added at read time. */
  storedByteMs: number;
  sessionsRevoked: number;
  getMediaRejected: number;
}

/** A stream as the service keeps it. */
export interface VideoStreamState {
  name: string;
  arn: string;
  index: number;
  deviceName?: string;
  mediaType?: string;
  kmsKeyId: string;
  version: string;
  status: VideoStreamStatus;
  creationTime: number;
  retentionHours: number;
  storageTier: 'HOT' | 'WARM';
  tags: Record<string, string>;
  deleted: boolean;
  runs: FragmentRun[];
  /** Next fragment number (sequence) to give; numbers rise in ingest order. */
  nextSeq: number;
  /** Fragments and bytes currently stored (or in the host buffer when retention is 0). */
  storedFragments: number;
  storedBytes: number;
  /** Sum over stored fragments of size x server time, so the stored byte-time integral needs no walk. */
  liveSizeTime: number;
  refused: RefusedFragment[];
  endpoints: Partial<Record<ApiName, string>>;
  session: PutMediaSession | null;
  pastSessions: PutMediaSession[];
  /** PutMedia call times in the last second (5 TPS), and the per-second ingest window. */
  putMediaCallTimes: number[];
  windowSecond: number;
  windowFragments: number;
  windowBytes: number;
  sessions: StreamingSession[];
  getMediaReaders: string[];
  hlsViewers: string[];
  counters: VideoStreamCounters;
}

/** A signaling channel: one master and up to 10 viewers, as state [BC-KV; WebRTC limits]. */
export interface SignalingChannelState {
  name: string;
  arn: string;
  type: 'SINGLE_MASTER' | 'FULL_MESH';
  status: 'CREATING' | 'ACTIVE' | 'UPDATING' | 'DELETING';
  creationTime: number;
  version: string;
  messageTtlSeconds: number;
  tags: Record<string, string>;
  master: string | null;
  viewers: string[];
  deleted: boolean;
}
