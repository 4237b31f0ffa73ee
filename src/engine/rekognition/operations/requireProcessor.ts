/** The stream processor a request names, or ResourceNotFoundException. */
import { resourceNotFound } from '../../core/errors';
import type { RekognitionContext } from '../context';
import type { ProcessorState } from '../types';

export function requireProcessor(ctx: RekognitionContext, name: string): ProcessorState {
  const p = ctx.processors.get(name);
  if (p === undefined) throw resourceNotFound(`Stream processor ${name} not found.`);
  return p;
}
