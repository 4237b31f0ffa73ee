/**
 * CreateSignalingChannel: a SINGLE_MASTER channel (CREATING, then ACTIVE),
 * MessageTtlSeconds 5..120 (default 60), tags as a list; 10,000 channels per
 * account in us-east-1/us-west-2, 5,000 elsewhere [BC-KV; WebRTC limits].
 */
import { AwsError, resourceInUse } from '../../core/errors';
import { channelQuota, MAX_TAGS, MESSAGE_TTL_DEFAULT, MESSAGE_TTL_RANGE } from '../constants';
import { newVersion, type VideoContext } from '../context';
import { NAME_PATTERN, VideoValidation } from '../validation';

export interface CreateSignalingChannelInput {
  ChannelName: string;
  ChannelType?: 'SINGLE_MASTER' | 'FULL_MESH';
  SingleMasterConfiguration?: { MessageTtlSeconds?: number };
  Tags?: Array<{ Key: string; Value: string }>;
}

export function createSignalingChannel(ctx: VideoContext, input: CreateSignalingChannelInput): { ChannelARN: string } {
  const v = new VideoValidation();
  v.str(input.ChannelName, 'channelName', 1, 256, NAME_PATTERN, true);
  v.oneOf(input.ChannelType, 'channelType', ['SINGLE_MASTER', 'FULL_MESH']);
  v.int(input.SingleMasterConfiguration?.MessageTtlSeconds, 'singleMasterConfiguration.messageTtlSeconds', MESSAGE_TTL_RANGE[0], MESSAGE_TTL_RANGE[1]);
  v.throwIfAny();
  if ((input.Tags?.length ?? 0) > MAX_TAGS) throw new AwsError('TagsPerResourceExceededLimitException', `The channel can have at most ${MAX_TAGS} tags.`);
  const existing = ctx.channels.get(input.ChannelName);
  if (existing !== undefined && !existing.deleted) throw resourceInUse(`The signaling channel ${input.ChannelName} already exists.`);
  let live = 0;
  for (const c of ctx.channels.values()) if (!c.deleted) live++;
  if (live >= channelQuota(ctx.core.region)) throw new AwsError('AccountChannelLimitExceededException', `The account ${ctx.core.accountId} has reached its signaling channel quota.`);
  const now = ctx.core.now();
  const arn = ctx.core.arn('kinesisvideo', `channel/${input.ChannelName}/${now}`);
  ctx.channels.set(input.ChannelName, {
    name: input.ChannelName,
    arn,
    type: input.ChannelType ?? 'SINGLE_MASTER',
    status: 'CREATING',
    creationTime: now,
    version: newVersion(ctx),
    messageTtlSeconds: input.SingleMasterConfiguration?.MessageTtlSeconds ?? MESSAGE_TTL_DEFAULT,
    tags: Object.fromEntries((input.Tags ?? []).map((t) => [t.Key, t.Value])),
    master: null,
    viewers: [],
    deleted: false,
  });
  ctx.core.scheduleEvent(1000, 'video.channelActive', { channel: input.ChannelName, arn });
  return { ChannelARN: arn };
}
