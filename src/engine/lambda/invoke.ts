/**
 * The engine-internal synchronous invocation (RequestResponse) on the
 * simulated clock: the handler runs when the invocation starts and its result
 * is delivered `durationMs` simulated ms later through the event queue, or at
 * the Timeout if the function runs longer. Failures (errorRate) come from the
 * function's seeded generator, so the same seed fails the same invocations.
 *
 * The caller names its continuation as data ({ kind, payload }), and the
 * invocation in flight is a plain record on a data event, so a checkpoint
 * taken while an invocation runs copies it.
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
import type { SimCore } from '../core/simCore';
import type { Continuation } from '../core/eventQueue';
import type { InvokeResult, LambdaContext, LambdaFunction } from './types';
import type { LambdaMetricSeries } from './metrics';

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

/** The handler's answer as plain data (a thrown error kept as the errorType and errorMessage it reports). */
type Settled = { done: false } | { done: true; ok: true; value: unknown } | { done: true; ok: false; errorType: string; errorMessage: string };

function thrown(e: unknown): Settled {
  const x = e as { name?: unknown; message?: unknown } | undefined;
  return { done: true, ok: false, errorType: typeof x?.name === 'string' ? x.name : 'Error', errorMessage: typeof x?.message === 'string' ? x.message : String(e) };
}

/** Event kinds (handlers registered once per simulation by registerInvokeEvents). */
const INVOKE_ERROR = 'lambda:invokeError';
const INVOKE_COMPLETE = 'lambda:invokeComplete';

/** An invocation that could not start: its error reaches the caller through the queue, at once. */
interface InvokeErrorPayload {
  then: Continuation;
  result: InvokeResult;
}

/** An invocation in flight, as plain data (its handler's answer lands in `settled`). */
interface InvocationPayload {
  ctx: LambdaServiceContext;
  fn: LambdaFunction;
  /** The function's metrics as the invocation started (a function deleted meanwhile keeps its own). */
  metrics: LambdaMetricSeries;
  slot: 'reserved' | 'pool';
  requestId: string;
  elapsed: number;
  timedOut: boolean;
  injected: boolean;
  settled: Settled;
  then: Continuation;
}

/** Registers the invocation's data events on `core` (once, when the Lambda service is built). */
export function registerInvokeEvents(core: SimCore): void {
  core.registerHandler<InvokeErrorPayload>(INVOKE_ERROR, (p) => core.resume(p.then, p.result));
  core.registerHandler<InvocationPayload>(INVOKE_COMPLETE, (p) => {
    const { ctx, fn, metrics } = p;
    releaseConcurrency(ctx, fn, p.slot);
    const end = ctx.core.now();
    metrics.duration(end, p.elapsed);
    const result = completion(fn, p.requestId, p.elapsed, p.timedOut, p.injected, p.settled);
    if (!result.ok) metrics.error(end);
    ctx.core.resume(p.then, result);
  });
}

/**
 * Invokes a function by name or ARN; the continuation `then` runs with the
 * InvokeResult at the simulated completion time. Returns the request id.
 */
export function invokeFunction(ctx: LambdaServiceContext, nameOrArn: string, event: unknown, then: Continuation): string {
  const { core } = ctx;
  const requestId = nextRequestId(ctx);
  const fail = (errorType: string, errorMessage: string) =>
    core.scheduleEvent(0, INVOKE_ERROR, { then, result: { ok: false, errorType, errorMessage, durationMs: 0, requestId } } satisfies InvokeErrorPayload);

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
  const injected = fn.random.next() < fn.errorRate;

  const p: InvocationPayload = { ctx, fn, metrics, slot, requestId, elapsed, timedOut, injected, settled: { done: false }, then };
  if (!injected) {
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
        // The answer lands in the event's payload; the tracked promise blocks a checkpoint until it has.
        core.track(
          Promise.resolve(value).then(
            (v) => void (p.settled = { done: true, ok: true, value: v }),
            (e) => void (p.settled = thrown(e)),
          ),
        );
      } else p.settled = { done: true, ok: true, value };
    } catch (error) {
      p.settled = thrown(error);
    }
  }
  core.scheduleEvent(elapsed, INVOKE_COMPLETE, p);
  return requestId;
}

function completion(fn: LambdaFunction, requestId: string, elapsed: number, timedOut: boolean, injected: boolean, s: Settled): InvokeResult {
  const err = (errorType: string, errorMessage: string): InvokeResult => ({ ok: false, functionError: 'Unhandled', errorType, errorMessage, durationMs: elapsed, requestId });
  if (timedOut) return err('Sandbox.Timedout', `Task timed out after ${fn.timeoutSeconds.toFixed(2)} seconds`);
  if (injected) return err('Error', `Simulated function error (errorRate ${fn.errorRate})`);
  if (!s.done) throw new LambdaPendingPromiseError(fn.name, requestId);
  if (!s.ok) return err(s.errorType, s.errorMessage);
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

/** A deterministic, UUID-shaped Lambda request id from the service's counter. */
export function nextRequestId(ctx: LambdaServiceContext): string {
  return requestIdOf(drawRequestNumber(ctx));
}

/**
 * Draws the counter value of the next request id without writing it out: a
 * bulk ESM invocation needs its id only if its batch ends in an on-failure
 * record, so it keeps the number and formats it with requestIdOf then.
 */
export function drawRequestNumber(ctx: LambdaServiceContext): number {
  return ++ctx.requestCounter;
}

/** The request id the counter value `n` stands for (UUID-shaped, version 4, variant a). */
export function requestIdOf(n: number): string {
  const mix = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  return `${hexTail(mix, 8)}-${hexTail(n >>> 16, 4)}-4${hexTail(n, 3)}-a${hexTail(mix >>> 4, 3)}-${hexTail(n, 12)}`;
}

/** The last `len` hex digits of x as an unsigned 32-bit number, zero-padded. */
function hexTail(x: number, len: number): string {
  return (x >>> 0).toString(16).padStart(len, '0').slice(-len);
}
