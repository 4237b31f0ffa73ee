import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CreateDeliveryStreamCommand, DescribeDeliveryStreamCommand, FirehoseClient, ListDeliveryStreamsCommand, PutRecordBatchCommand } from '@aws-sdk/client-firehose';
import { gunzipSync } from 'fflate';
import { emptyScenario } from '../../src/server/simHost';
import { START, startServer, type Running } from './serverFixture';

const ROLE = 'arn:aws:iam::123456789012:role/firehose-role';

describe('the endpoint with @aws-sdk/client-firehose over loopback HTTP', () => {
  let s: Running;
  let firehose: FirehoseClient;
  beforeEach(async () => {
    s = await startServer({ scenario: { ...emptyScenario(START), topology: { buckets: [{ Bucket: 'landing' }] } } });
    firehose = new FirehoseClient(s.config);
  });
  afterEach(async () => {
    firehose.destroy();
    await s.stop();
  });

  it('creates a delivery stream, takes a batch and delivers it to the simulated bucket', async () => {
    const created = await firehose.send(
      new CreateDeliveryStreamCommand({
        DeliveryStreamName: 'clicks',
        ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::landing', CompressionFormat: 'GZIP', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } },
      }),
    );
    expect(created.DeliveryStreamARN).toBe('arn:aws:firehose:us-east-1:123456789012:deliverystream/clicks');
    await s.host.advance(5000);
    const d = (await firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'clicks' }))).DeliveryStreamDescription!;
    expect(d.DeliveryStreamStatus).toBe('ACTIVE');
    expect((await firehose.send(new ListDeliveryStreamsCommand({}))).DeliveryStreamNames).toEqual(['clicks']);
    const enc = new TextEncoder();
    const batch = await firehose.send(new PutRecordBatchCommand({ DeliveryStreamName: 'clicks', Records: [{ Data: enc.encode('one\n') }, { Data: enc.encode('two\n') }] }));
    expect(batch.FailedPutCount).toBe(0);
    expect(batch.RequestResponses).toHaveLength(2);
    await s.host.advance(60_000);
    const sim = s.host.world.sim;
    const list = sim.s3.listObjectsV2({ Bucket: 'landing' });
    expect(list.KeyCount).toBe(1);
    expect(new TextDecoder().decode(gunzipSync(sim.s3.getObject({ Bucket: 'landing', Key: list.Contents![0].Key }).Body))).toBe('one\ntwo\n');
  });
});
