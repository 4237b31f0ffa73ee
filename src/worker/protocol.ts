/**
 * What crosses the worker boundary: snapshots (worker -> UI, once per frame),
 * commands (UI -> worker) and their results. Everything here is plain data,
 * safe for structured clone; series travel as transferable typed arrays.
 */
import type { AnalyticsSnap, BucketSnap, FirehoseSnap, HeatWindow, KeyStrategyName, VideoGraph } from '../engine';

/** The engine's answers the snapshot carries as they are (sim.inspect.firehoses, buckets, analyticsApps). */
export type { AnalyticsSnap, BucketSnap, FirehoseSnap };
export type { AnalyticsConfigSnap } from '../engine';

/** An AWS error as data: the engine's own exception name and message. */
export interface CommandError {
  type: string;
  message: string;
}

/** The result of a command: ok with a value, or the engine's error as data. */
export type CommandResult<T = unknown> = { ok: true; value: T } | { ok: false; error: CommandError };

export interface ShardSnap {
  id: string;
  /** Hash key range as decimal strings (exact) and as fractions of the hash line (for drawing). */
  start: string;
  end: string;
  startFrac: number;
  endFrac: number;
  open: boolean;
  parentId?: string;
  adjacentParentId?: string;
  childIds?: string[];
  /**
   * The engine's load over the stream's `heat` window (sim.traffic.streamLoad):
   * IncomingRecords, IncomingBytes, WriteProvisionedThroughputExceeded (records) per second.
   */
  recordsPerSec: number;
  bytesPerSec: number;
  throttledPerSec: number;
  /** Write use against the tighter of the two limits (1,000 records/s, 1 MiB/s), 0..1+. */
  writeUse: number;
  /** Its share of the stream's records, and its share of the hash line (0 for closed shards). */
  share: number;
  expectedShare: number;
  /** The engine's one definition of hot (isHot), over the same window. */
  hot: boolean;
  /** Totals since the shard opened. */
  totalRecords: number;
  totalThrottled: number;
}

export interface StreamSnap {
  name: string;
  arn: string;
  status: string;
  mode: string;
  retentionHours: number;
  openShardCount: number;
  /** Shard-level metrics enhanced monitoring publishes (empty: shard-level charts have no data). */
  shardLevelMetrics?: string[];
  /** The window every shard figure here covers (HOT_WINDOW_MS, fewer seconds early in a run). */
  heat: HeatWindow;
  /** Over the open shards, per second in that window. */
  recordsPerSec: number;
  bytesPerSec: number;
  /** Open shards sorted by hash range, then recently closed ones. */
  shards: ShardSnap[];
}

/** The engine's key strategies (all of them: the inspector offers every preset, hostname_timestamp and explicit_hash_key included). */
export type KeyStrategy = KeyStrategyName;

/** A producer as the graph shows it: its settings (as an addProducer command gives them) and last second's flow. */
export interface ProducerSnap extends ProducerSpec {
  id: string;
  /** Last simulated second. */
  sentPerSec: number;
  throttledPerSec: number;
}

export interface ConsumerSnap {
  id: string;
  name: string;
  stream: string;
  kind: string;
  recordsPerSec: number;
  /** GetRecords.IteratorAgeMilliseconds: the largest over the consumer's shards. */
  iteratorAgeMs: number;
}

/** A point on the hash line where traffic lands, weighted by share of recent records. */
export interface KeyMark {
  key: string;
  frac: number;
  weight: number;
}

export interface EventSnap {
  seq: number;
  time: number;
  type: string;
  text: string;
}

/** Series rows of the engine's stream-level iterator age are named `stream:<name>`. */
export const STREAM_AGE_PREFIX = 'stream:';

/**
 * Per-shard history, one column per simulated second (oldest first). Matrices
 * are row-major: row i is shardIds[i]. Sent only when a new second was sampled.
 */
export interface SeriesSnap {
  times: Float64Array;
  shardIds: string[];
  records: Float32Array;
  bytes: Float32Array;
  throttled: Float32Array;
  writeUse: Float32Array;
  /** Per stream (`stream:<name>`): GetRecords.IteratorAgeMilliseconds (ms) per second, the largest across readers. */
  consumerIds: string[];
  iteratorAge: Float32Array;
  /** Per Firehose: buffer fill 0..1 at the end of each second, and every flush in the window with the fill it reached. */
  firehoseNames: string[];
  bufferFill: Float32Array;
  flushes: FlushMark[][];
}

/** A buffer flush: when, the fill it reached (share of BufferingHints.SizeInMBs) and what stayed buffered. */
export interface FlushMark {
  time: number;
  fill: number;
  fillAfter: number;
}

export interface Snapshot {
  /** Simulated epoch ms. */
  time: number;
  seed: string;
  playing: boolean;
  speed: number;
  /** Simulated ms per wall ms actually achieved in the last second (below `speed` when the engine cannot keep up). */
  effectiveSpeed: number;
  streams: StreamSnap[];
  producers: ProducerSnap[];
  consumers: ConsumerSnap[];
  firehoses: FirehoseSnap[];
  buckets: BucketSnap[];
  /** Analytics applications (absent in snapshots built before they existed). */
  analytics?: AnalyticsSnap[];
  keyMarks: KeyMark[];
  /** Video streams, cameras and their consumers (the engine's videoGraph query), when any video stream exists. */
  video?: VideoGraph;
  /** Events since the previous snapshot. */
  events: EventSnap[];
  series?: SeriesSnap;
  /** Where the run is on its timeline (the world sets it on every frame). */
  timeline?: TimelineSnap;
  /** The scenario being run; sent only when it changed (load, a command, a fork), the UI keeps the last one. */
  scenario?: ScenarioInfo;
}

/** The run's position: ms since the scenario's start, the furthest moment reached, commands already run. */
export interface TimelineSnap {
  offsetMs: number;
  endMs: number;
  commandsRun: number;
}

/** The scenario as the timeline and the scenario controls show it. */
export interface ScenarioInfo {
  /** Changes whenever the scenario does. */
  revision: number;
  name: string;
  /** Set while the run is still an unchanged preset. */
  presetId?: string;
  startTime: number;
  /** Every command of the run (past and future), in time order. */
  commands: Array<{ at: number; op: string; note?: string }>;
}

/** What opening a scenario (a link, a preset, a saved or imported file) gave. */
export interface OpenResult {
  ok: boolean;
  /** Why the link or file was refused (the default scenario is shown instead for links). */
  message?: string;
  source: 'link' | 'preset-link' | 'default' | 'preset' | 'file';
}

/** A producer's settings as the graph shows them (the engine's ProducerConfig, flattened). */
export interface ProducerSpec {
  name: string;
  stream: string;
  recordsPerSec: number;
  recordBytes: number;
  keyStrategy: KeyStrategy;
  keyCount: number;
}

/**
 * A command from the UI: a scenario command, `{ op, args }` from the one
 * allow-list (src/scenarios/scenarioSchema.ts commandArgs), recorded by the
 * session at the current simulated time. There is no other vocabulary.
 */
export interface Command {
  op: string;
  /** Plain data (checked against the op's schema before anything runs). */
  args: Record<string, unknown>;
}

export interface S3ObjectSummary {
  Key: string;
  Size: number;
  LastModified: number;
}

export interface S3Listing {
  prefixes: string[];
  objects: S3ObjectSummary[];
}

export interface S3ObjectBody {
  key: string;
  contentType: string;
  contentEncoding: string | null;
  body: Uint8Array;
}
