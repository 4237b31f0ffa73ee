/**
 * Turns an object's bytes into something to read: gzip/zip/snappy are
 * decompressed (fflate, snappyjs, loaded on demand), Parquet becomes a table
 * (hyparquet, on demand), anything else is UTF-8 text. Output is data for
 * text nodes, never markup.
 */
import type { S3ObjectBody } from '../../worker/protocol';

export type DecodedObject = { kind: 'text'; text: string; note: string } | { kind: 'table'; columns: string[]; rows: string[][]; note: string };

/** Bytes shown at most, so a huge object cannot freeze the page. */
const MAX_TEXT = 200_000;
const MAX_ROWS = 200;

function isGzip(b: Uint8Array): boolean {
  return b.length > 2 && b[0] === 0x1f && b[1] === 0x8b;
}
function isZip(b: Uint8Array): boolean {
  return b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}
function isParquet(b: Uint8Array): boolean {
  return b.length > 8 && b[0] === 0x50 && b[1] === 0x41 && b[2] === 0x52 && b[3] === 0x31;
}

function text(bytes: Uint8Array, note: string): DecodedObject {
  const t = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, MAX_TEXT));
  return { kind: 'text', text: t, note: bytes.length > MAX_TEXT ? `${note}; first ${MAX_TEXT.toLocaleString('en-US')} bytes shown` : note };
}

export async function decodeObject(o: S3ObjectBody): Promise<DecodedObject> {
  const b = o.body;
  try {
    if (isGzip(b)) {
      const { gunzipSync } = await import('fflate');
      return text(gunzipSync(b), `GZIP, ${b.length} bytes compressed`);
    }
    if (isZip(b)) {
      const { unzipSync } = await import('fflate');
      const files = unzipSync(b);
      const [name, data] = Object.entries(files)[0] ?? ['', new Uint8Array()];
      return text(data, `ZIP archive, first entry ${name}`);
    }
    if (isParquet(b)) {
      const { parquetReadObjects } = await import('hyparquet');
      const buf = b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
      const rows = (await parquetReadObjects({ file: buf, rowEnd: MAX_ROWS })) as Array<Record<string, unknown>>;
      const columns = rows.length ? Object.keys(rows[0]) : [];
      return {
        kind: 'table',
        columns,
        rows: rows.map((r) => columns.map((c) => (typeof r[c] === 'object' ? JSON.stringify(r[c], (_k, v) => (typeof v === 'bigint' ? v.toString() : v)) : String(r[c])))),
        note: `Parquet, ${rows.length} rows shown`,
      };
    }
    if (o.contentEncoding === 'snappy' || /snappy/i.test(o.key)) {
      const snappy = (await import('snappyjs')) as unknown as { uncompress(b: Uint8Array): Uint8Array };
      return text(snappy.uncompress(b), 'Snappy');
    }
  } catch (e) {
    return text(b, `Could not decompress (${e instanceof Error ? e.message : String(e)}); raw bytes as text`);
  }
  return text(b, `${o.contentType}, ${b.length} bytes`);
}
