/**
 * S3 CompressionFormat with real bytes [BC-F; facts B7]: GZIP and ZIP through
 * fflate (synchronous calls only), Snappy as the Snappy framing format (what
 * Firehose writes for `Snappy`: a stream identifier, then chunks of at most
 * 64 KiB with a masked CRC-32C) and HADOOP_SNAPPY as Hadoop's block format
 * (4-byte big-endian raw length, then 4-byte length + raw Snappy block per
 * chunk), both built on snappyjs's raw block compressor.
 */
import { gzipSync, zipSync } from 'fflate';
import SnappyJS from 'snappyjs';
import { civilFromEpochMs } from './calendar';
import type { CompressionFormat } from './constants';

/** Compresses an object body; `mtime` (epoch ms) goes into GZIP and ZIP headers so bytes are deterministic. */
export function compressBody(format: CompressionFormat, data: Uint8Array, mtime: number, entryName = 'data'): Uint8Array {
  switch (format) {
    case 'UNCOMPRESSED': return data;
    case 'GZIP': return gzipSync(data, { mtime });
    case 'ZIP': return zipWithUtcTime(data, mtime, entryName);
    case 'Snappy': return snappyFramed(data);
    case 'HADOOP_SNAPPY': return hadoopSnappy(data);
  }
}

/** fflate stamps ZIP entries in the host's local time; rewrite the DOS time and date in UTC. */
function zipWithUtcTime(data: Uint8Array, mtime: number, entryName: string): Uint8Array {
  const zip = zipSync({ [entryName]: data }, { mtime: 315532800000 + 86400000 * 2 });
  const t = civilFromEpochMs(Math.max(mtime, 315532800000));
  const dosTime = (t.hour << 11) | (t.minute << 5) | (t.second >> 1);
  const dosDate = ((t.year - 1980) << 9) | (t.month << 5) | t.day;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  // Local file header (signature 0x04034b50) at 0: time at +10, date at +12.
  view.setUint16(10, dosTime, true);
  view.setUint16(12, dosDate, true);
  // Central directory offset is in the end-of-central-directory record (last 22 bytes, no comment) at +16.
  const cd = view.getUint32(zip.length - 22 + 16, true);
  view.setUint16(cd + 12, dosTime, true);
  view.setUint16(cd + 14, dosDate, true);
  return zip;
}

const FRAME_CHUNK = 65536;
const STREAM_ID = [0xff, 0x06, 0x00, 0x00, 0x73, 0x4e, 0x61, 0x50, 0x70, 0x59];

function snappyFramed(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [Uint8Array.from(STREAM_ID)];
  for (let at = 0; at < data.length; at += FRAME_CHUNK) {
    const chunk = data.subarray(at, Math.min(data.length, at + FRAME_CHUNK));
    const packed = SnappyJS.compress(chunk);
    // A chunk that does not shrink is stored uncompressed (type 0x01), as the framing spec allows.
    const useRaw = packed.length >= chunk.length;
    const payload = useRaw ? chunk : packed;
    const len = payload.length + 4;
    const head = new Uint8Array(8);
    head[0] = useRaw ? 0x01 : 0x00;
    head[1] = len & 255; head[2] = (len >> 8) & 255; head[3] = (len >> 16) & 255;
    const crc = maskedCrc32c(chunk);
    head[4] = crc & 255; head[5] = (crc >>> 8) & 255; head[6] = (crc >>> 16) & 255; head[7] = crc >>> 24;
    parts.push(head, payload);
  }
  return concat(parts);
}

/** Hadoop's BlockCompressorStream with its 256 KiB default buffer. */
const HADOOP_BLOCK = 256 * 1024;

function hadoopSnappy(data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  for (let at = 0; at < data.length; at += HADOOP_BLOCK) {
    const chunk = data.subarray(at, Math.min(data.length, at + HADOOP_BLOCK));
    const packed = SnappyJS.compress(chunk);
    const head = new Uint8Array(8);
    const v = new DataView(head.buffer);
    v.setUint32(0, chunk.length, false);
    v.setUint32(4, packed.length, false);
    parts.push(head, packed);
  }
  return concat(parts);
}

/** Decodes both Snappy layouts (for tests and the object viewer). */
export function uncompressSnappyFramed(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let at = STREAM_ID.length;
  while (at < bytes.length) {
    const type = bytes[at];
    const len = bytes[at + 1] | (bytes[at + 2] << 8) | (bytes[at + 3] << 16);
    const payload = bytes.subarray(at + 8, at + 4 + len);
    parts.push(type === 0 ? SnappyJS.uncompress(payload) : payload);
    at += 4 + len;
  }
  return concat(parts);
}

/** Reverses HADOOP_SNAPPY: Hadoop block framing (big-endian lengths) around raw Snappy blocks. */
export function uncompressHadoopSnappy(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at < bytes.length) {
    const n = v.getUint32(at + 4, false);
    parts.push(SnappyJS.uncompress(bytes.subarray(at + 8, at + 8 + n)));
    at += 8 + n;
  }
  return concat(parts);
}

let CRC_TABLE: Uint32Array | undefined;

/** CRC-32C (Castagnoli), masked as the Snappy framing format requires. */
export function maskedCrc32c(data: Uint8Array): number {
  if (CRC_TABLE === undefined) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 255] ^ (crc >>> 8);
  crc = (crc ^ 0xffffffff) >>> 0;
  return ((((crc >>> 15) | (crc << 17)) >>> 0) + 0xa282ead8) >>> 0;
}

/** Concatenates byte arrays. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}
