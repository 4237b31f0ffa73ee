/**
 * A block of metrics at 1-second resolution for one resource: `metrics`
 * series x `capacity` seconds in one Float64Array, written a whole second at a
 * time (the sampler fills every metric of a second together), so memory is
 * fixed and a write is an array store, not a lookup. Seconds that were never
 * written read as NaN (CloudWatch shows no data point, not zero).
 * MetricsRing (metricsRing.ts) is the keyed variant for services that record
 * points one at a time; this one suits sampling hundreds of shards each second.
 */
export class SecondRing {
  readonly values: Float64Array;
  /** Last second written (epoch s), or -Infinity. */
  lastSecond = -Infinity;
  /** First second still held. */
  firstSecond = -Infinity;

  constructor(
    readonly metrics: number,
    readonly capacity: number,
  ) {
    this.values = new Float64Array(metrics * capacity).fill(NaN);
  }

  /** Starts second `sec` (seconds skipped since the last one become NaN); returns its slot. */
  begin(sec: number): number {
    const cap = this.capacity;
    if (sec === this.lastSecond + 1) {
      // The usual case: the next second.
      this.lastSecond = sec;
      if (sec - this.firstSecond >= cap) this.firstSecond = sec - cap + 1;
      return sec % cap;
    }
    if (this.lastSecond === -Infinity) this.firstSecond = sec;
    else if (sec > this.lastSecond + 1) {
      const gap = Math.min(cap, sec - this.lastSecond - 1);
      for (let g = 1; g <= gap; g++) {
        const slot = (this.lastSecond + g) % cap;
        for (let m = 0; m < this.metrics; m++) this.values[m * cap + slot] = NaN;
      }
    }
    if (sec > this.lastSecond) this.lastSecond = sec;
    if (this.lastSecond - this.firstSecond >= cap) this.firstSecond = this.lastSecond - cap + 1;
    return sec % cap;
  }

  /** Writes `row` (one value per metric) into every second from `fromSec` to `toSec`, as begin() and set() would one by one. */
  fillSeconds(fromSec: number, toSec: number, row: Float64Array): void {
    const cap = this.capacity;
    const lo = Math.max(fromSec, toSec - cap + 1);
    this.begin(lo);
    // Slots lo..toSec are at most two contiguous runs of each metric's row (the ring wraps once).
    const a = lo % cap, b = toSec % cap;
    for (let m = 0; m < this.metrics; m++) {
      const o = m * cap;
      if (a <= b) this.values.fill(row[m], o + a, o + b + 1);
      else {
        this.values.fill(row[m], o + a, o + cap);
        this.values.fill(row[m], o, o + b + 1);
      }
    }
    this.lastSecond = toSec;
    if (toSec - this.firstSecond >= cap) this.firstSecond = toSec - cap + 1;
  }

  set(metric: number, slot: number, value: number): void {
    this.values[metric * this.capacity + slot] = value;
  }

  /** The value of `metric` at second `sec`, NaN when not held. */
  at(metric: number, sec: number): number {
    if (sec < this.firstSecond || sec > this.lastSecond) return NaN;
    return this.values[metric * this.capacity + (sec % this.capacity)];
  }

  /** One value per second for seconds [fromSec, toSec), NaN where not held: a transferable typed array. */
  series(metric: number, fromSec: number, toSec: number): Float64Array {
    const n = Math.max(0, toSec - fromSec);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.at(metric, fromSec + i);
    return out;
  }
}
