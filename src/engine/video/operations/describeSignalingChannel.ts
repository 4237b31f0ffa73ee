/** DescribeSignalingChannel: ChannelInfo by ChannelName or ChannelARN [BC-KV]. */
import type { VideoContext } from '../context';
import { channelInfo, resolveChannel } from '../channelModel';

export function describeSignalingChannel(ctx: VideoContext, input: { ChannelName?: string; ChannelARN?: string }) {
  return { ChannelInfo: channelInfo(resolveChannel(ctx, input)) };
}
