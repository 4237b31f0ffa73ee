/** ListSignalingChannels: ChannelInfoList, optionally by name prefix (BEGINS_WITH), MaxResults 1..10,000 [BC-KV]. */
import type { VideoContext } from '../context';
import { channelInfo } from '../channelModel';
import { decodePageToken, encodePageToken } from '../pageToken';
import { VideoValidation } from '../validation';

export function listSignalingChannels(
  ctx: VideoContext,
  input: { MaxResults?: number; NextToken?: string; ChannelNameCondition?: { ComparisonOperator?: 'BEGINS_WITH'; ComparisonValue?: string } },
) {
  const v = new VideoValidation();
  v.int(input.MaxResults, 'maxResults', 1, 10000);
  v.oneOf(input.ChannelNameCondition?.ComparisonOperator, 'channelNameCondition.comparisonOperator', ['BEGINS_WITH']);
  v.throwIfAny();
  const prefix = input.ChannelNameCondition?.ComparisonValue ?? '';
  const all = [...ctx.channels.values()].filter((c) => !c.deleted && c.name.startsWith(prefix));
  const start = input.NextToken === undefined ? 0 : decodePageToken(input.NextToken);
  const max = input.MaxResults ?? 10000;
  const out: { ChannelInfoList: ReturnType<typeof channelInfo>[]; NextToken?: string } = { ChannelInfoList: all.slice(start, start + max).map(channelInfo) };
  if (start + max < all.length) out.NextToken = encodePageToken(start + max);
  return out;
}
