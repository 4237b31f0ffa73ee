/**
 * Built-in: Lambda-supplied partition keys for dynamic partitioning. Reads
 * JSON fields and returns them as metadata.partitionKeys, which a prefix uses
 * as !{partitionKeyFromLambda:<key>} [KDF-DG23 dynamic-partitioning]. A record
 * missing a field fails.
 */
import { mapFirehoseRecords, parseJsonObject } from './firehoseRecords';

export interface PartitionKeysFromFieldsOptions {
  /** Partition key name to JSON field name, e.g. { customer: 'customer_id' }. */
  keys: Record<string, string>;
}

/** Makes the handler. */
export function partitionKeysFromFieldsHandler(opts: PartitionKeysFromFieldsOptions) {
  return (event: unknown) =>
    mapFirehoseRecords(event, (text) => {
      const obj = parseJsonObject(text);
      if (!obj) return { result: 'ProcessingFailed' };
      const partitionKeys: Record<string, string> = {};
      for (const [key, field] of Object.entries(opts.keys)) {
        const v = obj[field];
        if (v === undefined || v === null || typeof v === 'object') return { result: 'ProcessingFailed' };
        partitionKeys[key] = String(v);
      }
      return { result: 'Ok', text, partitionKeys };
    });
}
