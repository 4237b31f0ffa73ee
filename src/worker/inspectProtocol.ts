/**
 * What the inspector and the teaching views ask the worker on demand (not
 * every frame): a shard's recent records, one record's trace from producer to
 * shard to readers and S3, the delivered prefixes as a tree, a delivery
 * stream's or consumer's settings, the hot-shard report, the cost meter.
 * Plain, structured-clone-safe data.
 */

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

/** Cost so far in USD, by line (Kinesis and Firehose), or null when the engine has no meter. */
export interface CostSnap {
  lines: Array<[string, number]>;
  totalUsd: number;
  note: string;
}
