/**
 * One data stream: its status, mode, retention, shards (open and closed) and
 * the routing table from the hash line to its open shards.
 */
import { createShard, isOpen, type ShardState } from './shardModel';
import { evenHashRanges } from './hashKey';
import type { StreamDescriptionBase, StreamMode, StreamStatus } from './types';
import type { ConsumerState } from './consumerModel';
import type { OnDemandState } from './onDemandCapacity';

export interface StreamState {
  name: string;
  arn: string;
  status: StreamStatus;
  mode: StreamMode;
  createdAt: number;
  retentionHours: number;
  maxRecordSizeKiB: number;
  /** Tags by key [BC-K AddTagsToStream, TagResource]; at most 50. */
  tags: Record<string, string>;
  /** Shard-level metrics enabled by EnableEnhancedMonitoring (none by default, as on AWS). */
  shardLevelMetrics: string[];
  /** Server-side encryption now and its history (which records were written encrypted). */
  encryption: StreamEncryption;
  /** The resource-based policy (PutResourcePolicy), stored as given; never evaluated. */
  resourcePolicy?: string;
  /** Successful API calls and throttled entries the stream's API answered (stream-level metrics sample them). */
  apiCounts: StreamApiCounts;
  /** Every shard not yet expired, in creation order. */
  shards: ShardState[];
  byId: Map<string, ShardState>;
  /** Open shards sorted by starting hash key: the routing table. */
  open: ShardState[];
  openStartHigh: Float64Array;
  /** For each of ROUTE_BUCKETS equal slices of the hash line, the index in `open` of the shard holding its first key (see routeHighIndex). */
  openBucket: Int32Array;
  nextShardIndex: number;
  consumers: Map<string, ConsumerState>;
  /** Times of UpdateShardCount calls, for the 10-per-24-h rule. */
  shardCountUpdates: number[];
  /** Times of UpdateStreamMode calls, for the twice-per-24-h rule. */
  modeUpdates: number[];
  /** On-demand scaling: the 30-day peak history, warm throughput and last sample (created on first use). */
  onDemand?: OnDemandState;
  /** True once DeleteStream's delay has passed: the stream has left ctx.streams, and holders of this object must stop using it. */
  deleted: boolean;
}

/** Server-side encryption of a stream [BC-K StartStreamEncryption]. */
export interface StreamEncryption {
  type: 'NONE' | 'KMS';
  keyId?: string;
  /** Each change as it took effect (the stream back to ACTIVE): records arriving at or after `at` get `type`. */
  changes: Array<{ at: number; type: 'NONE' | 'KMS'; keyId?: string }>;
  /** Times of StartStreamEncryption and StopStreamEncryption calls, for the 25-per-24-h rules. */
  starts: number[];
  stops: number[];
}

/** Running totals of API answers, read as differences by the metrics sampler. */
export interface StreamApiCounts {
  putRecordSuccess: number;
  putRecordsThrottledRecords: number;
  getRecordsSuccess: number;
}

/** A new stream with `shardCount` open shards evenly over the hash line. */
export function createStreamState(name: string, arn: string, shardCount: number, mode: StreamMode, now: number, retentionHours: number, maxRecordSizeKiB: number): StreamState {
  const s: StreamState = {
    name,
    arn,
    status: 'CREATING',
    mode,
    createdAt: now,
    retentionHours,
    maxRecordSizeKiB,
    tags: {},
    shardLevelMetrics: [],
    encryption: { type: 'NONE', changes: [], starts: [], stops: [] },
    apiCounts: { putRecordSuccess: 0, putRecordsThrottledRecords: 0, getRecordsSuccess: 0 },
    shards: [],
    byId: new Map(),
    open: [],
    openStartHigh: new Float64Array(0),
    openBucket: new Int32Array(ROUTE_BUCKETS + 1),
    nextShardIndex: 0,
    consumers: new Map(),
    shardCountUpdates: [],
    modeUpdates: [],
    deleted: false,
  };
  evenHashRanges(shardCount).forEach((r) => addShard(s, createShard(s.nextShardIndex++, r.start, r.end, now)));
  rebuildRouting(s);
  return s;
}

/** Adds a shard to the stream (call rebuildRouting after a batch of changes). */
export function addShard(s: StreamState, shard: ShardState): void {
  s.shards.push(shard);
  s.byId.set(shard.shardId, shard);
}

/** Slices of the hash line in the routing index: 1,024 by the top 10 bits of a key. */
const ROUTE_BUCKETS = 1024;
/** A key's top 52 bits over this give its slice. */
const BUCKET_WIDTH = 2 ** 52 / ROUTE_BUCKETS;

/** Rebuilds the sorted table of open shards used to route hash keys. */
export function rebuildRouting(s: StreamState): void {
  s.open = s.shards.filter(isOpen).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const starts = Float64Array.from(s.open, (sh) => sh.startHigh);
  s.openStartHigh = starts;
  // bucket[b]: the last open shard starting at or before slice b's first key; slice b's keys
  // route to a shard between bucket[b] and bucket[b + 1] (the last entry covers the line's end).
  const bucket = new Int32Array(ROUTE_BUCKETS + 1);
  let lo = 0;
  for (let b = 0; b <= ROUTE_BUCKETS; b++) {
    const first = b * BUCKET_WIDTH;
    while (lo + 1 < starts.length && starts[lo + 1] <= first) lo++;
    bucket[b] = lo;
  }
  s.openBucket = bucket;
}

/**
 * Index in `s.open` of the last open shard whose start's top 52 bits are at most
 * `high`. When that start's top bits equal `high`, the full 128-bit key decides
 * (see resolveBoundary), which happens only for keys right at a boundary. The
 * key's slice of the hash line narrows the search first: with a few hundred even
 * shards a slice spans one or two of them, so a put does not walk 9 steps of a
 * binary search on every record.
 */
export function routeHighIndex(s: { readonly openStartHigh: Float64Array; readonly openBucket?: Int32Array }, high: number): number {
  const starts = s.openStartHigh;
  // A table without the slice index (a key distribution's copy of an older table) is searched whole.
  let lo = 0, hi = starts.length - 1;
  if (s.openBucket !== undefined) {
    const b = Math.floor(high / BUCKET_WIDTH);
    lo = s.openBucket[b];
    hi = s.openBucket[b + 1];
  }
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= high) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Steps back from `lo` while the shard starts above the full key. */
export function resolveBoundary(s: { readonly open: readonly ShardState[] }, lo: number, key: bigint): number {
  while (lo > 0 && s.open[lo].start > key) lo--;
  return lo;
}

/** The open shard holding `key`. */
export function routeKey(s: StreamState, key: bigint): ShardState {
  const high = Number(key >> 76n);
  let lo = routeHighIndex(s, high);
  if (s.openStartHigh[lo] === high) lo = resolveBoundary(s, lo, key);
  return s.open[lo];
}

/** The stream's fields common to DescribeStream and DescribeStreamSummary (AWS shapes). */
export function streamDescriptionBase(s: StreamState): StreamDescriptionBase {
  const out: StreamDescriptionBase = {
    StreamName: s.name,
    StreamARN: s.arn,
    StreamStatus: s.status,
    StreamModeDetails: { StreamMode: s.mode },
    RetentionPeriodHours: s.retentionHours,
    StreamCreationTimestamp: s.createdAt,
    EnhancedMonitoring: [{ ShardLevelMetrics: [...s.shardLevelMetrics] }],
    EncryptionType: s.encryption.type,
  };
  // KeyId only while encrypted [BC-K StreamDescription: "The GUID for the customer-managed AWS KMS key"].
  if (s.encryption.type === 'KMS' && s.encryption.keyId !== undefined) out.KeyId = s.encryption.keyId;
  return out;
}

/**
 * What a record or a put answer says about encryption: `EncryptionType: KMS`
 * when encrypted, nothing when not (AWS's PutRecord, PutRecords and GetRecords
 * examples carry no EncryptionType for an unencrypted stream; DescribeStream
 * still says NONE).
 */
export function encryptionField(type: 'NONE' | 'KMS'): { EncryptionType?: 'KMS' } {
  return type === 'KMS' ? { EncryptionType: 'KMS' } : {};
}

/** The encryption a record arriving at `arrival` got: the last change in effect then [BC-K StartStreamEncryption: only records written after the change]. */
export function encryptionAt(s: StreamState, arrival: number): 'NONE' | 'KMS' {
  const c = s.encryption.changes;
  for (let i = c.length - 1; i >= 0; i--) if (c[i].at <= arrival) return c[i].type;
  return 'NONE';
}
