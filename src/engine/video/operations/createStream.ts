/**
 * CreateStream: a new stream, CREATING then ACTIVE; KMS encryption is always
 * on (the AWS-managed aws/kinesisvideo key when none is named); retention 0
 * (the default: nothing persisted) or 1..87,600 hours; at most 10,000 streams
 * per account [BC-KV CreateStream; KVS limits].
 */
import { AwsError, resourceInUse } from '../../core/errors';
import { DEFAULT_KMS_KEY_ALIAS, MAX_RETENTION_HOURS, MAX_TAGS } from '../constants';
import type { VideoContext } from '../context';
import { newStreamState } from '../streamModel';
import { VideoValidation, checkTags, MEDIA_TYPE_PATTERN, NAME_PATTERN } from '../validation';

/** CreateStream's request [BC-KV CreateStreamInput]. */
export interface CreateStreamInput {
  StreamName: string;
  DeviceName?: string;
  MediaType?: string;
  KmsKeyId?: string;
  DataRetentionInHours?: number;
  Tags?: Record<string, string>;
  StreamStorageConfiguration?: { DefaultStorageTier: 'HOT' | 'WARM' };
}

export function createStream(ctx: VideoContext, input: CreateStreamInput): { StreamARN: string } {
  const v = new VideoValidation();
  v.str(input.StreamName, 'streamName', 1, 256, NAME_PATTERN, true);
  v.str(input.DeviceName, 'deviceName', 1, 128, NAME_PATTERN);
  v.str(input.MediaType, 'mediaType', 1, 128, MEDIA_TYPE_PATTERN);
  v.str(input.KmsKeyId, 'kmsKeyId', 1, 2048);
  v.int(input.DataRetentionInHours, 'dataRetentionInHours', 0, MAX_RETENTION_HOURS);
  v.oneOf(input.StreamStorageConfiguration?.DefaultStorageTier, 'streamStorageConfiguration.defaultStorageTier', ['HOT', 'WARM'], input.StreamStorageConfiguration !== undefined);
  checkTags(v, input.Tags, 'tags');
  v.throwIfAny();
  if (input.Tags !== undefined && Object.keys(input.Tags).length > MAX_TAGS) {
    throw new AwsError('TagsPerResourceExceededLimitException', `The stream can have at most ${MAX_TAGS} tags.`);
  }
  const existing = ctx.streams.get(input.StreamName);
  if (existing !== undefined && !existing.deleted) throw resourceInUse(`The stream ${input.StreamName} already exists.`);
  let live = 0;
  for (const s of ctx.streams.values()) if (!s.deleted) live++;
  if (live >= ctx.accountStreamQuota) {
    throw new AwsError('AccountStreamLimitExceededException', `The account ${ctx.core.accountId} already has ${live} streams, the most allowed (${ctx.accountStreamQuota}).`);
  }
  const s = newStreamState(ctx, {
    name: input.StreamName,
    deviceName: input.DeviceName,
    mediaType: input.MediaType,
    kmsKeyId: input.KmsKeyId ?? ctx.core.arn('kms', `alias/${DEFAULT_KMS_KEY_ALIAS}`),
    retentionHours: input.DataRetentionInHours ?? 0,
    tags: input.Tags ?? {},
    storageTier: input.StreamStorageConfiguration?.DefaultStorageTier ?? 'HOT',
  });
  ctx.streams.set(s.name, s);
  ctx.core.events.emit({ type: 'videoStreamStatus', time: ctx.core.now(), stream: s.name, status: 'CREATING' });
  ctx.core.scheduleEvent(1000, 'video.streamActive', { stream: s.name, arn: s.arn });
  return { StreamARN: s.arn };
}
