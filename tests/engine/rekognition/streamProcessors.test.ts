import { describe, it, expect } from 'vitest';
import {
  RekognitionClient,
  CreateCollectionCommand,
  IndexFacesCommand,
  CreateStreamProcessorCommand,
  StartStreamProcessorCommand,
  StopStreamProcessorCommand,
  DescribeStreamProcessorCommand,
  ListStreamProcessorsCommand,
  DeleteStreamProcessorCommand,
} from '@aws-sdk/client-rekognition';
import { createSimulation } from '../../../src/engine';
import { simRequestHandler, sdkTestConfig } from '../kinesis/sdkHandler';

async function world() {
  const sim = createSimulation({ seed: 11 });
  const rek = new RekognitionClient({ ...sdkTestConfig, requestHandler: simRequestHandler(sim) });
  const { StreamARN } = sim.video.createStream({ StreamName: 'porch', DataRetentionInHours: 24 });
  sim.kinesis.createStream({ StreamName: 'faces', ShardCount: 1 });
  await sim.advance(1000);
  sim.video.addCamera({ name: 'cam', streamName: 'porch' });
  sim.video.startCamera('cam');
  return { sim, rek, videoArn: StreamARN, kdsArn: sim.kinesis.describeStreamSummary({ StreamName: 'faces' }).StreamDescriptionSummary.StreamARN };
}

async function errorName(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as Error).name;
  }
  throw new Error('expected an error');
}

describe('Rekognition stream processors through @aws-sdk/client-rekognition', () => {
  it('face search writes a frame record per analysed frame with a face into the Kinesis data stream, matching indexed residents', async () => {
    const { sim, rek, videoArn, kdsArn } = await world();
    await rek.send(new CreateCollectionCommand({ CollectionId: 'home' }));
    const indexed = await rek.send(new IndexFacesCommand({ CollectionId: 'home', Image: { S3Object: { Bucket: 'faces', Name: 'alice.jpg' } }, ExternalImageId: 'alice' }));
    const faceId = indexed.FaceRecords![0].Face!.FaceId;
    const t = sim.now();
    sim.video.addSceneVisit('porch', { label: 'PERSON', who: 'alice', start: t + 10000, end: t + 20000 });
    const { StreamProcessorArn } = await rek.send(
      new CreateStreamProcessorCommand({
        Name: 'door-faces',
        Input: { KinesisVideoStream: { Arn: videoArn } },
        Output: { KinesisDataStream: { Arn: kdsArn } },
        Settings: { FaceSearch: { CollectionId: 'home', FaceMatchThreshold: 85 } },
        RoleArn: 'arn:aws:iam::123456789012:role/rek',
      }),
    );
    expect(StreamProcessorArn).toBe('arn:aws:rekognition:us-east-1:123456789012:streamprocessor/door-faces');
    await rek.send(new StartStreamProcessorCommand({ Name: 'door-faces' }));
    expect((await rek.send(new DescribeStreamProcessorCommand({ Name: 'door-faces' }))).Status).toBe('STARTING');
    await sim.advance(1000);
    expect((await rek.send(new DescribeStreamProcessorCommand({ Name: 'door-faces' }))).Status).toBe('RUNNING');
    await sim.advance(40000);
    const it0 = sim.kinesis.getShardIterator({ StreamName: 'faces', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator!;
    const recs = sim.kinesis.getRecords({ ShardIterator: it0 }).Records;
    const frames = recs.map((r) => JSON.parse(new TextDecoder().decode(r.Data)));
    // Fragments start at +0, +2,000, ...; the visit covers server times +10,000..+20,000: fragments 6..10 (server +10,100 .. +18,100).
    expect(frames.map((f) => Math.round(f.InputInformation.KinesisVideo.ServerTimestamp * 1000) - t)).toEqual([10100, 12100, 14100, 16100, 18100]);
    expect(frames[0].InputInformation.KinesisVideo.StreamArn).toBe(videoArn);
    expect(frames[0].StreamProcessorInformation).toEqual({ Status: 'RUNNING' });
    expect(frames[0].FaceSearchResponse[0].MatchedFaces.map((m: { Face: { FaceId: string; ExternalImageId: string } }) => [m.Face.FaceId, m.Face.ExternalImageId])).toEqual([[faceId, 'alice']]);
    expect(sim.rekognition.detectionsAt('porch', t + 15000).map((d) => [d.label, d.who])).toEqual([['PERSON', 'alice']]);
  });

  it('connected home notifies the first sighting of each label, stops after MaxDurationInSeconds and writes a summary to S3', async () => {
    const { sim, rek, videoArn } = await world();
    sim.s3.createBucket({ Bucket: 'home-events' });
    const t = sim.now();
    sim.video.addSceneVisit('porch', { label: 'PET', start: t + 5000, end: t + 15000 });
    sim.video.addSceneVisit('porch', { label: 'PET', start: t + 20000, end: t + 25000 });
    sim.video.addSceneVisit('porch', { label: 'PACKAGE', start: t + 30000, end: t + 40000 });
    await rek.send(
      new CreateStreamProcessorCommand({
        Name: 'porch-labels',
        Input: { KinesisVideoStream: { Arn: videoArn } },
        Output: { S3Destination: { Bucket: 'home-events', KeyPrefix: 'rek/' } },
        NotificationChannel: { SNSTopicArn: 'arn:aws:sns:us-east-1:123456789012:home' },
        Settings: { ConnectedHome: { Labels: ['PERSON', 'PET'], MinConfidence: 50 } },
        RoleArn: 'arn:aws:iam::123456789012:role/rek',
      }),
    );
    const { SessionId } = await rek.send(new StartStreamProcessorCommand({ Name: 'porch-labels', StopSelector: { MaxDurationInSeconds: 60 } }));
    await sim.advance(80000);
    const notes = sim.rekognition.notifications();
    expect(notes.map((n) => [(n.message.eventNamespace as { type: string }).type, n.topicArn])).toEqual([
      ['LABEL_DETECTED', 'arn:aws:sns:us-east-1:123456789012:home'],
      ['STREAM_PROCESSING_COMPLETE', 'arn:aws:sns:us-east-1:123456789012:home'],
    ]);
    expect((notes[0].message.labels as Array<{ name: string }>)[0].name).toBe('PET');
    expect((await rek.send(new DescribeStreamProcessorCommand({ Name: 'porch-labels' }))).Status).toBe('STOPPED');
    const keys = sim.s3.listObjectsV2({ Bucket: 'home-events' }).Contents!.map((o) => o.Key);
    expect(keys).toEqual([`rek/porch-labels/${SessionId}/summary.json`]);
    const summary = JSON.parse(new TextDecoder().decode(sim.s3.getObject({ Bucket: 'home-events', Key: keys[0]! }).Body as Uint8Array));
    // PET frames: fragments at +4,100..+14,100 (5 of them with the pet in view) and +20,100, +22,100, +24,100: 8.
    expect(summary.labels).toEqual([{ name: 'PET', frames: 8 }]);
  });

  it('refuses a shared input stream, selectors on face search, and deleting a running processor; lists processors', async () => {
    const { sim, rek, videoArn, kdsArn } = await world();
    await rek.send(new CreateCollectionCommand({ CollectionId: 'home' }));
    const base = { Input: { KinesisVideoStream: { Arn: videoArn } }, Output: { KinesisDataStream: { Arn: kdsArn } }, Settings: { FaceSearch: { CollectionId: 'home' } }, RoleArn: 'arn:aws:iam::123456789012:role/rek' };
    await rek.send(new CreateStreamProcessorCommand({ Name: 'a', ...base }));
    expect(await errorName(rek.send(new CreateStreamProcessorCommand({ Name: 'b', ...base })))).toBe('ResourceInUseException');
    expect(await errorName(rek.send(new StartStreamProcessorCommand({ Name: 'a', StopSelector: { MaxDurationInSeconds: 10 } })))).toBe('InvalidParameterException');
    await rek.send(new StartStreamProcessorCommand({ Name: 'a' }));
    await sim.advance(1000);
    expect(await errorName(rek.send(new DeleteStreamProcessorCommand({ Name: 'a' })))).toBe('ResourceInUseException');
    expect((await rek.send(new ListStreamProcessorsCommand({}))).StreamProcessors).toEqual([{ Name: 'a', Status: 'RUNNING' }]);
    await rek.send(new StopStreamProcessorCommand({ Name: 'a' }));
    await sim.advance(1000);
    await rek.send(new DeleteStreamProcessorCommand({ Name: 'a' }));
    expect((await rek.send(new ListStreamProcessorsCommand({}))).StreamProcessors).toEqual([]);
  });
});
