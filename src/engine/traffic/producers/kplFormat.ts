/**
 * The KPL producer's settings and the size of an aggregated record, for the
 * bulk path that stores aggregates as counts and sizes. The format itself
 * (magic F3 89 9A C2, the protobuf AggregatedRecord, the MD5) has one codec:
 * src/engine/kinesis/kplAggregation.ts, which encodes for the exact path and
 * for materialised bulk aggregates and decodes for readers
 * [awslabs/amazon-kinesis-producer aggregation-format.md; facts A11].
 */
import { KPL_MAGIC } from '../../kinesis/kplAggregation';

export { KPL_MAGIC, encodeAggregatedRecord } from '../../kinesis/kplAggregation';
/** Default AggregationMaxSize: 51,200 bytes [facts A11, KPL default_config.properties]. */
export const KPL_AGGREGATION_MAX_SIZE = 51200;
/** Default RecordMaxBufferedTime: 100 ms [facts A11]. */
export const KPL_RECORD_MAX_BUFFERED_TIME_MS = 100;
/** Default RecordTtl: 30,000 ms [facts A11]. */
export const KPL_RECORD_TTL_MS = 30000;

function varintLength(n: number): number {
  let len = 1;
  while (n >= 128) {
    n = Math.floor(n / 128);
    len++;
  }
  return len;
}

/** Bytes of a length-delimited field (tag + length + body). */
function fieldLength(body: number): number {
  return 1 + varintLength(body) + body;
}

/**
 * Bytes encodeAggregatedRecord gives for user records with these data sizes and these
 * partition key table entries (byte lengths), without explicit hash keys or tags.
 */
export function aggregatedSize(dataSizes: readonly number[], keyTable: readonly number[]): number {
  let n = 0;
  for (const k of keyTable) n += fieldLength(k);
  dataSizes.forEach((d, i) => {
    const rec = 1 + varintLength(Math.min(i, keyTable.length - 1)) + fieldLength(d);
    n += fieldLength(rec);
  });
  return KPL_MAGIC.length + n + 16;
}
