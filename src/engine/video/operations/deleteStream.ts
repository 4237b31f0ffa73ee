/**
 * DeleteStream: DELETING, then gone with its data; an open PutMedia connection
 * ends (ack 4008, stream deleted); CurrentVersion, when given, must match [BC-KV DeleteStream; PutMedia].
 */
import { checkVersion, resolveStream, type VideoContext } from '../context';
import { closeSession } from '../putMediaSession';
import { catchUpStream } from '../ingest';
import { VERSION_PATTERN, VideoValidation } from '../validation';

export function deleteStream(ctx: VideoContext, input: { StreamARN: string; CurrentVersion?: string }): Record<string, never> {
  const v = new VideoValidation();
  v.str(input.StreamARN, 'streamARN', 1, 1024, undefined, true);
  v.str(input.CurrentVersion, 'currentVersion', 1, 64, VERSION_PATTERN);
  v.throwIfAny();
  const s = resolveStream(ctx, { StreamARN: input.StreamARN });
  checkVersion(s, input.CurrentVersion);
  catchUpStream(ctx, s, ctx.core.now());
  closeSession(ctx, s, 'STREAM_DELETED');
  s.status = 'DELETING';
  ctx.core.events.emit({ type: 'videoStreamStatus', time: ctx.core.now(), stream: s.name, status: 'DELETING' });
  ctx.core.scheduleEvent(1000, 'video.streamDeleted', { stream: s.name, arn: s.arn });
  return {};
}
