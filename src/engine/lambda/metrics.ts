/**
 * Lambda's CloudWatch metrics (namespace AWS/Lambda): Invocations, Errors,
 * Throttles, Duration and ConcurrentExecutions, per function at 1-second
 * resolution in a fixed-size ring, so memory does not grow with time.
 */

/** Metric names, as CloudWatch calls them. */
export type LambdaMetricName = 'Invocations' | 'Errors' | 'Throttles' | 'Duration' | 'ConcurrentExecutions';

/** One second of one function's metrics. Duration is reported as sum and max; ConcurrentExecutions as the max seen. */
export interface LambdaMetricPoint {
  second: number;
  Invocations: number;
  Errors: number;
  Throttles: number;
  DurationSum: number;
  DurationMax: number;
  ConcurrentExecutions: number;
}

/** Totals since the function was created. */
export interface LambdaMetricTotals {
  Invocations: number;
  Errors: number;
  Throttles: number;
  DurationSum: number;
  ConcurrentExecutionsMax: number;
}

/** Default ring size: one hour of 1-second points per function. */
export const DEFAULT_METRIC_SECONDS = 3600;

/** A per-function ring of 1-second points plus running totals. */
export class LambdaMetricSeries {
  private seconds: Float64Array;
  private cols: Record<Exclude<keyof LambdaMetricPoint, 'second'>, Float64Array>;
  readonly totals: LambdaMetricTotals = { Invocations: 0, Errors: 0, Throttles: 0, DurationSum: 0, ConcurrentExecutionsMax: 0 };

  constructor(private capacity = DEFAULT_METRIC_SECONDS) {
    this.seconds = new Float64Array(capacity).fill(-1);
    const col = () => new Float64Array(capacity);
    this.cols = { Invocations: col(), Errors: col(), Throttles: col(), DurationSum: col(), DurationMax: col(), ConcurrentExecutions: col() };
  }

  /** The ring slot for a simulated epoch second, cleared when it is reused. */
  private slot(timeMs: number): number {
    const second = Math.floor(timeMs / 1000);
    const i = ((second % this.capacity) + this.capacity) % this.capacity;
    if (this.seconds[i] !== second) {
      this.seconds[i] = second;
      for (const c of Object.values(this.cols)) c[i] = 0;
    }
    return i;
  }

  invocation(timeMs: number): void {
    this.cols.Invocations[this.slot(timeMs)]++;
    this.totals.Invocations++;
  }

  /**
   * `count` invocations at one instant, each lasting `ms` (an event source mapping's bulk step): the
   * same sums, added in the same order, as `count` calls of invocation() then duration().
   */
  invocations(timeMs: number, count: number, ms: number): void {
    if (count <= 0) return;
    const i = this.slot(timeMs);
    this.cols.Invocations[i] += count;
    this.totals.Invocations += count;
    const sum = this.cols.DurationSum;
    for (let k = 0; k < count; k++) {
      sum[i] += ms;
      this.totals.DurationSum += ms;
    }
    if (ms > this.cols.DurationMax[i]) this.cols.DurationMax[i] = ms;
  }

  /** `count` errors at one instant: the same as `count` calls of error(). */
  errors(timeMs: number, count: number): void {
    if (count <= 0) return;
    this.cols.Errors[this.slot(timeMs)] += count;
    this.totals.Errors += count;
  }

  error(timeMs: number): void {
    this.cols.Errors[this.slot(timeMs)]++;
    this.totals.Errors++;
  }

  throttle(timeMs: number): void {
    this.cols.Throttles[this.slot(timeMs)]++;
    this.totals.Throttles++;
  }

  duration(timeMs: number, ms: number): void {
    const i = this.slot(timeMs);
    this.cols.DurationSum[i] += ms;
    if (ms > this.cols.DurationMax[i]) this.cols.DurationMax[i] = ms;
    this.totals.DurationSum += ms;
  }

  concurrency(timeMs: number, running: number): void {
    const i = this.slot(timeMs);
    if (running > this.cols.ConcurrentExecutions[i]) this.cols.ConcurrentExecutions[i] = running;
    if (running > this.totals.ConcurrentExecutionsMax) this.totals.ConcurrentExecutionsMax = running;
  }

  /** Points kept for seconds in [fromMs, toMs), oldest first; seconds without activity are omitted. */
  points(fromMs = -Infinity, toMs = Infinity): LambdaMetricPoint[] {
    const out: LambdaMetricPoint[] = [];
    for (let i = 0; i < this.capacity; i++) {
      const s = this.seconds[i];
      if (s < 0 || s * 1000 < fromMs || s * 1000 >= toMs) continue;
      out.push({
        second: s,
        Invocations: this.cols.Invocations[i],
        Errors: this.cols.Errors[i],
        Throttles: this.cols.Throttles[i],
        DurationSum: this.cols.DurationSum[i],
        DurationMax: this.cols.DurationMax[i],
        ConcurrentExecutions: this.cols.ConcurrentExecutions[i],
      });
    }
    return out.sort((a, b) => a.second - b.second);
  }
}
