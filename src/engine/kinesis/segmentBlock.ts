/**
 * Bulk traffic stored as counts, not records (../shared/design.md "Scale
 * without storing every record"). A segment covers consecutive ticks of one
 * shard. It holds one lane per bulk producer (recipe) writing to the shard, and
 * a list of runs: a run is a stretch of ticks in which every lane follows a
 * fixed pattern, lane l writing floor(phi + (k+1)*r) - floor(phi + k*r)
 * records in the run's tick k (r records per tick on average, possibly
 * fractional; phi the carried fraction). A steady stream is one run however
 * long it lasts; a stream whose rate changes every minute adds one run a
 * minute. Records are materialised on read, deterministically, by the lane's
 * recipe (plain data, made into records by its registered materialiser,
 * segmentRecipe.ts) from the record's index in the shard.
 *
 * Within a tick, records are ordered lane by lane, and their arrival times are
 * spread evenly over the tick's interval (T - tickMs, T], never before the
 * previous block's last arrival (`floor`), so arrivals never go backwards.
 */
import type { RecordBlock, StoredRecord } from './recordBlock';
import type { MaterialiserRegistry } from '../core/materialisers';
import { materialiseLane, type SegmentRecipe } from './segmentRecipe';

export type { SegmentRecipe } from './segmentRecipe';

/** A segment seals (takes no new tick) past this span, so retention can drop whole segments. */
export const SEGMENT_MAX_SPAN_MS = 3600000;
/** ...or past this many runs (a rate that keeps changing). */
export const SEGMENT_MAX_RUNS = 2048;

// Run columns: start time of its first tick, ticks, index offset, bytes offset, then (r, phi) per lane.
/** appendTick results. */
export const APPEND_REJECTED = 0;
export const APPEND_GREW = 1;
export const APPEND_NEW_RUN = 2;

const START = 0, TICKS = 1, IDX = 2, BYTES = 3, LANES = 4;

/** Bulk records of one shard over consecutive ticks, stored as lanes and runs of counts. */
export class SegmentBlock implements RecordBlock {
  readonly kind = 'segment' as const;
  count = 0;
  bytes = 0;
  /** Firehose's per-lane record recipes for this block (firehose/kinesisBulkRead.ts), built on first read (plain data). */
  readerRecipes?: unknown[];
  private runs: Float64Array;
  private nRuns = 0;
  private readonly stride: number;
  private sealed = false;
  private readonly sizes: Float64Array;
  // growTick's view of a one-lane segment in plain fields (one object to read per tick, not the arrays):
  // the record size, the first tick's time, and the last run's start, ticks and pattern (mirrors of runs).
  private readonly size0: number;
  private start0 = NaN;
  private tailStart = NaN;
  private tailTicks = 0;
  private tailR = NaN;
  private tailPhi = NaN;

  constructor(
    readonly firstIndex: number,
    readonly lanes: readonly SegmentRecipe[],
    readonly tickMs: number,
    /** Earliest arrival any record here may have (the previous block's last arrival). */
    readonly floor: number,
  ) {
    this.stride = LANES + 2 * lanes.length;
    this.runs = new Float64Array(this.stride * 2);
    this.sizes = Float64Array.from(lanes, (l) => l.recordBytes);
    this.size0 = lanes.length === 1 ? lanes[0].recordBytes : NaN;
  }

  /** Records lane `l` writes in tick `k` of run `ri`. */
  private laneCount(ri: number, l: number, k: number): number {
    const o = ri * this.stride + LANES + 2 * l;
    const r = this.runs[o], phi = this.runs[o + 1];
    return Math.floor(phi + (k + 1) * r) - Math.floor(phi + k * r);
  }

  /** Records of every lane in the first `k` ticks of run `ri`. */
  private before(ri: number, k: number): number {
    let n = 0;
    const base = ri * this.stride + LANES;
    for (let l = 0; l < this.lanes.length; l++) {
      const r = this.runs[base + 2 * l], phi = this.runs[base + 2 * l + 1];
      n += Math.floor(phi + k * r) - Math.floor(phi);
    }
    return n;
  }

  /**
   * Adds one tick ending at `time` in which lane l wrote `counts[l]` records,
   * with `rates[l]` and `phis[l]` (in [0, 1)) the pattern the writer follows:
   * it wrote floor(phi + r) - floor(phi) this tick when not throttled. Returns
   * APPEND_GREW when the tick extended the last run, APPEND_NEW_RUN when it
   * started a run (the writer then restarts its pattern at phi), and
   * APPEND_REJECTED (changing nothing) when the tick cannot join this segment:
   * other lanes, a sealed segment, or a time not after the last tick.
   */
  appendTick(time: number, lanes: readonly SegmentRecipe[], counts: ArrayLike<number>, rates: ArrayLike<number>, phis: ArrayLike<number>): number {
    if (this.sealed || lanes.length !== this.lanes.length) return APPEND_REJECTED;
    for (let l = 0; l < lanes.length; l++) if (lanes[l] !== this.lanes[l]) return APPEND_REJECTED;
    const last = this.nRuns - 1;
    if (last >= 0) {
      const o = last * this.stride;
      const lastTick = this.runs[o + START] + (this.runs[o + TICKS] - 1) * this.tickMs;
      if (time <= lastTick) return APPEND_REJECTED;
      if (time - this.runs[START] >= SEGMENT_MAX_SPAN_MS) {
        this.sealed = true;
        return APPEND_REJECTED;
      }
      // Same run: contiguous tick whose counts follow the run's pattern.
      if (time === lastTick + this.tickMs) {
        const k = this.runs[o + TICKS];
        let fits = true;
        for (let l = 0; l < lanes.length && fits; l++) fits = this.laneCount(last, l, k) === counts[l];
        if (fits) {
          this.runs[o + TICKS] = k + 1;
          this.tailTicks = k + 1;
          this.addTotals(counts);
          return APPEND_GREW;
        }
      }
      if (this.nRuns >= SEGMENT_MAX_RUNS) {
        this.sealed = true;
        return APPEND_REJECTED;
      }
    }
    // A new run: the writer's pattern when the tick follows it, else the counts themselves.
    let follows = true;
    for (let l = 0; l < lanes.length && follows; l++) follows = Math.floor(phis[l] + rates[l]) === counts[l];
    if ((this.nRuns + 1) * this.stride > this.runs.length) {
      const bigger = new Float64Array(this.runs.length * 2);
      bigger.set(this.runs);
      this.runs = bigger;
    }
    const o = this.nRuns * this.stride;
    this.runs[o + START] = time;
    this.runs[o + TICKS] = 1;
    this.runs[o + IDX] = this.count;
    this.runs[o + BYTES] = this.bytes;
    for (let l = 0; l < lanes.length; l++) {
      this.runs[o + LANES + 2 * l] = follows ? rates[l] : counts[l];
      this.runs[o + LANES + 2 * l + 1] = follows ? phis[l] : 0;
    }
    this.nRuns++;
    if (this.nRuns === 1) this.start0 = time;
    this.tailStart = time;
    this.tailTicks = 1;
    this.tailR = this.runs[o + LANES];
    this.tailPhi = this.runs[o + LANES + 1];
    this.addTotals(counts);
    return APPEND_NEW_RUN;
  }

  /**
   * appendTick's APPEND_GREW case for a one-lane segment, for a writer that
   * knows the lanes are this segment's own (the bulk writer's steady path):
   * extends the last run by a tick of `count` records at `time` when the tick
   * follows it and the run's pattern gives `count`, with appendTick's checks.
   * Returns false, changing nothing, in every other case (the caller then
   * calls appendTick, which seals, starts a run or rejects).
   */
  growTick(time: number, count: number): boolean {
    // size0 is NaN unless there is one lane; tailTicks is 0 before the first run.
    if (this.sealed || this.tailTicks === 0 || this.size0 !== this.size0) return false;
    const k = this.tailTicks;
    if (time !== this.tailStart + k * this.tickMs) return false;
    if (time - this.start0 >= SEGMENT_MAX_SPAN_MS) return false; // appendTick seals it
    const r = this.tailR, phi = this.tailPhi;
    if (Math.floor(phi + (k + 1) * r) - Math.floor(phi + k * r) !== count) return false;
    this.runs[(this.nRuns - 1) * this.stride + TICKS] = k + 1;
    this.tailTicks = k + 1;
    this.count += count;
    this.bytes += count * this.size0;
    return true;
  }

  private addTotals(counts: ArrayLike<number>): void {
    for (let l = 0; l < this.lanes.length; l++) {
      this.count += counts[l];
      this.bytes += counts[l] * this.sizes[l];
    }
  }

  /** Number of runs (a steady stream has one per segment). */
  get runCount(): number {
    return this.nRuns;
  }

  /** Time of the last tick written. */
  get lastTickTime(): number {
    const o = (this.nRuns - 1) * this.stride;
    return this.nRuns === 0 ? -Infinity : this.runs[o + START] + (this.runs[o + TICKS] - 1) * this.tickMs;
  }

  /**
   * The shard index after the last record written before `time`: a tick's
   * records are all written at the tick's time (their arrivals spread over the
   * interval before it), so a reader polling at `time` sees the ticks before it.
   */
  writtenBefore(time: number): number {
    const s = this.stride;
    if (this.nRuns === 0 || this.runs[START] >= time) return this.firstIndex;
    let lo = 0, hi = this.nRuns - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.runs[mid * s + START] < time) lo = mid;
      else hi = mid - 1;
    }
    const ticks = Math.min(this.runs[lo * s + TICKS], Math.ceil((time - this.runs[lo * s + START]) / this.tickMs));
    return this.firstIndex + this.runs[lo * s + IDX] + this.before(lo, ticks);
  }

  /** Time of the first tick written (the block's first write). */
  get firstTickTime(): number {
    return this.nRuns === 0 ? Infinity : this.runs[START];
  }

  /** Where record `index` sits: run, tick in run, lane, its rank in the tick and the tick's size. */
  locate(index: number): { run: number; tick: number; lane: number; inTick: number; tickCount: number } {
    const off = index - this.firstIndex;
    const s = this.stride;
    let lo = 0, hi = this.nRuns - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.runs[mid * s + IDX] <= off) lo = mid;
      else hi = mid - 1;
    }
    const inRun = off - this.runs[lo * s + IDX];
    // Last tick k with before(k) <= inRun.
    let a = 0, b = this.runs[lo * s + TICKS] - 1;
    {
      // before(k) is within L of k*r (r the lanes' summed rate, L lanes, each
      // lane's floor off by less than one), so the tick lies within L/r + 1 of
      // inRun/r: bisect only within that window span.
      let r = 0;
      for (let l = 0; l < this.lanes.length; l++) r += this.runs[lo * s + LANES + 2 * l];
      if (r > 0) {
        const k = Math.floor(inRun / r);
        const w = Math.ceil(this.lanes.length / r) + 2;
        if (k - w > a) a = k - w;
        if (k + w < b) b = k + w;
        if (a > b) a = b;
      }
    }
    while (a < b) {
      const mid = Math.floor((a + b + 1) / 2);
      if (this.before(lo, mid) <= inRun) a = mid;
      else b = mid - 1;
    }
    const start = this.before(lo, a);
    let rank = inRun - start;
    const inTick = rank;
    let lane = 0;
    let tickCount = 0;
    for (let l = 0; l < this.lanes.length; l++) tickCount += this.laneCount(lo, l, a);
    for (; lane < this.lanes.length; lane++) {
      const c = this.laneCount(lo, lane, a);
      if (rank < c) break;
      rank -= c;
    }
    return { run: lo, tick: a, lane, inTick, tickCount };
  }

  arrivalAt(index: number): number {
    const p = this.locate(index);
    const end = this.runs[p.run * this.stride + START] + p.tick * this.tickMs;
    const t = end - this.tickMs + Math.floor(((p.inTick + 1) * this.tickMs) / p.tickCount);
    return t < this.floor ? this.floor : t;
  }

  sizeAt(index: number): number {
    if (this.lanes.length === 1) return this.sizes[0];
    return this.sizes[this.locate(index).lane];
  }

  take(from: number, maxRecords: number, maxBytes: number): { count: number; bytes: number } {
    const left = Math.min(this.firstIndex + this.count - from, Math.max(0, maxRecords));
    if (left <= 0) return { count: 0, bytes: 0 };
    if (this.lanes.length === 1) {
      const size = this.sizes[0];
      const n = Math.max(1, Math.min(left, Math.floor(maxBytes / size)));
      return { count: n, bytes: n * size };
    }
    // Several lanes of different sizes: the longest prefix whose bytes fit (at
    // least one record), found by bisecting the block's byte prefix sums (what
    // a record-by-record walk finds, without a locate per record).
    const base = this.bytesBefore(from);
    const limit = base + maxBytes;
    if (this.bytesBefore(from + left) <= limit) return { count: left, bytes: this.bytesBefore(from + left) - base };
    let lo = 1, hi = left - 1; // bytesBefore(from + hi + 1) > limit
    if (this.bytesBefore(from + 1) > limit) hi = 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.bytesBefore(from + mid) <= limit) lo = mid;
      else hi = mid - 1;
    }
    return { count: lo, bytes: this.bytesBefore(from + lo) - base };
  }

  /** Bytes of this block's records before shard index `index` (lanes in order within each tick). */
  bytesBefore(index: number): number {
    if (index <= this.firstIndex) return 0;
    if (index >= this.firstIndex + this.count) return this.bytes;
    const p = this.locate(index);
    const o = p.run * this.stride;
    let n = this.runs[o + BYTES];
    let rank = p.inTick;
    for (let l = 0; l < this.lanes.length; l++) {
      const r = this.runs[o + LANES + 2 * l], phi = this.runs[o + LANES + 2 * l + 1];
      n += (Math.floor(phi + p.tick * r) - Math.floor(phi)) * this.sizes[l];
      const c = Math.floor(phi + (p.tick + 1) * r) - Math.floor(phi + p.tick * r);
      const inLane = rank < c ? rank : c;
      n += inLane * this.sizes[l];
      rank -= inLane;
    }
    return n;
  }

  read(index: number, mats: MaterialiserRegistry): StoredRecord {
    const arrival = this.arrivalAt(index);
    const lane = this.lanes.length === 1 ? 0 : this.locate(index).lane;
    const m = materialiseLane(mats, this.lanes[lane], index, arrival);
    const rec: StoredRecord = { index, data: m.data, partitionKey: m.partitionKey, arrival };
    if (m.explicitHashKey !== undefined) rec.explicitHashKey = m.explicitHashKey;
    return rec;
  }

  /** Records of lane `l` in the whole of run `ri`. */
  private laneTotal(ri: number, l: number): number {
    const o = ri * this.stride + LANES + 2 * l;
    const r = this.runs[o], phi = this.runs[o + 1];
    return Math.floor(phi + this.runs[ri * this.stride + TICKS] * r) - Math.floor(phi);
  }

  /**
   * Lane view (bulk readers): how many records of lane `l` sit in this block
   * before shard index `index`. A lane's records, numbered in order by this
   * ordinal, form one contiguous run however the lanes interleave per tick.
   */
  laneOrdinal(index: number, l: number): number {
    if (index <= this.firstIndex) return 0;
    const end = index >= this.firstIndex + this.count;
    const p = end ? undefined : this.locate(index);
    const lastRun = p === undefined ? this.nRuns : p.run;
    let n = 0;
    for (let ri = 0; ri < lastRun; ri++) n += this.laneTotal(ri, l);
    if (p === undefined) return n;
    const o = p.run * this.stride + LANES + 2 * l;
    const r = this.runs[o], phi = this.runs[o + 1];
    n += Math.floor(phi + p.tick * r) - Math.floor(phi);
    let offset = 0;
    for (let j = 0; j < l; j++) offset += this.laneCount(p.run, j, p.tick);
    return n + Math.min(Math.max(0, p.inTick - offset), this.laneCount(p.run, l, p.tick));
  }

  /** The shard index of lane `l`'s record number `ordinal` in this block (inverse of laneOrdinal). */
  laneIndex(l: number, ordinal: number): number {
    let ri = 0, acc = 0;
    for (; ri < this.nRuns - 1; ri++) {
      const t = this.laneTotal(ri, l);
      if (ordinal < acc + t) break;
      acc += t;
    }
    const jr = ordinal - acc;
    const o = ri * this.stride + LANES + 2 * l;
    const r = this.runs[o], phi = this.runs[o + 1];
    const f0 = Math.floor(phi);
    // The tick k with laneBefore(k) <= jr < laneBefore(k + 1), laneBefore(k) = floor(phi + k*r) - f0:
    // estimate from the rate, then step (no closure: this runs for every lane slice read).
    const last = this.runs[ri * this.stride + TICKS] - 1;
    let k = r > 0 ? Math.min(last, Math.max(0, Math.floor((jr + 1 - (phi - f0)) / r) - 1)) : 0;
    while (k > 0 && Math.floor(phi + k * r) - f0 > jr) k--;
    while (k < last && Math.floor(phi + (k + 1) * r) - f0 <= jr) k++;
    let offset = 0;
    for (let j = 0; j < l; j++) offset += this.laneCount(ri, j, k);
    return this.firstIndex + this.runs[ri * this.stride + IDX] + this.before(ri, k) + offset + (jr - (Math.floor(phi + k * r) - f0));
  }

  heapBytes(): number {
    return this.runs.byteLength + this.sizes.byteLength + 96 + this.lanes.length * 8;
  }
}
