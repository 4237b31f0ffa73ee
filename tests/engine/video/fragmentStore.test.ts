import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendRegular, dropHead, firstSeqAtTime, forEachFragment, forEachRunSpan } from '../../../src/engine/video/fragmentStore';
import type { FragmentRun, VideoStreamState } from '../../../src/engine/video/types';

// The lookups start at the run they need (binary searches over runs in sequence and server-time
// order) rather than walking the runs from the oldest: checked against walks from the oldest.

function stream(): VideoStreamState {
  return {
    index: 3,
    runs: [],
    nextSeq: 1,
    storedFragments: 0,
    storedBytes: 0,
    liveSizeTime: 0,
    retentionHours: 1,
    counters: { storedByteMs: 0, fragmentsExpired: 0, bytesExpired: 0 },
  } as unknown as VideoStreamState;
}

function walkFirstSeqAtTime(s: VideoStreamState, t: number, kind: 'SERVER' | 'PRODUCER'): number | undefined {
  for (const r of s.runs) {
    const first = kind === 'SERVER' ? r.firstServer : r.firstProducer;
    if (first + (r.count - 1) * r.durationMs < t) continue;
    return r.firstSeq + (t <= first ? 0 : Math.ceil((t - first) / r.durationMs));
  }
  return undefined;
}

function walkSpans(s: VideoStreamState, from: number, to: number): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  for (const r of s.runs) {
    const a = Math.max(from, r.firstSeq), b = Math.min(to, r.firstSeq + r.count - 1);
    if (a <= b) out.push([r.firstSeq, a - r.firstSeq, b - r.firstSeq]);
  }
  return out;
}

// A run: a gap in server time before it, its fragment length and count, a producer clock jump (sessions may go back).
const runArb = fc.record({ gap: fc.integer({ min: 0, max: 30000 }), dur: fc.integer({ min: 1000, max: 10000 }), n: fc.integer({ min: 1, max: 40 }), skew: fc.integer({ min: -60000, max: 60000 }) });

describe('fragmentStore lookups', () => {
  it('find what a walk from the oldest run finds', () => {
    fc.assert(
      fc.property(fc.array(runArb, { minLength: 0, maxLength: 12 }), fc.integer({ min: 0, max: 200 }), fc.array(fc.tuple(fc.integer({ min: -5000, max: 1_500_000 }), fc.integer({ min: 0, max: 520 }), fc.integer({ min: 0, max: 60 })), { minLength: 1, maxLength: 12 }), (runs, drop, probes) => {
        const s = stream();
        let server = 1_000_000;
        runs.forEach((r, i) => {
          server += r.gap;
          appendRegular(s, server + r.skew, server, r.dur, 1000, 1, 'c', i, r.n);
          server += r.n * r.dur;
        });
        dropHead(s, drop);
        for (const [p, from, len] of probes) {
          const t = 1_000_000 + p;
          for (const kind of ['SERVER', 'PRODUCER'] as const) expect(firstSeqAtTime(s, t, kind)).toBe(walkFirstSeqAtTime(s, t, kind));
          const to = from + len;
          const spans: Array<[number, number, number]> = [];
          forEachRunSpan(s, from, to, (r: FragmentRun, i0, i1) => (spans.push([r.firstSeq, i0, i1]), true));
          expect(spans).toEqual(walkSpans(s, from, to));
          const seqs: number[] = [];
          forEachFragment(s, from, to, (f) => void seqs.push(f.seq));
          expect(seqs).toEqual(walkSpans(s, from, to).flatMap(([first, i0, i1]) => Array.from({ length: i1 - i0 + 1 }, (_, k) => first + i0 + k)));
        }
      }),
      { numRuns: 300 },
    );
  });
});
