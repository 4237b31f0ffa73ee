/**
 * Multi-record de-aggregation (the RecordDeAggregation processor) [BC-F
 * ProcessorParameter SubRecordType, Delimiter; facts B4]: one incoming record
 * holding several JSON objects (`{"a":1}{"a":2}` or one per line) or several
 * records separated by a custom delimiter (given base64-encoded) becomes
 * several records before partitioning.
 */
import { fromBase64 } from '../../core/base64';

export type DeaggregationResult = { ok: true; records: Uint8Array[] } | { ok: false; error: string };

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

/** Splits concatenated JSON values (objects or arrays, whitespace between them allowed). */
export function deaggregateJson(data: Uint8Array): DeaggregationResult {
  const records: Uint8Array[] = [];
  let i = 0;
  const n = data.length;
  while (i < n) {
    while (i < n && WS.has(data[i])) i++;
    if (i >= n) break;
    const open = data[i];
    if (open !== 0x7b && open !== 0x5b) return { ok: false, error: `Expected a JSON object at byte ${i}` };
    const start = i;
    let depth = 0;
    let inString = false;
    for (; i < n; i++) {
      const c = data[i];
      if (inString) {
        if (c === 0x5c) i++; // skip the escaped character
        else if (c === 0x22) inString = false;
      } else if (c === 0x22) inString = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        depth--;
        if (depth === 0) {
          i++;
          break;
        }
      }
    }
    if (depth !== 0 || inString) return { ok: false, error: 'Unterminated JSON record' };
    records.push(data.subarray(start, i));
  }
  return { ok: true, records };
}

/** Splits on a delimiter given in base64, as the processor's Delimiter parameter is. Empty pieces are dropped. */
export function deaggregateDelimited(data: Uint8Array, delimiterBase64: string): DeaggregationResult {
  const delim = fromBase64(delimiterBase64);
  if (!delim || delim.length === 0) return { ok: false, error: 'Delimiter must be non-empty base64' };
  const records: Uint8Array[] = [];
  let start = 0;
  outer: for (let i = 0; i + delim.length <= data.length; ) {
    for (let k = 0; k < delim.length; k++) {
      if (data[i + k] !== delim[k]) {
        i++;
        continue outer;
      }
    }
    if (i > start) records.push(data.subarray(start, i));
    i += delim.length;
    start = i;
  }
  if (start < data.length) records.push(data.subarray(start));
  return { ok: true, records };
}
