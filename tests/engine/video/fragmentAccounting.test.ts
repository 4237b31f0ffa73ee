import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createSimulation } from '../../../src/engine';

type Step =
  | { kind: 'advance'; ms: number }
  | { kind: 'camera'; bitrateKbps: number; keyframeIntervalFrames: number; tracks: number; clockSkewMs: number }
  | { kind: 'retention'; delta: number }
  | { kind: 'stopStart' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 600000 }) }),
  fc.record({
    kind: fc.constant('camera' as const),
    bitrateKbps: fc.integer({ min: 100, max: 250000 }),
    keyframeIntervalFrames: fc.integer({ min: 3, max: 400 }),
    tracks: fc.integer({ min: 1, max: 4 }),
    clockSkewMs: fc.integer({ min: -20000, max: 20000 }),
  }),
  fc.record({ kind: fc.constant('retention' as const), delta: fc.integer({ min: -3, max: 3 }) }),
  fc.record({ kind: fc.constant('stopStart' as const) }),
);

function run(steps: Step[], seed: number) {
  const sim = createSimulation({ seed });
  sim.video.createStream({ StreamName: 's', DataRetentionInHours: 1 });
  sim.advanceSync(1000);
  sim.video.addCamera({ name: 'c', streamName: 's' });
  sim.video.startCamera('c');
  for (const st of steps) {
    if (st.kind === 'advance') sim.advanceSync(st.ms);
    else if (st.kind === 'camera') sim.video.updateCamera('c', st);
    else if (st.kind === 'stopStart') {
      sim.video.stopCamera('c');
      sim.video.startCamera('c');
    } else {
      const info = sim.video.describeStream({ StreamName: 's' }).StreamInfo;
      const hours = info.DataRetentionInHours + st.delta;
      if (st.delta !== 0 && hours >= 0) {
        sim.video.updateDataRetention({ StreamName: 's', CurrentVersion: info.Version, Operation: st.delta > 0 ? 'INCREASE_DATA_RETENTION' : 'DECREASE_DATA_RETENTION', DataRetentionChangeInHours: Math.abs(st.delta) });
      }
    }
  }
  return sim;
}

describe('video fragment accounting', () => {
  it('every fragment a camera sent is readable, expired by retention, or refused with an error and counted', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const sim = run(steps, 5);
        const st = sim.video.stats('s');
        const cam = sim.video.cameras()[0];
        const c = st.counters;
        expect(cam.produced).toBe(c.fragmentsIn + c.fragmentsRefused);
        expect(c.fragmentsIn).toBe(st.storedFragments + c.fragmentsExpired);
        expect(Object.values(c.refusedByReason).reduce((a, b) => a + b, 0)).toBe(c.fragmentsRefused);
        const stored = sim.video.fragments('s', 0, Infinity, 1e9);
        expect(stored.length).toBe(st.storedFragments);
        for (let i = 1; i < stored.length; i++) expect(stored[i].FragmentNumber > stored[i - 1].FragmentNumber).toBe(true);
        if (stored.length > 0) {
          const sample = [stored[0], stored[stored.length - 1]].map((f) => f.FragmentNumber);
          const chunks = sim.video.getMediaForFragmentList({ StreamName: 's', Fragments: sample });
          expect(chunks.Payload.length > 0).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic: the same seed and commands give the same stats, fragments and acks', () => {
    const steps: Step[] = [
      { kind: 'advance', ms: 90000 },
      { kind: 'camera', bitrateKbps: 120000, keyframeIntervalFrames: 48, tracks: 1, clockSkewMs: 0 },
      { kind: 'advance', ms: 10000 },
      { kind: 'retention', delta: 2 },
      { kind: 'stopStart' },
      { kind: 'advance', ms: 45000 },
    ];
    const a = run(steps, 9);
    const b = run(steps, 9);
    expect(a.video.stats('s')).toEqual(b.video.stats('s'));
    expect(a.video.fragments('s', 0, Infinity)).toEqual(b.video.fragments('s', 0, Infinity));
    expect(a.video.acks('s', 0, a.now())).toEqual(b.video.acks('s', 0, b.now()));
    expect(a.video.describeStream({ StreamName: 's' })).toEqual(b.video.describeStream({ StreamName: 's' }));
  });
});
