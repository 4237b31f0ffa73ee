import { describe, it, expect } from 'vitest';
import { dedupeTicks, linePoints, spreadLabels, LABEL_GAP } from '../../src/ui/charts/LineChart';

describe('dedupeTicks', () => {
  it('shows "0 s" once on an all-zero axis in seconds', () => {
    const seconds = (v: number) => `${(v / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s`;
    expect(dedupeTicks([0, 0.2, 0.4, 0.6, 0.8, 1], seconds)).toEqual([0]);
    expect(dedupeTicks([0, 500, 1000, 1500], seconds)).toEqual([0, 500, 1000, 1500]);
  });
});

describe('spreadLabels', () => {
  it('keeps labels at least LABEL_GAP apart, in their order, away from the limit label', () => {
    const y = spreadLabels([100, 100, 101, 40], 95, 10, 170);
    expect(y[3]).toBe(40);
    const sorted = [y[0], y[1], y[2]].sort((a, b) => a - b);
    expect(sorted[1] - sorted[0]).toBeGreaterThanOrEqual(LABEL_GAP);
    expect(sorted[2] - sorted[1]).toBeGreaterThanOrEqual(LABEL_GAP);
    for (const v of y) expect(Math.abs(v - 95) >= LABEL_GAP || v === 40).toBe(true);
  });

  it('shifts a run pushed past the bottom back up inside the range', () => {
    expect(spreadLabels([170, 170, 170], undefined, 10, 170)).toEqual([148, 159, 170]);
  });
});

describe('linePoints', () => {
  it('passes through each flush at the fill it reached, between the samples around it', () => {
    // A 1 MiB buffer filling at 0.5 MiB/s flushes every 2 s: the end-of-second samples read 0.5, 0, 0.5, 0 ...
    const times = [1000, 2000, 3000, 4000];
    const fill = [0.5, 0, 0.5, 0];
    const drops = [{ time: 2000, from: 1, to: 0 }, { time: 4000, from: 1, to: 0 }, { time: 9000, from: 1, to: 0 }];
    expect(linePoints(times, fill, drops)).toEqual([
      [1000, 0.5],
      [2000, 1], [2000, 0], [2000, 0],
      [3000, 0.5],
      [4000, 1], [4000, 0], [4000, 0],
    ]);
    // Between samples too: a flush at 2.5 s sits between the 2 s and 3 s samples.
    expect(linePoints([2000, 3000], [0.2, 0.1], [{ time: 2500, from: 0.7, to: 0 }])).toEqual([[2000, 0.2], [2500, 0.7], [2500, 0], [3000, 0.1]]);
    expect(linePoints([1000], [3])).toEqual([[1000, 3]]);
  });
});
