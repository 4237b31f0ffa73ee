/**
 * DeleteFunction: removes the function [BC-L DeleteFunction]. Invocations
 * already running still deliver their results.
 */
import { requireFunction, type LambdaServiceContext } from '../context';

export function deleteFunction(ctx: LambdaServiceContext, input: { FunctionName: string }): Record<string, never> {
  const fn = requireFunction(ctx, input.FunctionName);
  ctx.functions.delete(fn.name);
  ctx.metrics.delete(fn.name);
  return {};
}
