/**
 * What the function receives and what the on-failure destination gets, in
 * Lambda's shapes [LDG23; A13]: the Kinesis event record, and
 * KinesisBatchInfo (only the batch's bounds, never its data).
 */
import { toBase64 } from '../../../core/base64';
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

/** ISO-8601 (UTC, milliseconds) of simulated epoch ms, without Date (Hinnant's civil_from_days). */
export function isoOf(ms: number): string {
  const days = Math.floor(ms / 86400000);
  const rem = ms - days * 86400000;
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const h = Math.floor(rem / 3600000), mi = Math.floor(rem / 60000) % 60, se = Math.floor(rem / 1000) % 60, mss = rem % 1000;
  return `${p(year, 4)}-${p(month)}-${p(day)}T${p(h)}:${p(mi)}:${p(se)}.${p(mss, 3)}Z`;
}
