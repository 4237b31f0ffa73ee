/**
 * The play loop's arithmetic, free of timers: wall time x speed becomes
 * simulated time, advanced in chunks that end on whole simulated seconds (so
 * per-second series are sampled exactly), within a wall-clock budget per frame
 * so the worker never falls behind. The worker calls `frame()` on its timer.
 */

export const MIN_SPEED = 0.25;
export const MAX_SPEED = 10000;
/** The speed choices the UI offers. */
export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 100, 1000, 10000] as const;
/** One step of the step button: one simulated second, the metrics' resolution. */
export const STEP_MS = 1000;
/** A frame longer than this (a hidden tab, a breakpoint) counts as this long. */
export const MAX_FRAME_WALL_MS = 250;

export interface LoopHost {
  /** Simulated epoch ms now. */
  simNow(): number;
  /** Advances the world by `ms` simulated ms, settling async work (Lambda handlers, jq) on the way. */
  advance(ms: number): Promise<void>;
  /** Called each time simulated time reaches a whole second. */
  onSecond(time: number): void;
}

export class PlayLoop {
  playing = false;
  speed = 1;
  /** Simulated ms of pending jumps (+1 min, +1 h, +1 day), worked off over frames. */
  jumpRemaining = 0;
  effectiveSpeed = 0;
  private windowSim = 0;
  private windowWall = 0;
  private carry = 0;

  constructor(private host: LoopHost) {}

  /** Sets the speed; returns an error text when out of range. */
  setSpeed(speed: number): string | null {
    if (!Number.isFinite(speed) || speed < MIN_SPEED || speed > MAX_SPEED) return `Speed must be between ${MIN_SPEED}x and ${MAX_SPEED}x, got ${speed}.`;
    this.speed = speed;
    return null;
  }

  /** Queues a jump ahead by `ms` simulated ms. */
  jump(ms: number): void {
    if (ms > 0 && Number.isFinite(ms)) this.jumpRemaining += Math.floor(ms);
  }

  /**
   * Advances by exactly `ms`, each chunk awaited before the next (the host
   * settles async work at its simulated time), unless `overBudget()` says the
   * wall budget is spent; returns the simulated ms advanced.
   */
  async advanceBy(ms: number, overBudget: () => boolean = () => false): Promise<number> {
    let done = 0;
    while (done < ms) {
      const chunk = this.chunk(ms - done);
      await this.host.advance(chunk);
      done += chunk;
      const after = this.host.simNow();
      if (after % 1000 === 0) this.host.onSecond(after);
      if (overBudget()) break;
    }
    return done;
  }

  /** The next chunk: up to `left` ms, ending at the next whole simulated second at the latest. */
  private chunk(left: number): number {
    const now = this.host.simNow();
    const toSecond = 1000 - (((now % 1000) + 1000) % 1000);
    return Math.min(left, toSecond);
  }

  /** One step of one simulated second (works while paused). */
  step(): Promise<number> {
    return this.advanceBy(STEP_MS);
  }

  /**
   * One frame: `wallDeltaMs` of wall time since the last frame. Returns the
   * simulated ms advanced. Time the budget could not cover is dropped, not
   * owed: the simulation runs slower rather than freezing the page.
   */
  async frame(wallDeltaMs: number, overBudget: () => boolean = () => false): Promise<number> {
    // Whole simulated milliseconds only, so chunks end exactly on seconds; the fraction carries over.
    const owed = this.owed(wallDeltaMs);
    const advanced = owed > 0 ? await this.advanceBy(owed, overBudget) : 0;
    if (this.jumpRemaining > 0 && !overBudget()) this.jumpRemaining -= await this.advanceBy(this.jumpRemaining, overBudget);
    this.measure(wallDeltaMs, advanced);
    return advanced;
  }

  /** Whole simulated ms owed for a frame of `wallDeltaMs` while playing (the fraction carries over). */
  private owed(wallDeltaMs: number): number {
    if (!this.playing) return 0;
    const wall = Math.min(Math.max(0, wallDeltaMs), MAX_FRAME_WALL_MS);
    const owed = wall * this.speed + this.carry;
    const whole = Math.floor(owed);
    this.carry = owed - whole;
    return whole;
  }

  /** Updates the effective speed over windows of half a wall second. */
  private measure(wallDeltaMs: number, advanced: number): void {
    const wall = Math.min(Math.max(0, wallDeltaMs), MAX_FRAME_WALL_MS);
    this.windowSim += this.playing ? advanced : 0;
    this.windowWall += wall;
    if (this.windowWall >= 500) {
      this.effectiveSpeed = this.windowSim / this.windowWall;
      this.windowSim = 0;
      this.windowWall = 0;
    }
  }
}
