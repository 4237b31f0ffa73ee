import { describe, it, expect } from 'vitest';
import { simWithStream, simWithStreamAsync, keys, utf8, UUID } from './helpers';

describe('delivery with record format conversion', () => {
  it('writes a .parquet object (PAR1 magic) from JSON records and meters conversion', async () => {
    const sim = await simWithStreamAsync('pq', {
      BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 60 },
      DataFormatConversionConfiguration: {
        Enabled: true,
        SchemaConfiguration: { DatabaseName: 'db', TableName: 't', RoleARN: 'arn:aws:iam::123456789012:role/g', Columns: [{ Name: 'id', Type: 'int' }, { Name: 'name', Type: 'string' }] } as never,
        InputFormatConfiguration: { Deserializer: { OpenXJsonSerDe: {} } },
        OutputFormatConfiguration: { Serializer: { ParquetSerDe: {} } },
      },
    });
    await sim.advance(0);
    sim.firehose.putRecordBatch({ DeliveryStreamName: 'pq', Records: [{ Data: utf8('{"id":1,"name":"a"}') }, { Data: utf8('{"id":2,"name":"b"}') }] });
    await sim.advance(60000);
    const [k] = keys(sim);
    expect(k).toMatch(new RegExp(`^2026/01/01/00/pq-1-2026-01-01-00-01-00-${UUID}\\.parquet$`));
    const body = sim.s3.getObject({ Bucket: 'bucket', Key: k }).Body;
    expect(String.fromCharCode(...body.subarray(0, 4))).toBe('PAR1');
    expect(String.fromCharCode(...body.subarray(body.length - 4))).toBe('PAR1');
    expect(sim.firehose.accounting('pq')).toMatchObject({ delivered: 2, errored: 0 });
    expect(sim.firehose.accounting('pq').cost.formatConversionBilledBytes).toBe(2 * 5120);
  });

  it('refuses at creation a conversion with two serializers or an unsupported column type, not at delivery', () => {
    const base = {
      Enabled: true,
      SchemaConfiguration: { DatabaseName: 'db', TableName: 't', RoleARN: 'arn:aws:iam::123456789012:role/g', Columns: [{ Name: 'id', Type: 'int' }] } as never,
      InputFormatConfiguration: { Deserializer: { OpenXJsonSerDe: {} } },
    };
    expect(() => simWithStream('two', { BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 60 }, DataFormatConversionConfiguration: { ...base, OutputFormatConfiguration: { Serializer: { ParquetSerDe: {}, OrcSerDe: {} } } } })).toThrowError(
      'OutputFormatConfiguration.Serializer must specify exactly one of ParquetSerDe or OrcSerDe.',
    );
    expect(() => simWithStream('gz', { BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 60 }, CompressionFormat: 'GZIP', DataFormatConversionConfiguration: { ...base, OutputFormatConfiguration: { Serializer: { ParquetSerDe: {} } } } })).toThrowError(
      /CompressionFormat must be UNCOMPRESSED/,
    );
  });
});
