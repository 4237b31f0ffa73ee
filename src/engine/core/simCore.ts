/**
 * The shared heart of a simulation that every service sees: the simulated
 * clock, the event queue, the seeded generator, the event log and the
 * account/Region. Time only moves through `advance`.
 */
import { EventQueue, type Continuation, type ScheduledEvent } from './eventQueue';
import { createRandom, type Random } from './random';
import { EventLog } from '../events';
import { MaterialiserRegistry } from './materialisers';

export interface SimCoreOptions {
  seed?: number | string;
  /** Simulated epoch milliseconds at the start (default 2026-01-01T00:00:00Z). */
  startTime?: number;
  region?: string;
  accountId?: string;
}

/** Thrown by advanceSync when an event is due while tracked async work (jq, Parquet, a Lambda handler, faker) is pending. */
export class PendingAsyncWorkError extends Error {
  constructor(pending: number, now: number, nextEvent?: string) {
    super(
      `advanceSync cannot ${nextEvent !== undefined ? `run the event '${nextEvent}' due` : 'move the clock'} after simulated time ${now}: ${pending} async task(s) ` +
        '(a Lambda handler, jq, the Parquet writer or faker loading) are still pending. Use `await sim.advance(ms)`, which waits for them at their simulated time.',
    );
    this.name = 'PendingAsyncWorkError';
  }
}

function checkMs(what: string, ms: number): void {
  if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`${what}: ms must be a finite number >= 0, got ${ms}`);
}

/** 2026-01-01T00:00:00Z, the default start of simulated time. */
export const DEFAULT_START_TIME = 1767225600000;

/** The simulated clock, event queue, seeded generator, event log and account/Region of one simulation. */
export class SimCore {
  /** `stirs` only lets a sampler skip work that would change nothing: not state, and its count depends on how advances were split. */
  static readonly checkpointSkip = ['stirs'];
  readonly queue = new EventQueue();
  readonly random: Random;
  readonly events = new EventLog();
  /** Code that turns lazy recipes (plain data) into records, by kind (materialisers.ts). */
  readonly materialisers = new MaterialiserRegistry();
  readonly region: string;
  readonly accountId: string;
  readonly seed: number | string;
  private time: number;
  /**
   * Goes up with every event run, every advance's end (callers change the world
   * between advances) and every settle of tracked async work: a per-second
   * sampler that sees it rise by its own event only knows that nothing else ran.
   */
  private stirs = 0;
  /** Services' hooks run once per advance after the queue, in registration order. */
  private afterAdvance: Array<(now: number) => void> = [];

  constructor(opts: SimCoreOptions = {}) {
    this.seed = opts.seed ?? 1;
    this.random = createRandom(this.seed);
    this.time = opts.startTime ?? DEFAULT_START_TIME;
    this.region = opts.region ?? 'us-east-1';
    this.accountId = opts.accountId ?? '123456789012';
  }

  /** Simulated epoch milliseconds. */
  now(): number {
    return this.time;
  }

  /** How many times something may have changed the world (events, advance ends, async settles); see `stirs`. */
  get activity(): number {
    return this.stirs;
  }

  /**
   * Event handlers by kind: code registered once when the simulation is built,
   * never state. A data event names its handler, so the queue holds only data.
   */
  private handlers = new Map<string, (payload: never, result: never) => void>();

  /**
   * Registers the handler for data events (and continuations) of `kind`, once
   * per kind, at creation. A continuation's handler also gets the result.
   */
  registerHandler<P, R = undefined>(kind: string, fn: (payload: P, result: R) => void): void {
    if (this.handlers.has(kind)) throw new Error(`registerHandler: '${kind}' is already registered`);
    this.handlers.set(kind, fn as (payload: never, result: never) => void);
  }

  /** Runs the continuation `then` now with `result` (its handler gets its payload and the result). */
  resume<R>(then: Continuation, result: R): void {
    this.handlerOf(then.kind)(then.payload, result);
  }

  private handlerOf(kind: string): (payload: unknown, result?: unknown) => void {
    const fn = this.handlers.get(kind);
    if (fn === undefined) throw new Error(`SimCore: no handler registered for event kind '${kind}'`);
    return fn as (payload: unknown, result?: unknown) => void;
  }

  /** Whether a handler for `kind` is registered (services register lazily, once). */
  hasHandler(kind: string): boolean {
    return this.handlers.has(kind);
  }

  /** Schedules the registered handler `kind` with plain-data `payload` after `delayMs`. */
  scheduleEvent(delayMs: number, kind: string, payload?: unknown, label: string = kind): ScheduledEvent {
    return this.queue.schedule(this.time + Math.max(0, delayMs), label, kind, payload);
  }

  /** Schedules the registered handler `kind` at an absolute simulated time (not before now). */
  scheduleEventAt(time: number, kind: string, payload?: unknown, label: string = kind): ScheduledEvent {
    return this.queue.schedule(Math.max(this.time, time), label, kind, payload);
  }

  /** Registers a hook that runs at the end of every advance. */
  onAfterAdvance(fn: (now: number) => void): void {
    this.afterAdvance.push(fn);
  }

  /**
   * Moves simulated time forward by `ms`, running every event due on the way,
   * in order, and settling tracked async work (a Lambda handler's promise, jq,
   * the Parquet writer, faker loading) before each event, so its results land
   * at their simulated time whatever the wall clock does.
   */
  async advance(ms: number): Promise<void> {
    checkMs('advance', ms);
    await this.advanceTo(this.time + ms);
  }

  /** Moves simulated time forward to `target`, settling async work before every event (see advance). */
  async advanceTo(target: number): Promise<void> {
    do await this.settle();
    while (this.runNext(target));
    this.finishAdvance(target);
  }

  /**
   * The synchronous form of advance, for callers that cannot await: it throws
   * PendingAsyncWorkError rather than run an event or move the clock while
   * tracked async work is still pending, so nothing lazily loaded is ever
   * silently skipped or delivered late.
   */
  advanceSync(ms: number): void {
    checkMs('advanceSync', ms);
    this.advanceToSync(this.time + ms);
  }

  /** advanceSync to an absolute simulated time. */
  advanceToSync(target: number): void {
    while (this.peekDue(target)) {
      if (this.pending.size > 0) throw new PendingAsyncWorkError(this.pending.size, this.time, this.queue.peekLabel());
      this.runNext(target);
    }
    // advance settles before the clock moves on too: work that is still pending would land late.
    if (this.pending.size > 0 && target > this.time) throw new PendingAsyncWorkError(this.pending.size, this.time);
    this.finishAdvance(target);
  }

  private peekDue(target: number): boolean {
    return this.queue.peekTime() <= target;
  }

  /** Runs the next event due at or before `target` (skipping cancelled ones); false when none is due. */
  private runNext(target: number): boolean {
    if (this.queue.peekTime() > target) return false;
    const ev = this.queue.pop()!;
    if (ev.cancelled) return true;
    if (ev.time > this.time) this.time = ev.time;
    this.stirs++;
    this.handlerOf(ev.kind)(ev.payload);
    return true;
  }

  /** The clock reaches `target` and the after-advance hooks run (advance and advanceSync both end so). */
  private finishAdvance(target: number): void {
    if (target > this.time) this.time = target;
    this.stirs++;
    for (const fn of this.afterAdvance) fn(this.time);
  }

  private pending = new Set<Promise<unknown>>();

  /**
   * Tracks async work (a Lambda handler that returns a promise, a lazily loaded
   * jq). `advance` waits for all tracked work before each event; `advanceSync`
   * refuses to run an event while any is pending.
   */
  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const done = () => this.pending.delete(work);
    work.then(done, done);
    return work;
  }

  /** Number of tracked promises not yet settled. */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Waits until no tracked work is pending (work may start more work). */
  async settle(): Promise<void> {
    // The tracked work's callbacks may change the world (a handler calling an API).
    if (this.pending.size > 0) this.stirs++;
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** ARN helper: arn:aws:<service>:<region>:<account>:<resource>. */
  arn(service: string, resource: string): string {
    return `arn:aws:${service}:${this.region}:${this.accountId}:${resource}`;
  }
}
