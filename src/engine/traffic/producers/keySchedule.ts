/**
 * Which key a bulk record gets, chosen so that a reader can count keys over a
 * range of records without materialising them (the analytics aggregate path,
 * runtime/segmentAggregates.ts). Record `index` of a shard takes the point
 * u = (A * index + B) mod P on a circle of P slots (a Weyl sequence: A odd,
 * about P / golden ratio, so consecutive records land far apart and any run of
 * records spreads evenly), and the key whose slice of the circle holds u; key
 * k owns [T(k-1), T(k)), T its cumulative weight times P. How many records of
 * [from, to) fall below a threshold is a floor sum, O(log P) exact integer
 * arithmetic, so a window's per-key counts cost O(keys log P), not O(records).
 */
import { searchCum } from './keyStrategies';

/** Slots on the circle (2^20: weights resolve to one part in a million). */
export const KEY_SLOTS = 1 << 20;
/**
 * The step: odd, so every slot is visited once per P records; near
 * P(sqrt(2) - 1), whose continued fraction [0; 2, 2, 2, ...] spreads runs
 * evenly and lets floorSum finish in about 16 rounds (the golden ratio's
 * [0; 1, 1, ...] would take 29).
 */
const STEP = 434335;

/** A lane's key schedule: thresholds on the circle and its offset. */
export interface KeySchedule {
  /** T(k) for each key, ascending, the last = KEY_SLOTS. */
  readonly thresholds: Float64Array;
  /** B, the lane's offset on the circle (from its seed). */
  readonly offset: number;
}

/** A schedule for keys with cumulative weights `cum` (ascending, last = 1), offset from `seed`. */
export function keySchedule(cum: ArrayLike<number>, seed: number): KeySchedule {
  const n = cum.length;
  const t = new Float64Array(n);
  for (let k = 0; k < n; k++) t[k] = k === n - 1 ? KEY_SLOTS : Math.min(KEY_SLOTS, Math.round(cum[k] * KEY_SLOTS));
  return { thresholds: t, offset: (seed >>> 0) % KEY_SLOTS };
}

/** A schedule giving `n` keys equal shares. */
export function uniformSchedule(n: number, seed: number): KeySchedule {
  return keySchedule(Array.from({ length: n }, (_, k) => (k + 1) / n), seed);
}

/** The point of record `index` on the circle. */
function pointOf(s: KeySchedule, index: number): number {
  // index mod P first, so the product stays below 2^40 (exact in a double).
  return (STEP * (index % KEY_SLOTS) + s.offset) % KEY_SLOTS;
}

/** The key number (position in the schedule's key list) of record `index`. */
export function keySlotOf(s: KeySchedule, index: number): number {
  // The first threshold above the record's point (thresholds ascend, as cumulative weights do).
  return searchCum(s.thresholds, pointOf(s, index));
}

/**
 * sum_{i=0}^{n-1} floor((a*i + b) / m) for integers n, m >= 1, a, b >= 0 (the
 * classic Euclid-like reduction). Exact while the sum and a*n + b stay below
 * 2^53: callers keep n to a few million and a, b, m below 2^21.
 */
export function floorSum(n: number, m: number, a: number, b: number): number {
  let ans = 0;
  for (;;) {
    if (a >= m) {
      const q = Math.floor(a / m);
      ans += ((n * (n - 1)) / 2) * q;
      a -= q * m;
    }
    if (b >= m) {
      const q = Math.floor(b / m);
      ans += n * q;
      b -= q * m;
    }
    const yMax = a * n + b;
    if (yMax < m) return ans;
    n = Math.floor(yMax / m);
    b = yMax - n * m;
    const t = m;
    m = a;
    a = t;
  }
}

/**
 * floorSum's reduction for m = P and a = STEP, the only pair the schedule
 * counts with: its moduli, reduced steps and step quotients are the same in
 * every call, so they are computed once, and each division by a modulus is a
 * multiplication by its reciprocal corrected to the exact quotient.
 */
const LADDER = ((): { m: Float64Array; a: Float64Array; q: Float64Array; inv: Float64Array } => {
  const ms: number[] = [], as: number[] = [], qs: number[] = [];
  for (let m = KEY_SLOTS, a = STEP; ;) {
    const q = Math.floor(a / m);
    a -= q * m;
    ms.push(m); as.push(a); qs.push(q);
    if (a === 0) break;
    [m, a] = [a, m];
  }
  return { m: Float64Array.from(ms), a: Float64Array.from(as), q: Float64Array.from(qs), inv: Float64Array.from(ms, (m) => 1 / m) };
})();

/** floorSum(n, KEY_SLOTS, STEP, b), the same integer (tests check it), with LADDER's constants. */
export function stepFloorSum(n: number, b: number): number {
  const { m: lm, a: la, q: lq, inv: li } = LADDER;
  let ans = 0;
  for (let r = 0; ; r++) {
    const m = lm[r], inv = li[r];
    ans += ((n * (n - 1)) / 2) * lq[r];
    if (b >= m) {
      // x * (1/m) is within one of x / m below 2^52: one correction step gives the exact quotient.
      let q = Math.floor(b * inv);
      const rem = b - q * m;
      if (rem < 0) q--;
      else if (rem >= m) q++;
      ans += n * q;
      b -= q * m;
    }
    const yMax = la[r] * n + b;
    if (yMax < m) return ans;
    let nn = Math.floor(yMax * inv);
    let rem = yMax - nn * m;
    if (rem < 0) { nn--; rem += m; } else if (rem >= m) { nn++; rem -= m; }
    n = nn;
    b = rem;
  }
}

/**
 * Records of [from, from + n) whose point is below threshold `th` (0 <= th <= P), with u0 the point
 * of `from` and f0 = stepFloorSum(n, u0) (the same for every threshold: computed once per range).
 */
function countBelow(n: number, u0: number, f0: number, th: number): number {
  if (th <= 0 || n === 0) return 0;
  if (th >= KEY_SLOTS) return n;
  // [u < th] = floor(x / P) - floor((x + P - th) / P) + 1 for x = A*i + u0.
  return f0 - stepFloorSum(n, u0 + KEY_SLOTS - th) + n;
}

/** Largest stretch counted in one piece (keeps floorSum's sums well inside 2^53). */
const CHUNK = 1 << 22;

/** Range lengths WeylPoints sorts points for: long enough to pay for it, short enough to keep (4 bytes a point). */
const POINTS_MIN_N = 64;
const POINTS_MAX_N = 1 << 17;
/** A length is sorted for once it has been counted this many times. */
const POINTS_REPEATS = 3;
/** Points kept at most (all lengths together; 32 MB), and lengths remembered. */
const POINTS_MAX_HELD = 1 << 23;
const POINTS_MAX_SEEN = 4096;

/**
 * The points STEP * t mod P of t < n, sorted, for the range lengths a reader
 * counts again and again (a steady shard gives the same number of records a
 * minute). Record from + t of any lane sits at (that point + the lane's point
 * of `from`) mod P, so a key's count over [from, from + n) is the number of
 * these points in one arc of the circle: two rank lookups, and the points
 * spread so evenly (a low-discrepancy sequence) that each rank is found a few
 * steps from n * y / P. A derived cache (the materialiser registry's), not
 * state: counts are the same with or without it.
 */
export class WeylPoints {
  private readonly seen = new Map<number, number>();
  private readonly sorted = new Map<number, Int32Array>();
  private held = 0;

  /** The sorted points for length n, once n has come back often enough; undefined before. */
  get(n: number): Int32Array | undefined {
    const had = this.sorted.get(n);
    if (had !== undefined) return had;
    if (n < POINTS_MIN_N || n > POINTS_MAX_N) return undefined;
    const times = (this.seen.get(n) ?? 0) + 1;
    if (this.seen.size >= POINTS_MAX_SEEN) this.seen.clear();
    this.seen.set(n, times);
    if (times < POINTS_REPEATS) return undefined;
    if (this.held + n > POINTS_MAX_HELD) {
      this.sorted.clear();
      this.held = 0;
    }
    const a = sortedPoints(n);
    this.sorted.set(n, a);
    this.held += n;
    return a;
  }
}

/** STEP * t mod P for t < n, ascending (distinct: STEP is odd). Long lists are marked on the circle and collected, in O(P). */
function sortedPoints(n: number): Int32Array {
  const a = new Int32Array(n);
  if (n < KEY_SLOTS >> 5) {
    for (let t = 0, p = 0; t < n; t++, p = (p + STEP) % KEY_SLOTS) a[t] = p;
    return a.sort();
  }
  const marks = new Uint8Array(KEY_SLOTS);
  for (let t = 0, p = 0; t < n; t++) {
    marks[p] = 1;
    p += STEP;
    if (p >= KEY_SLOTS) p -= KEY_SLOTS;
  }
  for (let p = 0, j = 0; j < n; p++) if (marks[p] === 1) a[j++] = p;
  return a;
}

/** How many of the n sorted points `a` lie below y (0 <= y <= P). */
function rankBelow(a: Int32Array, n: number, y: number): number {
  let g = Math.min(n, Math.floor((n * y) / KEY_SLOTS));
  while (g < n && a[g] < y) g++;
  while (g > 0 && a[g - 1] >= y) g--;
  return g;
}

/** addKeyCounts over [from, from + a.length) by rank lookups in the sorted points `a` (WeylPoints). */
function addRankedCounts(s: KeySchedule, from: number, a: Int32Array, out: Float64Array): void {
  const t = s.thresholds;
  const n = a.length;
  const last = t.length - 1;
  // Record from + i is below th when point i of `a` is in the arc [lo, lo + th) (mod P), lo = P - point(from).
  const lo = (KEY_SLOTS - pointOf(s, from)) % KEY_SLOTS;
  // Each rank's first probe is a cache miss in a long array: touched first in one loop of independent reads
  // (the processor overlaps them), the walks below then find those lines cached. Counts are the same.
  let touch = a[Math.min(n - 1, Math.floor((n * lo) / KEY_SLOTS))];
  for (let k = 0; k < last; k++) {
    const th = t[k];
    const y = lo + th <= KEY_SLOTS ? lo + th : lo + th - KEY_SLOTS;
    touch ^= a[Math.min(n - 1, Math.floor((n * y) / KEY_SLOTS))];
  }
  const rLo = rankBelow(a, n, lo) + (touch & 0); // (touch read, so the loop above is not dropped)
  let below = 0;
  for (let k = 0; k < t.length; k++) {
    const th = t[k];
    let c: number;
    if (k === last) c = n;
    else if (th <= 0) c = 0;
    else {
      const hi = lo + th;
      c = hi <= KEY_SLOTS ? rankBelow(a, n, hi) - rLo : n - rLo + rankBelow(a, n, hi - KEY_SLOTS);
    }
    out[k] += c - below;
    below = c;
  }
}

/**
 * Adds to out[k] how many records of [from, to) take key k: the same keys
 * keySlotOf gives record by record (tests check it). A reader that passes
 * `points` (WeylPoints) counts ranges of a length it has counted before by
 * rank lookups; other ranges cost one floor sum per key.
 */
export function addKeyCounts(s: KeySchedule, from: number, to: number, out: Float64Array, points?: WeylPoints): void {
  const t = s.thresholds;
  const sorted = points?.get(to - from);
  if (sorted !== undefined) {
    addRankedCounts(s, from, sorted, out);
    return;
  }
  for (let start = from; start < to; start += CHUNK) {
    const n = Math.min(CHUNK, to - start);
    const u0 = pointOf(s, start);
    const f0 = stepFloorSum(n, u0);
    let below = 0;
    for (let k = 0; k < t.length; k++) {
      const c = k === t.length - 1 ? n : countBelow(n, u0, f0, t[k]);
      out[k] += c - below;
      below = c;
    }
  }
}
