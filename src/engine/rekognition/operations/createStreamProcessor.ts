/**
 * CreateStreamProcessor: a processor over one Kinesis video stream, either
 * face search (Settings.FaceSearch, output to a Kinesis data stream) or
 * connected-home label detection (Settings.ConnectedHome: PERSON, PET,
 * PACKAGE or ALL; output to S3 plus an SNS topic). An input video stream or an
 * output data stream cannot be shared between processors [BC-REK; REK-DG23 limits].
 */
import { AwsError, resourceInUse, ValidationErrors } from '../../core/errors';
import type { RekognitionContext } from '../context';
import type { ProcessorSettings, RegionOfInterest } from '../types';

export interface CreateStreamProcessorInput {
  Name: string;
  Input: { KinesisVideoStream: { Arn: string } };
  Output: { KinesisDataStream?: { Arn: string }; S3Destination?: { Bucket?: string; KeyPrefix?: string } };
  Settings: ProcessorSettings;
  RoleArn: string;
  Tags?: Record<string, string>;
  NotificationChannel?: { SNSTopicArn: string };
  KmsKeyId?: string;
  RegionsOfInterest?: RegionOfInterest[];
  DataSharingPreference?: { OptIn: boolean };
}

const NAME = /^[a-zA-Z0-9_.-]+$/;
const LABELS = ['PERSON', 'PET', 'PACKAGE', 'ALL'];

export function createStreamProcessor(ctx: RekognitionContext, input: CreateStreamProcessorInput): { StreamProcessorArn: string } {
  const v = new ValidationErrors();
  if (typeof input.Name !== 'string' || input.Name.length < 1 || input.Name.length > 128 || !NAME.test(input.Name)) v.add(input.Name, 'name', 'satisfy regular expression pattern: [a-zA-Z0-9_.\\-]+');
  if (input.Input?.KinesisVideoStream?.Arn === undefined) v.add(undefined, 'input.kinesisVideoStream.arn', 'not be null');
  if (typeof input.RoleArn !== 'string') v.add(input.RoleArn, 'roleArn', 'not be null');
  if (input.Settings === undefined) v.add(undefined, 'settings', 'not be null');
  v.throwIfAny();
  const fs = input.Settings.FaceSearch;
  const ch = input.Settings.ConnectedHome;
  if ((fs === undefined) === (ch === undefined)) throw new AwsError('InvalidParameterException', 'Settings must have exactly one of FaceSearch or ConnectedHome.');
  if (fs !== undefined) {
    if (input.Output?.KinesisDataStream?.Arn === undefined) throw new AwsError('InvalidParameterException', 'A face search stream processor needs Output.KinesisDataStream.');
    if (fs.CollectionId === undefined || !ctx.collections.has(fs.CollectionId)) throw new AwsError('ResourceNotFoundException', `The collection id: ${fs.CollectionId ?? ''} does not exist`);
    if (fs.FaceMatchThreshold !== undefined && (fs.FaceMatchThreshold < 0 || fs.FaceMatchThreshold > 100)) throw new AwsError('InvalidParameterException', 'FaceMatchThreshold must be between 0 and 100.');
    // "This is an optional parameter for label detection stream processors and should not be used to create a face search stream processor" [BC-REK].
    if (input.RegionsOfInterest !== undefined && input.RegionsOfInterest.length > 0) throw new AwsError('InvalidParameterException', 'RegionsOfInterest apply only to label detection (ConnectedHome) stream processors.');
  }
  if (ch !== undefined) {
    if (!Array.isArray(ch.Labels) || ch.Labels.length < 1 || ch.Labels.some((l) => !LABELS.includes(l))) throw new AwsError('InvalidParameterException', 'ConnectedHome.Labels must list PERSON, PET, PACKAGE or ALL.');
    if (input.Output?.S3Destination?.Bucket === undefined) throw new AwsError('InvalidParameterException', 'A connected-home stream processor needs Output.S3Destination.');
    if (input.NotificationChannel?.SNSTopicArn === undefined) throw new AwsError('InvalidParameterException', 'A connected-home stream processor needs NotificationChannel.SNSTopicArn.');
  }
  if (ctx.processors.has(input.Name)) throw resourceInUse(`Stream processor ${input.Name} already exists.`);
  const videoArn = input.Input.KinesisVideoStream.Arn;
  const stream = [...ctx.video.streams.values()].find((s) => s.arn === videoArn && !s.deleted);
  if (stream === undefined) throw new AwsError('InvalidParameterException', `The Kinesis video stream ${videoArn} was not found.`);
  for (const p of ctx.processors.values()) {
    if (p.inputStreamArn === videoArn) throw resourceInUse(`The Kinesis video stream is already used by stream processor ${p.name}.`);
    const out = input.Output.KinesisDataStream?.Arn;
    if (out !== undefined && p.output.KinesisDataStream?.Arn === out) throw resourceInUse(`The Kinesis data stream is already used by stream processor ${p.name}.`);
  }
  const now = ctx.core.now();
  const arn = ctx.core.arn('rekognition', `streamprocessor/${input.Name}`);
  ctx.processors.set(input.Name, {
    name: input.Name,
    arn,
    status: 'STOPPED',
    createdAt: now,
    updatedAt: now,
    inputStreamArn: videoArn,
    inputStreamName: stream.name,
    output: input.Output,
    roleArn: input.RoleArn,
    settings: input.Settings,
    notificationTopicArn: input.NotificationChannel?.SNSTopicArn,
    kmsKeyId: input.KmsKeyId,
    ...(input.RegionsOfInterest !== undefined && input.RegionsOfInterest.length > 0 ? { regionsOfInterest: input.RegionsOfInterest } : {}),
    ...(input.DataSharingPreference !== undefined ? { dataSharingOptIn: input.DataSharingPreference.OptIn } : {}),
    tags: input.Tags ?? {},
    runs: [],
    analysedUntil: now,
    counters: { detectionFrames: 0, recordsWritten: 0, recordsFailed: 0, notifications: 0, faceMatches: 0 },
    epoch: 0,
    visitToken: 0,
  });
  return { StreamProcessorArn: arn };
}
