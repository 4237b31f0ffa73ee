/**
 * Drives the Firehose simulation with the official @aws-sdk/client-firehose
 * through the shared request handler (no network).
 */
import { describe, it, expect } from 'vitest';
import {
  FirehoseClient, CreateDeliveryStreamCommand, DescribeDeliveryStreamCommand, ListDeliveryStreamsCommand, PutRecordCommand,
  PutRecordBatchCommand, UpdateDestinationCommand, TagDeliveryStreamCommand, StartDeliveryStreamEncryptionCommand,
  StopDeliveryStreamEncryptionCommand, DeleteDeliveryStreamCommand, ResourceNotFoundException, ServiceUnavailableException,
  ConcurrentModificationException,
} from '@aws-sdk/client-firehose';
import { gunzipSync } from 'fflate';
import { createSimulation } from '../../../src/engine/simulation';
import { simRequestHandler, sdkTestConfig } from '../kinesis/sdkHandler';
import { ROLE, T0, text, utf8, UUID } from './helpers';

function setup(opts = {}) {
  const sim = createSimulation({ seed: 5, startTime: T0 - 5000, ...opts });
  sim.s3.createBucket({ Bucket: 'sdk-bucket' });
  const client = new FirehoseClient({ ...sdkTestConfig, requestHandler: simRequestHandler(sim) });
  return { sim, client };
}

describe('Firehose through @aws-sdk/client-firehose', () => {
  it('creates, describes, lists, puts and delivers a gzip object', async () => {
    const { sim, client } = setup();
    const created = await client.send(new CreateDeliveryStreamCommand({
      DeliveryStreamName: 'sdk-stream',
      ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::sdk-bucket', CompressionFormat: 'GZIP', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } },
    }));
    expect(created.DeliveryStreamARN).toBe('arn:aws:firehose:us-east-1:123456789012:deliverystream/sdk-stream');
    let d = (await client.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'sdk-stream' }))).DeliveryStreamDescription!;
    expect(d.DeliveryStreamStatus).toBe('CREATING');
    sim.advanceSync(5000);
    d = (await client.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'sdk-stream' }))).DeliveryStreamDescription!;
    expect(d.DeliveryStreamStatus).toBe('ACTIVE');
    expect(d.VersionId).toBe('1');
    expect(d.CreateTimestamp).toEqual(new Date(T0 - 5000));
    expect(d.Destinations![0].ExtendedS3DestinationDescription!.BufferingHints).toEqual({ SizeInMBs: 1, IntervalInSeconds: 60 });
    expect((await client.send(new ListDeliveryStreamsCommand({}))).DeliveryStreamNames).toEqual(['sdk-stream']);

    const put = await client.send(new PutRecordCommand({ DeliveryStreamName: 'sdk-stream', Record: { Data: utf8('one\n') } }));
    expect(put.RecordId).toHaveLength(224);
    const batch = await client.send(new PutRecordBatchCommand({ DeliveryStreamName: 'sdk-stream', Records: [{ Data: utf8('two\n') }, { Data: utf8('three\n') }] }));
    expect(batch.FailedPutCount).toBe(0);
    expect(batch.RequestResponses).toHaveLength(2);
    sim.advanceSync(60000);
    const list = sim.s3.listObjectsV2({ Bucket: 'sdk-bucket' });
    expect(list.KeyCount).toBe(1);
    expect(list.Contents![0].Key).toMatch(new RegExp(`^2026/01/01/00/sdk-stream-1-2026-01-01-00-01-00-${UUID}\\.gz$`));
    expect(text(gunzipSync(sim.s3.getObject({ Bucket: 'sdk-bucket', Key: list.Contents![0].Key }).Body))).toBe('one\ntwo\nthree\n');
  });

  it('maps errors: ResourceNotFoundException, ServiceUnavailableException, ConcurrentModificationException', async () => {
    const { sim, client } = setup({ firehoseQuotaSource: 'api-reference-2015' });
    await expect(client.send(new PutRecordCommand({ DeliveryStreamName: 'missing', Record: { Data: utf8('x') } }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await client.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: 's', ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::sdk-bucket' } }));
    sim.advanceSync(5000);
    const many = Array.from({ length: 500 }, () => ({ Data: new Uint8Array(1) }));
    for (let i = 0; i < 10; i++) await client.send(new PutRecordBatchCommand({ DeliveryStreamName: 's', Records: many }));
    await expect(client.send(new PutRecordCommand({ DeliveryStreamName: 's', Record: { Data: utf8('x') } }))).rejects.toBeInstanceOf(ServiceUnavailableException);
    await expect(client.send(new UpdateDestinationCommand({ DeliveryStreamName: 's', CurrentDeliveryStreamVersionId: '7', DestinationId: 'destinationId-000000000001', ExtendedS3DestinationUpdate: { Prefix: 'x/' } })))
      .rejects.toBeInstanceOf(ConcurrentModificationException);
  });

  it('updates the destination (version 2 in later object names), tags, toggles encryption and deletes', async () => {
    const { sim, client } = setup();
    await client.send(new CreateDeliveryStreamCommand({ DeliveryStreamName: 'u', ExtendedS3DestinationConfiguration: { RoleARN: ROLE, BucketARN: 'arn:aws:s3:::sdk-bucket', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } } }));
    sim.advanceSync(5000);
    await client.send(new PutRecordCommand({ DeliveryStreamName: 'u', Record: { Data: utf8('v1') } }));
    await client.send(new UpdateDestinationCommand({ DeliveryStreamName: 'u', CurrentDeliveryStreamVersionId: '1', DestinationId: 'destinationId-000000000001', ExtendedS3DestinationUpdate: { Prefix: 'v2/' } }));
    await client.send(new PutRecordCommand({ DeliveryStreamName: 'u', Record: { Data: utf8('v2') } }));
    sim.advanceSync(60000);
    const keys = (sim.s3.listObjectsV2({ Bucket: 'sdk-bucket' }).Contents ?? []).map((c) => c.Key);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(new RegExp(`^2026/01/01/00/u-1-2026-01-01-00-00-00-${UUID}$`));
    expect(keys[1]).toMatch(new RegExp(`^v2/2026/01/01/00/u-2-2026-01-01-00-01-00-${UUID}$`));
    const d = (await client.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'u' }))).DeliveryStreamDescription!;
    expect(d.VersionId).toBe('2');
    expect(d.LastUpdateTimestamp).toEqual(new Date(T0));
    await client.send(new TagDeliveryStreamCommand({ DeliveryStreamName: 'u', Tags: [{ Key: 'team', Value: 'data' }] }));
    await client.send(new StartDeliveryStreamEncryptionCommand({ DeliveryStreamName: 'u', DeliveryStreamEncryptionConfigurationInput: { KeyType: 'AWS_OWNED_CMK' } }));
    expect((await client.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'u' }))).DeliveryStreamDescription!.DeliveryStreamEncryptionConfiguration!.Status).toBe('ENABLING');
    sim.advanceSync(2000);
    expect((await client.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'u' }))).DeliveryStreamDescription!.DeliveryStreamEncryptionConfiguration!.Status).toBe('ENABLED');
    await client.send(new StopDeliveryStreamEncryptionCommand({ DeliveryStreamName: 'u' }));
    sim.advanceSync(2000);
    expect((await client.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'u' }))).DeliveryStreamDescription!.DeliveryStreamEncryptionConfiguration!.Status).toBe('DISABLED');
    await client.send(new DeleteDeliveryStreamCommand({ DeliveryStreamName: 'u' }));
    sim.advanceSync(5000);
    await expect(client.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: 'u' }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});
