/**
 * The engine-internal synchronous invocation (RequestResponse) on the
 * simulated clock: the handler runs when the invocation starts and its result
 * is delivered `durationMs` simulated ms later through the event queue, or at
 * the Timeout if the function runs longer. Failures (errorRate) come from the
 * function's seeded generator, so the same seed fails the same invocations.
 *
 * Async handlers: a returned promise is tracked with core.track, so
 * sim.advance settles it before the completion event runs. sim.advanceSync
 * refuses to run any event while it is pending (PendingAsyncWorkError); a
 * promise still pending at its completion time anyway throws
 * LambdaPendingPromiseError instead of picking an outcome by wall-clock luck.
 */
import { utf8Length } from '../core/utf8';
import { functionNameOf, functionArnOf, type LambdaServiceContext } from './context';
import { MAX_REQUEST_PAYLOAD_BYTES, MAX_RESPONSE_PAYLOAD_BYTES } from './constants';
import type { InvokeResult, LambdaContext, LambdaFunction } from './types';

/** Thrown by sim.advanceSync when an async handler has not settled by its simulated completion time. */
export class LambdaPendingPromiseError extends Error {
  constructor(functionName: string, requestId: string) {
    super(
      `Lambda function ${functionName} (request ${requestId}) returned a promise that was still pending at its simulated completion time. ` +
        'Async handlers need `await sim.advance(ms)`, which settles tracked promises before each event; sim.advanceSync(ms) cannot wait for them.',
    );
    this.name = 'LambdaPendingPromiseError';
  }
}

type Settled = { done: false } | { done: true; ok: true; value: unknown } | { done: true; ok: false; error: unknown };

/** Invokes a function by name or ARN; `onResult` runs at the simulated completion time. Returns the request id. */
export function invokeFunction(ctx: LambdaServiceContext, nameOrArn: string, event: unknown, onResult: (r: InvokeResult) => void): string {
  const { core } = ctx;
  const requestId = nextRequestId(ctx);
  const fail = (errorType: string, errorMessage: string) =>
    core.schedule(0, 'lambda:invokeError', () => onResult({ ok: false, errorType, errorMessage, durationMs: 0, requestId }));

  const name = functionNameOf(nameOrArn);
  const fn = ctx.functions.get(name);
  if (!fn) {
    fail('ResourceNotFoundException', `Function not found: ${functionArnOf(ctx, name)}`);
    return requestId;
  }
  const metrics = ctx.metrics.get(name)!;
  const now = core.now();
  const requestText = JSON.stringify(event ?? null);
  const requestBytes = utf8Length(requestText);
  if (requestBytes > MAX_REQUEST_PAYLOAD_BYTES) {
    // Lambda's 6 MB synchronous request limit [KDF-DG23 data-transformation; Lambda quotas].
    fail('RequestEntityTooLargeException', `Request must be smaller than ${MAX_REQUEST_PAYLOAD_BYTES} bytes for the InvokeFunction operation`);
    return requestId;
  }
  const slot = acquireConcurrency(ctx, fn);
  if (slot === undefined) {
    metrics.throttle(now);
    fail('TooManyRequestsException', 'Rate Exceeded.');
    return requestId;
  }
  metrics.invocation(now);
  metrics.concurrency(now, fn.running);

  const timeoutMs = fn.timeoutSeconds * 1000;
  const timedOut = fn.durationMs > timeoutMs;
  const elapsed = timedOut ? timeoutMs : fn.durationMs;
  // Draw for every invocation so one knob does not shift the sequence of another.
  const injectedFailure = fn.random.next() < fn.errorRate;

  let settled: Settled = { done: false };
  if (!injectedFailure) {
    const context: LambdaContext = {
      functionName: fn.name,
      invokedFunctionArn: fn.arn,
      awsRequestId: requestId,
      memoryLimitInMB: fn.memorySize,
      getRemainingTimeInMillis: () => Math.max(0, now + timeoutMs - core.now()),
    };
    try {
      // The function sees its own copy of the payload, as it would after the JSON hop.
      const value = fn.handler(JSON.parse(requestText), context);
      if (isThenable(value)) {
        core.track(
          Promise.resolve(value).then(
            (v) => void (settled = { done: true, ok: true, value: v }),
            (e) => void (settled = { done: true, ok: false, error: e }),
          ),
        );
      } else settled = { done: true, ok: true, value };
    } catch (error) {
      settled = { done: true, ok: false, error };
    }
  }

  core.schedule(elapsed, 'lambda:invokeComplete', () => {
    releaseConcurrency(ctx, fn, slot);
    const end = core.now();
    metrics.duration(end, elapsed);
    const result = completion(fn, requestId, elapsed, timedOut, injectedFailure, settled);
    if (!result.ok) metrics.error(end);
    onResult(result);
  });
  return requestId;
}

function completion(fn: LambdaFunction, requestId: string, elapsed: number, timedOut: boolean, injected: boolean, s: Settled): InvokeResult {
  const err = (errorType: string, errorMessage: string): InvokeResult => ({ ok: false, functionError: 'Unhandled', errorType, errorMessage, durationMs: elapsed, requestId });
  if (timedOut) return err('Sandbox.Timedout', `Task timed out after ${fn.timeoutSeconds.toFixed(2)} seconds`);
  if (injected) return err('Error', `Simulated function error (errorRate ${fn.errorRate})`);
  if (!s.done) throw new LambdaPendingPromiseError(fn.name, requestId);
  if (!s.ok) {
    const e = s.error as { name?: unknown; message?: unknown } | undefined;
    return err(typeof e?.name === 'string' ? e.name : 'Error', typeof e?.message === 'string' ? e.message : String(s.error));
  }
  const text = JSON.stringify(s.value === undefined ? null : s.value);
  const size = utf8Length(text);
  if (size > MAX_RESPONSE_PAYLOAD_BYTES) {
    return err('Function.ResponseSizeTooLarge', `Response payload size (${size} bytes) exceeded maximum allowed payload size (${MAX_RESPONSE_PAYLOAD_BYTES} bytes).`);
  }
  return { ok: true, payload: JSON.parse(text), durationMs: elapsed, requestId };
}

/** A function with reserved concurrency is capped by it; others share what the account has left. */
function acquireConcurrency(ctx: LambdaServiceContext, fn: LambdaFunction): 'reserved' | 'pool' | undefined {
  let slot: 'reserved' | 'pool';
  if (fn.reservedConcurrency !== undefined) {
    if (fn.running >= fn.reservedConcurrency) return undefined;
    slot = 'reserved';
  } else {
    let reserved = 0;
    for (const f of ctx.functions.values()) reserved += f.reservedConcurrency ?? 0;
    if (ctx.running >= ctx.concurrencyLimit - reserved) return undefined;
    ctx.running++;
    slot = 'pool';
  }
  fn.running++;
  return slot;
}

/** Gives back what the invocation took (the function's settings may have changed meanwhile). */
function releaseConcurrency(ctx: LambdaServiceContext, fn: LambdaFunction, slot: 'reserved' | 'pool'): void {
  fn.running--;
  if (slot === 'pool') ctx.running--;
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

/** A deterministic, UUID-shaped request id from the service's own counter. */
/** A deterministic, UUID-shaped Lambda request id from the service's counter. */
export function nextRequestId(ctx: LambdaServiceContext): string {
  const n = ++ctx.requestCounter;
  const h = (x: number, len: number) => (x >>> 0).toString(16).padStart(len, '0').slice(-len);
  const mix = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  return `${h(mix, 8)}-${h(n >>> 16, 4)}-4${h(n, 3)}-a${h(mix >>> 4, 3)}-${h(n, 12)}`;
}
