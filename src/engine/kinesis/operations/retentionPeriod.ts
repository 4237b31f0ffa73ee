/**
 * What IncreaseStreamRetentionPeriod and DecreaseStreamRetentionPeriod share:
 * the 24..8760 hour bounds (168 h before 2020-11) with the messages AWS gives
 * [BC-K; KDS-DG22 kinesis-extended-retention; kinesalite], and the change itself.
 */
import { invalidArgument, ValidationErrors } from '../../core/errors';
import { findActiveStream, type KinesisContext } from '../context';
import { checkInt, checkStreamRef } from '../validation';
import { MAX_RETENTION_HOURS, MIN_RETENTION_HOURS } from '../constants';
import type { StreamState } from '../streamModel';
import type { RetentionInput } from '../types';

/** Validates the request and the bounds; returns the ACTIVE stream it names. */
export function checkRetentionRequest(ctx: KinesisContext, input: RetentionInput): StreamState {
  const v = new ValidationErrors();
  checkStreamRef(v, input);
  checkInt(v, input.RetentionPeriodHours, 'retentionPeriodHours', 1, 2147483647, true);
  v.throwIfAny();
  const s = findActiveStream(ctx, input);
  const hours = input.RetentionPeriodHours;
  if (hours < MIN_RETENTION_HOURS) {
    throw invalidArgument(`Minimum allowed retention period is ${MIN_RETENTION_HOURS} hours. Requested retention period (${hours} hours) is too short.`);
  }
  if (hours > MAX_RETENTION_HOURS) {
    throw invalidArgument(`Maximum allowed retention period is ${MAX_RETENTION_HOURS} hours. Requested retention period (${hours} hours) is too long.`);
  }
  return s;
}

/** Sets the stream's retention and says so in the event log. */
export function setRetention(ctx: KinesisContext, s: StreamState, hours: number): void {
  s.retentionHours = hours;
  ctx.core.events.emit({ type: 'retentionChanged', time: ctx.core.now(), stream: s.name, hours });
}
