/**
 * The simulated Lambda service's state: functions by name, the account's
 * concurrency pool and each function's metrics.
 */
import type { SimCore } from '../core/simCore';
import { resourceNotFound } from '../core/errors';
import { DEFAULT_ACCOUNT_CONCURRENCY } from './constants';
import type { LambdaMetricSeries } from './metrics';
import type { LambdaFunction } from './types';

export interface LambdaOptions {
  /** Account-wide concurrent executions (default 1000). */
  lambdaConcurrencyLimit?: number;
}

export interface LambdaServiceContext {
  core: SimCore;
  functions: Map<string, LambdaFunction>;
  metrics: Map<string, LambdaMetricSeries>;
  concurrencyLimit: number;
  /** Invocations running now across the account. */
  running: number;
  /** Counter for deterministic request ids. */
  requestCounter: number;
}

/** A Lambda service state with no functions and the account concurrency limit (default or opts.lambdaConcurrencyLimit). */
export function createLambdaContext(core: SimCore, opts: LambdaOptions = {}): LambdaServiceContext {
  return {
    core,
    functions: new Map(),
    metrics: new Map(),
    concurrencyLimit: opts.lambdaConcurrencyLimit ?? DEFAULT_ACCOUNT_CONCURRENCY,
    running: 0,
    requestCounter: 0,
  };
}

/** The ARN Lambda gives a function: arn:aws:lambda:<region>:<account>:function:<name> [BC-L FunctionArn]. */
export function functionArnOf(ctx: LambdaServiceContext, name: string): string {
  return ctx.core.arn('lambda', `function:${name}`);
}

/**
 * Resolves a FunctionName as Lambda accepts it: a name, a full ARN, or a
 * partial ARN, with an optional `:$LATEST` or version qualifier (the simulator
 * keeps only $LATEST, so a qualifier is accepted and ignored).
 */
export function functionNameOf(nameOrArn: string): string {
  const m = /^(?:arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\d{12}:function:|\d{12}:function:)?([a-zA-Z0-9-_]+)(?::(?:\$LATEST|[a-zA-Z0-9-_]+))?$/.exec(nameOrArn);
  return m ? m[1] : nameOrArn;
}

/** The function, or ResourceNotFoundException with Lambda's message. */
export function requireFunction(ctx: LambdaServiceContext, nameOrArn: string): LambdaFunction {
  const name = functionNameOf(nameOrArn);
  const fn = ctx.functions.get(name);
  if (!fn) throw resourceNotFound(`Function not found: ${functionArnOf(ctx, name)}`);
  return fn;
}
