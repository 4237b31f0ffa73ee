import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createSimulation } from '../../../src/engine';
import type { StartSelector } from '../../../src/engine/video/startSelector';
import { startFaceSearch } from '../rekognition/faceSearchHelpers';

// The run path (fragments appended as runs, viewers and caught-up readers advanced by arithmetic)
// against the reference path (sim.videoContext.perFragment: every fragment sent, watched and read
// one by one): the same seed and commands must give the same world.

type Cmd =
  | { kind: 'advance'; ms: number }
  | { kind: 'camera'; cam: number; bitrateKbps: number; keyframeIntervalFrames: number; fps: number; clockSkewMs: number }
  | { kind: 'stopStart'; cam: number }
  | { kind: 'retention'; cam: number; delta: number }
  | { kind: 'reader'; cam: number; selector: 'NOW' | 'EARLIEST' }
  | { kind: 'viewer'; cam: number; expires: number }
  | { kind: 'visit'; cam: number; offset: number; length: number; who: 'alice' | 'bob' | 'stranger' };

const cam = fc.integer({ min: 0, max: 1 });
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 5000, max: 900000 })) }) },
  fc.record({
    kind: fc.constant('camera' as const),
    cam,
    bitrateKbps: fc.integer({ min: 500, max: 60000 }),
    keyframeIntervalFrames: fc.integer({ min: 10, max: 300 }),
    fps: fc.constantFrom(15, 24, 25, 30),
    clockSkewMs: fc.integer({ min: -3000, max: 3000 }),
  }),
  fc.record({ kind: fc.constant('stopStart' as const), cam }),
  fc.record({ kind: fc.constant('retention' as const), cam, delta: fc.integer({ min: -1, max: 1 }) }),
  fc.record({ kind: fc.constant('reader' as const), cam, selector: fc.constantFrom('NOW' as const, 'EARLIEST' as const) }),
  fc.record({ kind: fc.constant('viewer' as const), cam, expires: fc.integer({ min: 300, max: 1200 }) }),
  fc.record({ kind: fc.constant('visit' as const), cam, offset: fc.integer({ min: 0, max: 120000 }), length: fc.integer({ min: 3000, max: 40000 }), who: fc.constantFrom('alice' as const, 'bob' as const, 'stranger' as const) }),
);

function tryRun(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    return (e as Error).name;
  }
}

function world(cmds: Cmd[], perFragment: boolean) {
  const sim = createSimulation({ seed: 21 });
  sim.videoContext.perFragment = perFragment;
  sim.rekognition.createCollection({ CollectionId: 'home' });
  sim.rekognition.indexFaces({ CollectionId: 'home', Image: { S3Object: { Bucket: 'faces', Name: 'alice.jpg' } }, ExternalImageId: 'alice' });
  sim.video.createStream({ StreamName: 'v0', DataRetentionInHours: 1 });
  sim.video.createStream({ StreamName: 'v1', DataRetentionInHours: 0 });
  sim.kinesis.createStream({ StreamName: 'faces', ShardCount: 1 });
  sim.advanceSync(60000);
  for (let i = 0; i < 2; i++) {
    sim.video.addCamera({ name: `c${i}`, streamName: `v${i}`, fps: 30, keyframeIntervalFrames: 60, networkLatencyMs: 80 + i });
    sim.video.startCamera(`c${i}`);
  }
  sim.advanceSync(5000);
  startFaceSearch(sim, 'v0', 'faces');
  const answers: Array<string | undefined> = [];
  let readers = 0;
  let viewers = 0;
  for (const c of cmds) {
    const stream = `v${'cam' in c ? c.cam : 0}`;
    if (c.kind === 'advance') sim.advanceSync(c.ms);
    else if (c.kind === 'camera') answers.push(tryRun(() => sim.video.updateCamera(`c${c.cam}`, c)));
    else if (c.kind === 'stopStart') answers.push(tryRun(() => (sim.video.stopCamera(`c${c.cam}`), sim.video.startCamera(`c${c.cam}`))));
    else if (c.kind === 'reader') {
      const selector: StartSelector = { StartSelectorType: c.selector };
      answers.push(tryRun(() => sim.video.addGetMediaReader(`r${readers++}`, stream, selector)));
    } else if (c.kind === 'viewer') answers.push(tryRun(() => sim.video.addHlsViewer(`h${viewers++}`, stream, c.expires)));
    else if (c.kind === 'visit') sim.video.addSceneVisit(stream, { label: 'PERSON', who: c.who, start: sim.now() + c.offset, end: sim.now() + c.offset + c.length });
    else {
      const info = sim.video.describeStream({ StreamName: stream }).StreamInfo;
      const hours = info.DataRetentionInHours + c.delta;
      if (c.delta !== 0 && hours >= 0) {
        answers.push(tryRun(() => sim.video.updateDataRetention({ StreamName: stream, CurrentVersion: info.Version, Operation: c.delta > 0 ? 'INCREASE_DATA_RETENTION' : 'DECREASE_DATA_RETENTION', DataRetentionChangeInHours: 1 })));
      }
    }
  }
  sim.advanceSync(30000);
  const it = sim.kinesis.getShardIterator({ StreamName: 'faces', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator!;
  const faceRecords = sim.kinesis.getRecords({ ShardIterator: it, Limit: 10000 }).Records.map((r) => [r.SequenceNumber, r.PartitionKey, new TextDecoder().decode(r.Data)]);
  const cost = sim.cost.summary().video;
  return {
    answers,
    now: sim.now(),
    events: sim.core.events.drain(),
    streams: ['v0', 'v1'].map((s) => ({
      stats: sim.video.stats(s),
      fragments: sim.video.fragments(s, 0, Infinity, 1e9),
      acks: sim.video.acks(s, 0, sim.now()),
      sessions: sim.video.sessions(s),
      refused: sim.video.refusedFragments(s),
    })),
    cameras: sim.video.cameras(),
    readers: sim.video.readers(),
    viewers: sim.video.viewers(),
    processors: sim.rekognition.processors(),
    faceRecords,
    // Exact but for the stored byte-time integral (below).
    cost: cost.map(({ gbMonthsStored: _g, storageUsd: _s, usd: _u, ...rest }) => rest),
    storage: cost.map((c) => c.gbMonthsStored),
  };
}

describe('video run path against the fragment-by-fragment path', () => {
  it('gives the same fragments, numbers, acks, sessions, counters, readers, viewers, face records and cost for the same seed and commands', () => {
    fc.assert(
      fc.property(fc.array(cmd, { minLength: 1, maxLength: 14 }), (cmds) => {
        const runs = world(cmds, false);
        const each = world(cmds, true);
        const { storage: a, ...restRuns } = runs;
        const { storage: b, ...restEach } = each;
        expect(restRuns).toEqual(restEach);
        // The GB-month integral sums size x server time over fragments as floats of about 1e18;
        // runs and single fragments group that sum differently, so it agrees to float precision.
        for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b[i])));
      }),
      { numRuns: 25 },
    );
  });

  it('writes the same face records on both paths when a resident walks past', () => {
    const cmds: Cmd[] = [
      { kind: 'advance', ms: 5000 },
      { kind: 'visit', cam: 0, offset: 10000, length: 10000, who: 'alice' },
      { kind: 'advance', ms: 60000 },
    ];
    const runs = world(cmds, false);
    expect(runs.faceRecords).toEqual(world(cmds, true).faceRecords);
    // Fragments of 2 s: the 10 s visit covers five fragment starts; each record names alice, the indexed resident.
    expect(runs.faceRecords.length).toBe(5);
    expect(runs.faceRecords.map((r) => JSON.parse(r[2]).FaceSearchResponse[0].MatchedFaces[0].Face.ExternalImageId)).toEqual(['alice', 'alice', 'alice', 'alice', 'alice']);
  });

  it('advances a caught-up GetMedia reader by arithmetic to the same place, bytes and MillisBehindNow', () => {
    const build = (perFragment: boolean) => {
      const sim = createSimulation({ seed: 4 });
      sim.videoContext.perFragment = perFragment;
      sim.video.createStream({ StreamName: 's', DataRetentionInHours: 2 });
      sim.advanceSync(1000);
      sim.video.addCamera({ name: 'c', streamName: 's', fps: 25, keyframeIntervalFrames: 50, bitrateKbps: 4000 });
      sim.video.startCamera('c');
      sim.advanceSync(20000);
      sim.video.addGetMediaReader('late', 's', { StartSelectorType: 'EARLIEST' });
      sim.video.addGetMediaReader('live', 's', { StartSelectorType: 'NOW' });
      for (const ms of [1, 999, 2100, 60000, 3599000]) sim.advanceSync(ms);
      return sim;
    };
    const sim = build(false);
    const runs = sim.video.readers();
    expect(runs).toEqual(build(true).video.readers());
    // 4,000 kbit/s x 2 s = 1,000,000 bytes a fragment, sent at 25 MB/s in 40 ms; a fragment is whole 50 ms after its last byte arrives.
    const all = sim.video.fragments('s', 0, Infinity, 1e9);
    const whole = all.filter((f) => f.ServerTimestamp + f.FragmentLengthInMilliseconds + 50 <= sim.now());
    const last = whole[whole.length - 1];
    const late = runs.find((r) => r.name === 'late')!;
    expect([late.fragments, late.bytes, late.lastFragmentSeq, late.busyUntil]).toEqual([whole.length, whole.length * 1000000, last.seq, last.ServerTimestamp + 2050 + 40]);
    expect(late.millisBehindNow).toBe(sim.now() - last.ServerTimestamp);
    const live = runs.find((r) => r.name === 'live')!;
    const fromLive = whole.filter((f) => f.seq >= whole.length - live.fragments + 1);
    // The camera streamed 20 s before the reader opened: fragments 1..9 (server +1,100 .. +17,100) were whole, so NOW starts at 10.
    expect(whole.length - live.fragments).toBe(9);
    expect([live.bytes, live.lastServerTimestamp, live.nextSeq]).toEqual([fromLive.length * 1000000, last.ServerTimestamp, last.seq + 1]);
  });
});
