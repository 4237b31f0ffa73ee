/**
 * JSON deserialisation as Firehose's SerDes do it [BC-F; facts B6]: OpenX
 * JSON SerDe matches keys case-insensitively (CaseInsensitive, default true),
 * can turn dots in keys into underscores (ConvertDotsInJsonKeysToUnderscores)
 * and take ColumnToJsonKeyMappings; Hive JSON SerDe matches names as they are
 * (lowercased columns) and reads timestamps as ISO/JDBC text or epoch millis.
 * Each value is coerced to its column's type; a value that cannot be is an
 * error for the whole record, which then goes to format-conversion-failed/.
 */
import type { GlueColumn, GlueType } from './schema';
import { daysFromCivil, MS_PER_DAY } from '../../core/calendar';

export interface DeserializerOptions {
  kind: 'OpenX' | 'Hive';
  caseInsensitive: boolean;
  convertDotsToUnderscores: boolean;
  columnToJsonKeyMappings: Record<string, string>;
}

/** Reads InputFormatConfiguration.Deserializer; OpenX with its defaults when absent. */
export function deserializerOptions(input: Record<string, unknown> | undefined): DeserializerOptions {
  const d = (input?.Deserializer ?? {}) as { OpenXJsonSerDe?: Record<string, unknown>; HiveJsonSerDe?: Record<string, unknown> };
  if (d.HiveJsonSerDe !== undefined) return { kind: 'Hive', caseInsensitive: false, convertDotsToUnderscores: false, columnToJsonKeyMappings: {} };
  const o = d.OpenXJsonSerDe ?? {};
  return {
    kind: 'OpenX',
    caseInsensitive: o.CaseInsensitive !== false,
    convertDotsToUnderscores: o.ConvertDotsInJsonKeysToUnderscores === true,
    columnToJsonKeyMappings: (o.ColumnToJsonKeyMappings ?? {}) as Record<string, string>,
  };
}

export type RowValue = string | number | bigint | boolean | null;
export type RowResult = { ok: true; values: RowValue[] } | { ok: false; errorMessage: string };

/** Deserialises one JSON record into column values. */
export function deserializeRecord(text: string, columns: GlueColumn[], opts: DeserializerOptions): RowResult {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch {
    return { ok: false, errorMessage: 'Record is not valid JSON' };
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return { ok: false, errorMessage: 'Record must be a JSON object' };
  const fields = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) {
    let key = opts.convertDotsToUnderscores ? k.replace(/\./g, '_') : k;
    if (opts.caseInsensitive) key = key.toLowerCase();
    if (!fields.has(key)) fields.set(key, v);
  }
  const values: RowValue[] = [];
  for (const c of columns) {
    const jsonKey = opts.columnToJsonKeyMappings[c.Name] ?? c.Name;
    const raw = fields.get(opts.caseInsensitive ? jsonKey.toLowerCase() : jsonKey);
    const v = coerce(raw, c.Type);
    if (v === undefined) return { ok: false, errorMessage: `Cannot convert value ${JSON.stringify(raw)} of column ${c.Name} to ${c.Type}` };
    values.push(v);
  }
  return { ok: true, values };
}

/** The value as the column's type; null for missing; undefined when it cannot be converted. */
function coerce(raw: unknown, type: GlueType): RowValue | undefined {
  if (raw === undefined || raw === null) return null;
  switch (type) {
    case 'string':
      return typeof raw === 'string' ? raw : JSON.stringify(raw);
    case 'int':
    case 'bigint': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
      if (!Number.isInteger(n)) return undefined;
      if (type === 'int') return n >= -2147483648 && n <= 2147483647 ? n : undefined;
      return typeof raw === 'string' ? BigInt(raw.trim()) : BigInt(n);
    }
    case 'double': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      return Number.isFinite(n) ? n : undefined;
    }
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (raw === 'true' || raw === 'false') return raw === 'true';
      return undefined;
    case 'timestamp':
      return timestampMillis(raw);
  }
}

/** Epoch millis from a number (millis) or ISO 8601 / JDBC text ("2026-01-02 03:04:05[.sss]", UTC). */
export function timestampMillis(raw: unknown): number | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? Math.round(raw) : undefined;
  if (typeof raw !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/.exec(raw.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  let t = daysFromCivil(Number(y), Number(mo), Number(d)) * MS_PER_DAY + Number(h) * 3600000 + Number(mi) * 60000 + Number(s) * 1000 + ms;
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    t -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60000;
  }
  return t;
}
