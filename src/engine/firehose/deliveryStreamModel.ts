/**
 * One delivery stream: status, version, configuration, buffers, quotas,
 * metrics and the running totals that account for every record (accepted =
 * delivered + errored + dropped + lost + still buffered or in retry).
 */
import type { TokenBucket } from '../kinesis/throughput';
import type { CostMeter } from '../cost/costMeter';
import type { MetricsRing } from '../metrics/metricsRing';
import type { BufferSet, Batch } from './buffer';
import type { S3Runtime } from './s3DestinationConfig';
import type { DeliveryStreamDescription, DeliveryStreamStatus, DeliveryStreamType } from './types';
import type { OtherDestinationState } from './destinations/otherDestination';
import type { DeliveredRun, KinesisSourceState, LambdaStage } from './stageState';
import type { SliceStore } from './sliceStore';
import type { CompressionFormat } from './constants';

export type DestinationKind = 'ExtendedS3' | 'Redshift' | 'OpenSearch' | 'Splunk' | 'HttpEndpoint';

export interface StreamCounters {
  /** Records accepted by PutRecord/PutRecordBatch, bulk ingestion or read from the source stream. */
  accepted: number;
  /** Records written into data objects. */
  delivered: number;
  /** Records written into error objects (processing, partitioning or conversion failures). */
  errored: number;
  /** Records a transform dropped (result Dropped). */
  dropped: number;
  /** Records given up after the retry window ends. */
  lost: number;
  objects: number;
  /** The stream's billable quantities (5 KB rounding per record, delivered bytes, objects). */
  cost: CostMeter;
}

/** A batch waiting for its S3 write (first attempt or a retry). */
export interface PendingDelivery {
  batch: Batch;
  target: 'data' | 'error' | 'backup';
  attempts: number;
  firstAttempt: number;
}

export interface DeliveryStreamState {
  name: string;
  arn: string;
  type: DeliveryStreamType;
  status: DeliveryStreamStatus;
  createdAt: number;
  updatedAt?: number;
  /** VersionId: starts at 1 and goes up by 1 on each configuration change [facts B3]. */
  version: number;
  destinationId: string;
  destinationKind: DestinationKind;
  /** The destination configuration as given (AWS shape), merged by UpdateDestination. */
  config: Record<string, unknown>;
  /** Compiled S3 side (the ExtendedS3 destination, or the other destinations' S3 backup bucket). */
  s3: S3Runtime;
  other?: OtherDestinationState;
  buffers: BufferSet;
  errorBuffers: BufferSet;
  backupBuffers?: BufferSet;
  lambdaStage?: LambdaStage;
  encryption?: NonNullable<DeliveryStreamDescription['DeliveryStreamEncryptionConfiguration']>;
  tags: Map<string, string>;
  quota: { records: TokenBucket; bytes: TokenBucket; requests: TokenBucket };
  metrics: MetricsRing;
  counters: StreamCounters;
  /** The simulator's outage switch: while true, every write to the destination fails. */
  outage: boolean;
  /** Writes that failed and wait for a retry, in order. */
  retryQueue: PendingDelivery[];
  source?: KinesisSourceState;
  /** The source stream's name from creation on (`source` only starts once the delivery stream is ACTIVE), for views. */
  sourceStreamName?: string;
  deleted: boolean;
  /** Times of the StartDeliveryStreamEncryption/Stop calls in the last 24 h (25 allowed). */
  encryptionCalls?: number[];
  /** Which object holds which run of Kinesis records (deliveryIndex.ts), oldest first, bounded. */
  deliveredRuns?: DeliveredRun[];
  /** The slices of bulk objects, unpacked when an object is read (delivery.ts). */
  sliceStore?: SliceStore;
  /** Exact objects' compression ratio per format, measured on every RATIO_REFRESH_EVERY-th object (lazyCompression.ts). */
  lazyRatios?: Map<CompressionFormat, { ratio: number; objects: number }>;
  /** Bulk objects' compression ratio per record-recipe family and format, measured once on a sample (delivery.ts). */
  sliceRatios?: Map<object, Map<CompressionFormat, number>>;
}
