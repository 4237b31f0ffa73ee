/**
 * Values flowing through a query: numbers, strings, booleans, null, and
 * timestamps as `{ ts }` (epoch ms) so that outputs can print them as SQL
 * timestamps. All plain data.
 */

/** A SQL timestamp: epoch milliseconds. */
export interface Ts { ts: number }
export type Value = number | string | boolean | null | Ts;
/** One row: column name (upper case unless quoted) to value. */
export type Row = Record<string, Value>;

/** True for a timestamp value. */
export function isTs(v: Value | undefined): v is Ts {
  return v !== null && typeof v === 'object';
}

/** A number from a value (timestamps give their epoch ms), or null. */
export function num(v: Value | undefined): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'object') return v.ts;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** "2026-01-01 00:01:00.000", the SQL timestamp form both dialects print (Flink JSON's SQL standard format). */
export function formatTs(ms: number): string {
  const d = Math.floor(ms / 86400000);
  let rest = ms - d * 86400000;
  const h = Math.floor(rest / 3600000); rest -= h * 3600000;
  const mi = Math.floor(rest / 60000); rest -= mi * 60000;
  const s = Math.floor(rest / 1000);
  const milli = rest - s * 1000;
  const { y, m, day } = civil(d);
  return `${y}-${pad(m)}-${pad(day)} ${pad(h)}:${pad(mi)}:${pad(s)}.${pad(milli, 3)}`;
}

/** Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm). */
function civil(days: number): { y: number; m: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, day };
}

/** Epoch ms from "2026-01-01 00:01:00[.000]", ISO 8601 with Z, or a number; undefined if neither. */
export function parseTs(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z?$/.exec(v);
  if (m === null) return undefined;
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'));
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), ms);
}

/** A value as JSON output writes it. */
export function toJsonValue(v: Value): unknown {
  return isTs(v) ? formatTs(v.ts) : v;
}
