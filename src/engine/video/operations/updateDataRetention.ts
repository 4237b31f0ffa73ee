/**
 * UpdateDataRetention: INCREASE_DATA_RETENTION or DECREASE_DATA_RETENTION by
 * DataRetentionChangeInHours (>= 1), with CurrentVersion; the result must stay
 * in 0..87,600 hours. An increase keeps existing data longer; a decrease deletes
 * data older than the new period at once [BC-KV UpdateDataRetention].
 */
import { invalidArgument } from '../../core/errors';
import { MAX_RETENTION_HOURS } from '../constants';
import { checkVersion, newVersion, requireActive, resolveStream, type VideoContext } from '../context';
import { catchUpStream } from '../ingest';
import { expireStream } from '../storage';
import { VERSION_PATTERN, VideoValidation } from '../validation';

export interface UpdateDataRetentionInput {
  StreamName?: string;
  StreamARN?: string;
  CurrentVersion: string;
  Operation: 'INCREASE_DATA_RETENTION' | 'DECREASE_DATA_RETENTION';
  DataRetentionChangeInHours: number;
}

export function updateDataRetention(ctx: VideoContext, input: UpdateDataRetentionInput): Record<string, never> {
  const v = new VideoValidation();
  v.str(input.CurrentVersion, 'currentVersion', 1, 64, VERSION_PATTERN, true);
  v.oneOf(input.Operation, 'operation', ['INCREASE_DATA_RETENTION', 'DECREASE_DATA_RETENTION'], true);
  v.int(input.DataRetentionChangeInHours, 'dataRetentionChangeInHours', 1, 2147483647, true);
  v.throwIfAny();
  const s = resolveStream(ctx, input);
  requireActive(s);
  checkVersion(s, input.CurrentVersion);
  const delta = input.Operation === 'INCREASE_DATA_RETENTION' ? input.DataRetentionChangeInHours : -input.DataRetentionChangeInHours;
  const hours = s.retentionHours + delta;
  if (hours < 0 || hours > MAX_RETENTION_HOURS) {
    throw invalidArgument(`The resulting data retention of ${hours} hours for stream ${s.name} must be between 0 and ${MAX_RETENTION_HOURS} hours.`);
  }
  const now = ctx.core.now();
  catchUpStream(ctx, s, now);
  s.retentionHours = hours;
  // A decrease deletes what the new period no longer covers right away.
  if (delta < 0) expireStream(s, now, now);
  s.version = newVersion(ctx);
  ctx.core.events.emit({ type: 'videoRetentionChanged', time: now, stream: s.name, hours });
  return {};
}
