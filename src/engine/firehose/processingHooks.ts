/**
 * The seams between the delivery pipeline and the processing modules built
 * beside it (transform/, partitioning/, formatConversion/): the pipeline
 * batches records and calls these pure functions. The Lambda transform
 * answers through a continuation (data) from the event queue; key extraction
 * may answer with a promise (jq loads lazily), which the pipeline tracks on
 * the simulation core. See README-integration.md.
 */
import type { Continuation } from '../core/eventQueue';
import type { Random } from '../core/random';
import type { DataFormatConversionConfiguration, Processor } from './types';

/** A record entering processing. */
export interface PipelineRecord {
  data: Uint8Array;
  /** Simulated epoch ms. */
  arrival: number;
  kinesisRecordMetadata?: { shardId: string; partitionKey: string; sequenceNumber: string; subsequenceNumber?: number; approximateArrivalTimestamp: number };
}

/** A record that failed processing or conversion, written to the error prefix as AWS's JSON error record. */
export interface FailedRecord {
  raw: Uint8Array;
  arrival: number;
  errorCode: string;
  errorMessage: string;
  attemptsMade: number;
  lambdaArn?: string;
  /** Simulated epoch ms when the last attempt ended (the error record's attemptEndingTimestamp); the write time if absent. */
  attemptEndingTimestamp?: number;
}

/** What the Lambda transform gives back for one batch. */
export interface TransformOutcome {
  /** Records with result Ok, in input order, with Lambda-supplied partition keys if any. */
  ok: Array<{ data: Uint8Array; arrival: number; partitionKeys?: Record<string, string> }>;
  /** Records with ProcessingFailed (or whose invocation failed after retries). */
  failed: FailedRecord[];
  /** Records with result Dropped. */
  dropped: number;
}

/** A delivery stream's own transform state: the invocation-id generator and the record-id serial (plain data, kept by the pipeline). */
export interface TransformStreamState {
  random: Random;
  recordSerial: { next: number };
}

export interface TransformRequest {
  deliveryStreamArn: string;
  sourceKinesisStreamArn?: string;
  region: string;
  /** The Lambda processor as configured (Parameters: LambdaArn, NumberOfRetries, BufferSizeInMBs, ...). */
  processor: Processor;
  records: PipelineRecord[];
  /** The stream's invocation ids and record serial, advanced by the transform. */
  state: TransformStreamState;
}

/** Partition keys for one record, or why they could not be extracted. */
export type KeyExtraction = { keys: Record<string, string> } | { error: string; errorCode?: string };

export interface FormatConversionOutcome {
  /** The converted object body (Parquet or ORC bytes), or undefined when every record failed. */
  body?: Uint8Array;
  /** Index (in the input) and reason of records that could not be converted. */
  failed: Array<{ index: number; errorCode: string; errorMessage: string }>;
  /** Default extension of the output format (".parquet", ".orc"). */
  extension: string;
}

export interface ProcessingHooks {
  /**
   * Runs one Lambda invocation batch (with the processor's retries). A
   * continuation, not a promise: the TransformOutcome arrives through the
   * event queue at the simulated end of the last attempt (a promise would
   * never settle inside advance's settle() and would deadlock it), and as data
   * it is copied by checkpoints like the rest of the queue.
   */
  transform?: (req: TransformRequest, then: Continuation) => void;
  /** Evaluates the MetadataExtractionQuery (jq) over JSON records, one answer per record. */
  extractKeys?: (records: Uint8Array[], query: string) => KeyExtraction[] | Promise<KeyExtraction[]>;
  /** Converts a batch of JSON records to the configured columnar format. */
  convertFormat?: (records: Uint8Array[], config: DataFormatConversionConfiguration) => FormatConversionOutcome;
}
