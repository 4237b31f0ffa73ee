import { describe, expect, it } from 'vitest';
import { SegmentBlock, type SegmentRecipe } from '../../../src/engine/kinesis/segmentBlock';

function recipe(bytes: number): SegmentRecipe {
  return { kind: 'test-lane', recordBytes: bytes };
}

/** A block of three lanes: two runs (fractional rates, then fixed counts after a throttled tick). */
function threeLanes(): SegmentBlock {
  const lanes = [recipe(10), recipe(20), recipe(30)];
  const seg = new SegmentBlock(100, lanes, 1000, -Infinity);
  const rates = [2.5, 1, 0.4];
  const phi = [0, 0, 0];
  for (let k = 0; k < 5; k++) {
    const counts = rates.map((r, l) => Math.floor(phi[l] + r));
    seg.appendTick((k + 1) * 1000, lanes, counts, rates, phi);
    for (let l = 0; l < 3; l++) phi[l] = (phi[l] + rates[l]) % 1;
  }
  // A throttled tick: counts off the pattern start a run that repeats them.
  seg.appendTick(6000, lanes, [1, 0, 2], rates, phi);
  seg.appendTick(7000, lanes, [1, 0, 2], rates, phi);
  return seg;
}

describe('SegmentBlock lanes', () => {
  it('numbers each lane\'s records in order and maps the numbers back to shard indexes exactly', () => {
    const seg = threeLanes();
    expect(seg.runCount).toBe(2);
    // Ticks 1-5: lane0 2,3,2,3,2 / lane1 1 each / lane2 0,0,1,0,1; ticks 6-7: 1,0,2 each.
    expect(seg.count).toBe(12 + 5 + 2 + 6);
    const seen = [0, 0, 0];
    const order: number[] = [];
    for (let i = seg.firstIndex; i < seg.firstIndex + seg.count; i++) {
      const lane = seg.locate(i).lane;
      order.push(lane);
      expect(seg.laneOrdinal(i, lane)).toBe(seen[lane]);
      expect(seg.laneIndex(lane, seen[lane])).toBe(i);
      seen[lane]++;
    }
    expect(seen).toEqual([14, 5, 6]);
    expect(order.join('')).toBe('001' + '0001' + '0012' + '0001' + '0012' + '022' + '022');
    expect([0, 1, 2].map((l) => seg.laneOrdinal(seg.firstIndex + seg.count, l))).toEqual([14, 5, 6]);
    // Index 110 is lane 2's first record (the last of tick 3): none of lane 2 before it, one before 111.
    expect(seg.laneOrdinal(110, 2)).toBe(0);
    expect(seg.laneOrdinal(111, 2)).toBe(1);
  });
});
