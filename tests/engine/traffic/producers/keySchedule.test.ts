import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addKeyCounts, floorSum, KEY_SLOTS, keySchedule, keySlotOf, stepFloorSum, uniformSchedule, WeylPoints } from '../../../../src/engine/traffic/producers/keySchedule';

function bruteFloorSum(n: number, m: number, a: number, b: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.floor((a * i + b) / m);
  return s;
}

function bruteCounts(s: ReturnType<typeof keySchedule>, from: number, to: number): number[] {
  const out = new Array<number>(s.thresholds.length).fill(0);
  for (let i = from; i < to; i++) out[keySlotOf(s, i)]++;
  return out;
}

describe('keySchedule', () => {
  it('floorSum equals the sum it names', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 9000 }), fc.integer({ min: 0, max: 9000 }), (n, m, a, b) => {
      expect(floorSum(n, m, a, b)).toBe(bruteFloorSum(n, m, a, b));
    }), { numRuns: 300 });
  });

  it('stepFloorSum (the precomputed reduction for the schedule\'s modulus and step) equals floorSum, up to 2^22 records', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1 << 22 }), fc.integer({ min: 0, max: 2 * KEY_SLOTS }), (n, b) => {
      expect(stepFloorSum(n, b)).toBe(floorSum(n, KEY_SLOTS, 434335, b));
    }), { numRuns: 2000 });
  });

  it('counts a range length it has met before by rank lookups in sorted points, the same counts as record by record', () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 2 ** 31 }),
      fc.integer({ min: 0, max: 5e6 }), fc.integer({ min: 64, max: 3000 }), fc.integer({ min: 1, max: 9 }),
      (weights, seed, from, len, ranges) => {
        const total = weights.reduce((a, b) => a + b, 0);
        let acc = 0;
        const s = keySchedule(weights.map((w) => (acc += w) / total), seed);
        const points = new WeylPoints();
        // Consecutive ranges of one length: the first ones by floor sums, the later by ranks.
        for (let r = 0, at = from; r < ranges; r++, at += len) {
          const out = new Float64Array(weights.length);
          addKeyCounts(s, at, at + len, out, points);
          expect(Array.from(out)).toEqual(bruteCounts(s, at, at + len));
        }
        expect(points.get(len) !== undefined).toBe(ranges >= 2);
      }), { numRuns: 60 });
  });

  it('sorts long point lists (marked on the circle) as short ones (sorted): every STEP * t mod P of t < n, ascending', () => {
    for (const n of [100, 40000]) {
      const points = new WeylPoints();
      for (let i = 0; i < 2; i++) expect(points.get(n)).toBeUndefined();
      const want = Int32Array.from({ length: n }, (_, t) => (434335 * t) % KEY_SLOTS).sort();
      expect(points.get(n)).toEqual(want);
    }
  });

  it('counts per key over a range are the keys keySlotOf gives record by record', () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 2 ** 31 }),
      fc.integer({ min: 0, max: 5e6 }), fc.integer({ min: 0, max: 3000 }),
      (weights, seed, from, len) => {
        const total = weights.reduce((a, b) => a + b, 0);
        let acc = 0;
        const s = keySchedule(weights.map((w) => (acc += w) / total), seed);
        const out = new Float64Array(weights.length);
        addKeyCounts(s, from, from + len, out);
        expect(Array.from(out)).toEqual(bruteCounts(s, from, from + len));
      }), { numRuns: 60 });
  });

  it('spreads records by weight: 60,000 records over weights 1:2:3:4 give their shares within a few records', () => {
    const s = keySchedule([0.1, 0.3, 0.6, 1], 5);
    const out = new Float64Array(4);
    addKeyCounts(s, 1000, 61000, out);
    const expected = [6000, 12000, 18000, 24000];
    out.forEach((c, k) => expect(Math.abs(c - expected[k])).toBeLessThanOrEqual(3));
    expect(out.reduce((a, b) => a + b, 0)).toBe(60000);
  });
});
