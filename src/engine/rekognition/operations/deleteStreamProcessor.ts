/** DeleteStreamProcessor: only a processor that is not running (ResourceInUseException otherwise) [BC-REK]. */
import { resourceInUse } from '../../core/errors';
import type { RekognitionContext } from '../context';
import { requireProcessor } from './requireProcessor';

export function deleteStreamProcessor(ctx: RekognitionContext, input: { Name: string }): Record<string, never> {
  const p = requireProcessor(ctx, input.Name);
  if (p.status === 'RUNNING' || p.status === 'STARTING' || p.status === 'STOPPING') throw resourceInUse(`Stream processor ${p.name} is ${p.status}; stop it before deleting it.`);
  ctx.processors.delete(p.name);
  return {};
}
