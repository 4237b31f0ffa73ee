/**
 * What the function receives and what the on-failure destination gets, in
 * Lambda's shapes [LDG23; A13]: the Kinesis event record, and
 * KinesisBatchInfo (only the batch's bounds, never its data).
 */
import { toBase64 } from '../../../core/base64';
import { isoUtc } from '../../../core/calendar';
import { utf8Length } from '../../../core/utf8';
import type { KinesisRecord } from '../../../kinesis/types';

export interface KinesisEventRecord {
  kinesis: {
    kinesisSchemaVersion: '1.0';
    partitionKey: string;
    sequenceNumber: string;
    data: string;
    /** Epoch seconds with millisecond fraction. */
    approximateArrivalTimestamp: number;
  };
  eventSource: 'aws:kinesis';
  eventVersion: '1.0';
  eventID: string;
  eventName: 'aws:kinesis:record';
  invokeIdentityArn: string;
  awsRegion: string;
  eventSourceARN: string;
}

/** The on-failure record: the batch's bounds [LDG23]. */
export interface KinesisBatchInfo {
  shardId: string;
  startSequenceNumber: string;
  endSequenceNumber: string;
  /** ISO-8601 times, as Lambda writes them. */
  approximateArrivalOfFirstRecord: string;
  approximateArrivalOfLastRecord: string;
  batchSize: number;
  streamArn: string;
}

/** Why Lambda gave up on a batch, as the on-failure record's requestContext.condition says [LDG kinesis-on-failure-destination]. */
export type OnFailureCondition = 'RetryAttemptsExhausted' | 'RecordAgeExceeded' | 'MaximumPayloadSizeExceeded';

/**
 * The document Lambda sends to an SQS or SNS on-failure destination for a
 * discarded Kinesis batch: metadata only, never the records [LDG
 * kinesis-on-failure-destination, "Example Amazon SQS and Amazon SNS
 * invocation record"; every KinesisBatchInfo field is always present].
 */
export interface OnFailureRecord {
  requestContext: {
    requestId: string;
    /** The function's unqualified ARN, as in AWS's Kinesis example. */
    functionArn: string;
    condition: OnFailureCondition;
    /** Invocations of this batch, first attempt included (0 when it was never invoked). */
    approximateInvokeCount: number;
  };
  responseContext: {
    statusCode: number;
    executedVersion: string;
    /** 'Unhandled' when the last attempt failed inside the function; absent otherwise. */
    functionError?: 'Unhandled';
  };
  version: '1.0';
  /** ISO-8601 (UTC, milliseconds) of the simulated moment the batch was discarded. */
  timestamp: string;
  KinesisBatchInfo: KinesisBatchInfo;
}

/** One record as the function sees it. */
export function eventRecordOf(r: KinesisRecord, shardId: string, streamArn: string, region: string, roleArn: string): KinesisEventRecord {
  return {
    kinesis: {
      kinesisSchemaVersion: '1.0',
      partitionKey: r.PartitionKey,
      sequenceNumber: r.SequenceNumber,
      data: toBase64(r.Data),
      approximateArrivalTimestamp: r.ApproximateArrivalTimestamp / 1000,
    },
    eventSource: 'aws:kinesis',
    eventVersion: '1.0',
    eventID: `${shardId}:${r.SequenceNumber}`,
    eventName: 'aws:kinesis:record',
    invokeIdentityArn: roleArn,
    awsRegion: region,
    eventSourceARN: streamArn,
  };
}

/**
 * Bytes of the invocation event `{"Records":[r1,r2,...]}` apart from its
 * records: the envelope, plus one comma per record after the first. The
 * ESM cuts a batch so this JSON stays within Lambda's 6 MB synchronous
 * request limit [LDG23; A13].
 */
export const EVENT_ENVELOPE_BYTES = '{"Records":[]}'.length;

/** UTF-8 bytes of one record's JSON in the event (data in base64), as counted against the 6 MB limit. */
export function eventRecordBytes(r: KinesisEventRecord): number {
  return utf8Length(JSON.stringify(r));
}

/** ISO-8601 (UTC, milliseconds) of simulated epoch ms, as Lambda writes KinesisBatchInfo times. */
export const isoOf = isoUtc;
