/**
 * GetFunction: the function's configuration [BC-L GetFunction]. The
 * simulator has no code package, so `Code` only names where it would be.
 */
import type { LambdaServiceContext } from '../context';
import { requireFunction } from '../context';
import type { FunctionConfiguration, LambdaFunction } from '../types';

export interface GetFunctionOutput {
  Configuration: FunctionConfiguration;
  Code: { RepositoryType: 'S3'; Location: string };
}

export function getFunction(ctx: LambdaServiceContext, input: { FunctionName: string }): GetFunctionOutput {
  const fn = requireFunction(ctx, input.FunctionName);
  return { Configuration: toConfiguration(fn), Code: { RepositoryType: 'S3', Location: `simulated://lambda/${fn.name}` } };
}

/** The AWS-shaped view of a function (plus the simulator's knobs). */
export function toConfiguration(fn: LambdaFunction): FunctionConfiguration {
  const c: FunctionConfiguration = {
    FunctionName: fn.name,
    FunctionArn: fn.arn,
    Runtime: fn.runtime,
    Handler: 'index.handler',
    Timeout: fn.timeoutSeconds,
    MemorySize: fn.memorySize,
    Description: fn.description,
    State: 'Active',
    LastModified: fn.lastModified,
    Version: '$LATEST',
    durationMs: fn.durationMs,
    errorRate: fn.errorRate,
  };
  if (fn.reservedConcurrency !== undefined) c.ReservedConcurrentExecutions = fn.reservedConcurrency;
  return c;
}
