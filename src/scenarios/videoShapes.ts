/**
 * Scenario commands for Kinesis Video Streams and Rekognition: their argument
 * shapes (the allow-list) and their runners. AWS operations take AWS's request
 * shapes; simulator controls (cameras, readers, viewers, scene visits) take the
 * engine's config. Conveniences for documents written by hand:
 * video.updateDataRetention reads CurrentVersion itself when it is left out,
 * rekognition.createStreamProcessor may name its streams instead of ARNs, and
 * rekognition.startStreamProcessor may give MaxDurationInSeconds alone.
 */
import { apiModels, type Simulation } from '../engine';
import { arr, int, map, num, obj, oneOfStrings, str, text, type SchemaNode } from './schemaDsl';
import { structureSchema } from './shapeSchema';

const rekognitionOps = apiModels.find((m) => m.cli === 'rekognition')?.operations ?? {};
/** An AWS request as a command's args, from the engine's declared shape (no constraint restated). */
const request = (op: string): SchemaNode => structureSchema(rekognitionOps[op].input, {}, op, `A ${op} request.`);
/**
 * A command that takes either the AWS request (what the CLI console records)
 * or a hand-written convenience form: the request's members and the
 * convenience members side by side, only `Name` required; the runner tells
 * the two apart and the engine checks the request's own rules.
 */
function requestOr(op: string, convenience: Record<string, SchemaNode>): SchemaNode {
  const aws = request(op) as Extract<SchemaNode, { kind: 'object' }>;
  return { ...aws, props: { ...aws.props, ...convenience }, required: ['Name'], description: `A ${op} request, or the simulator's short form that names streams instead of ARNs.` };
}
import type { Json } from './types';

const name = str({ maxLength: 256, pattern: '^[a-zA-Z0-9_.-]+$', patternHint: 'letters, digits, _ . -' });
const shortName = str({ maxLength: 64, pattern: '^[a-zA-Z0-9_.-]+$', patternHint: 'letters, digits, _ . -' });
const tags = map(text(256), 50, 128);

/** The argument shapes of the video and Rekognition commands. */
export const videoArgs: Record<string, SchemaNode> = {
  'video.createStream': obj({ StreamName: name, DeviceName: shortName, MediaType: str({ maxLength: 128 }), KmsKeyId: str({ maxLength: 2048 }), DataRetentionInHours: int(0, 87600), Tags: tags }, ['StreamName']),
  'video.deleteStream': obj({ StreamName: name }, ['StreamName']),
  'video.updateDataRetention': obj(
    { StreamName: name, CurrentVersion: str({ maxLength: 64 }), Operation: oneOfStrings(['INCREASE_DATA_RETENTION', 'DECREASE_DATA_RETENTION']), DataRetentionChangeInHours: int(1, 87600) },
    ['StreamName', 'Operation', 'DataRetentionChangeInHours'],
  ),
  'video.createSignalingChannel': obj({ ChannelName: name, SingleMasterConfiguration: obj({ MessageTtlSeconds: int(5, 120) }) }, ['ChannelName']),
  'video.addCamera': obj(
    { name: shortName, streamName: name, fps: num(1, 240), bitrateKbps: num(1, 1000000), keyframeIntervalFrames: int(1, 100000), resolution: oneOfStrings(['480p', '720p', '1080p', '4K']), tracks: int(1, 16), clockSkewMs: int(-3600000, 3600000), networkLatencyMs: int(0, 60000) },
    ['name', 'streamName'],
  ),
  'video.startCamera': obj({ name: shortName }, ['name']),
  'video.stopCamera': obj({ name: shortName }, ['name']),
  'video.updateCamera': obj(
    { name: shortName, fps: num(1, 240), bitrateKbps: num(1, 1000000), keyframeIntervalFrames: int(1, 100000), resolution: oneOfStrings(['480p', '720p', '1080p', '4K']), tracks: int(1, 16), clockSkewMs: int(-3600000, 3600000), networkLatencyMs: int(0, 60000) },
    ['name'],
  ),
  'video.addGetMediaReader': obj({ name: shortName, streamName: name, StartSelectorType: oneOfStrings(['NOW', 'EARLIEST']) }, ['name', 'streamName']),
  'video.removeGetMediaReader': obj({ name: shortName }, ['name']),
  'video.addHlsViewer': obj({ name: shortName, streamName: name, expiresSeconds: int(300, 43200) }, ['name', 'streamName']),
  'video.removeHlsViewer': obj({ name: shortName }, ['name']),
  'video.addSceneVisit': obj(
    { streamName: name, label: oneOfStrings(['PERSON', 'PET', 'PACKAGE']), who: shortName, startMs: int(0, 7 * 24 * 3600 * 1000, 'Milliseconds after the command.'), durationMs: int(1000, 600000), lane: num(0, 1) },
    ['streamName', 'label', 'durationMs'],
  ),
  'rekognition.createCollection': obj({ CollectionId: shortName }, ['CollectionId']),
  'rekognition.indexFaces': obj({ CollectionId: shortName, ExternalImageId: shortName }, ['CollectionId', 'ExternalImageId']),
  'rekognition.createStreamProcessor': requestOr('CreateStreamProcessor', {
    VideoStreamName: name,
    KinesisStreamName: name,
    CollectionId: shortName,
    FaceMatchThreshold: num(0, 100),
    Labels: arr(oneOfStrings(['PERSON', 'PET', 'PACKAGE', 'ALL']), 4, 1),
    MinConfidence: num(0, 100),
    Bucket: str({ maxLength: 63 }),
    KeyPrefix: str({ maxLength: 256 }),
    SNSTopicArn: str({ maxLength: 1024 }),
  }),
  'rekognition.startStreamProcessor': requestOr('StartStreamProcessor', { MaxDurationInSeconds: int(1, 120) }),
  'rekognition.stopStreamProcessor': obj({ Name: shortName }, ['Name']),
  'rekognition.updateStreamProcessor': request('UpdateStreamProcessor'),
  'rekognition.deleteStreamProcessor': request('DeleteStreamProcessor'),
};

type Runner = (sim: Simulation, args: Record<string, Json>) => unknown;
const S = (x: Json | undefined) => (x === undefined ? undefined : String(x));

/** The runners of the video and Rekognition commands. */
export const videoRunners: Array<[string, Runner]> = [
  ['video.createStream', (sim, a) => sim.video.createStream(a as never)],
  ['video.deleteStream', (sim, a) => sim.video.deleteStream({ StreamARN: sim.video.describeStream({ StreamName: String(a.StreamName) }).StreamInfo.StreamARN })],
  [
    'video.updateDataRetention',
    (sim, a) =>
      sim.video.updateDataRetention({
        StreamName: String(a.StreamName),
        CurrentVersion: S(a.CurrentVersion) ?? sim.video.describeStream({ StreamName: String(a.StreamName) }).StreamInfo.Version,
        Operation: a.Operation as 'INCREASE_DATA_RETENTION',
        DataRetentionChangeInHours: Number(a.DataRetentionChangeInHours),
      }),
  ],
  ['video.createSignalingChannel', (sim, a) => sim.video.createSignalingChannel(a as never)],
  ['video.addCamera', (sim, a) => sim.video.addCamera(a as never)],
  ['video.startCamera', (sim, a) => sim.video.startCamera(String(a.name))],
  ['video.stopCamera', (sim, a) => sim.video.stopCamera(String(a.name))],
  ['video.updateCamera', (sim, a) => {
    const { name: n, ...patch } = a;
    return sim.video.updateCamera(String(n), patch as never);
  }],
  ['video.addGetMediaReader', (sim, a) => sim.video.addGetMediaReader(String(a.name), String(a.streamName), { StartSelectorType: (S(a.StartSelectorType) ?? 'NOW') as 'NOW' })],
  ['video.removeGetMediaReader', (sim, a) => sim.video.removeGetMediaReader(String(a.name))],
  ['video.addHlsViewer', (sim, a) => sim.video.addHlsViewer(String(a.name), String(a.streamName), a.expiresSeconds === undefined ? undefined : Number(a.expiresSeconds))],
  ['video.removeHlsViewer', (sim, a) => sim.video.removeHlsViewer(String(a.name))],
  [
    'video.addSceneVisit',
    (sim, a) => {
      const start = sim.now() + Number(a.startMs ?? 0);
      return sim.video.addSceneVisit(String(a.streamName), { label: a.label as 'PERSON', who: S(a.who), start, end: start + Number(a.durationMs), lane: a.lane === undefined ? undefined : Number(a.lane) });
    },
  ],
  ['rekognition.createCollection', (sim, a) => sim.rekognition.createCollection({ CollectionId: String(a.CollectionId) })],
  ['rekognition.indexFaces', (sim, a) => sim.rekognition.indexFaces({ CollectionId: String(a.CollectionId), Image: { S3Object: { Bucket: 'faces', Name: `${String(a.ExternalImageId)}.jpg` } }, ExternalImageId: String(a.ExternalImageId) })],
  [
    'rekognition.createStreamProcessor',
    (sim, a) => {
      // The AWS request as the console records it.
      if (a.Input !== undefined) return sim.rekognition.createStreamProcessor(a as never);
      const videoArn = sim.video.describeStream({ StreamName: String(a.VideoStreamName) }).StreamInfo.StreamARN;
      const face = a.CollectionId !== undefined;
      const kdsArn = a.KinesisStreamName === undefined ? undefined : sim.kinesis.describeStreamSummary({ StreamName: String(a.KinesisStreamName) }).StreamDescriptionSummary.StreamARN;
      return sim.rekognition.createStreamProcessor({
        Name: String(a.Name),
        Input: { KinesisVideoStream: { Arn: videoArn } },
        Output: face ? { KinesisDataStream: { Arn: kdsArn! } } : { S3Destination: { Bucket: S(a.Bucket), KeyPrefix: S(a.KeyPrefix) } },
        Settings: face
          ? { FaceSearch: { CollectionId: String(a.CollectionId), FaceMatchThreshold: a.FaceMatchThreshold === undefined ? undefined : Number(a.FaceMatchThreshold) } }
          : { ConnectedHome: { Labels: (a.Labels as string[] | undefined) ?? ['ALL'], MinConfidence: a.MinConfidence === undefined ? undefined : Number(a.MinConfidence) } },
        NotificationChannel: a.SNSTopicArn === undefined ? undefined : { SNSTopicArn: String(a.SNSTopicArn) },
        RoleArn: `arn:aws:iam::${sim.core.accountId}:role/rekognition-stream-processor`,
      });
    },
  ],
  [
    'rekognition.startStreamProcessor',
    (sim, a) => {
      const { MaxDurationInSeconds: max, ...request } = a;
      return sim.rekognition.startStreamProcessor((max === undefined ? request : { ...request, StopSelector: { MaxDurationInSeconds: Number(max) } }) as never);
    },
  ],
  ['rekognition.stopStreamProcessor', (sim, a) => sim.rekognition.stopStreamProcessor({ Name: String(a.Name) })],
  ['rekognition.updateStreamProcessor', (sim, a) => sim.rekognition.updateStreamProcessor(a as never)],
  ['rekognition.deleteStreamProcessor', (sim, a) => sim.rekognition.deleteStreamProcessor({ Name: String(a.Name) })],
];
