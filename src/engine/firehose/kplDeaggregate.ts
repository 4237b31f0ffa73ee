/**
 * KPL aggregated records as Firehose sees them when reading a Kinesis source:
 * it de-aggregates them [KDF-DG23 basic-deliver]. The format (magic
 * F3 89 9A C2, a protobuf AggregatedRecord, then the MD5 of the protobuf
 * bytes) is decoded and encoded by the one codec in kinesis/kplAggregation.ts
 * [awslabs/amazon-kinesis-producer aggregation-format.md; facts A11]; this
 * file numbers the user records (their subsequence numbers). A record that
 * does not check out is passed on as it is, as the KCL does.
 */
import { decodeAggregatedRecord, encodeAggregatedRecord } from '../kinesis/kplAggregation';

export interface UserRecord { data: Uint8Array; partitionKey: string; subsequenceNumber: number }

/** The user records inside an aggregated record, or undefined when `data` is not one. */
export function deaggregate(data: Uint8Array): UserRecord[] | undefined {
  const d = decodeAggregatedRecord(data);
  if (!d.aggregated) return undefined;
  // Copies: a buffered user record must not keep the whole Kinesis record alive through a view.
  return d.records.map((r, i) => ({ data: r.data.slice(), partitionKey: r.partitionKey, subsequenceNumber: i }));
}

/** Builds an aggregated record (for tests and the KPL-style producer). */
export function aggregate(records: Array<{ data: Uint8Array; partitionKey: string }>): Uint8Array {
  return encodeAggregatedRecord(records);
}
