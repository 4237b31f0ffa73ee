/** DeleteSignalingChannel: by ChannelARN, with an optional CurrentVersion that must match [BC-KV]. */
import { checkVersion, type VideoContext } from '../context';
import { resolveChannel } from '../channelModel';
import { VERSION_PATTERN, VideoValidation } from '../validation';

export function deleteSignalingChannel(ctx: VideoContext, input: { ChannelARN: string; CurrentVersion?: string }): Record<string, never> {
  const v = new VideoValidation();
  v.str(input.ChannelARN, 'channelARN', 1, 1024, undefined, true);
  v.str(input.CurrentVersion, 'currentVersion', 1, 64, VERSION_PATTERN);
  v.throwIfAny();
  const c = resolveChannel(ctx, { ChannelARN: input.ChannelARN });
  checkVersion(c, input.CurrentVersion, 'channel');
  c.status = 'DELETING';
  c.deleted = true;
  c.master = null;
  c.viewers = [];
  return {};
}
