/**
 * What a KCL record processor receives: user records, not Kinesis records.
 * "Beginning with release 1.4.0, the KCL supports automatic de-aggregation of
 * KPL user records" [KDS developer guide, kinesis-kpl-consumer-deaggregation]: each user record of an aggregate keeps the aggregate's
 * sequence number and gets its own subsequence number (0, 1, 2, ... in the
 * aggregate's order; KCL's UserRecord.getSubSequenceNumber /
 * KinesisClientRecord.subSequenceNumber), its own partition key and, when the
 * KPL set one, its explicit hash key. A record that is not an aggregate (no
 * magic, or an MD5 that does not match) is handed on whole, with
 * subsequence number 0, as the KCL does. A Lambda event source mapping does
 * not do this: it hands the aggregate through unchanged.
 */
import { decodeAggregatedRecord } from '../../../kinesis/kplAggregation';
import type { KinesisRecord } from '../../../kinesis/types';

/** A user record as the KCL hands it to the record processor (AWS field names, plus the KCL's numbering). */
export interface KclUserRecord extends KinesisRecord {
  /** Position inside its aggregate (0 for a record that was not aggregated). */
  SubSequenceNumber: number;
  /** True when the record came out of a KPL aggregate (KinesisClientRecord.aggregated). */
  Aggregated: boolean;
  /** The explicit hash key the KPL recorded for this user record, when it had one. */
  ExplicitHashKey?: string;
}

/** The user records of a batch of Kinesis records, in order. */
export function kclUserRecords(records: readonly KinesisRecord[]): KclUserRecord[] {
  const out: KclUserRecord[] = [];
  for (const r of records) {
    const d = decodeAggregatedRecord(r.Data);
    if (!d.aggregated) {
      out.push({ ...r, SubSequenceNumber: 0, Aggregated: false });
      continue;
    }
    d.records.forEach((u, i) => {
      const user: KclUserRecord = { ...r, Data: u.data.slice(), PartitionKey: u.partitionKey, SubSequenceNumber: i, Aggregated: true };
      if (u.explicitHashKey !== undefined) user.ExplicitHashKey = u.explicitHashKey;
      out.push(user);
    });
  }
  return out;
}
