/**
 * What the inspection queries answer (sim.inspect.*): plain,
 * structured-clone-safe data, so the worker passes it to the UI as it is.
 */
import type { Ack } from '../video/acks';
import type { SceneObject } from '../video/scene';
import type { VideoStreamStats } from '../video/videoService';

/** One record in a shard, as GetRecords would show it (read from the store without charging read limits). */
export interface RecordSummary {
  stream: string;
  shardId: string;
  sequenceNumber: string;
  partitionKey: string;
  /** ApproximateArrivalTimestamp, simulated epoch ms. */
  arrival: number;
  sizeBytes: number;
}

/** Whether one reader has got to the record. */
export interface ReaderProgress {
  id: string;
  name: string;
  kind: string;
  /** 'read': its position is past the record; 'pending': not yet; 'not-reading': it holds no position in this shard. */
  state: 'read' | 'pending' | 'not-reading';
  /** What the position is, in AWS terms (next sequence number, KCL checkpoint, EFO continuation). */
  position: string;
  /** Records between its position and this record (pending only). */
  behindBy?: number;
}

/** Where a Firehose delivery stream reading the stream has the record. */
export interface FirehoseProgress {
  name: string;
  state: 'delivered' | 'buffered' | 'pending' | 'unknown';
  bucket?: string;
  key?: string;
  /** 'data' or 'error' (the error prefix). */
  target?: string;
  note: string;
}

/** One record followed from producer to shard to consumers and S3. */
export interface RecordTrace {
  record: RecordSummary;
  /** MD5 of the partition key (hex), or null with an ExplicitHashKey. */
  md5Hex: string | null;
  /** The 128-bit hash key that placed the record (decimal). */
  hashKey: string;
  explicitHashKey: boolean;
  /** The shard's range, as decimal strings. */
  shardStart: string;
  shardEnd: string;
  /** Still within the stream's retention period. */
  retained: boolean;
  /** The payload as text (first 400 characters; shown as text, never HTML). */
  dataPreview: string;
  readers: ReaderProgress[];
  firehoses: FirehoseProgress[];
}

/** A node of the delivered-prefix tree (split at '/'); leaves are objects. */
export interface PrefixNode {
  name: string;
  /** Full prefix (ending in '/') or the full object key. */
  path: string;
  objects: number;
  bytes: number;
  children?: PrefixNode[];
}

/** A delivery stream's editable settings (from DescribeDeliveryStream). */
export interface FirehoseDetail {
  name: string;
  status: string;
  versionId: string;
  destinationId: string;
  sizeInMBs: number;
  intervalInSeconds: number;
  prefix: string;
  errorOutputPrefix: string;
  compression: string;
  /** The transform's function name, or null. */
  transform: string | null;
  dynamicPartitioning: boolean;
  /** Functions that can be the transform (the Lambda service's built-ins and existing functions). */
  functions: Array<{ name: string; description: string; exists: boolean }>;
}

/** A consumer's settings and, for KCL, its workers and leases. */
export interface ConsumerDetail {
  id: string;
  type: string;
  name: string;
  stream: string;
  settings: Array<[string, string]>;
  workers?: Array<{ id: string; leases: number }>;
  leases?: Array<{ leaseKey: string; owner: string | null; checkpoint: string }>;
}

/** Cost so far in USD, by line (Kinesis, Firehose, Managed Flink). */
export interface CostSnap {
  lines: Array<[string, number]>;
  totalUsd: number;
  note: string;
}

/** A delivery stream as the graph draws it: its buffer against BufferingHints and what it delivered. */
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

/** A bucket's object count and bytes. */
export interface BucketSnap {
  name: string;
  objectCount: number;
  bytes: number;
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
  /** What the inspector edits, as DescribeApplication has it (absent in snapshots built before it existed). */
  config?: AnalyticsConfigSnap;
}

/** An application's editable configuration (DescribeApplication's shape, trimmed). */
export interface AnalyticsConfigSnap {
  /** Flink only: ParallelismConfiguration (CurrentParallelism is what autoscaling set). */
  parallelism?: { configurationType: string; parallelism: number; perKpu: number; current: number; autoScaling: boolean };
  /** SQL only: the streaming inputs and destinations, with the ids the API takes. */
  inputs: Array<{ inputId: string; namePrefix: string; kind: 'kinesis' | 'firehose'; source: string; parallelism: number }>;
  outputs: Array<{ outputId: string; name: string; kind: 'kinesis' | 'firehose' | 'lambda'; target: string; format: string }>;
  snapshotsEnabled: boolean;
  /** Flink sources: how each reads (GetRecords polling, or enhanced fan-out with its consumer). */
  readers: Array<{ stream: string; reader: 'POLLING' | 'EFO'; consumerName?: string; waiting?: string }>;
}

/** One fragment or refusal as a timeline block. */
export interface TimelineBlock {
  kind: 'stored' | 'refused';
  label: string;
  serverTimestamp: number;
  producerTimestamp: number;
  durationMs: number;
  sizeBytes: number;
  reason?: string;
}

/** What the video view shows. */
export interface VideoView {
  streams: string[];
  now: number;
  stream?: VideoStreamStats & {
    blocks: TimelineBlock[];
    acks: Ack[];
    cameras: Array<{ name: string; status: string; fps: number; bitrateKbps: number; resolution: string; produced: number; refused: number }>;
    viewers: Array<{ name: string; status: string; fragments: number; lagMs?: number }>;
    readers: Array<{ name: string; fragments: number; millisBehindNow?: number }>;
    processors: Array<{ name: string; status: string; kind: string; records: number; notifications: number }>;
    /** Playback: the position (server time) drawn, its lag behind live, the scene and the detections. */
    position?: number;
    /** The HLS viewer or GetMedia reader whose position is drawn, when one was asked for and has read something. */
    following?: string;
    lagMs?: number;
    scene: SceneObject[];
    detections: SceneObject[];
  };
}
