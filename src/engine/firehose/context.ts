/**
 * What every Firehose operation works with: the core, S3, Kinesis (for a
 * stream source), the delivery streams of the account, the processing hooks
 * and the seeded generator for object ids and random strings.
 */
import type { GlueContext } from '../glue/catalog';
import type { SimCore } from '../core/simCore';
import type { Random } from '../core/random';
import { AwsError } from '../core/errors';
import type { S3Context, S3ObjectState } from '../s3/s3Model';
import type { KinesisContext } from '../kinesis/context';
import type { QuotaSource } from './constants';
import type { ProcessingHooks, TransformStreamState } from './processingHooks';
import type { DeliveryStreamState } from './deliveryStreamModel';
import type { SliceStore } from './sliceStore';

export interface FirehoseOptions {
  /** Which source's Direct PUT quota to apply (the sources disagree; see constants.ts). */
  firehoseQuotaSource?: QuotaSource;
  /** Active partitions per stream with dynamic partitioning (default 500). */
  activePartitionLimit?: number;
  /**
   * Simulated ms per step when a Kinesis-stream source reads bulk segments (a
   * step stands for the once-a-second calls over it). Default: 1 s per 10
   * shards read, within 1..60 s (kinesisSource.ts bulkStepMs).
   */
  kinesisSourceBulkStepMs?: number;
}

export interface FirehoseContext {
  core: SimCore;
  s3: S3Context;
  kinesis: KinesisContext;
  streams: Map<string, DeliveryStreamState>;
  hooks: ProcessingHooks;
  random: Random;
  quotaSource: QuotaSource;
  activePartitionLimit: number;
  kinesisSourceBulkStepMs?: number;
  /** The Glue Data Catalog that format conversion reads its schema from (set by the simulation). */
  glue?: GlueContext;
  /** Exact objects waiting for their lazy compression, oldest first, and their uncompressed bytes (lazyCompression.ts). */
  unbuilt: { queue: Array<{ obj: S3ObjectState; bytes: number }>; bytes: number };
  /** Each delivery stream's Lambda transform state (invocation ids, record serial), by stream ARN. */
  transformStates: Map<string, TransformStreamState>;
  /** The stores of bulk objects' slices, by number (an object's lazy body names its store by number). */
  sliceStores: SliceStore[];
}

/** A Firehose state with no delivery streams and no processing hooks yet. */
export function createFirehoseContext(core: SimCore, s3: S3Context, kinesis: KinesisContext, opts: FirehoseOptions = {}): FirehoseContext {
  return {
    core,
    s3,
    kinesis,
    streams: new Map(),
    hooks: {},
    random: core.random.fork('firehose'),
    quotaSource: opts.firehoseQuotaSource ?? 'dev-guide-2023',
    activePartitionLimit: opts.activePartitionLimit ?? 500,
    kinesisSourceBulkStepMs: opts.kinesisSourceBulkStepMs,
    unbuilt: { queue: [], bytes: 0 },
    transformStates: new Map(),
    sliceStores: [],
  };
}

/** The delivery stream ARN: arn:aws:firehose:<region>:<account>:deliverystream/<name>. */
export function deliveryStreamArn(ctx: FirehoseContext, name: string): string {
  return ctx.core.arn('firehose', `deliverystream/${name}`);
}

/** ResourceNotFoundException as Firehose words it. */
export function streamNotFound(ctx: FirehoseContext, name: unknown): AwsError {
  return new AwsError('ResourceNotFoundException', `Firehose ${String(name)} under account ${ctx.core.accountId} not found.`);
}

/** The delivery stream by name, or ResourceNotFoundException. */
export function findDeliveryStream(ctx: FirehoseContext, name: unknown): DeliveryStreamState {
  const s = typeof name === 'string' ? ctx.streams.get(name) : undefined;
  if (s === undefined) throw streamNotFound(ctx, name);
  return s;
}

/** The delivery stream if it is ACTIVE, else ResourceInUseException naming its current state (CREATING, DELETING, ...): what PutRecord, PutRecordBatch, bulk ingestion and Start/StopDeliveryStreamEncryption require. */
export function findActiveDeliveryStream(ctx: FirehoseContext, name: unknown): DeliveryStreamState {
  const s = findDeliveryStream(ctx, name);
  if (s.status !== 'ACTIVE') throw new AwsError('ResourceInUseException', `Firehose ${s.name} under account ${ctx.core.accountId} is not in ACTIVE state (current state: ${s.status}).`);
  return s;
}
