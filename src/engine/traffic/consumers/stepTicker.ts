/**
 * The clock of one simulated reader: an event every `stepMs` on the engine's
 * queue (never a timer). A step stands for `stepMs / intervalMs` polls: one in
 * exact mode (step = poll interval), many in bulk mode where a coarse step keeps
 * the cost of a simulated day proportional to shards x steps.
 */
import type { SimCore } from '../../core/simCore';
import type { ScheduledEvent } from '../../core/eventQueue';

const STEP = 'traffic:readerStep';

/** Registers the readers' step as a data event whose payload is the ticker (once per simulation). */
export function registerStepTicker(core: SimCore): void {
  // Several traffic services may share a core (tests build a second one): the handler is the same.
  if (!core.hasHandler(STEP)) core.registerHandler<StepTicker>(STEP, (t) => t.fire());
}

/** What a ticker steps: a method on the reader itself, not a closure, so the ticker is plain data a checkpoint copies. */
export interface StepOwner {
  onTickerStep(now: number, windowMs: number, polls: number): void;
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
    private readonly owner: StepOwner,
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
    if (polls > 0) this.owner.onTickerStep(now, windowMs, polls);
  }
}
