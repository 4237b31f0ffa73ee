/**
 * DiscoverInputSchema: samples up to 100 records of a stream at the given
 * starting position and infers a JSON schema, flattening nested objects two
 * levels deep [BC-KA2; KDA-SQL19 app-anom-score-create-app.md]. Small integers
 * come back as TINYINT, as in AWS's heart-rate example (which then had to be
 * loosened to INTEGER); text as VARCHAR(n) with n the next power of two at or
 * above the longest value (an inference from AWS's examples: VARCHAR(4),
 * VARCHAR(16)). No record in the sample is UnableToDetectSchemaException.
 */
import { AwsError } from '../../core/errors';
import { decodeUtf8 } from '../../core/utf8';
import type { AnalyticsContext } from '../context';
import { resolveStreamArn } from '../configParse';
import { initialIndex } from '../../traffic/consumers/shardLineage';
import { materialise } from '../../traffic/consumers/shardCursor';
import type { RecordColumn, SourceSchema } from '../types';

const SAMPLE = 100;

export function discoverInputSchema(ctx: AnalyticsContext, input: { ResourceARN: string; ServiceExecutionRole?: string; InputStartingPositionConfiguration?: { InputStartingPosition?: string } }): { InputSchema: SourceSchema; ParsedInputRecords: string[][]; RawInputRecords: string[] } {
  const name = resolveStreamArn(ctx, input.ResourceARN);
  const s = ctx.kinesis.streams.get(name)!;
  const pos = input.InputStartingPositionConfiguration?.InputStartingPosition === 'NOW' ? 'LATEST' : 'TRIM_HORIZON';
  const raw: string[] = [];
  for (const shard of s.shards) {
    if (raw.length >= SAMPLE) break;
    const from = initialIndex(ctx.kinesis, s, shard, pos);
    for (const r of materialise(shard, from, SAMPLE - raw.length)) raw.push(decodeUtf8(r.Data));
  }
  const rows: Array<Record<string, unknown>> = [];
  for (const t of raw) {
    try {
      const v = JSON.parse(t) as unknown;
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) rows.push(v as Record<string, unknown>);
    } catch {
      // Not JSON: not part of the inferred schema.
    }
  }
  if (rows.length === 0) throw new AwsError('UnableToDetectSchemaException', 'Unable to detect a schema: no parsable JSON records were found in the sample.');
  const cols = new Map<string, { path: string; kind: 'int' | 'real' | 'bool' | 'text'; max: number; min: number; len: number }>();
  for (const row of rows) flatten(row, '$', '', 0, cols);
  const RecordColumns: RecordColumn[] = [...cols.entries()].map(([n, c]) => ({ Name: n, Mapping: c.path, SqlType: sqlType(c) }));
  const ParsedInputRecords = rows.map((row) => RecordColumns.map((c) => String(lookup(row, c.Mapping!) ?? '')));
  return {
    InputSchema: { RecordFormat: { RecordFormatType: 'JSON', MappingParameters: { JSONMappingParameters: { RecordRowPath: '$' } } }, RecordEncoding: 'UTF-8', RecordColumns },
    ParsedInputRecords,
    RawInputRecords: raw,
  };
}

function flatten(obj: Record<string, unknown>, path: string, prefix: string, depth: number, cols: Map<string, { path: string; kind: 'int' | 'real' | 'bool' | 'text'; max: number; min: number; len: number }>): void {
  for (const [k, v] of Object.entries(obj)) {
    const name = (prefix + k).toUpperCase();
    const p = `${path}.${k}`;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      if (depth < 1) flatten(v as Record<string, unknown>, p, `${prefix}${k}_`, depth + 1, cols);
      continue;
    }
    const kind = typeof v === 'number' ? (Number.isInteger(v) ? 'int' : 'real') : typeof v === 'boolean' ? 'bool' : 'text';
    const c = cols.get(name) ?? { path: p, kind, max: -Infinity, min: Infinity, len: 0 };
    if (c.kind !== kind) c.kind = c.kind === 'int' && kind === 'real' ? 'real' : c.kind === 'real' && kind === 'int' ? 'real' : 'text';
    if (typeof v === 'number') {
      c.max = Math.max(c.max, v);
      c.min = Math.min(c.min, v);
    }
    c.len = Math.max(c.len, String(v).length);
    cols.set(name, c);
  }
}

function sqlType(c: { kind: string; max: number; min: number; len: number }): string {
  if (c.kind === 'bool') return 'BOOLEAN';
  if (c.kind === 'real') return 'REAL';
  if (c.kind === 'int') {
    if (c.min >= -128 && c.max <= 127) return 'TINYINT';
    if (c.min >= -32768 && c.max <= 32767) return 'SMALLINT';
    if (c.min >= -2147483648 && c.max <= 2147483647) return 'INTEGER';
    return 'BIGINT';
  }
  let n = 1;
  while (n < c.len) n *= 2;
  return `VARCHAR(${n})`;
}

/** The value at a `$.a.b` mapping in a parsed JSON object. */
export function lookup(row: unknown, mapping: string): unknown {
  let v: unknown = row;
  for (const part of mapping.replace(/^\$\.?/, '').split('.')) {
    if (part === '') continue;
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}
