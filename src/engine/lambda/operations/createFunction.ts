/**
 * CreateFunction: registers a function under its name; its ARN is
 * arn:aws:lambda:<region>:<account>:function:<FunctionName> [BC-L CreateFunction].
 * The simulator takes the handler itself instead of a deployment package.
 */
import { AwsError, ValidationErrors } from '../../core/errors';
import { createRandom } from '../../core/random';
import { DEFAULT_DURATION_MS, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS } from '../constants';
import { functionArnOf, type LambdaServiceContext } from '../context';
import { LambdaMetricSeries } from '../metrics';
import type { CreateFunctionInput, FunctionConfiguration } from '../types';
import { checkConfiguration, checkFunctionName, checkKnobs } from '../validation';
import { toConfiguration } from './getFunction';

export function createFunction(ctx: LambdaServiceContext, input: CreateFunctionInput): FunctionConfiguration {
  const v = new ValidationErrors();
  checkFunctionName(v, input.FunctionName);
  checkConfiguration(v, input);
  v.throwIfAny();
  checkKnobs(input, true);
  const name = input.FunctionName;
  if (ctx.functions.has(name)) {
    // Lambda's wording for a duplicate name.
    throw new AwsError('ResourceConflictException', `Function already exist: ${name}`, 409);
  }
  const fn = {
    name,
    arn: functionArnOf(ctx, name),
    handler: input.handler,
    durationMs: input.durationMs ?? DEFAULT_DURATION_MS,
    errorRate: input.errorRate ?? 0,
    timeoutSeconds: input.Timeout ?? DEFAULT_TIMEOUT_SECONDS,
    memorySize: input.MemorySize ?? DEFAULT_MEMORY_MB,
    reservedConcurrency: input.ReservedConcurrentExecutions,
    description: input.Description ?? '',
    runtime: input.Runtime ?? 'nodejs20.x',
    lastModified: ctx.core.now(),
    running: 0,
    // Seeded from the simulation seed and the name (not forked from core.random), so a
    // function fails the same invocations whatever other services drew before it was created.
    random: createRandom(`${ctx.core.seed}|lambda:${name}`),
  };
  ctx.functions.set(name, fn);
  ctx.metrics.set(name, new LambdaMetricSeries());
  return toConfiguration(fn);
}
