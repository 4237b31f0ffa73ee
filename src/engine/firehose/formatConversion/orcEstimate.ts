/**
 * ORC output is sized, not written: there is no maintained JavaScript ORC
 * writer (ORC needs protobuf footers, RLE v2 integer encodings and stripe
 * indexes; the Apache implementations are Java and C++). The simulator
 * delivers an object whose size is estimated from the rows, so buffers, object
 * counts and costs stay right, and whose bytes are a placeholder that says so.
 *
 * Estimate per column (close to what ORC gives for typical JSON data):
 * strings: dictionary of distinct values + 1 byte index per row when values
 * repeat, else the text; ints/bigints/timestamps: ~2.5 bytes a row (RLE v2
 * deltas); doubles: 8 bytes; booleans: 1 bit; plus present streams for nulls,
 * ~3% stripe index overhead and a fixed 300-byte footer; then the codec
 * (SNAPPY ~0.6, ZLIB ~0.45, NONE 1).
 */
import { encodeUtf8 } from '../../core/utf8';
import type { RowValue } from './deserializer';
import type { GlueColumn } from './schema';

const CODEC_RATIO: Record<string, number> = { SNAPPY: 0.6, ZLIB: 0.45, NONE: 1 };
const FOOTER_BYTES = 300;

/** Estimated ORC file size in bytes for `rows` (each row in column order). */
export function estimateOrcBytes(columns: GlueColumn[], rows: RowValue[][], compression = 'SNAPPY'): number {
  let bytes = 0;
  columns.forEach((c, ci) => {
    let nulls = 0;
    if (c.Type === 'string') {
      const distinct = new Map<string, number>();
      let total = 0;
      for (const r of rows) {
        const v = r[ci];
        if (v === null) { nulls++; continue; }
        const len = String(v).length;
        total += len;
        if (!distinct.has(String(v))) distinct.set(String(v), len);
      }
      const dictBytes = [...distinct.values()].reduce((a, b) => a + b + 1, 0);
      const present = rows.length - nulls;
      bytes += distinct.size * 2 <= present ? dictBytes + present : total + present;
    } else {
      const present = rows.reduce((n, r) => n + (r[ci] === null ? 0 : 1), 0);
      nulls = rows.length - present;
      bytes += c.Type === 'double' ? 8 * present : c.Type === 'boolean' ? Math.ceil(present / 8) : Math.ceil(2.5 * present);
    }
    if (nulls > 0) bytes += Math.ceil(rows.length / 8);
  });
  return Math.ceil((bytes * 1.03 + FOOTER_BYTES) * (CODEC_RATIO[compression] ?? 1));
}

/** A placeholder body of exactly `size` bytes: "ORC" magic, then a note, then zeros. */
export function orcPlaceholder(size: number): Uint8Array {
  const out = new Uint8Array(Math.max(size, 3));
  out.set(encodeUtf8('ORC'), 0);
  const note = encodeUtf8(' simulated ORC: size estimated, no real ORC writer in JavaScript.');
  if (out.length >= 3 + note.length) out.set(note, 3);
  return out;
}
