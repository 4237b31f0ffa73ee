/**
 * CloudWatch-style metrics at 1-second resolution in bounded rings: each
 * metric keeps the last `capacity` seconds (default one hour) as one number
 * per second, so memory is fixed however long the simulation runs. A metric
 * aggregates its data points within a second by Sum (counts, bytes) or
 * Maximum (ages such as DataFreshness, KinesisMillisBehindLatest) or
 * Average (success ratios such as DeliveryToS3.Success).
 */
export type MetricStat = 'Sum' | 'Maximum' | 'Average';

interface Series {
  stat: MetricStat;
  values: Float64Array;
  /** Data points per second (for Average). */
  counts: Float64Array;
  /** The second (epoch s) held in each slot, or -1. */
  seconds: Float64Array;
  total: number;
}

/** A set of named metrics for one resource (a delivery stream, a stream). */
export class MetricsRing {
  private series = new Map<string, Series>();

  constructor(readonly capacity = 3600) {}

  /** Records a data point at simulated time `time` (epoch ms); `points` > 1 records that many points summing to `value` at once. */
  put(name: string, time: number, value: number, stat: MetricStat = 'Sum', points = 1): void {
    let s = this.series.get(name);
    if (s === undefined) {
      s = { stat, values: new Float64Array(this.capacity), counts: new Float64Array(this.capacity), seconds: new Float64Array(this.capacity).fill(-1), total: 0 };
      this.series.set(name, s);
    }
    const sec = Math.floor(time / 1000);
    const slot = sec % this.capacity;
    if (s.seconds[slot] !== sec) {
      s.seconds[slot] = sec;
      s.values[slot] = value;
      s.counts[slot] = points;
    } else if (s.stat !== 'Maximum') {
      s.values[slot] += value;
      s.counts[slot] += points;
    }
    else if (value > s.values[slot]) s.values[slot] = value;
    if (s.stat === 'Sum') s.total += value;
  }

  /** The value of one second (0 when nothing was recorded or it has left the ring). */
  at(name: string, time: number): number {
    const s = this.series.get(name);
    if (s === undefined) return 0;
    const sec = Math.floor(time / 1000);
    const slot = sec % this.capacity;
    if (s.seconds[slot] !== sec) return 0;
    return s.stat === 'Average' ? s.values[slot] / s.counts[slot] : s.values[slot];
  }

  /** Aggregate over [from, to) in ms of the seconds still in the ring, by the metric's statistic. */
  aggregate(name: string, from: number, to: number): number {
    const s = this.series.get(name);
    if (s === undefined) return 0;
    let out = 0, n = 0;
    for (let sec = Math.floor(from / 1000); sec * 1000 < to; sec++) {
      const slot = sec % this.capacity;
      if (s.seconds[slot] !== sec) continue;
      if (s.stat === 'Maximum') out = Math.max(out, s.values[slot]);
      else { out += s.values[slot]; n += s.counts[slot]; }
    }
    return s.stat === 'Average' ? (n === 0 ? 0 : out / n) : out;
  }

  /** One value per second over [from, to), as a transferable typed array. */
  series1s(name: string, from: number, to: number): Float64Array {
    const first = Math.floor(from / 1000);
    const n = Math.max(0, Math.ceil(to / 1000) - first);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = this.at(name, (first + i) * 1000);
    return out;
  }

  /** The all-time Sum of a Sum metric (never wraps). */
  total(name: string): number {
    return this.series.get(name)?.total ?? 0;
  }

  /** The names recorded so far. */
  names(): string[] {
    return [...this.series.keys()];
  }
}
