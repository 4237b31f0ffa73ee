/**
 * Shared plumbing for built-in Firehose transformation functions: read the
 * Firehose event, apply a per-record function to the decoded text, and build
 * the response in the contract Firehose expects ({records:[{recordId, result,
 * data, metadata?}]}) [KDF-DG23 data-transformation; aws-lambda-go events/firehose.go].
 */
import { fromBase64, toBase64 } from '../../core/base64';
import { decodeUtf8, encodeUtf8 } from '../../core/utf8';

/** One record of the Firehose transformation event, as the function receives it. */
export interface FirehoseEventRecord {
  recordId: string;
  approximateArrivalTimestamp: number;
  data: string;
  kinesisRecordMetadata?: Record<string, unknown>;
}

/** One record of the function's response. */
export interface FirehoseResponseRecord {
  recordId: string;
  result: 'Ok' | 'Dropped' | 'ProcessingFailed';
  data: string;
  metadata?: { partitionKeys: Record<string, string> };
}

/** What a per-record transform decides. */
export type RecordDecision =
  | { result: 'Ok'; text: string; partitionKeys?: Record<string, string> }
  | { result: 'Dropped' }
  | { result: 'ProcessingFailed' };

/** Applies `transform` to every record's UTF-8 text and returns the Firehose response. */
export function mapFirehoseRecords(
  event: unknown,
  transform: (text: string, record: FirehoseEventRecord) => RecordDecision,
): { records: FirehoseResponseRecord[] } {
  const records = ((event as { records?: FirehoseEventRecord[] })?.records ?? []) as FirehoseEventRecord[];
  return {
    records: records.map((r) => {
      const bytes = fromBase64(r.data);
      const d = bytes === undefined ? ({ result: 'ProcessingFailed' } as const) : transform(decodeUtf8(bytes), r);
      if (d.result === 'Ok') {
        const out: FirehoseResponseRecord = { recordId: r.recordId, result: 'Ok', data: toBase64(encodeUtf8(d.text)) };
        if (d.partitionKeys) out.metadata = { partitionKeys: d.partitionKeys };
        return out;
      }
      // Dropped and failed records echo their input data, as the AWS blueprints do.
      return { recordId: r.recordId, result: d.result, data: r.data };
    }),
  };
}

/** Parses a record as one JSON object, or undefined. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const v = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the record's trailing newline if it had one, so line-delimited output stays line-delimited. */
export function trailingNewline(text: string): string {
  return text.endsWith('\n') ? '\n' : '';
}
