/**
 * KPL aggregated records [awslabs/amazon-kinesis-producer aggregation-format.md;
 * facts A11]: magic F3 89 9A C2, a protobuf AggregatedRecord, then the MD5 of
 * the protobuf bytes. Firehose de-aggregates them when reading a Kinesis
 * source [KDF-DG23 basic-deliver]. A record that does not check out is
 * passed on as it is, as the KCL does.
 */
import SparkMD5 from 'spark-md5';
import { decodeUtf8, encodeUtf8 } from '../core/utf8';

const MAGIC = [0xf3, 0x89, 0x9a, 0xc2];

export interface UserRecord { data: Uint8Array; partitionKey: string; subsequenceNumber: number }

/** The user records inside an aggregated record, or undefined when `data` is not one. */
export function deaggregate(data: Uint8Array): UserRecord[] | undefined {
  if (data.length < 4 + 16 || data[0] !== MAGIC[0] || data[1] !== MAGIC[1] || data[2] !== MAGIC[2] || data[3] !== MAGIC[3]) return undefined;
  const body = data.subarray(4, data.length - 16);
  const digest = data.subarray(data.length - 16);
  const hex = SparkMD5.ArrayBuffer.hash(body.slice().buffer);
  for (let i = 0; i < 16; i++) if (parseInt(hex.slice(i * 2, i * 2 + 2), 16) !== digest[i]) return undefined;
  try {
    const keys: string[] = [];
    const recs: Array<{ pk: number; data: Uint8Array }> = [];
    readMessage(body, (field, value) => {
      if (field === 1 && value instanceof Uint8Array) keys.push(utf8(value));
      else if (field === 3 && value instanceof Uint8Array) {
        const r = { pk: 0, data: new Uint8Array(0) };
        readMessage(value, (f, v) => {
          if (f === 1 && typeof v === 'number') r.pk = v;
          else if (f === 3 && v instanceof Uint8Array) r.data = v.slice();
        });
        recs.push(r);
      }
    });
    return recs.map((r, i) => ({ data: r.data, partitionKey: keys[r.pk] ?? '', subsequenceNumber: i }));
  } catch {
    return undefined;
  }
}

/** Builds an aggregated record (for tests and the KPL-style producer). */
export function aggregate(records: Array<{ data: Uint8Array; partitionKey: string }>): Uint8Array {
  const keys = [...new Set(records.map((r) => r.partitionKey))];
  const parts: number[] = [];
  for (const k of keys) field(parts, 1, Array.from(encodeUtf8(k)));
  for (const r of records) {
    const inner: number[] = [];
    inner.push(0x08); varint(inner, keys.indexOf(r.partitionKey));
    field(inner, 3, Array.from(r.data));
    field(parts, 3, inner);
  }
  const body = Uint8Array.from(parts);
  const hex = SparkMD5.ArrayBuffer.hash(body.slice().buffer);
  const out = new Uint8Array(4 + body.length + 16);
  out.set(MAGIC, 0);
  out.set(body, 4);
  for (let i = 0; i < 16; i++) out[4 + body.length + i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function field(out: number[], num: number, bytes: number[]): void {
  varint(out, (num << 3) | 2);
  varint(out, bytes.length);
  for (const b of bytes) out.push(b);
}

function varint(out: number[], v: number): void {
  while (v > 127) { out.push((v & 127) | 128); v = Math.floor(v / 128); }
  out.push(v);
}

function readMessage(buf: Uint8Array, on: (field: number, value: number | Uint8Array) => void): void {
  let i = 0;
  const readVarint = () => {
    let v = 0, mul = 1;
    for (;;) {
      if (i >= buf.length) throw new Error('truncated varint');
      const b = buf[i++];
      v += (b & 127) * mul;
      if (b < 128) return v;
      mul *= 128;
    }
  };
  while (i < buf.length) {
    const tag = readVarint();
    const wire = tag & 7, num = Math.floor(tag / 8);
    if (wire === 0) on(num, readVarint());
    else if (wire === 2) {
      const n = readVarint();
      if (i + n > buf.length) throw new Error('truncated field');
      on(num, buf.subarray(i, i + n));
      i += n;
    } else if (wire === 1) i += 8;
    else if (wire === 5) i += 4;
    else throw new Error('bad wire type');
  }
}

function utf8(b: Uint8Array): string {
  return decodeUtf8(b);
}
