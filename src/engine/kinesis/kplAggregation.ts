/**
 * The KPL aggregated record format, so producers can pack many user records
 * into one Kinesis record and consumers (KCL, Firehose's KPL de-aggregation)
 * can unpack them: the magic bytes F3 89 9A C2, then a protobuf
 * AggregatedRecord, then the MD5 of the protobuf bytes (awslabs
 * amazon-kinesis-producer aggregation-format.md):
 *
 *   message AggregatedRecord { repeated string partition_key_table = 1;
 *     repeated string explicit_hash_key_table = 2; repeated Record records = 3; }
 *   message Record { required uint64 partition_key_index = 1;
 *     optional uint64 explicit_hash_key_index = 2; required bytes data = 3; repeated Tag tags = 4; }
 *   message Tag { required string key = 1; optional string value = 2; }
 *
 * A record without the magic, or whose MD5 does not match, is an ordinary
 * record (that is how the KCL treats it).
 */
import SparkMD5 from 'spark-md5';
import { decodeUtf8, encodeUtf8 } from '../core/utf8';

/** The four bytes every aggregated record starts with. */
export const KPL_MAGIC = new Uint8Array([0xf3, 0x89, 0x9a, 0xc2]);
const MD5_BYTES = 16;

/** One user record inside an aggregated record. */
export interface KplUserRecord {
  partitionKey: string;
  explicitHashKey?: string;
  data: Uint8Array;
  tags?: Array<{ key: string; value?: string }>;
}

export type KplDecodeResult = { aggregated: true; records: KplUserRecord[] } | { aggregated: false; reason: string };

/** Packs user records: the partition keys and hash keys go into tables, each record points into them. */
export function encodeAggregatedRecord(records: KplUserRecord[]): Uint8Array {
  const w = new ProtoWriter();
  const pkIndex = new Map<string, number>();
  const ehkIndex = new Map<string, number>();
  for (const r of records) if (!pkIndex.has(r.partitionKey)) pkIndex.set(r.partitionKey, pkIndex.size);
  for (const r of records) if (r.explicitHashKey !== undefined && !ehkIndex.has(r.explicitHashKey)) ehkIndex.set(r.explicitHashKey, ehkIndex.size);
  for (const k of pkIndex.keys()) w.bytes(1, encodeUtf8(k));
  for (const k of ehkIndex.keys()) w.bytes(2, encodeUtf8(k));
  for (const r of records) {
    const inner = new ProtoWriter();
    inner.varint(1, pkIndex.get(r.partitionKey)!);
    if (r.explicitHashKey !== undefined) inner.varint(2, ehkIndex.get(r.explicitHashKey)!);
    inner.bytes(3, r.data);
    for (const t of r.tags ?? []) {
      const tag = new ProtoWriter();
      tag.bytes(1, encodeUtf8(t.key));
      if (t.value !== undefined) tag.bytes(2, encodeUtf8(t.value));
      inner.bytes(4, tag.finish());
    }
    w.bytes(3, inner.finish());
  }
  const body = w.finish();
  const out = new Uint8Array(KPL_MAGIC.length + body.length + MD5_BYTES);
  out.set(KPL_MAGIC, 0);
  out.set(body, KPL_MAGIC.length);
  out.set(md5(body), KPL_MAGIC.length + body.length);
  return out;
}

/** Unpacks an aggregated record, or says why the bytes are an ordinary record. */
export function decodeAggregatedRecord(data: Uint8Array): KplDecodeResult {
  if (data.length < KPL_MAGIC.length + MD5_BYTES) return { aggregated: false, reason: 'too short' };
  for (let i = 0; i < KPL_MAGIC.length; i++) if (data[i] !== KPL_MAGIC[i]) return { aggregated: false, reason: 'no magic' };
  const body = data.subarray(KPL_MAGIC.length, data.length - MD5_BYTES);
  const digest = md5(body);
  const given = data.subarray(data.length - MD5_BYTES);
  for (let i = 0; i < MD5_BYTES; i++) if (digest[i] !== given[i]) return { aggregated: false, reason: 'MD5 mismatch' };
  try {
    const pks: string[] = [];
    const ehks: string[] = [];
    const raw: Uint8Array[] = [];
    readFields(body, (field, value) => {
      if (field === 1) pks.push(decodeUtf8(value as Uint8Array));
      else if (field === 2) ehks.push(decodeUtf8(value as Uint8Array));
      else if (field === 3) raw.push(value as Uint8Array);
    });
    const records = raw.map((bytes) => {
      let pk = -1, ehk = -1;
      let payload: Uint8Array | undefined;
      const tags: Array<{ key: string; value?: string }> = [];
      readFields(bytes, (field, value) => {
        if (field === 1) pk = value as number;
        else if (field === 2) ehk = value as number;
        else if (field === 3) payload = value as Uint8Array;
        else if (field === 4) {
          const tag: { key: string; value?: string } = { key: '' };
          readFields(value as Uint8Array, (f, v) => {
            if (f === 1) tag.key = decodeUtf8(v as Uint8Array);
            else if (f === 2) tag.value = decodeUtf8(v as Uint8Array);
          });
          tags.push(tag);
        }
      });
      if (pk < 0 || pk >= pks.length || payload === undefined) throw new Error('record without a valid partition key index or data');
      const r: KplUserRecord = { partitionKey: pks[pk], data: payload };
      if (ehk >= 0) {
        if (ehk >= ehks.length) throw new Error('explicit hash key index out of range');
        r.explicitHashKey = ehks[ehk];
      }
      if (tags.length > 0) r.tags = tags;
      return r;
    });
    return { aggregated: true, records };
  } catch (e) {
    return { aggregated: false, reason: `bad protobuf: ${(e as Error).message}` };
  }
}

/** User records of a Kinesis record: the unpacked ones if aggregated, else the record itself. */
export function deaggregate(data: Uint8Array, partitionKey: string, explicitHashKey?: string): KplUserRecord[] {
  const d = decodeAggregatedRecord(data);
  if (d.aggregated) return d.records;
  const r: KplUserRecord = { partitionKey, data };
  if (explicitHashKey !== undefined) r.explicitHashKey = explicitHashKey;
  return [r];
}

function md5(bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice().buffer;
  const hex = SparkMD5.ArrayBuffer.hash(copy);
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** A tiny protobuf writer: varint and length-delimited fields only (all this format uses). */
class ProtoWriter {
  private parts: number[] = [];
  private chunks: Uint8Array[] = [];
  private size = 0;

  private flushBytes(): void {
    if (this.parts.length === 0) return;
    const b = Uint8Array.from(this.parts);
    this.chunks.push(b);
    this.size += b.length;
    this.parts = [];
  }

  private rawVarint(v: number): void {
    // Values here are indexes and lengths, well below 2^53.
    while (v >= 0x80) {
      this.parts.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.parts.push(v);
  }

  varint(field: number, v: number): void {
    this.rawVarint(field * 8);
    this.rawVarint(v);
  }

  bytes(field: number, b: Uint8Array): void {
    this.rawVarint(field * 8 + 2);
    this.rawVarint(b.length);
    this.flushBytes();
    this.chunks.push(b);
    this.size += b.length;
  }

  finish(): Uint8Array {
    this.flushBytes();
    const out = new Uint8Array(this.size);
    let o = 0;
    for (const c of this.chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
}

/** Reads a protobuf message's fields: varints as numbers, length-delimited as byte views. */
function readFields(buf: Uint8Array, onField: (field: number, value: number | Uint8Array) => void): void {
  let i = 0;
  const varint = (): number => {
    let v = 0, mul = 1;
    for (;;) {
      if (i >= buf.length) throw new Error('truncated varint');
      const b = buf[i++];
      v += (b & 0x7f) * mul;
      if (b < 0x80) return v;
      mul *= 0x80;
      if (mul > 2 ** 63) throw new Error('varint too long');
    }
  };
  while (i < buf.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === 0) onField(field, varint());
    else if (wire === 2) {
      const len = varint();
      if (i + len > buf.length) throw new Error('truncated field');
      onField(field, buf.subarray(i, i + len));
      i += len;
    } else if (wire === 1) i += 8;
    else if (wire === 5) i += 4;
    else throw new Error(`unsupported wire type ${wire}`);
  }
}
