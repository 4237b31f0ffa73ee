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

/** Records of [from, from + n) whose point is below threshold `th` (0 <= th <= P), with u0 the point of `from`. */
function countBelow(n: number, u0: number, th: number): number {
  if (th <= 0 || n === 0) return 0;
  if (th >= KEY_SLOTS) return n;
  // [u < th] = floor(x / P) - floor((x + P - th) / P) + 1 for x = A*i + u0.
  return floorSum(n, KEY_SLOTS, STEP, u0) - floorSum(n, KEY_SLOTS, STEP, u0 + KEY_SLOTS - th) + n;
}

/** Largest stretch counted in one piece (keeps floorSum's sums well inside 2^53). */
const CHUNK = 1 << 22;

/** Where a lane's counting left off: counts below each threshold over [base, at). */
export interface KeyCountCursor {
  base: number;
  at: number;
  below: Float64Array;
}

/**
 * Adds to out[k] how many records of [from, to) take key k: the same keys
 * keySlotOf gives record by record (tests check it). A reader that counts
 * consecutive ranges passes a cursor, so each range costs one floor sum per
 * key instead of two.
 */
export function addKeyCounts(s: KeySchedule, from: number, to: number, out: Float64Array, cursor?: KeyCountCursor): void {
  const t = s.thresholds;
  if (cursor !== undefined && cursor.at === from && to - cursor.base <= CHUNK && cursor.below.length === t.length) {
    const u0 = pointOf(s, cursor.base);
    const n = to - cursor.base;
    let prevNew = 0, prevOld = 0;
    for (let k = 0; k < t.length; k++) {
      const c = k === t.length - 1 ? n : countBelow(n, u0, t[k]);
      out[k] += c - prevNew - (cursor.below[k] - prevOld);
      prevNew = c;
      prevOld = cursor.below[k];
      cursor.below[k] = c;
    }
    cursor.at = to;
    return;
  }
  for (let start = from; start < to; start += CHUNK) {
    const n = Math.min(CHUNK, to - start);
    const u0 = pointOf(s, start);
    let below = 0;
    for (let k = 0; k < t.length; k++) {
      const c = k === t.length - 1 ? n : countBelow(n, u0, t[k]);
      out[k] += c - below;
      below = c;
      if (cursor !== undefined && start + n === to) cursor.below[k] = c;
    }
    if (cursor !== undefined && start + n === to) {
      cursor.base = start;
      cursor.at = to;
    }
  }
}
