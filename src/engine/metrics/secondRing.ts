/**
 * A block of metrics at 1-second resolution for one resource: `metrics`
 * series x `capacity` seconds in one Float64Array, a second's metrics side by
 * side (values[slot * metrics + metric]), written a whole second at a time
 * (the sampler fills every metric of a second together: one or two cache
 * lines, where a series-major block touched one per metric), so memory is
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
  /**
   * The row fillSeconds last wrote, which slots hold it (1), and every slot
   * that does not (`stale`, possibly with entries since filled again): a fill
   * writes only those, so a long idle stretch costs a write where a busy
   * second was, not a pass over the ring.
   */
  private fillRow?: Float64Array;
  private filled: Uint8Array;
  private stale: number[];

  constructor(
    readonly metrics: number,
    readonly capacity: number,
  ) {
    this.values = new Float64Array(metrics * capacity).fill(NaN);
    this.filled = new Uint8Array(capacity);
    this.stale = Array.from({ length: capacity }, (_, i) => i);
  }

  /** The slot no longer holds the fill row. */
  private unfill(slot: number): void {
    if (this.filled[slot] === 0) return;
    this.filled[slot] = 0;
    this.stale.push(slot);
  }

  /** Starts second `sec` (seconds skipped since the last one become NaN); returns its slot. */
  begin(sec: number): number {
    const cap = this.capacity;
    if (sec === this.lastSecond + 1) {
      // The usual case: the next second.
      this.lastSecond = sec;
      if (sec - this.firstSecond >= cap) this.firstSecond = sec - cap + 1;
      this.unfill(sec % cap);
      return sec % cap;
    }
    if (this.lastSecond === -Infinity) this.firstSecond = sec;
    else if (sec > this.lastSecond + 1) {
      const gap = Math.min(cap, sec - this.lastSecond - 1);
      for (let g = 1; g <= gap; g++) {
        const slot = (this.lastSecond + g) % cap;
        this.unfill(slot);
        this.values.fill(NaN, slot * this.metrics, (slot + 1) * this.metrics);
      }
    }
    if (sec > this.lastSecond) this.lastSecond = sec;
    if (this.lastSecond - this.firstSecond >= cap) this.firstSecond = this.lastSecond - cap + 1;
    this.unfill(sec % cap);
    return sec % cap;
  }

  /** Writes `row` (one value per metric) into every second from `fromSec` to `toSec`, as begin() and set() would one by one. */
  fillSeconds(fromSec: number, toSec: number, row: Float64Array): void {
    const cap = this.capacity, m = this.metrics, values = this.values, filled = this.filled;
    const lo = Math.max(fromSec, toSec - cap + 1);
    // Skipped seconds whose slots the fill writes again need no NaN first.
    if (this.lastSecond !== -Infinity && toSec - cap > this.lastSecond) this.lastSecond = Math.min(lo - 1, toSec - cap);
    this.begin(lo);
    if (!sameRow(this.fillRow, row)) {
      // Another row: no slot holds it yet.
      this.fillRow = Float64Array.from(row);
      filled.fill(0);
      this.stale = Array.from({ length: cap }, (_, i) => i);
    }
    // Slots lo..toSec: a..b, or a..cap-1 then 0..b when the ring wraps.
    const a = lo % cap, b = toSec % cap, wraps = a > b;
    const stale = this.stale;
    let kept = 0;
    for (let i = 0; i < stale.length; i++) {
      const slot = stale[i];
      if (filled[slot] === 1) continue; // filled since it went stale
      if (wraps ? slot >= a || slot <= b : slot >= a && slot <= b) {
        filled[slot] = 1;
        for (let k = 0, o = slot * m; k < m; k++) values[o + k] = row[k];
      } else stale[kept++] = slot;
    }
    stale.length = kept;
    this.lastSecond = toSec;
    if (toSec - this.firstSecond >= cap) this.firstSecond = toSec - cap + 1;
  }

  set(metric: number, slot: number, value: number): void {
    this.unfill(slot);
    this.values[slot * this.metrics + metric] = value;
  }

  /** The value of `metric` at second `sec`, NaN when not held. */
  at(metric: number, sec: number): number {
    if (sec < this.firstSecond || sec > this.lastSecond) return NaN;
    return this.values[(sec % this.capacity) * this.metrics + metric];
  }

  /** One value per second for seconds [fromSec, toSec), NaN where not held: a transferable typed array. */
  series(metric: number, fromSec: number, toSec: number): Float64Array {
    const n = Math.max(0, toSec - fromSec);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.at(metric, fromSec + i);
    return out;
  }
}

/** Whether two rows hold the same values (NaN equal to NaN). */
function sameRow(a: Float64Array | undefined, b: Float64Array): boolean {
  if (a === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
