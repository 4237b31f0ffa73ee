/**
 * The clock of one simulated reader: an event every `stepMs` on the engine's
 * queue (never a timer). A step stands for `stepMs / intervalMs` polls: one in
 * exact mode (step = poll interval), many in bulk mode where a coarse step keeps
 * the cost of a simulated day proportional to shards x steps.
 *
 * The ticker calls its owner's `onStep` (a method on a state object, not a
 * closure), and its queue event's payload is the ticker itself, so the whole
 * clock is plain data that a checkpoint copies.
 */
import type { SimCore } from '../../core/simCore';
import type { ScheduledEvent } from '../../core/eventQueue';

const STEP = 'traffic:readerStep';

/** Registers the readers' step as a data event whose payload is the ticker (once per simulation). */
export function registerStepTicker(core: SimCore): void {
  // Several traffic services may share a core (tests build a second one): the handler is the same.
  if (!core.hasHandler(STEP)) core.registerHandler<StepTicker>(STEP, (t) => t.fire());
}

/** What a ticker steps: a reader's state object (a class instance, so the method travels with its prototype). */
export interface StepTarget {
  /** One step at `now`, standing for `polls` polls over the last `windowMs`. */
  onStep(now: number, windowMs: number, polls: number): void;
}

/** A reader's clock: one queue event per step, reporting how many polls the step stands for. */
export class StepTicker {
  private ev?: ScheduledEvent;
  private pollCarry = 0;
  private last: number;

  constructor(
    private readonly core: SimCore,
    private readonly label: string,
    readonly stepMs: number,
    readonly intervalMs: number,
    private readonly target: StepTarget,
  ) {
    if (!(stepMs > 0) || !(intervalMs > 0)) throw new RangeError(`${label}: stepMs and intervalMs must be > 0`);
    this.last = core.now() - stepMs;
  }

  get running(): boolean {
    return this.ev !== undefined;
  }

  /** Starts stepping: the first step runs now (a KCL worker polls as soon as it starts). */
  start(delayMs = 0): void {
    if (this.ev !== undefined) return;
    this.last = this.core.now() + delayMs - this.stepMs;
    this.schedule(delayMs);
  }

  stop(): void {
    if (this.ev !== undefined) this.ev.cancelled = true;
    this.ev = undefined;
  }

  private schedule(delay: number): void {
    this.ev = this.core.scheduleEvent(delay, STEP, this, this.label);
  }

  /** One step of the clock (the STEP data event's handler). */
  fire(): void {
    const now = this.core.now();
    const windowMs = now - this.last;
    this.last = now;
    this.pollCarry += windowMs / this.intervalMs;
    const polls = Math.floor(this.pollCarry + 1e-9);
    this.pollCarry -= polls;
    this.schedule(this.stepMs);
    if (polls > 0) this.target.onStep(now, windowMs, polls);
  }
}
