/**
 * Incremental sliding-window aggregates: hand-checked values as rows enter
 * and leave a RANGE and a ROWS window, and a property test against
 * recomputing every aggregate over the rows in the window from scratch.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { newPartition, slide, type Extent } from '../../../../src/engine/analytics/query/slidingWindow';
import { aggResult } from '../../../../src/engine/analytics/query/aggregates';

const FNS = ['COUNT', 'SUM', 'AVG', 'MIN', 'MAX'];

/** Slides rows (ROWTIME s, value) through a partition; returns [COUNT, SUM, AVG, MIN, MAX] after each. */
function run(rows: Array<[number, number | null]>, extent: Extent): Array<Array<number | null>> {
  const p = newPartition(FNS);
  return rows.map(([t, v]) => {
    slide(p, FNS, t * 1000, [1, v, v, v, v], extent);
    return FNS.map((fn, i) => aggResult(fn, p.aggs[i]));
  });
}

describe('sliding window aggregates', () => {
  it('RANGE 10 s: rows older than ROWTIME - 10 s leave, MIN and MAX follow them out', () => {
    // ROWTIME 0: 5 | 3: 9 | 8: 1 | 12 (0 leaves): 7 | 13.5 (3 leaves): 2 | 19 (8 leaves): 6 | 30 (all leave): null.
    expect(run([[0, 5], [3, 9], [8, 1], [12, 7], [13.5, 2], [19, 6], [30, null]], { rangeMs: 10000 })).toEqual([
      [1, 5, 5, 5, 5],
      [2, 14, 7, 5, 9],
      [3, 15, 5, 1, 9],
      [3, 17, 17 / 3, 1, 9],
      [3, 10, 10 / 3, 1, 7],
      [3, 15, 5, 2, 7],
      [1, null, null, null, null],
    ]);
  });

  it('a row exactly RANGE old stays (the window is [ROWTIME - range, ROWTIME])', () => {
    expect(run([[0, 4], [10, 6], [10.001, 8]], { rangeMs: 10000 }).map((r) => r[0])).toEqual([1, 2, 2]);
  });

  it('ROWS 2 PRECEDING keeps the current row and two before it', () => {
    expect(run([[0, 3], [0, 8], [0, 1], [0, 4], [0, 9], [0, 2]], { rows: 2 })).toEqual([
      [1, 3, 3, 3, 3],
      [2, 11, 5.5, 3, 8],
      [3, 12, 4, 1, 8],
      [3, 13, 13 / 3, 1, 8],
      [3, 14, 14 / 3, 1, 9],
      [3, 15, 5, 2, 9],
    ]);
  });

  it('matches recomputing over the window from scratch, through many compactions', () => {
    const row = fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.option(fc.integer({ min: -50, max: 50 }), { freq: 6 }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 2500 }), fc.oneof(fc.record({ rangeMs: fc.integer({ min: 0, max: 20000 }) }) as fc.Arbitrary<Extent>, fc.record({ rows: fc.integer({ min: 0, max: 40 }) }) as fc.Arbitrary<Extent>), (steps, extent) => {
        // ROWTIME never goes back: accumulate the steps (ms).
        let t = 0;
        const rows = steps.map(([dt, v]) => [(t += dt % 50) / 1000, v] as [number, number | null]);
        const got = run(rows, extent);
        rows.forEach((_, i) => {
          const now = rows[i][0] * 1000;
          const inWindow: Array<[number, number | null]> = [];
          for (let j = i; j >= 0 && (extent.rows !== undefined ? j >= i - extent.rows : rows[j][0] * 1000 >= now - extent.rangeMs!); j--) inWindow.unshift(rows[j]);
          const vals = inWindow.map((r) => r[1]).filter((v): v is number => v !== null);
          const sum = vals.reduce((a, b) => a + b, 0);
          expect(got[i]).toEqual([inWindow.length, vals.length ? sum : null, vals.length ? sum / vals.length : null, vals.length ? Math.min(...vals) : null, vals.length ? Math.max(...vals) : null]);
        });
      }),
      { numRuns: 40, seed: 3 },
    );
  });
});
