/**
 * The KPL aggregated record, for the producer side: magic F3 89 9A C2, a
 * proto2 AggregatedRecord{repeated string partition_key_table=1; repeated
 * string explicit_hash_key_table=2; repeated Record records=3} with
 * Record{uint64 partition_key_index=1; optional uint64 explicit_hash_key_index=2;
 * bytes data=3}, then the 16-byte MD5 of the protobuf bytes
 * [awslabs/amazon-kinesis-producer aggregation-format.md; facts A11].
 * Only encoding and sizing live here; decoding belongs to the readers.
 */
import SparkMD5 from 'spark-md5';
import { encodeUtf8 } from '../../core/utf8';

export const KPL_MAGIC = new Uint8Array([0xf3, 0x89, 0x9a, 0xc2]);
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

/** Bytes of an aggregated record of user records with these data sizes and `keyBytes` per distinct key (one key table entry each). */
export function aggregatedSize(dataSizes: readonly number[], keyTable: readonly number[]): number {
  let n = 0;
  for (const k of keyTable) n += fieldLength(k);
  dataSizes.forEach((d, i) => {
    const rec = 1 + varintLength(Math.min(i, keyTable.length - 1)) + fieldLength(d);
    n += fieldLength(rec);
  });
  return KPL_MAGIC.length + n + 16;
}

function writeVarint(out: number[], n: number): void {
  while (n >= 128) {
    out.push((n % 128) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
}

function writeBytes(out: number[], tag: number, bytes: Uint8Array): void {
  out.push(tag);
  writeVarint(out, bytes.length);
  for (let i = 0; i < bytes.length; i++) out.push(bytes[i]);
}

/** Encodes user records (partition key, data) into one KPL aggregated record. */
export function encodeAggregated(records: ReadonlyArray<{ partitionKey: string; data: Uint8Array }>): Uint8Array {
  const keys: string[] = [];
  const keyIndex = new Map<string, number>();
  for (const r of records) {
    if (!keyIndex.has(r.partitionKey)) {
      keyIndex.set(r.partitionKey, keys.length);
      keys.push(r.partitionKey);
    }
  }
  const body: number[] = [];
  for (const k of keys) writeBytes(body, 0x0a, encodeUtf8(k));
  for (const r of records) {
    const rec: number[] = [0x08];
    writeVarint(rec, keyIndex.get(r.partitionKey)!);
    writeBytes(rec, 0x1a, r.data);
    writeBytes(body, 0x1a, Uint8Array.from(rec));
  }
  const proto = Uint8Array.from(body);
  const digest = SparkMD5.ArrayBuffer.hash(proto.buffer as ArrayBuffer, false);
  const out = new Uint8Array(KPL_MAGIC.length + proto.length + 16);
  out.set(KPL_MAGIC, 0);
  out.set(proto, KPL_MAGIC.length);
  for (let i = 0; i < 16; i++) out[KPL_MAGIC.length + proto.length + i] = parseInt(digest.slice(2 * i, 2 * i + 2), 16);
  return out;
}
