import { describe, it, expect } from 'vitest';
import { createSimulation } from '../../../src/engine/simulation';
import { ROLE, T0, utf8, text } from './helpers';

function sinkSim(field: string, config: Record<string, unknown>) {
  const sim = createSimulation({ seed: 2, startTime: T0 - 5000 });
  sim.s3.createBucket({ Bucket: 'backup' });
  sim.firehose.createDeliveryStream({ DeliveryStreamName: 'd', [field]: { RoleARN: ROLE, S3Configuration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::backup' }, ...config } } as never);
  sim.advanceSync(5000);
  return sim;
}

describe('other destinations', () => {
  it('OpenSearch writes to an index rotated by day and keeps the buffering range 1..100 MB', () => {
    expect(() => sinkSim('AmazonopensearchserviceDestinationConfiguration', { IndexName: 'logs', BufferingHints: { SizeInMBs: 101, IntervalInSeconds: 60 } })).toThrow('Member must have value less than or equal to 100');
    const sim = sinkSim('AmazonopensearchserviceDestinationConfiguration', { IndexName: 'logs', IndexRotationPeriod: 'OneDay', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } });
    sim.firehose.putRecord({ DeliveryStreamName: 'd', Record: { Data: utf8('{"a":1}') } });
    sim.advanceSync(61000);
    const other = sim.firehoseContext.streams.get('d')!.other!;
    expect([...other.received]).toEqual([['logs-2026-01-01', 1]]);
    expect(sim.firehose.metrics('d').total('DeliveryToAmazonOpenSearchService.Records')).toBe(1);
  });

  it('Splunk retries within RetryOptions and then writes the records under splunk-failed/', () => {
    const sim = sinkSim('SplunkDestinationConfiguration', { HECEndpoint: 'https://splunk.example', HECEndpointType: 'Raw', HECToken: 't', RetryOptions: { DurationInSeconds: 30 }, BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 10 } });
    sim.firehose.setDestinationOutage('d', true);
    sim.firehose.putRecord({ DeliveryStreamName: 'd', Record: { Data: utf8('event') } });
    sim.advanceSync(10000 + 1000 + 30000);
    expect(sim.firehose.accounting('d')).toMatchObject({ delivered: 0 });
    sim.advanceSync(300000);
    const keys = (sim.s3.listObjectsV2({ Bucket: 'backup' }).Contents ?? []).map((c) => c.Key);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^splunk-failed\/2026\/01\/01\/00\/d-1-2026-01-01-00-0\d-\d\d-/);
    expect(text(sim.s3.getObject({ Bucket: 'backup', Key: keys[0] }).Body)).toBe('event');
    expect(sim.firehose.accounting('d')).toMatchObject({ delivered: 0, errored: 1 });
  });

  it('Redshift stages an intermediate S3 object, then COPYs after its latency', () => {
    const sim = sinkSim('RedshiftDestinationConfiguration', { ClusterJDBCURL: 'jdbc:redshift://x:5439/db', CopyCommand: { DataTableName: 't' }, Username: 'u', Password: 'p', S3Configuration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::backup', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } } });
    sim.firehose.putRecord({ DeliveryStreamName: 'd', Record: { Data: utf8('row') } });
    sim.advanceSync(300000);
    expect(sim.s3.listObjectsV2({ Bucket: 'backup' }).KeyCount).toBe(1);
    expect(sim.firehose.accounting('d').delivered).toBe(1);
    expect(() => sinkSim('RedshiftDestinationConfiguration', { S3Configuration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::backup', Prefix: '!{timestamp:yyyy}/' } })).toThrow('cannot contain expressions');
  });
});
