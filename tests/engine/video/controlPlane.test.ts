import { describe, it, expect } from 'vitest';
import {
  KinesisVideoClient,
  CreateStreamCommand,
  DescribeStreamCommand,
  ListStreamsCommand,
  UpdateStreamCommand,
  UpdateDataRetentionCommand,
  DeleteStreamCommand,
  GetDataEndpointCommand,
  TagStreamCommand,
  UntagStreamCommand,
  ListTagsForStreamCommand,
  TagResourceCommand,
  ListTagsForResourceCommand,
  UntagResourceCommand,
  CreateSignalingChannelCommand,
  DescribeSignalingChannelCommand,
  ListSignalingChannelsCommand,
  DeleteSignalingChannelCommand,
} from '@aws-sdk/client-kinesis-video';
import { createSimulation } from '../../../src/engine';
import { simRestHandler, restTestConfig } from './restHandler';

function setup() {
  const sim = createSimulation({ seed: 7 });
  const kv = new KinesisVideoClient({ ...restTestConfig, requestHandler: simRestHandler(sim) });
  return { sim, kv };
}

async function errorOf(p: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await p;
  } catch (e) {
    const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: err.name, message: err.message, status: err.$metadata?.httpStatusCode };
  }
  throw new Error('expected an error');
}

describe('kinesisvideo control plane through @aws-sdk/client-kinesis-video', () => {
  it('creates a stream CREATING then ACTIVE, KMS on with the aws/kinesisvideo key, retention 0 by default', async () => {
    const { sim, kv } = setup();
    const { StreamARN } = await kv.send(new CreateStreamCommand({ StreamName: 'cam1', MediaType: 'video/h264' }));
    expect(StreamARN).toBe(`arn:aws:kinesisvideo:us-east-1:123456789012:stream/cam1/${sim.now()}`);
    const a = await kv.send(new DescribeStreamCommand({ StreamName: 'cam1' }));
    expect(a.StreamInfo?.Status).toBe('CREATING');
    expect(a.StreamInfo?.KmsKeyId).toBe('arn:aws:kms:us-east-1:123456789012:alias/aws/kinesisvideo');
    expect(a.StreamInfo?.DataRetentionInHours).toBe(0);
    expect(a.StreamInfo?.CreationTime?.getTime()).toBe(sim.now());
    await sim.advance(1000);
    const b = await kv.send(new DescribeStreamCommand({ StreamARN }));
    expect(b.StreamInfo?.Status).toBe('ACTIVE');
    expect(b.StreamInfo?.MediaType).toBe('video/h264');
  });

  it('refuses a duplicate name, a retention above 87,600 hours and a bad name, as AWS does', async () => {
    const { kv } = setup();
    await kv.send(new CreateStreamCommand({ StreamName: 'cam1' }));
    expect((await errorOf(kv.send(new CreateStreamCommand({ StreamName: 'cam1' })))).name).toBe('ResourceInUseException');
    const r = await errorOf(kv.send(new CreateStreamCommand({ StreamName: 'cam2', DataRetentionInHours: 87601 })));
    expect(r).toEqual({
      name: 'InvalidArgumentException',
      status: 400,
      message: "1 validation error detected: Value '87601' at 'dataRetentionInHours' failed to satisfy constraint: Member must have value less than or equal to 87600",
    });
    expect((await errorOf(kv.send(new CreateStreamCommand({ StreamName: 'bad name' })))).name).toBe('InvalidArgumentException');
    const nf = await errorOf(kv.send(new DescribeStreamCommand({ StreamName: 'nope' })));
    expect([nf.name, nf.status]).toEqual(['ResourceNotFoundException', 404]);
  });

  it('enforces the account stream quota with AccountStreamLimitExceededException', async () => {
    const { sim, kv } = setup();
    sim.videoContext.accountStreamQuota = 2;
    await kv.send(new CreateStreamCommand({ StreamName: 'a' }));
    await kv.send(new CreateStreamCommand({ StreamName: 'b' }));
    expect((await errorOf(kv.send(new CreateStreamCommand({ StreamName: 'c' })))).name).toBe('AccountStreamLimitExceededException');
  });

  it('UpdateDataRetention adds and removes hours with CurrentVersion; a stale version is VersionMismatchException', async () => {
    const { sim, kv } = setup();
    await kv.send(new CreateStreamCommand({ StreamName: 'cam1', DataRetentionInHours: 24 }));
    await sim.advance(1000);
    const v1 = (await kv.send(new DescribeStreamCommand({ StreamName: 'cam1' }))).StreamInfo!.Version!;
    await kv.send(new UpdateDataRetentionCommand({ StreamName: 'cam1', CurrentVersion: v1, Operation: 'INCREASE_DATA_RETENTION', DataRetentionChangeInHours: 24 }));
    const info = (await kv.send(new DescribeStreamCommand({ StreamName: 'cam1' }))).StreamInfo!;
    expect(info.DataRetentionInHours).toBe(48);
    expect(info.Version).not.toBe(v1);
    expect((await errorOf(kv.send(new UpdateDataRetentionCommand({ StreamName: 'cam1', CurrentVersion: v1, Operation: 'DECREASE_DATA_RETENTION', DataRetentionChangeInHours: 1 })))).name).toBe('VersionMismatchException');
    const below = await errorOf(kv.send(new UpdateDataRetentionCommand({ StreamName: 'cam1', CurrentVersion: info.Version!, Operation: 'DECREASE_DATA_RETENTION', DataRetentionChangeInHours: 49 })));
    expect(below).toEqual({ name: 'InvalidArgumentException', status: 400, message: 'The resulting data retention of -1 hours for stream cam1 must be between 0 and 87600 hours.' });
  });

  it('UpdateStream needs CurrentVersion, goes UPDATING then ACTIVE; DeleteStream removes the stream', async () => {
    const { sim, kv } = setup();
    const { StreamARN } = await kv.send(new CreateStreamCommand({ StreamName: 'cam1' }));
    await sim.advance(1000);
    const v = (await kv.send(new DescribeStreamCommand({ StreamName: 'cam1' }))).StreamInfo!.Version!;
    await kv.send(new UpdateStreamCommand({ StreamName: 'cam1', CurrentVersion: v, MediaType: 'video/h265', DeviceName: 'porch' }));
    expect((await kv.send(new DescribeStreamCommand({ StreamName: 'cam1' }))).StreamInfo).toMatchObject({ Status: 'UPDATING', MediaType: 'video/h265', DeviceName: 'porch' });
    await sim.advance(1000);
    expect((await kv.send(new DescribeStreamCommand({ StreamName: 'cam1' }))).StreamInfo!.Status).toBe('ACTIVE');
    await kv.send(new DeleteStreamCommand({ StreamARN }));
    expect((await kv.send(new DescribeStreamCommand({ StreamName: 'cam1' }))).StreamInfo!.Status).toBe('DELETING');
    await sim.advance(1000);
    expect((await errorOf(kv.send(new DescribeStreamCommand({ StreamName: 'cam1' })))).name).toBe('ResourceNotFoundException');
    expect((await kv.send(new ListStreamsCommand({}))).StreamInfoList).toEqual([]);
  });

  it('ListStreams pages with MaxResults and filters BEGINS_WITH', async () => {
    const { kv } = setup();
    for (const n of ['door', 'door2', 'garage']) await kv.send(new CreateStreamCommand({ StreamName: n }));
    const p1 = await kv.send(new ListStreamsCommand({ MaxResults: 2 }));
    expect(p1.StreamInfoList!.map((s) => s.StreamName)).toEqual(['door', 'door2']);
    const p2 = await kv.send(new ListStreamsCommand({ MaxResults: 2, NextToken: p1.NextToken }));
    expect(p2.StreamInfoList!.map((s) => s.StreamName)).toEqual(['garage']);
    expect(p2.NextToken).toBeUndefined();
    const f = await kv.send(new ListStreamsCommand({ StreamNameCondition: { ComparisonOperator: 'BEGINS_WITH', ComparisonValue: 'door' } }));
    expect(f.StreamInfoList!.map((s) => s.StreamName)).toEqual(['door', 'door2']);
  });

  it('GetDataEndpoint gives one endpoint per API name', async () => {
    const { kv } = setup();
    await kv.send(new CreateStreamCommand({ StreamName: 'cam1' }));
    const put = (await kv.send(new GetDataEndpointCommand({ StreamName: 'cam1', APIName: 'PUT_MEDIA' }))).DataEndpoint!;
    const hls = (await kv.send(new GetDataEndpointCommand({ StreamName: 'cam1', APIName: 'GET_HLS_STREAMING_SESSION_URL' }))).DataEndpoint!;
    expect(put).toMatch(/^https:\/\/s-[a-z0-9]{8}\.kinesisvideo\.us-east-1\.amazonaws\.com$/);
    expect(hls).toBe(put.replace('https://s-', 'https://h-'));
  });

  it('tags streams and channels both ways, at most 50', async () => {
    const { kv } = setup();
    const { StreamARN } = await kv.send(new CreateStreamCommand({ StreamName: 'cam1', Tags: { room: 'hall' } }));
    await kv.send(new TagStreamCommand({ StreamName: 'cam1', Tags: { owner: 'ana' } }));
    await kv.send(new UntagStreamCommand({ StreamName: 'cam1', TagKeyList: ['room'] }));
    expect((await kv.send(new ListTagsForStreamCommand({ StreamName: 'cam1' }))).Tags).toEqual({ owner: 'ana' });
    await kv.send(new TagResourceCommand({ ResourceARN: StreamARN, Tags: [{ Key: 'k', Value: 'v' }] }));
    expect((await kv.send(new ListTagsForResourceCommand({ ResourceARN: StreamARN }))).Tags).toEqual({ owner: 'ana', k: 'v' });
    await kv.send(new UntagResourceCommand({ ResourceARN: StreamARN, TagKeyList: ['k'] }));
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`t${i}`, 'x']));
    expect((await errorOf(kv.send(new TagStreamCommand({ StreamName: 'cam1', Tags: many })))).name).toBe('TagsPerResourceExceededLimitException');
  });

  it('signaling channels: create, describe, list, delete; one master and at most 10 viewers', async () => {
    const { sim, kv } = setup();
    const { ChannelARN } = await kv.send(new CreateSignalingChannelCommand({ ChannelName: 'doorbell' }));
    await sim.advance(1000);
    const info = (await kv.send(new DescribeSignalingChannelCommand({ ChannelName: 'doorbell' }))).ChannelInfo!;
    expect(info).toMatchObject({ ChannelName: 'doorbell', ChannelARN, ChannelType: 'SINGLE_MASTER', ChannelStatus: 'ACTIVE', SingleMasterConfiguration: { MessageTtlSeconds: 60 } });
    expect((await kv.send(new ListSignalingChannelsCommand({}))).ChannelInfoList!.map((c) => c.ChannelName)).toEqual(['doorbell']);
    sim.video.connectToChannel('doorbell', 'MASTER', 'camera');
    expect(() => sim.video.connectToChannel('doorbell', 'MASTER', 'other')).toThrow(/already has a master/);
    for (let i = 0; i < 10; i++) sim.video.connectToChannel('doorbell', 'VIEWER', `phone${i}`);
    expect(() => sim.video.connectToChannel('doorbell', 'VIEWER', 'phone10')).toThrow(/10 viewers/);
    const ttl = await errorOf(kv.send(new CreateSignalingChannelCommand({ ChannelName: 'x', SingleMasterConfiguration: { MessageTtlSeconds: 121 } })));
    expect(ttl.name).toBe('InvalidArgumentException');
    expect((await errorOf(kv.send(new DeleteSignalingChannelCommand({ ChannelARN, CurrentVersion: 'stale' })))).name).toBe('VersionMismatchException');
    await kv.send(new DeleteSignalingChannelCommand({ ChannelARN, CurrentVersion: info.Version }));
    expect((await kv.send(new ListSignalingChannelsCommand({}))).ChannelInfoList).toEqual([]);
  });
});
