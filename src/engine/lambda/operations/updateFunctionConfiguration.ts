/**
 * UpdateFunctionConfiguration: changes Timeout, MemorySize, the reserved
 * concurrency, or the simulator's knobs (durationMs, errorRate, handler)
 * [BC-L UpdateFunctionConfiguration]. Running invocations keep the values
 * they started with.
 */
import { ValidationErrors } from '../../core/errors';
import { requireFunction, type LambdaServiceContext } from '../context';
import type { FunctionConfiguration, UpdateFunctionConfigurationInput } from '../types';
import { checkConfiguration, checkKnobs } from '../validation';
import { toConfiguration } from './getFunction';

export function updateFunctionConfiguration(ctx: LambdaServiceContext, input: UpdateFunctionConfigurationInput): FunctionConfiguration {
  const fn = requireFunction(ctx, input.FunctionName);
  const v = new ValidationErrors();
  checkConfiguration(v, input);
  v.throwIfAny();
  checkKnobs(input, false);
  if (input.handler !== undefined) fn.handler = input.handler;
  if (input.durationMs !== undefined) fn.durationMs = input.durationMs;
  if (input.errorRate !== undefined) fn.errorRate = input.errorRate;
  if (input.Timeout !== undefined) fn.timeoutSeconds = input.Timeout;
  if (input.MemorySize !== undefined) fn.memorySize = input.MemorySize;
  if (input.ReservedConcurrentExecutions !== undefined) fn.reservedConcurrency = input.ReservedConcurrentExecutions;
  if (input.Description !== undefined) fn.description = input.Description;
  fn.lastModified = ctx.core.now();
  return toConfiguration(fn);
}
