import { beforeAll, describe, expect, it } from 'vitest';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { convertRecords } from '../../../../src/engine/firehose/formatConversion/convertRecords';
import { readConversionSettings, validateFormatConversion } from '../../../../src/engine/firehose/formatConversion/formatConversionConfig';
import { loadParquetWriter } from '../../../../src/engine/firehose/formatConversion/parquetLoader';
import { createConvertFormatHook } from '../../../../src/engine/firehose/formatConversion/convertFormatHook';
import { estimateOrcBytes } from '../../../../src/engine/firehose/formatConversion/orcEstimate';
import { encodeUtf8, decodeUtf8 } from '../../../../src/engine/core/utf8';

const COLUMNS = [
  { Name: 'id', Type: 'int' },
  { Name: 'name', Type: 'string' },
  { Name: 'views', Type: 'bigint' },
  { Name: 'score', Type: 'double' },
  { Name: 'active', Type: 'boolean' },
  { Name: 'ts', Type: 'timestamp' },
];
const config = (serializer: Record<string, unknown> = { ParquetSerDe: {} }, deserializer?: Record<string, unknown>) => ({
  Enabled: true,
  SchemaConfiguration: { Columns: COLUMNS },
  InputFormatConfiguration: deserializer ? { Deserializer: deserializer } : undefined,
  OutputFormatConfiguration: { Serializer: serializer },
});
const recs = (...t: string[]) => t.map(encodeUtf8);

beforeAll(async () => {
  await loadParquetWriter();
});

describe('convertRecords', () => {
  it('writes a Parquet file that reads back row for row, OpenX keys matched case-insensitively', async () => {
    const out = convertRecords(
      recs(
        '{"ID":1,"Name":"Alice","views":"9007199254740993","score":1.5,"active":true,"ts":"2026-01-02 03:04:05.250"}\n',
        '{"id":2,"name":null,"score":"2","active":"false","ts":1767225600000}',
        '{"id":"three"}',
        'not json',
      ),
      readConversionSettings(config()),
    );
    expect(out.rows).toBe(2);
    expect(out.extension).toBe('.parquet');
    expect(out.failed).toEqual([
      { index: 2, errorCode: 'DataFormatConversion.MalformedData', errorMessage: 'Cannot convert value "three" of column id to int' },
      { index: 3, errorCode: 'DataFormatConversion.MalformedData', errorMessage: 'Record is not valid JSON: Expected a JSON object at byte 0' },
    ]);
    const body = out.body!;
    expect(decodeUtf8(body.subarray(0, 4))).toBe('PAR1');
    expect(decodeUtf8(body.subarray(body.length - 4))).toBe('PAR1');
    const file = body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
    const meta = parquetMetadata(file);
    expect(Number(meta.num_rows)).toBe(2);
    expect(meta.created_by).toBe('kinesis-simulator via hyparquet-writer');
    const rows = await parquetReadObjects({ file, utf8: true });
    expect(rows).toEqual([
      { id: 1, name: 'Alice', views: 9007199254740993n, score: 1.5, active: true, ts: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 250)) },
      { id: 2, name: null, views: null, score: 2, active: false, ts: new Date(1767225600000) },
    ]);
  });

  it('gives identical bytes for identical input (GZIP included)', () => {
    const s = readConversionSettings(config({ ParquetSerDe: { Compression: 'GZIP' } }));
    const r = recs('{"id":1,"name":"x"}', '{"id":2,"name":"y"}');
    expect(convertRecords(r, s).body).toEqual(convertRecords(r, s).body);
  });

  it('respects a case-sensitive OpenX deserializer', () => {
    const s = readConversionSettings(config(undefined, { OpenXJsonSerDe: { CaseInsensitive: false } }));
    const out = convertRecords(recs('{"ID":1,"id":7}'), s);
    expect(out.rows).toBe(1);
  });

  it('sizes ORC without real bytes', () => {
    const s = readConversionSettings(config({ OrcSerDe: {} }));
    const out = convertRecords(recs('{"id":1,"name":"a"}', '{"id":2,"name":"a"}'), s);
    expect(out.extension).toBe('.orc');
    expect(out.body!.length).toBe(estimateOrcBytes(s.columns, [[1, 'a', null, null, null, null], [2, 'a', null, null, null, null]], 'SNAPPY'));
    expect(out.body!.length).toBe(189);
    expect(decodeUtf8(out.body!.subarray(0, 3))).toBe('ORC');
  });

  it('works through the pipeline hook', () => {
    const hook = createConvertFormatHook();
    const cfg = config();
    expect(hook(recs('{"id":1}'), cfg).failed).toEqual([]);
  });
});

describe('validateFormatConversion', () => {
  it('requires SizeInMBs >= 64 and UNCOMPRESSED, defaulting the size to 128', () => {
    expect(validateFormatConversion(config(), undefined, undefined)).toBe(128);
    expect(validateFormatConversion(config(), 64, 'UNCOMPRESSED')).toBe(64);
    expect(validateFormatConversion({ Enabled: false }, 5, 'GZIP')).toBeUndefined();
    expect(() => validateFormatConversion(config(), 5, undefined)).toThrowError('BufferingHints.SizeInMBs must be at least 64 when data format conversion is enabled.');
    expect(() => validateFormatConversion(config(), 128, 'GZIP')).toThrowError(/CompressionFormat must be UNCOMPRESSED/);
    expect(() => readConversionSettings(config({ ParquetSerDe: {}, OrcSerDe: {} }))).toThrowError('OutputFormatConfiguration.Serializer must specify exactly one of ParquetSerDe or OrcSerDe.');
    expect(() => readConversionSettings({ ...config(), SchemaConfiguration: { Columns: [{ Name: 'x', Type: 'map<string,int>' }] } })).toThrowError(
      'SchemaConfiguration: column x has unsupported type map<string,int>; use one of string, int, bigint, double, boolean, timestamp',
    );
  });
});
