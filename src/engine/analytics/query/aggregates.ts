/** COUNT, SUM, AVG, MIN and MAX as mergeable plain-data states (windows and sessions merge them). */
import { EvalError } from './evaluate';

/** [count, sum, min, max] of one aggregate in one group. */
export type AggState = [number, number, number, number];

/** Aggregate functions the subset knows. */
export const AGG_FNS = new Set(['COUNT', 'SUM', 'AVG', 'MIN', 'MAX']);

export function newAgg(): AggState {
  return [0, 0, Infinity, -Infinity];
}

/** Adds one value (null is skipped, except by COUNT(*), which passes 1). */
export function addAgg(s: AggState, v: number | null): void {
  if (v === null) return;
  s[0]++;
  s[1] += v;
  if (v < s[2]) s[2] = v;
  if (v > s[3]) s[3] = v;
}

/** Removes a value added earlier (sliding windows); MIN and MAX are recomputed by the caller. */
export function removeAgg(s: AggState, v: number | null): void {
  if (v === null) return;
  s[0]--;
  s[1] -= v;
}

/** Merges `b` into `a` (session windows joining). */
export function mergeAgg(a: AggState, b: AggState): void {
  a[0] += b[0];
  a[1] += b[1];
  a[2] = Math.min(a[2], b[2]);
  a[3] = Math.max(a[3], b[3]);
}

/** The aggregate's result. */
export function aggResult(fn: string, s: AggState): number | null {
  switch (fn) {
    case 'COUNT': return s[0];
    case 'SUM': return s[0] === 0 ? null : s[1];
    case 'AVG': return s[0] === 0 ? null : s[1] / s[0];
    case 'MIN': return s[0] === 0 ? null : s[2];
    case 'MAX': return s[0] === 0 ? null : s[3];
  }
  throw new EvalError(`Unknown aggregate ${fn}`);
}
