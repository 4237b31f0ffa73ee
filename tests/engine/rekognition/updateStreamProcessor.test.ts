import { describe, it, expect } from 'vitest';
import {
  RekognitionClient,
  CreateCollectionCommand,
  CreateStreamProcessorCommand,
  StartStreamProcessorCommand,
  StopStreamProcessorCommand,
  DescribeStreamProcessorCommand,
  UpdateStreamProcessorCommand,
} from '@aws-sdk/client-rekognition';
import { createSimulation } from '../../../src/engine';
import { overlapShare } from '../../../src/engine/rekognition/labelFilter';
import { simRequestHandler, sdkTestConfig } from '../kinesis/sdkHandler';

const ROLE = 'arn:aws:iam::123456789012:role/rek';
const TOPIC = 'arn:aws:sns:us-east-1:123456789012:home';
// The scene draws a package at Left 0.68, Top 0.72, 0.12 x 0.12 (video/scene.ts).
const LEFT_HALF = [{ BoundingBox: { Left: 0, Top: 0, Width: 0.5, Height: 1 } }];

async function world() {
  const sim = createSimulation({ seed: 11 });
  const rek = new RekognitionClient({ ...sdkTestConfig, requestHandler: simRequestHandler(sim) });
  const { StreamARN } = sim.video.createStream({ StreamName: 'porch', DataRetentionInHours: 24 });
  sim.s3.createBucket({ Bucket: 'home-events' });
  await sim.advance(1000);
  sim.video.addCamera({ name: 'cam', streamName: 'porch' });
  sim.video.startCamera('cam');
  return { sim, rek, videoArn: StreamARN! };
}

async function errorOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
  throw new Error('expected an error');
}

describe('regions of interest: an object counts when more than half of its box is inside a region', () => {
  const box = { Left: 0.2, Top: 0.2, Width: 0.2, Height: 0.2 };
  it('measures the share inside a bounding box', () => {
    expect(overlapShare(box, { BoundingBox: { Left: 0, Top: 0, Width: 0.3, Height: 1 } })).toBeCloseTo(0.5, 12);
    expect(overlapShare(box, { BoundingBox: { Left: 0.25, Top: 0.25, Width: 1, Height: 1 } })).toBeCloseTo(0.5625, 12);
    expect(overlapShare(box, { BoundingBox: { Left: 0.5, Top: 0, Width: 0.5, Height: 1 } })).toBe(0);
  });
  it('measures the share inside a polygon by clipping it to the box', () => {
    // The triangle (0,0) (1,0) (0,1) holds the part of the box under x + y = 1: all of it (x + y <= 0.8).
    expect(overlapShare(box, { Polygon: [{ X: 0, Y: 0 }, { X: 1, Y: 0 }, { X: 0, Y: 1 }] })).toBeCloseTo(1, 12);
    // The triangle (0,0) (0.6,0) (0,0.6) cuts the box along x + y = 0.6: the corner triangle of legs 0.2, area 0.02 of 0.04.
    expect(overlapShare(box, { Polygon: [{ X: 0, Y: 0 }, { X: 0.6, Y: 0 }, { X: 0, Y: 0.6 }] })).toBeCloseTo(0.5, 12);
    // Clockwise points give the same area.
    expect(overlapShare(box, { Polygon: [{ X: 0, Y: 0.6 }, { X: 0.6, Y: 0 }, { X: 0, Y: 0 }] })).toBeCloseTo(0.5, 12);
  });
});

describe('UpdateStreamProcessor and float members through @aws-sdk/client-rekognition', () => {
  it('a region of interest hides a package outside it; deleting the regions by update shows it', async () => {
    const { sim, rek, videoArn } = await world();
    await rek.send(
      new CreateStreamProcessorCommand({
        Name: 'porch-labels',
        Input: { KinesisVideoStream: { Arn: videoArn } },
        Output: { S3Destination: { Bucket: 'home-events', KeyPrefix: 'rek/' } },
        NotificationChannel: { SNSTopicArn: TOPIC },
        Settings: { ConnectedHome: { Labels: ['PACKAGE'], MinConfidence: 40.5 } },
        RegionsOfInterest: LEFT_HALF,
        RoleArn: ROLE,
      }),
    );
    const d0 = await rek.send(new DescribeStreamProcessorCommand({ Name: 'porch-labels' }));
    expect(d0.RegionsOfInterest).toEqual(LEFT_HALF);
    expect(d0.Settings?.ConnectedHome).toEqual({ Labels: ['PACKAGE'], MinConfidence: 40.5 });

    let t = sim.now();
    sim.video.addSceneVisit('porch', { label: 'PACKAGE', start: t + 5000, end: t + 30000 });
    await rek.send(new StartStreamProcessorCommand({ Name: 'porch-labels', StopSelector: { MaxDurationInSeconds: 40 } }));
    await sim.advance(20000);
    expect(sim.rekognition.detectionsAt('porch', t + 15000)).toEqual([]);
    await sim.advance(40000);
    expect(sim.rekognition.notifications().map((n) => (n.message.eventNamespace as { type: string }).type)).toEqual(['STREAM_PROCESSING_COMPLETE']);

    await rek.send(new UpdateStreamProcessorCommand({ Name: 'porch-labels', ParametersToDelete: ['RegionsOfInterest'], SettingsForUpdate: { ConnectedHomeForUpdate: { MinConfidence: 10 } } }));
    expect((await rek.send(new DescribeStreamProcessorCommand({ Name: 'porch-labels' }))).Status).toBe('UPDATING');
    await sim.advance(1000);
    const d1 = await rek.send(new DescribeStreamProcessorCommand({ Name: 'porch-labels' }));
    expect(d1.Status).toBe('STOPPED');
    expect(d1.RegionsOfInterest).toBeUndefined();
    expect(d1.Settings?.ConnectedHome).toEqual({ Labels: ['PACKAGE'], MinConfidence: 10 });

    t = sim.now();
    sim.video.addSceneVisit('porch', { label: 'PACKAGE', start: t + 5000, end: t + 30000 });
    await rek.send(new StartStreamProcessorCommand({ Name: 'porch-labels', StopSelector: { MaxDurationInSeconds: 40 } }));
    await sim.advance(20000);
    expect(sim.rekognition.detectionsAt('porch', t + 15000).map((d) => [d.label, d.box])).toEqual([['PACKAGE', { Left: 0.68, Top: 0.72, Width: 0.12, Height: 0.12 }]]);
    await sim.advance(40000);
    const notes = sim.rekognition.notifications();
    expect(notes.map((n) => (n.message.eventNamespace as { type: string }).type)).toEqual(['STREAM_PROCESSING_COMPLETE', 'LABEL_DETECTED', 'STREAM_PROCESSING_COMPLETE']);
    expect((notes[1].message.labels as Array<{ name: string }>)[0].name).toBe('PACKAGE');
  });

  it('refuses an update while running, on a face search processor, and out-of-range floats with AWS constraint messages', async () => {
    const { sim, rek, videoArn } = await world();
    const base = { Input: { KinesisVideoStream: { Arn: videoArn } }, Output: { S3Destination: { Bucket: 'home-events' } }, NotificationChannel: { SNSTopicArn: TOPIC }, RoleArn: ROLE };
    expect(await errorOf(rek.send(new CreateStreamProcessorCommand({ Name: 'p', ...base, Settings: { ConnectedHome: { Labels: ['ALL'], MinConfidence: 100.5 } } })))).toBe(
      "ValidationException: 1 validation error detected: Value '100.5' at 'settings.connectedHome.minConfidence' failed to satisfy constraint: Member must have value less than or equal to 100",
    );
    const eleven = Array.from({ length: 11 }, () => LEFT_HALF[0]);
    expect(await errorOf(rek.send(new CreateStreamProcessorCommand({ Name: 'p', ...base, Settings: { ConnectedHome: { Labels: ['ALL'] } }, RegionsOfInterest: eleven })))).toBe(
      "ValidationException: 1 validation error detected: Value '[11 regionsOfInterest]' at 'regionsOfInterest' failed to satisfy constraint: Member must have length less than or equal to 10",
    );
    await rek.send(new CreateStreamProcessorCommand({ Name: 'p', ...base, Settings: { ConnectedHome: { Labels: ['ALL'] } } }));
    await rek.send(new StartStreamProcessorCommand({ Name: 'p' }));
    await sim.advance(1000);
    expect(await errorOf(rek.send(new UpdateStreamProcessorCommand({ Name: 'p', SettingsForUpdate: { ConnectedHomeForUpdate: { Labels: ['PET'] } } })))).toBe(
      'ResourceInUseException: Stream processor p is RUNNING; stop it before updating it.',
    );
    await rek.send(new StopStreamProcessorCommand({ Name: 'p' }));
    await sim.advance(1000);
    expect(await errorOf(rek.send(new UpdateStreamProcessorCommand({ Name: 'p', SettingsForUpdate: { ConnectedHomeForUpdate: { MinConfidence: -1 } } })))).toBe(
      "ValidationException: 1 validation error detected: Value '-1' at 'settingsForUpdate.connectedHomeForUpdate.minConfidence' failed to satisfy constraint: Member must have value greater than or equal to 0",
    );

    sim.kinesis.createStream({ StreamName: 'faces', ShardCount: 1 });
    sim.video.createStream({ StreamName: 'door', DataRetentionInHours: 1 });
    await sim.advance(1000);
    await rek.send(new CreateCollectionCommand({ CollectionId: 'home' }));
    const face = {
      Input: { KinesisVideoStream: { Arn: sim.video.describeStream({ StreamName: 'door' }).StreamInfo.StreamARN } },
      Output: { KinesisDataStream: { Arn: sim.kinesis.describeStreamSummary({ StreamName: 'faces' }).StreamDescriptionSummary.StreamARN } },
      Settings: { FaceSearch: { CollectionId: 'home', FaceMatchThreshold: 72.5 } },
      RoleArn: ROLE,
    };
    expect(await errorOf(rek.send(new CreateStreamProcessorCommand({ Name: 'f', ...face, RegionsOfInterest: LEFT_HALF })))).toBe(
      'InvalidParameterException: RegionsOfInterest apply only to label detection (ConnectedHome) stream processors.',
    );
    await rek.send(new CreateStreamProcessorCommand({ Name: 'f', ...face }));
    expect((await rek.send(new DescribeStreamProcessorCommand({ Name: 'f' }))).Settings?.FaceSearch).toEqual({ CollectionId: 'home', FaceMatchThreshold: 72.5 });
    expect(await errorOf(rek.send(new UpdateStreamProcessorCommand({ Name: 'f', ParametersToDelete: ['ConnectedHomeMinConfidence'] })))).toBe(
      'InvalidParameterException: Only a label detection (ConnectedHome) stream processor takes ConnectedHome settings and regions of interest.',
    );
  });

  it('a float member given a string is a SerializationException on the wire', async () => {
    const { sim } = await world();
    const res = sim.handleAwsJson('RekognitionService.UpdateStreamProcessor', JSON.stringify({ Name: 'x', SettingsForUpdate: { ConnectedHomeForUpdate: { MinConfidence: 'high' } } }));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ __type: 'com.amazon.coral.service#SerializationException', Message: 'class java.lang.String can not be converted to an Float' });
  });
});
