/** StopStreamProcessor: STOPPING, then STOPPED (a connected-home session ends with its summary) [BC-REK]. */
import { resourceInUse } from '../../core/errors';
import type { RekognitionContext } from '../context';
import { requireProcessor } from './requireProcessor';

export function stopStreamProcessor(ctx: RekognitionContext, input: { Name: string }): Record<string, never> {
  const p = requireProcessor(ctx, input.Name);
  if (p.status !== 'RUNNING' && p.status !== 'STARTING') throw resourceInUse(`Stream processor ${p.name} is ${p.status}, not RUNNING.`);
  p.status = 'STOPPING';
  p.updatedAt = ctx.core.now();
  ctx.core.events.emit({ type: 'streamProcessorStatus', time: ctx.core.now(), processor: p.name, status: 'STOPPING' });
  ctx.core.scheduleEvent(1000, 'rekognition.stopped', { processor: p.name, epoch: p.epoch });
  return {};
}
