/**
 * What crosses the worker boundary: snapshots (worker -> UI, once per frame),
 * commands (UI -> worker) and their results. Everything here is plain data,
 * safe for structured clone; series travel as transferable typed arrays.
 */
import type { KeyStrategyName } from '../engine/traffic/producers/keyStrategies';

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
  /** Last full simulated second: IncomingRecords, IncomingBytes, WriteProvisionedThroughputExceeded (records). */
  recordsPerSec: number;
  bytesPerSec: number;
  throttledPerSec: number;
  /** Write use against the tighter of the two limits (1,000 records/s, 1 MiB/s), 0..1+. */
  writeUse: number;
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

export interface FirehoseSnap {
  name: string;
  source: string;
  bucket: string;
  status: string;
  /** Buffer fill against BufferingHints.SizeInMBs, 0..1. */
  bufferFill: number;
  bufferBytes: number;
  bufferRecords: number;
  /** Simulated ms until the interval flush; null when the buffer is empty. */
  msToFlush: number | null;
  transform: string | null;
  deliveredObjects: number;
}

/** A Kinesis Data Analytics / Managed Service for Apache Flink application, as the node and the window view draw it (engine figures). */
export interface AnalyticsSnap {
  name: string;
  runtime: string;
  status: string;
  kpus: number;
  versionId: number;
  /** Streams read, and destinations written ({ kind, name }). */
  sources: string[];
  destinations: Array<{ kind: 'kinesis' | 'firehose' | 'lambda'; name: string }>;
  /** numRecordsIn in the last second. */
  inputPerSec: number;
  millisBehindLatest: number;
  late: number;
  errors: number;
  duplicates: number;
  /** Window kind of the first query (tumbling, stagger, sliding, tvf, session, map, rcf). */
  queryKind: string;
  windowMs: number;
  watermark: number | null;
  code: string;
  records: Array<{ key: string; eventTs: number; arrival: number; rowtime: number; late: boolean }>;
  windows: Array<{ key: string; start: number; end: number; firedAt: number; row: Record<string, unknown> }>;
}

export interface BucketSnap {
  name: string;
  objectCount: number;
  bytes: number;
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
  /** Per consumer: iterator age (ms) per second. */
  consumerIds: string[];
  iteratorAge: Float32Array;
  /** Per Firehose: buffer fill 0..1 per second, and flush times. */
  firehoseNames: string[];
  bufferFill: Float32Array;
  flushTimes: number[][];
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

export interface ProducerSpec {
  name: string;
  stream: string;
  recordsPerSec: number;
  recordBytes: number;
  keyStrategy: KeyStrategy;
  keyCount: number;
}

/** Commands from the UI; each is one call into the engine. */
export type Command =
  | { type: 'createStream'; name: string; shardCount: number }
  | { type: 'splitShard'; stream: string; shardId: string; newStartingHashKey: string }
  | { type: 'mergeShards'; stream: string; shardId: string; adjacentShardId: string }
  | { type: 'updateShardCount'; stream: string; targetShardCount: number }
  | { type: 'addProducer'; spec: ProducerSpec }
  | { type: 'updateProducer'; id: string; patch: Partial<ProducerSpec> }
  | { type: 'removeProducer'; id: string }
  | { type: 'addConsumer'; stream: string; name: string; kind: string }
  | { type: 'removeConsumer'; id: string }
  | { type: 'addFirehose'; name: string; stream: string; bucket: string; bufferSizeMiB: number; bufferIntervalSec: number }
  /** Any allow-listed scenario command (src/scenarios/scenarioSchema.ts commandArgs): the inspector's edits of every engine parameter. */
  | { type: 'op'; op: string; args: Record<string, unknown> };

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
