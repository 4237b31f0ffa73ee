/**
 * One partition of a legacy SQL sliding window (WINDOW w AS (PARTITION BY ...
 * RANGE INTERVAL 'n' unit PRECEDING | ROWS n PRECEDING)): the rows still
 * inside it, and its aggregates kept incrementally, so a row costs O(1)
 * amortised however many rows the window holds [KDA-SQL19
 * sliding-window-concepts.md]. COUNT, SUM and AVG add the new row's value and
 * subtract the values of rows leaving; MIN and MAX keep a monotonic deque per
 * slot (rows that can still be the window's minimum / maximum, oldest first),
 * so they never rescan the window. Plain data: checkpoints copy it.
 */
import { addAgg, newAgg, removeAgg, type AggState } from './aggregates';

export interface SlidePartition {
  /** Absolute number of the row at times[0] (rows are numbered from 0 as they enter). */
  base: number;
  /** First row still in the window (absolute). */
  head: number;
  /** Each row's ROWTIME, and its value per slot (row r, slot i at (r - base) * slots + i). */
  times: number[];
  values: Array<number | null>;
  slots: number;
  aggs: AggState[];
  /** Per MIN/MAX slot (others: empty): the deque of absolute rows, and where it starts. */
  deque: number[][];
  dequeHead: number[];
}

/** Rows dropped before the arrays are compacted (amortises the shift). */
const COMPACT_AFTER = 1024;

/** An empty partition for these aggregate functions (one per slot). */
export function newPartition(fns: string[]): SlidePartition {
  return { base: 0, head: 0, times: [], values: [], slots: fns.length, aggs: fns.map(newAgg), deque: fns.map(() => []), dequeHead: fns.map(() => 0) };
}

/** How rows leave: by ROWTIME age (RANGE, ms) or by count (ROWS n keeps n + 1 with the current row). */
export interface Extent { rangeMs?: number; rows?: number }

/**
 * Adds a row (its ROWTIME and its value per slot; null is skipped, COUNT(*)
 * passes 1), drops the rows that left the window, and leaves the window's
 * aggregates in p.aggs.
 */
export function slide(p: SlidePartition, fns: string[], rowtime: number, vals: Array<number | null>, extent: Extent): void {
  const S = p.slots;
  const r = p.base + p.times.length;
  p.times.push(rowtime);
  for (let i = 0; i < S; i++) {
    const v = vals[i];
    p.values.push(v);
    addAgg(p.aggs[i], v);
    if (v === null || (fns[i] !== 'MIN' && fns[i] !== 'MAX')) continue;
    // A value no better than the new one can never be the extreme again while the new one is in the window.
    const q = p.deque[i], max = fns[i] === 'MAX';
    while (q.length > p.dequeHead[i]) {
      const last = p.values[(q[q.length - 1] - p.base) * S + i]!;
      if (max ? last > v : last < v) break;
      q.pop();
    }
    q.push(r);
  }
  // Rows leave the window by time (RANGE) or count (ROWS).
  const end = p.base + p.times.length;
  let head = p.head;
  if (extent.rangeMs !== undefined) while (head < end && p.times[head - p.base] < rowtime - extent.rangeMs) head++;
  if (extent.rows !== undefined) head = Math.max(p.head, end - (extent.rows + 1));
  for (let k = p.head; k < head; k++) for (let i = 0; i < S; i++) removeAgg(p.aggs[i], p.values[(k - p.base) * S + i]);
  p.head = head;
  for (let i = 0; i < S; i++) {
    if (fns[i] !== 'MIN' && fns[i] !== 'MAX') continue;
    const q = p.deque[i];
    while (p.dequeHead[i] < q.length && q[p.dequeHead[i]] < head) p.dequeHead[i]++;
    const front = p.dequeHead[i] < q.length ? p.values[(q[p.dequeHead[i]] - p.base) * S + i]! : undefined;
    if (fns[i] === 'MIN') p.aggs[i][2] = front ?? Infinity;
    else p.aggs[i][3] = front ?? -Infinity;
    if (p.dequeHead[i] >= COMPACT_AFTER && p.dequeHead[i] * 2 >= q.length) {
      q.splice(0, p.dequeHead[i]);
      p.dequeHead[i] = 0;
    }
  }
  const gone = head - p.base;
  if (gone >= COMPACT_AFTER && gone * 2 >= p.times.length) {
    p.times.splice(0, gone);
    p.values.splice(0, gone * S);
    p.base = head;
  }
}
