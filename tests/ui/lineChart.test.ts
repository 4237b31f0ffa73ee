import { describe, it, expect } from 'vitest';
import { dedupeTicks, spreadLabels, LABEL_GAP } from '../../src/ui/charts/LineChart';

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
