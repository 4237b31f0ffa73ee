/**
 * sqlRowOf (the schema's columns prepared once a tick) against the per-value
 * path it replaced: each column's value found by its Mapping and given to
 * coerce(value, SqlType). Same rows, same error messages.
 */
import { describe, expect, it } from 'vitest';
import { coerce, sqlColumns, sqlRowOf, type RecordMeta } from '../../../src/engine/analytics/runtime/rows';
import { lookup } from '../../../src/engine/analytics/operations/discoverInputSchema';
import type { SourceSchema } from '../../../src/engine/analytics/types';
import type { Row } from '../../../src/engine/analytics/query/values';

const meta: RecordMeta = { rowtime: 1000, arrival: 900, partitionKey: 'p', shardId: 'shardId-000000000000' };
const enc = (s: string) => new TextEncoder().encode(s);

/** The reference: every value looked up and coerced from its SqlType, one at a time. */
function reference(schema: SourceSchema, text: string): { row: Row } | { error: string } {
  const row: Row = { ROWTIME: { ts: meta.rowtime }, APPROXIMATE_ARRIVAL_TIME: { ts: meta.arrival }, PARTITION_KEY: meta.partitionKey, SHARD_ID: meta.shardId };
  if (schema.RecordFormat.RecordFormatType === 'CSV') {
    const parts = text.replace(/\r?\n$/, '').split(schema.RecordFormat.MappingParameters?.CSVMappingParameters?.RecordColumnDelimiter ?? ',');
    for (let i = 0; i < schema.RecordColumns.length; i++) {
      const r = coerce(parts[i], schema.RecordColumns[i].SqlType);
      if ('error' in r) return r;
      row[schema.RecordColumns[i].Name.toUpperCase()] = r.v;
    }
    return { row };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { error: 'Unable to parse the record as JSON' };
  }
  const rootPath = schema.RecordFormat.MappingParameters?.JSONMappingParameters?.RecordRowPath ?? '$';
  const root = rootPath === '$' ? parsed : lookup(parsed, rootPath);
  for (const c of schema.RecordColumns) {
    const r = coerce(lookup(root, c.Mapping ?? `$.${c.Name}`), c.SqlType);
    if ('error' in r) return r;
    row[c.Name.toUpperCase()] = r.v;
  }
  return { row };
}

const JSON_SCHEMA: SourceSchema = {
  RecordFormat: { RecordFormatType: 'JSON' },
  RecordColumns: [
    { Name: 'device', SqlType: 'VARCHAR(4)', Mapping: '$.device' },
    { Name: 'code', SqlType: ' char(2)', Mapping: '$.code' },
    { Name: 'hr', SqlType: 'TINYINT', Mapping: '$.hr' },
    { Name: 'temp', SqlType: 'DOUBLE', Mapping: '$.temp' },
    { Name: 'ok', SqlType: 'BOOLEAN', Mapping: '$.ok' },
    { Name: 'at', SqlType: 'TIMESTAMP', Mapping: '$.at' },
    { Name: 'city', SqlType: 'VARCHAR(16)', Mapping: '$.where.city' },
    { Name: 'Name', SqlType: 'VARCHAR' },
  ],
};
const RECORDS = [
  '{"device":"d1","code":"ab","hr":72,"temp":36.6,"ok":true,"at":"2026-01-01 00:01:00.000","where":{"city":"Paris"},"Name":"x"}',
  '{"device":"d12345","hr":72}', // VARCHAR(4) too long
  '{"device":"d1","code":"abc"}', // CHAR(2) too long
  '{"device":"d1","hr":300}', // TINYINT out of range
  '{"device":"d1","hr":"71"}', // a string that is an integer
  '{"device":"d1","hr":7.5}',
  '{"device":"d1","temp":"hot"}',
  '{"device":"d1","at":"yesterday"}',
  '{"device":12,"code":[1],"where":null}', // numbers and arrays as text; no city
  '{"device":"d1","ok":"true","temp":null}',
  '[1,2]',
  '"just text"',
  'not json',
];

describe('sqlRowOf', () => {
  it('gives the rows and errors that per-value coercion gives (JSON)', () => {
    const cols = sqlColumns(JSON_SCHEMA);
    for (const text of RECORDS) expect(sqlRowOf(JSON_SCHEMA, cols, enc(text), meta)).toEqual(reference(JSON_SCHEMA, text));
  });

  it('with a RecordRowPath and for CSV records', () => {
    const nested: SourceSchema = { ...JSON_SCHEMA, RecordFormat: { RecordFormatType: 'JSON', MappingParameters: { JSONMappingParameters: { RecordRowPath: '$.r' } } } };
    for (const text of RECORDS.map((r) => `{"r":${r.startsWith('{') ? r : '{}'}}`)) expect(sqlRowOf(nested, sqlColumns(nested), enc(text), meta)).toEqual(reference(nested, text));
    const csv: SourceSchema = { RecordFormat: { RecordFormatType: 'CSV', MappingParameters: { CSVMappingParameters: { RecordRowDelimiter: '\n', RecordColumnDelimiter: ';' } } }, RecordColumns: JSON_SCHEMA.RecordColumns.slice(0, 5) };
    for (const text of ['d1;ab;72;36.6;true\n', 'd12345;ab;72', 'd1;ab;900;1;false', 'd1;ab;;x;true', 'd1']) expect(sqlRowOf(csv, sqlColumns(csv), enc(text), meta)).toEqual(reference(csv, text));
  });
});
