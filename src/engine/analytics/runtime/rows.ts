/**
 * Records to rows. Legacy SQL maps each RecordColumn by its JSON Mapping (or
 * CSV position) and coerces it to its SqlType; a record that does not parse or
 * fit (a TINYINT column given 300) becomes an error_stream row [KDA-SQL19
 * error-handling.md, app-anom-score-create-app.md]. Rows carry ROWTIME,
 * APPROXIMATE_ARRIVAL_TIME, PARTITION_KEY and SHARD_ID. Flink tables map
 * columns to JSON fields by name (case-insensitively, as the simulator
 * upper-cases unquoted names); a METADATA FROM 'timestamp' column is the
 * record's ApproximateArrivalTimestamp [FCA kinesis.md].
 */
import { decodeUtf8 } from '../../core/utf8';
import type { ColumnDef } from '../sql/ast';
import type { SourceSchema } from '../types';
import { lookup } from '../operations/discoverInputSchema';
import { parseTs, type Row, type Value } from '../query/values';

const INT_RANGES: Record<string, [number, number]> = {
  TINYINT: [-128, 127], SMALLINT: [-32768, 32767], INTEGER: [-2147483648, 2147483647], INT: [-2147483648, 2147483647], BIGINT: [-9007199254740991, 9007199254740991],
};

/** A value coerced to a SQL type, or an error message. */
export function coerce(v: unknown, sqlType: string): { v: Value } | { error: string } {
  if (v === undefined || v === null) return { v: null };
  const t = baseType(sqlType);
  if (t in INT_RANGES) {
    const n = typeof v === 'number' ? v : Number(v);
    const [lo, hi] = INT_RANGES[t];
    if (!Number.isInteger(n) || n < lo || n > hi) return { error: `Value ${JSON.stringify(v)} cannot be converted to ${sqlType}` };
    return { v: n };
  }
  if (t === 'REAL' || t === 'DOUBLE' || t === 'FLOAT' || t === 'DECIMAL' || t === 'NUMERIC') {
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(n)) return { error: `Value ${JSON.stringify(v)} cannot be converted to ${sqlType}` };
    return { v: n };
  }
  if (t === 'BOOLEAN') return { v: v === true || v === 'true' };
  if (t === 'TIMESTAMP' || t === 'TIMESTAMP_LTZ') {
    const ms = parseTs(v);
    return ms === undefined ? { error: `Value ${JSON.stringify(v)} cannot be converted to ${sqlType}` } : { v: { ts: ms } };
  }
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  if (t === 'VARCHAR' || t === 'CHAR') {
    const m = /^VARCHAR\((\d+)\)$/i.exec(sqlType.trim()) ?? /^CHAR\((\d+)\)$/i.exec(sqlType.trim());
    if (m !== null && s.length > Number(m[1])) return { error: `Value ${JSON.stringify(s)} is longer than ${sqlType}` };
  }
  return { v: s };
}

/** "VARCHAR(8)" -> "VARCHAR": the type without its length or precision, upper case (no regular expression: once per value). */
function baseType(sqlType: string): string {
  const paren = sqlType.indexOf('(');
  return (paren < 0 ? sqlType : sqlType.slice(0, paren)).toUpperCase().trim();
}

/** Record metadata every row gets. */
export interface RecordMeta { rowtime: number; arrival: number; partitionKey: string; shardId: string }

/**
 * A RecordColumn ready for row after row: its row name, its JSON Mapping (the
 * field itself for the common `$.name`), and what coerce reads from its
 * SqlType (the base type, a VARCHAR/CHAR length), decided once.
 */
export interface SqlColumn { name: string; mapping: string; field: string | undefined; sqlType: string; base: string; maxLen: number }

/** The schema's columns as sqlRowOf reads them (once per tick, not per record). */
export function sqlColumns(schema: SourceSchema): SqlColumn[] {
  return schema.RecordColumns.map((c) => {
    const mapping = c.Mapping ?? `$.${c.Name}`;
    const simple = mapping.length > 2 && mapping.charCodeAt(0) === 36 && mapping.charCodeAt(1) === 46 && mapping.indexOf('.', 2) < 0 && mapping.indexOf('[', 2) < 0;
    const base = baseType(c.SqlType);
    const m = base === 'VARCHAR' || base === 'CHAR' ? /^VARCHAR\((\d+)\)$/i.exec(c.SqlType.trim()) ?? /^CHAR\((\d+)\)$/i.exec(c.SqlType.trim()) : null;
    return { name: c.Name.toUpperCase(), mapping, field: simple ? mapping.slice(2) : undefined, sqlType: c.SqlType, base, maxLen: m === null ? -1 : Number(m[1]) };
  });
}

/** coerce() for a prepared column: the same values and messages. */
function coerceColumn(v: unknown, c: SqlColumn): { v: Value } | { error: string } {
  if (v === undefined || v === null) return { v: null };
  const t = c.base;
  if (t in INT_RANGES) {
    const n = typeof v === 'number' ? v : Number(v);
    const [lo, hi] = INT_RANGES[t];
    if (!Number.isInteger(n) || n < lo || n > hi) return { error: `Value ${JSON.stringify(v)} cannot be converted to ${c.sqlType}` };
    return { v: n };
  }
  if (t === 'VARCHAR' || t === 'CHAR') {
    const s = typeof v === 'string' ? v : JSON.stringify(v);
    if (c.maxLen >= 0 && s.length > c.maxLen) return { error: `Value ${JSON.stringify(s)} is longer than ${c.sqlType}` };
    return { v: s };
  }
  return coerce(v, c.sqlType);
}

/** A legacy SQL row, or the error that sends the record to error_stream. */
export function sqlRow(schema: SourceSchema, data: Uint8Array, meta: RecordMeta): { row: Row } | { error: string } {
  return sqlRowOf(schema, sqlColumns(schema), data, meta);
}

/** sqlRow with the schema's columns prepared (sqlColumns). */
export function sqlRowOf(schema: SourceSchema, columns: SqlColumn[], data: Uint8Array, meta: RecordMeta): { row: Row } | { error: string } {
  const text = decodeUtf8(data);
  const row: Row = { ROWTIME: { ts: meta.rowtime }, APPROXIMATE_ARRIVAL_TIME: { ts: meta.arrival }, PARTITION_KEY: meta.partitionKey, SHARD_ID: meta.shardId };
  const fmt = schema.RecordFormat;
  if (fmt.RecordFormatType === 'CSV') {
    const sep = fmt.MappingParameters?.CSVMappingParameters?.RecordColumnDelimiter ?? ',';
    const parts = text.replace(/\r?\n$/, '').split(sep);
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i];
      const r = coerceColumn(parts[i], c);
      if ('error' in r) return r;
      row[c.name] = r.v;
    }
    return { row };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { error: 'Unable to parse the record as JSON' };
  }
  const rootPath = fmt.MappingParameters?.JSONMappingParameters?.RecordRowPath ?? '$';
  const root = rootPath === '$' ? parsed : lookup(parsed, rootPath);
  const obj = root !== null && typeof root === 'object' ? (root as Record<string, unknown>) : undefined;
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i];
    // The common `$.name` goes straight to the field.
    const v = c.field !== undefined ? (obj === undefined ? undefined : obj[c.field]) : lookup(root, c.mapping);
    const r = coerceColumn(v, c);
    if ('error' in r) return r;
    row[c.name] = r.v;
  }
  return { row };
}

/** A Flink source-table row, or the error (json.ignore-parse-errors skips it). */
export function flinkRow(columns: ColumnDef[], data: Uint8Array, meta: RecordMeta): { row: Row } | { error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeUtf8(data));
  } catch {
    return { error: 'Failed to deserialize JSON' };
  }
  if (parsed === null || typeof parsed !== 'object') return { error: 'Failed to deserialize JSON: not an object' };
  const byLower: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parsed)) byLower[k.toLowerCase()] = v;
  const row: Row = {};
  for (const c of columns) {
    if (c.metadataFrom === 'timestamp') {
      row[c.name] = { ts: meta.arrival };
      continue;
    }
    const r = coerce(byLower[c.name.toLowerCase()], c.type);
    if ('error' in r) return r;
    row[c.name] = r.v;
  }
  row.ROWTIME = { ts: meta.rowtime };
  return { row };
}

/** The error_stream row for a record or row that failed [KDA-SQL19 error-handling.md]. */
export function errorRow(now: number, name: string, message: string, data: string, pump: string, rowtime: number): Row {
  let hex = '';
  for (let i = 0; i < data.length && hex.length < 49152; i++) hex += data.charCodeAt(i).toString(16).padStart(2, '0');
  return { ERROR_TIME: { ts: now }, ERROR_LEVEL: 'ERROR', ERROR_NAME: name, MESSAGE: message, DATA_ROWTIME: { ts: rowtime }, DATA_ROW: hex, PUMP_NAME: pump };
}
