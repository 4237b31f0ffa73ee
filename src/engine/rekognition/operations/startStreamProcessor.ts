/**
 * StartStreamProcessor: STARTING, then RUNNING. A connected-home processor
 * runs one session: from StartSelector.KVSStreamStartSelector (a producer
 * timestamp or fragment number; default now) for StopSelector.MaxDurationInSeconds
 * (1..120), then stops by itself [BC-REK StartStreamProcessor].
 */
import { AwsError, resourceInUse } from '../../core/errors';
import type { RekognitionContext } from '../context';
import { requireProcessor } from './requireProcessor';

export interface StartStreamProcessorInput {
  Name: string;
  StartSelector?: { KVSStreamStartSelector?: { ProducerTimestamp?: number; FragmentNumber?: string } };
  StopSelector?: { MaxDurationInSeconds?: number };
}

/** Connected-home sessions last at most 120 s [BC-REK StopSelector]. */
export const MAX_SESSION_SECONDS = 120;

export function startStreamProcessor(ctx: RekognitionContext, input: StartStreamProcessorInput): { SessionId: string } {
  const p = requireProcessor(ctx, input.Name);
  if (p.status !== 'STOPPED' && p.status !== 'FAILED') throw resourceInUse(`Stream processor ${p.name} is ${p.status}.`);
  const home = p.settings.ConnectedHome !== undefined;
  if (!home && (input.StartSelector !== undefined || input.StopSelector !== undefined)) {
    throw new AwsError('InvalidParameterException', 'StartSelector and StopSelector apply only to connected-home (label detection) stream processors.');
  }
  const max = input.StopSelector?.MaxDurationInSeconds;
  if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > MAX_SESSION_SECONDS)) {
    throw new AwsError('InvalidParameterException', `MaxDurationInSeconds must be between 1 and ${MAX_SESSION_SECONDS}.`);
  }
  const now = ctx.core.now();
  const sessionId = ctx.core.random.string(32, '0123456789abcdef').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
  p.status = 'STARTING';
  p.updatedAt = now;
  p.epoch++;
  const startAt = input.StartSelector?.KVSStreamStartSelector?.ProducerTimestamp ?? now;
  if (home) p.session = { id: sessionId, start: startAt, end: startAt + (max ?? MAX_SESSION_SECONDS) * 1000, seen: [], counts: {} };
  ctx.core.events.emit({ type: 'streamProcessorStatus', time: now, processor: p.name, status: 'STARTING' });
  ctx.core.scheduleEvent(1000, 'rekognition.running', { processor: p.name, epoch: p.epoch, session: sessionId });
  return { SessionId: sessionId };
}
