/**
 * What every Kinesis operation works with: the simulation core, the streams
 * of the account, quotas and delays, and the lookups with AWS's error texts.
 */
import type { SimCore } from '../core/simCore';
import { canonicalShardId } from './shardIdForm';
import { AwsError, invalidArgument, resourceInUse, resourceNotFound } from '../core/errors';
import { DEFAULT_DELAYS, defaultShardQuota } from './constants';
import type { StreamState } from './streamModel';
import type { ShardState } from './shardModel';
import { isOpen } from './shardModel';
import type { StreamRef } from './types';

export interface KinesisOptions {
  /** Open shards allowed per account and Region (default AWS's current value for the Region). */
  shardQuota?: number;
  /** Simulated control-plane delays. */
  delays?: Partial<typeof DEFAULT_DELAYS>;
}

export interface KinesisContext {
  core: SimCore;
  streams: Map<string, StreamState>;
  shardQuota: number;
  delays: typeof DEFAULT_DELAYS;
  /** Account-level settings (DescribeAccountSettings, UpdateAccountSettings), as plain data. */
  account: KinesisAccountState;
  /** The on-demand sampler is scheduled (onDemandScaling.ts). */
  onDemandSampling: boolean;
  /** Partition key -> top 52 bits of its MD5, a fixed-size direct-mapped cache (see write.ts). */
  keyHashCache: KeyHashCache;
  /** Goes up whenever a reader's cursor may have changed (traffic/consumers/shardCursor.ts cursorEpoch). */
  cursorEpoch: number;
  /** True while the retention sweep is scheduled (retentionSweep.ts). */
  retentionSweepRunning?: boolean;
}

/** A Kinesis state with no streams, quotas and delays from `opts` or their defaults. */
export function createKinesisContext(core: SimCore, opts: KinesisOptions = {}): KinesisContext {
  return {
    core,
    streams: new Map(),
    shardQuota: opts.shardQuota ?? defaultShardQuota(core.region),
    delays: { ...DEFAULT_DELAYS, ...opts.delays },
    keyHashCache: createKeyHashCache(),
    cursorEpoch: 0,
    account: { billingCommitment: { status: 'DISABLED' } },
    onDemandSampling: false,
  };
}

/** The account's minimum throughput billing commitment [BC-K MinimumThroughputBillingCommitmentOutput]. */
export interface BillingCommitmentState {
  status: 'ENABLED' | 'DISABLED' | 'ENABLED_UNTIL_EARLIEST_ALLOWED_END';
  startedAt?: number;
  endedAt?: number;
  earliestAllowedEndAt?: number;
}

/** What the account holds beyond its streams. */
export interface KinesisAccountState {
  billingCommitment: BillingCommitmentState;
}

export interface KeyHashCache {
  mask: number;
  /**
   * SLOT_WIDTH entries per slot, side by side: the key, then its hash's top 52
   * bits as two 26-bit halves (small integers, held in the array itself, not
   * boxed). A lookup reads one stretch of memory for the ways of its set; with
   * the hashes in an array of their own it was a second cache miss per record.
   */
  slots: Array<string | number | undefined>;
  /** Lookups and hits in the current window, and lookups left to skip the cache (see write.ts). */
  probes: number;
  hits: number;
  bypass: number;
  /**
   * The partition key of the last lookup as the cache holds it (equal to the one
   * looked up): the string a shard stores, so a million records over 10,000
   * device ids keep 10,000 key strings, not the million copies requests carry.
   * Only read right after routeRecord; no result depends on which copy it is.
   */
  key: string;
}

/** Entries per KeyHashCache slot: key, high 26 bits, low 26 bits. */
export const SLOT_WIDTH = 3;

/**
 * The cache's slots and counters. A pure cache: keyHigh52 returns the key's
 * MD5 bits whatever it holds (and `key` is only read right after a lookup),
 * so checkpoints do not copy it (about 1.5 MB each) and a restored world
 * keeps its fresh, empty one (checkpoint/copyState.ts).
 */
class KeyHashCacheSlots implements KeyHashCache {
  static readonly checkpointCache = true;
  mask: number;
  slots: Array<string | number | undefined>;
  probes = 0;
  hits = 0;
  bypass = 0;
  key = '';

  constructor(bits = 16) {
    const n = 1 << bits;
    this.mask = n - 1;
    this.slots = new Array<string | number | undefined>(n * SLOT_WIDTH).fill(undefined);
  }
}

/** 65,536 slots in 16,384 four-way sets: about 1.5 MB, few collisions for tens of thousands of distinct keys. */
function createKeyHashCache(bits = 16): KeyHashCache {
  return new KeyHashCacheSlots(bits);
}

/** The stream ARN: arn:aws:kinesis:<region>:<account>:stream/<name>. */
export function streamArnOf(ctx: KinesisContext, name: string): string {
  return ctx.core.arn('kinesis', `stream/${name}`);
}

/** Resolves StreamName or StreamARN to a stream, with AWS's errors. */
export function findStream(ctx: KinesisContext, ref: StreamRef): StreamState {
  let name = ref.StreamName;
  if (name === undefined && ref.StreamARN !== undefined) {
    const m = /^arn:aws[\w-]*:kinesis:[\w-]+:\d{12}:stream\/([a-zA-Z0-9_.-]{1,128})$/.exec(ref.StreamARN);
    if (m === null) throw invalidArgument(`StreamARN ${ref.StreamARN} is not a valid stream ARN.`);
    if (ref.StreamARN !== streamArnOf(ctx, m[1])) throw resourceNotFound(`Stream ${m[1]} under account ${ctx.core.accountId} not found.`);
    name = m[1];
  }
  if (name === undefined) throw invalidArgument('Either StreamName or StreamARN should be provided.');
  const s = ctx.streams.get(name);
  if (s === undefined || s.deleted) throw resourceNotFound(`Stream ${name} under account ${ctx.core.accountId} not found.`);
  return s;
}

/** A stream that must be ACTIVE for a control-plane change (ResourceInUseException otherwise). */
export function findActiveStream(ctx: KinesisContext, ref: StreamRef): StreamState {
  const s = findStream(ctx, ref);
  if (s.status !== 'ACTIVE') {
    throw resourceInUse(`Stream ${s.name} under account ${ctx.core.accountId} not ACTIVE, instead in state ${s.status}`);
  }
  return s;
}

/** A stream that takes data: ACTIVE or UPDATING (reads and writes go on while resharding). */
export function findReadableStream(ctx: KinesisContext, ref: StreamRef): StreamState {
  const s = findStream(ctx, ref);
  if (s.status === 'CREATING' || s.status === 'DELETING') {
    throw resourceNotFound(`Stream ${s.name} under account ${ctx.core.accountId} not found.`);
  }
  return s;
}

/** A shard of the stream by id, or ResourceNotFoundException as AWS words it. */
export function findShard(ctx: KinesisContext, s: StreamState, shardId: string): ShardState {
  const sh = s.byId.get(shardId);
  if (sh === undefined) {
    throw resourceNotFound(`Could not find shard ${shardId} in stream ${s.name} under account ${ctx.core.accountId}.`);
  }
  return sh;
}

/**
 * Like findShard, for the operations that take a shard id in any of AWS's
 * forms (`shardId-0`, `0`, `x-0` for shardId-000000000000): GetShardIterator,
 * SplitShard and MergeShards. The error names the id as given.
 */
export function findNamedShard(ctx: KinesisContext, s: StreamState, shardId: string): ShardState {
  const canonical = canonicalShardId(shardId);
  const sh = s.byId.get(shardId) ?? (canonical === undefined ? undefined : s.byId.get(canonical));
  if (sh === undefined) {
    throw resourceNotFound(`Could not find shard ${shardId} in stream ${s.name} under account ${ctx.core.accountId}.`);
  }
  return sh;
}

/** Open shards across all streams of the account (what the shard quota counts). */
export function openShardsInAccount(ctx: KinesisContext): number {
  let n = 0;
  for (const s of ctx.streams.values()) if (!s.deleted) n += s.open.length;
  return n;
}

/** LimitExceededException for the account shard quota, in AWS's words. */
export function shardQuotaError(ctx: KinesisContext, additional: number): AwsError {
  return new AwsError(
    'LimitExceededException',
    `This request would exceed the shard limit for the account ${ctx.core.accountId} in ${ctx.core.region}. ` +
      `Current shard count for the account: ${openShardsInAccount(ctx)}. Limit: ${ctx.shardQuota}. ` +
      `Number of additional shards that would have resulted from this request: ${additional}. ` +
      `Refer to the AWS Service Limits page (https://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and how to request higher limits.`,
  );
}

/** The shard's open or closed state at a glance. */
export { isOpen };

/** The ProvisionedThroughputExceededException message [AWS PutRecords API example]. */
export function rateExceededMessage(ctx: KinesisContext, s: StreamState, shardId: string): string {
  return `Rate exceeded for shard ${shardId} in stream ${s.name} under account ${ctx.core.accountId}.`;
}

/** Retention cutoff: records that arrived before it are gone from every read. */
export function retentionCutoff(ctx: KinesisContext, s: StreamState): number {
  return ctx.core.now() - s.retentionHours * 3600000;
}
