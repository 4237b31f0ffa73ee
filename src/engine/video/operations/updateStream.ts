/**
 * UpdateStream: a new DeviceName or MediaType; needs CurrentVersion (a stale
 * one gives VersionMismatchException); the stream is UPDATING, then ACTIVE
 * with a new Version [BC-KV UpdateStream].
 */
import { checkVersion, newVersion, requireActive, resolveStream, type VideoContext } from '../context';
import { MEDIA_TYPE_PATTERN, NAME_PATTERN, VERSION_PATTERN, VideoValidation } from '../validation';

export interface UpdateStreamInput {
  StreamName?: string;
  StreamARN?: string;
  CurrentVersion: string;
  DeviceName?: string;
  MediaType?: string;
}

export function updateStream(ctx: VideoContext, input: UpdateStreamInput): Record<string, never> {
  const v = new VideoValidation();
  v.str(input.CurrentVersion, 'currentVersion', 1, 64, VERSION_PATTERN, true);
  v.str(input.DeviceName, 'deviceName', 1, 128, NAME_PATTERN);
  v.str(input.MediaType, 'mediaType', 1, 128, MEDIA_TYPE_PATTERN);
  v.throwIfAny();
  const s = resolveStream(ctx, input);
  requireActive(s);
  checkVersion(s, input.CurrentVersion);
  if (input.DeviceName !== undefined) s.deviceName = input.DeviceName;
  if (input.MediaType !== undefined) s.mediaType = input.MediaType;
  s.version = newVersion(ctx);
  s.status = 'UPDATING';
  ctx.core.events.emit({ type: 'videoStreamStatus', time: ctx.core.now(), stream: s.name, status: 'UPDATING' });
  ctx.core.scheduleEvent(1000, 'video.streamActive', { stream: s.name, arn: s.arn });
  return {};
}
