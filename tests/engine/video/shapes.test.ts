import { describe, expect, it } from 'vitest';
import { apiModels } from '../../../src/engine';
import { videoOperations } from '../../../src/engine/video/operations';
import { videoShapes, videoMediaShapes, videoArchivedMediaShapes } from '../../../src/engine/video/operations/shapes';
import { rekognitionOperations } from '../../../src/engine/rekognition/rekognitionService';
import { rekognitionShapes } from '../../../src/engine/rekognition/operations/shapes';
import { validateShape } from '../../../src/engine/core/validateShape';

function errorOf(f: () => void): { type: string; message: string } | undefined {
  try {
    f();
  } catch (e) {
    return { type: (e as { type: string }).type, message: (e as Error).message };
  }
  return undefined;
}

describe('video and Rekognition shapes', () => {
  it('lists every served video operation under its CLI name once, and every Rekognition one', () => {
    const ops = (cli: string) => Object.keys(apiModels.find((m) => m.cli === cli)?.operations ?? {});
    expect(ops('kinesis-video-media')).toEqual(['GetMedia']);
    expect(ops('kinesis-video-archived-media')).toEqual(['ListFragments', 'GetMediaForFragmentList', 'GetHLSStreamingSessionURL', 'GetDASHStreamingSessionURL', 'GetClip', 'GetImages']);
    expect([...ops('kinesisvideo'), ...ops('kinesis-video-media'), ...ops('kinesis-video-archived-media')].sort()).toEqual(Object.keys(videoOperations).sort());
    expect(ops('rekognition').sort()).toEqual(Object.keys(rekognitionOperations).sort());
    expect(apiModels.filter((m) => m.cli.startsWith('kinesis-video') || m.cli === 'kinesisvideo').map((m) => m.protocol)).toEqual(['rest-json', 'rest-json', 'rest-json']);
  });

  it('accepts the requests the SDK tests send', () => {
    expect(errorOf(() => validateShape(videoShapes.CreateStream.input, { StreamName: 'door', DataRetentionInHours: 24, Tags: { room: 'hall' } }))).toBeUndefined();
    expect(errorOf(() => validateShape(videoShapes.UpdateDataRetention.input, { StreamName: 'door', CurrentVersion: 'abc1', Operation: 'DECREASE_DATA_RETENTION', DataRetentionChangeInHours: 23 }))).toBeUndefined();
    expect(errorOf(() => validateShape(videoMediaShapes.GetMedia.input, { StreamName: 'door', StartSelector: { StartSelectorType: 'FRAGMENT_NUMBER', AfterFragmentNumber: '91343852333181432392682062600000000000000000' } }))).toBeUndefined();
    expect(errorOf(() => validateShape(videoArchivedMediaShapes.GetHLSStreamingSessionURL.input, { StreamName: 'door', PlaybackMode: 'LIVE', Expires: 43200 }))).toBeUndefined();
    const processor = {
      Name: 'faces-1',
      Input: { KinesisVideoStream: { Arn: 'arn:aws:kinesisvideo:us-east-1:123456789012:stream/door/1767225600000' } },
      Output: { KinesisDataStream: { Arn: 'arn:aws:kinesis:us-east-1:123456789012:stream/faces' } },
      Settings: { FaceSearch: { CollectionId: 'residents' } },
      RoleArn: 'arn:aws:iam::123456789012:role/rek',
    };
    expect(errorOf(() => validateShape(rekognitionShapes.CreateStreamProcessor.input, processor))).toBeUndefined();
  });

  it('refuses what the model refuses, with AWS validation messages in member order', () => {
    expect(errorOf(() => validateShape(videoShapes.CreateStream.input, { StreamName: 'front door', DataRetentionInHours: -1 }))).toEqual({
      type: 'ValidationException',
      message: MESSAGE_CREATE,
    });
    expect(errorOf(() => validateShape(videoArchivedMediaShapes.GetHLSStreamingSessionURL.input, { StreamName: 'door', PlaybackMode: 'REPLAY', Expires: 100 }))).toEqual({
      type: 'ValidationException',
      message: MESSAGE_HLS,
    });
    expect(errorOf(() => validateShape(rekognitionShapes.StartStreamProcessor.input, { Name: 'p', StopSelector: { MaxDurationInSeconds: 121 } }))).toEqual({
      type: 'ValidationException',
      message: MESSAGE_START,
    });
  });
});

const MESSAGE_CREATE =
  "2 validation errors detected: Value 'front door' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value '-1' at 'dataRetentionInHours' failed to satisfy constraint: Member must have value greater than or equal to 0";
const MESSAGE_HLS =
  "2 validation errors detected: Value 'REPLAY' at 'playbackMode' failed to satisfy constraint: Member must satisfy enum value set: [LIVE, LIVE_REPLAY, ON_DEMAND]; Value '100' at 'expires' failed to satisfy constraint: Member must have value greater than or equal to 300";
const MESSAGE_START = "1 validation error detected: Value '121' at 'stopSelector.maxDurationInSeconds' failed to satisfy constraint: Member must have value less than or equal to 120";
