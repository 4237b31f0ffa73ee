import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeRuns, RunLengthF64 } from '../../../src/engine/checkpoint/runLength';
import { copyState } from '../../../src/engine/checkpoint/copyState';
import { restoreState } from '../../../src/engine/checkpoint/restoreState';

const bits = (a: Float64Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length * 2));

describe('run-length copies of Float64Arrays', () => {
  it('gives back the very bits of runs of any values (NaN payloads, -0, +0, infinities) (property)', () => {
    const word = fc.constantFrom(0, 1, 0x7ff80000, 0x7ff00001, 0x80000000, 0x3ff00000, 0xffffffff);
    fc.assert(
      fc.property(fc.array(fc.record({ lo: word, hi: word, len: fc.integer({ min: 1, max: 400 }) }), { minLength: 1, maxLength: 30 }), (runs) => {
        const n = runs.reduce((s, r) => s + r.len, 0);
        const a = new Float64Array(Math.max(n, 1024));
        const w = new Uint32Array(a.buffer);
        let i = 0;
        for (const r of runs) for (let k = 0; k < r.len; k++, i++) {
          w[2 * i] = r.lo;
          w[2 * i + 1] = r.hi;
        }
        const enc = encodeRuns(a);
        if (enc === undefined) return;
        expect(bits(enc.decode())).toEqual(bits(a));
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('gives back the very bits of any doubles, in steps or not (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ a: fc.double(), d: fc.double(), len: fc.integer({ min: 1, max: 300 }) }), { minLength: 1, maxLength: 20 }), (runs) => {
        const out: number[] = [];
        for (const r of runs) {
          let x = r.a;
          for (let k = 0; k < r.len; k++, x += r.d) out.push(x);
        }
        while (out.length < 1024) out.push(out.length % 3 === 0 ? -0 : out.length);
        const a = Float64Array.from(out);
        const enc = encodeRuns(a);
        if (enc !== undefined) expect(bits(enc.decode())).toEqual(bits(a));
      }),
      { numRuns: 200, seed: 4 },
    );
  });

  it('holds steady steps as runs too (a ring of seconds), bit for bit', () => {
    const secs = Float64Array.from({ length: 3600 }, (_, i) => 1767225600 + ((i + 1800) % 3600));
    const enc = encodeRuns(secs)!;
    expect(enc.ends.length).toBe(2);
    expect(bits(enc.decode())).toEqual(bits(secs));
    const fractions = Float64Array.from({ length: 2048 }, (_, i) => (i < 1000 ? 0.1 * i : i % 7 === 0 ? -0 : 0.3));
    const f = encodeRuns(fractions);
    if (f !== undefined) expect(bits(f.decode())).toEqual(bits(fractions));
  });

  it('copies an array of many runs, or a short one, as it is', () => {
    expect(encodeRuns(Float64Array.from({ length: 4096 }, (_, i) => (i * i) % 1000))).toBeUndefined();
    expect(encodeRuns(new Float64Array(1000))).toBeUndefined();
    expect(encodeRuns(new Float64Array(4096).fill(NaN))!.bytes()).toBeLessThan(200);
    expect(encodeRuns(Float64Array.from({ length: 4096 }, (_, i) => i))!.ends.length).toBe(1);
  });

  it('holds a metrics-like ring as runs in a checkpoint, and a restore gives an equal, separate array', () => {
    const ring = new Float64Array(3600).fill(NaN);
    ring.fill(0, 0, 1800);
    ring[5] = 17;
    const world = { a: { ring }, b: { same: ring } };
    const { copy, bytes } = copyState(world);
    expect((copy as { a: { ring: unknown } }).a.ring).toBeInstanceOf(RunLengthF64);
    expect(bytes).toBeLessThan(1000);
    const fresh = { a: { ring: new Float64Array(3600) }, b: { same: new Float64Array(0) } };
    restoreState(copy, fresh);
    expect(bits(fresh.a.ring)).toEqual(bits(ring));
    expect(fresh.a.ring).not.toBe(ring);
    // One array reached twice is one array after the restore.
    expect(fresh.b.same).toBe(fresh.a.ring);
  });
});
