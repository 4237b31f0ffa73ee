/**
 * The event Firehose sends to a transformation Lambda [aws-lambda-go
 * events/firehose.go; KDF-DG23 data-transformation]: invocationId,
 * deliveryStreamArn, sourceKinesisStreamArn (Kinesis source only), region and
 * records with recordId, approximateArrivalTimestamp (ms), base64 data and,
 * for a Kinesis source, kinesisRecordMetadata.
 */
import { toBase64 } from '../../core/base64';
import type { Random } from '../../core/random';

/** A record handed to the transform. */
export interface TransformInputRecord {
  data: Uint8Array;
  /** Simulated epoch ms. */
  arrival: number;
  kinesisRecordMetadata?: { shardId: string; partitionKey: string; sequenceNumber: string; subsequenceNumber?: number; approximateArrivalTimestamp: number };
}

export interface FirehoseTransformEvent {
  invocationId: string;
  deliveryStreamArn: string;
  sourceKinesisStreamArn?: string;
  region: string;
  records: Array<{
    recordId: string;
    approximateArrivalTimestamp: number;
    data: string;
    kinesisRecordMetadata?: TransformInputRecord['kinesisRecordMetadata'];
  }>;
}

/** A UUID v4 drawn from the seeded generator (invocation ids). */
export function seededUuid(random: Random): string {
  const hex = random.string(32, '0123456789abcdef');
  const variant = '89ab'[random.int(4)];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A Firehose-like record id: a long decimal string, unique per stream
 * (real ids are 56+ digit numbers such as 4954698668313554428650745793632...).
 */
export function recordIdFor(serial: number): string {
  return '49' + String(serial).padStart(54, '0');
}

/** Builds the event for one invocation, fields in AWS's order. */
export function buildTransformEvent(
  meta: { invocationId: string; deliveryStreamArn: string; sourceKinesisStreamArn?: string; region: string },
  records: TransformInputRecord[],
  recordIds: string[],
): FirehoseTransformEvent {
  const head: Omit<FirehoseTransformEvent, 'region' | 'records'> = { invocationId: meta.invocationId, deliveryStreamArn: meta.deliveryStreamArn };
  if (meta.sourceKinesisStreamArn !== undefined) head.sourceKinesisStreamArn = meta.sourceKinesisStreamArn;
  return {
    ...head,
    region: meta.region,
    records: records.map((r, i) => {
      const entry: FirehoseTransformEvent['records'][number] = { recordId: recordIds[i], approximateArrivalTimestamp: r.arrival, data: toBase64(r.data) };
      if (r.kinesisRecordMetadata) entry.kinesisRecordMetadata = r.kinesisRecordMetadata;
      return entry;
    }),
  };
}
