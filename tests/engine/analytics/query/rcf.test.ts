/**
 * The typed-array random cut forest against the object-tree implementation it
 * replaced (rcfReference.ts): the same seed and points give the same scores
 * bit for bit, over random parameters (trees, sample size, time decay,
 * shingles, dimensions, duplicate points); plus the algorithm's own
 * properties on hand-made inputs.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createForest, rowPoint, scoreAndUpdate, scoreBatch } from '../../../../src/engine/analytics/query/rcf';
import { copyData } from '../../../../src/engine/analytics/runtime/checkpoints';
import * as ref from './rcfReference';

type Params = { trees: number; sample: number; decay: number; shingle: number; seed: number };

function both(p: Params, points: number[][]): { now: number[]; before: number[] } {
  const a = createForest(p.trees, p.sample, p.decay, p.shingle, p.seed);
  const b = ref.createForest(p.trees, p.sample, p.decay, p.shingle, p.seed);
  return { now: points.map((x) => scoreAndUpdate(a, x)), before: points.map((x) => ref.scoreAndUpdate(b, x)) };
}

/** Heart rates like the bench's: 41 values, a sliding average beside them. */
function heartRates(n: number): number[][] {
  const sums: number[] = Array(20).fill(0), counts: number[] = Array(20).fill(0);
  return Array.from({ length: n }, (_, i) => {
    const hr = 60 + ((i * 37 + Math.floor(i / 5000)) % 41), dev = i % 20;
    sums[dev] += hr;
    counts[dev]++;
    return [hr, sums[dev] / counts[dev]];
  });
}

describe('RANDOM_CUT_FOREST (typed arrays)', () => {
  it('gives the reference implementation\'s scores over random parameters and points', () => {
    const params = fc.record({
      trees: fc.integer({ min: 1, max: 8 }),
      sample: fc.integer({ min: 2, max: 40 }),
      decay: fc.constantFrom(0, 5, 100, 100000),
      shingle: fc.integer({ min: 1, max: 3 }),
      seed: fc.integer({ min: 0, max: 0x7fffffff }),
    });
    const run = fc.integer({ min: 1, max: 3 }).chain((dim) => fc.array(fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -1000, max: 1000, noNaN: true })), { minLength: dim, maxLength: dim }), { minLength: 1, maxLength: 300 }));
    fc.assert(
      fc.property(params, run, (p, points) => {
        const { now, before } = both(p, points);
        expect(now).toEqual(before);
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('gives the reference scores with AWS\'s defaults (100 trees, 256 samples, decay 100000) over 1,200 heart rates', () => {
    const { now, before } = both({ trees: 100, sample: 256, decay: 100000, shingle: 1, seed: 12345 }, heartRates(1200));
    expect(now).toEqual(before);
    expect(now.filter((s) => s > 0).length).toBe(1200 - 64);
  });

  it('scores a batch tree by tree exactly as row by row, whatever the batch sizes', () => {
    const pts = heartRates(1500);
    const one = createForest(30, 64, 2000, 1, 21);
    const single = pts.map((x) => scoreAndUpdate(one, x));
    const many = createForest(30, 64, 2000, 1, 21);
    const batched: number[] = [];
    // Batches of 1, 7, 50, 400 and the rest: the warm-up boundary (16 points) falls inside the second.
    for (const [from, to] of [[0, 1], [1, 8], [8, 58], [58, 458], [458, 1500]]) {
      const part = pts.slice(from, to).map((x) => rowPoint(many, x)!);
      const out = new Float64Array(part.length);
      scoreBatch(many, Float64Array.from(part.flat()), part.length, out);
      batched.push(...out);
    }
    expect(batched).toEqual(single);
  });

  it('scores 0 while warming up: until every tree holds subSampleSize / 4 points', () => {
    const f = createForest(10, 32, 100000, 1, 3);
    const scores = heartRates(40).map((x) => scoreAndUpdate(f, x));
    expect(scores.slice(0, 8)).toEqual(Array(8).fill(0));
    expect(scores.slice(8).every((s) => s > 0)).toBe(true);
  });

  it('a shingle of 3 scores nothing until three rows have been seen', () => {
    const f = createForest(5, 16, 1000, 3, 3);
    // 3 rows fill the shingle; then 4 shingled points warm the 16-sample trees.
    const scores = heartRates(12).map(([hr]) => scoreAndUpdate(f, [hr]));
    expect(scores.slice(0, 6)).toEqual(Array(6).fill(0));
    expect(scores.slice(6).every((s) => s > 0)).toBe(true);
  });

  it('scores an obvious outlier highest, and a repeat of a sampled point lower than a new one', () => {
    const f = createForest(50, 64, 100000, 1, 9);
    for (const x of heartRates(500)) scoreAndUpdate(f, x);
    const g = copyData(f);
    const outlier = scoreAndUpdate(f, [190, 80]);
    const ordinary = scoreAndUpdate(g, [75, 80]);
    expect(outlier).toBeGreaterThan(3 * ordinary);
    // The forest has now learned [75, 80]: a second copy is less surprising.
    expect(scoreAndUpdate(copyData(g), [75, 80])).toBeLessThan(ordinary);
  });

  it('same seed, same scores; a checkpoint copy continues exactly as the original', () => {
    const pts = heartRates(800);
    const a = createForest(20, 64, 500, 1, 77);
    const first = pts.slice(0, 400).map((x) => scoreAndUpdate(a, x));
    const copy = copyData(a);
    const rest = pts.slice(400).map((x) => scoreAndUpdate(a, x));
    expect(pts.slice(400).map((x) => scoreAndUpdate(copy, x))).toEqual(rest);
    const b = createForest(20, 64, 500, 1, 77);
    expect(pts.map((x) => scoreAndUpdate(b, x))).toEqual([...first, ...rest]);
    const c = createForest(20, 64, 500, 1, 78);
    expect(pts.map((x) => scoreAndUpdate(c, x))).not.toEqual([...first, ...rest]);
  });

  it('a row of another dimension, or with a non-finite value, scores 0 and is not learned', () => {
    const pts = heartRates(200);
    const a = createForest(10, 32, 1000, 1, 5);
    const b = createForest(10, 32, 1000, 1, 5);
    const sa: number[] = [], sb: number[] = [];
    pts.forEach((x, i) => {
      if (i === 100) {
        expect(scoreAndUpdate(a, [1, 2, 3])).toBe(0);
        expect(scoreAndUpdate(a, [Infinity, 2])).toBe(0);
      }
      sa.push(scoreAndUpdate(a, x));
      sb.push(scoreAndUpdate(b, x));
    });
    expect(sa).toEqual(sb);
  });
});
