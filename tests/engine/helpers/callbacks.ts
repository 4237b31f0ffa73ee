/**
 * Test-side callbacks on the engine's data-only queue: the engine takes a
 * continuation ({ kind, payload }) or a data event, never a closure, so a
 * test that wants a callback registers one handler kind that calls the
 * function held in the payload. Fine for tests, which do not checkpoint these
 * worlds; engine code names its own handlers instead.
 */
import type { SimCore } from '../../../src/engine/core/simCore';
import type { Continuation, ScheduledEvent } from '../../../src/engine/core/eventQueue';

const THEN = 'test:then';
const AFTER = 'test:after';

function ensure(core: SimCore): void {
  if (core.hasHandler(THEN)) return;
  core.registerHandler<(r: unknown) => void, unknown>(THEN, (fn, r) => fn(r));
  core.registerHandler<{ fn: () => void }>(AFTER, (p) => p.fn());
}

/** A continuation that calls `fn` with the result (not named `then`: a module exporting `then` is a thenable). */
export function resultTo<R>(core: SimCore, fn: (result: R) => void): Continuation {
  ensure(core);
  return { kind: THEN, payload: fn };
}

/** Runs `fn` after `delayMs` of simulated time (a data event whose payload holds it). */
export function after(core: SimCore, delayMs: number, label: string, fn: () => void): ScheduledEvent {
  ensure(core);
  return core.scheduleEvent(delayMs, AFTER, { fn }, label);
}
