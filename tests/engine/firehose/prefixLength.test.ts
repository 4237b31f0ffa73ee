import { describe, it, expect } from 'vitest';
import { simWithStream, keys, text, utf8 } from './helpers';
import { compilePrefix, evaluatedPrefixLength } from '../../../src/engine/firehose/prefix';
import { DEFAULT_START_TIME } from '../../../src/engine/core/simCore';

const PARTITIONED = {
  Prefix: 'customer=!{partitionKeyFromQuery:customer}/',
  ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/',
  BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 60 },
  DynamicPartitioningConfiguration: { Enabled: true },
  ProcessingConfiguration: {
    Enabled: true,
    Processors: [{ Type: 'MetadataExtraction' as const, Parameters: [{ ParameterName: 'MetadataExtractionQuery' as const, ParameterValue: '{customer:.customer}' }, { ParameterName: 'JsonParsingEngine' as const, ParameterValue: 'JQ-1.6' }] }],
  },
};

describe('evaluatedPrefixLength', () => {
  it('counts text, timestamps, 11 characters per random string and key values, without drawing randomness', () => {
    const p = compilePrefix('a/!{timestamp:yyyy/MM/dd}/!{firehose:random-string}/k=!{partitionKeyFromQuery:k}/', 'Prefix');
    // 'a/' + '2026/01/01' + '/' + 11 + '/k=' + 'xyz' + '/'
    expect(evaluatedPrefixLength(p, { timestamp: DEFAULT_START_TIME, offsetMinutes: 0, queryKeys: { k: 'xyz' } })).toBe(2 + 10 + 1 + 11 + 3 + 3 + 1);
  });
});

describe('dynamic partitioning prefix length', () => {
  it('sends a record whose evaluated prefix would pass 512 characters to the error prefix, and delivers the rest', async () => {
    const sim = simWithStream('orders', PARTITIONED);
    const long = 'c'.repeat(503); // 'customer=' (9) + 503 + '/' (1) = 513 characters
    const fits = 'd'.repeat(502); // exactly 512
    const r = sim.firehose.putRecordBatch({
      DeliveryStreamName: 'orders',
      Records: [{ Data: utf8(JSON.stringify({ customer: long })) }, { Data: utf8(JSON.stringify({ customer: fits })) }],
    });
    expect(r.FailedPutCount).toBe(0);
    await sim.advance(61000);
    const all = keys(sim);
    expect(all.filter((k) => k.startsWith(`customer=${fits}/`))).toHaveLength(1);
    const errors = all.filter((k) => k.startsWith('errors/processing-failed/'));
    expect(errors).toHaveLength(1);
    const line = JSON.parse(text(sim.s3.getObject({ Bucket: 'bucket', Key: errors[0] }).Body).trim());
    expect(line.errorCode).toBe('DynamicPartitioning.PrefixTooLong');
    expect(line.errorMessage).toBe('The evaluated S3 prefix is 513 characters long; the maximum is 512.');
    expect(text(Uint8Array.from(atob(line.rawData), (c) => c.charCodeAt(0)))).toBe(JSON.stringify({ customer: long }));
  });
});
