import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { createSimulation, type Simulation } from '../../../src/engine/simulation';
import { KinesisMetrics, SHARD_METRICS, STREAM_METRICS, type ShardMetricName, type StreamMetricName } from '../../../src/engine/metrics/kinesisMetrics';
import { startFaceSearch } from '../rekognition/faceSearchHelpers';

// While every stream is idle and nothing but the heartbeat runs, the heartbeat does not visit the
// streams (a quiet run, folded into their idle seconds at the next visit or read). The reference
// path (visitEverySecond) visits every stream every second: both must give every reader the same
// series, whether the world is read every few seconds or only at the end.

type Cmd =
  | { kind: 'advance'; ms: number }
  | { kind: 'put'; stream: number; n: number }
  | { kind: 'read'; stream: number }
  | { kind: 'monitor'; on: boolean }
  | { kind: 'split' }
  | { kind: 'visit'; offset: number; length: number };

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 3000, max: 1_200_000 })) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('put' as const), stream: fc.integer({ min: 0, max: 2 }), n: fc.integer({ min: 1, max: 4 }) }) },
  fc.record({ kind: fc.constant('read' as const), stream: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('monitor' as const), on: fc.boolean() }),
  fc.record({ kind: fc.constant('split' as const) }),
  fc.record({ kind: fc.constant('visit' as const), offset: fc.integer({ min: 0, max: 600_000 }), length: fc.integer({ min: 3000, max: 60_000 }) }),
);

const STREAMS = ['faces', 'a', 'b'];

/** Every series a reader can ask for, over what the stream metrics hold (and the shard ring's window). */
function readAll(sim: Simulation) {
  const m = sim.metrics.kinesis;
  const out: Record<string, unknown> = {};
  const now = sim.now();
  for (const stream of STREAMS) {
    out[`${stream}:held`] = m.heldSeconds(stream);
    for (const metric of Object.keys(STREAM_METRICS) as StreamMetricName[]) {
      out[`${stream}:${metric}`] = Array.from(m.series({ stream, metric, from: now - 3_700_000, to: now + 2000 }).values);
      out[`${stream}:${metric}:min`] = Array.from(m.series({ stream, metric, from: now - 3_700_000, to: now, periodMs: 60000 }).values);
    }
    for (const sh of sim.kinesisContext.streams.get(stream)?.shards ?? []) {
      for (const metric of Object.keys(SHARD_METRICS) as ShardMetricName[]) {
        out[`${stream}:${sh.shardId}:${metric}`] = Array.from(m.series({ stream, shardId: sh.shardId, metric, from: now - 700_000, to: now + 2000 }).values);
      }
      out[`${stream}:${sh.shardId}:window`] = m.shardWindow(stream, sh.shardId, 900);
    }
  }
  return out;
}

function world(cmds: Cmd[], opts: { reference: boolean; readEvery?: number }) {
  const sim = createSimulation({ seed: 5 });
  sim.metrics.kinesis.visitEverySecond = opts.reference;
  sim.rekognition.createCollection({ CollectionId: 'home' });
  sim.rekognition.indexFaces({ CollectionId: 'home', Image: { S3Object: { Bucket: 'faces', Name: 'alice.jpg' } }, ExternalImageId: 'alice' });
  sim.video.createStream({ StreamName: 'v0', DataRetentionInHours: 1 });
  for (const s of STREAMS) sim.kinesis.createStream({ StreamName: s, ShardCount: 1 });
  sim.advanceSync(60000);
  sim.video.addCamera({ name: 'c0', streamName: 'v0', fps: 30, keyframeIntervalFrames: 60 });
  sim.video.startCamera('c0');
  sim.advanceSync(5000);
  startFaceSearch(sim, 'v0', 'faces');
  const answers: string[] = [];
  const advance = (ms: number) => {
    if (opts.readEvery === undefined) return sim.advanceSync(ms);
    // Reads in between, in small steps (a chart polling the world).
    for (let left = ms; left > 0; left -= opts.readEvery) {
      sim.advanceSync(Math.min(left, opts.readEvery));
      sim.metrics.kinesis.series({ stream: STREAMS[left % 3], metric: 'IncomingRecords', from: sim.now() - 5000, to: sim.now() });
    }
  };
  for (const c of cmds) {
    if (c.kind === 'advance') advance(c.ms);
    else if (c.kind === 'put') sim.kinesis.putRecords({ StreamName: STREAMS[c.stream], Records: Array.from({ length: c.n }, (_, i) => ({ PartitionKey: `k${i}`, Data: new Uint8Array(10 + i) })) });
    else if (c.kind === 'read') sim.metrics.kinesis.shardWindow(STREAMS[c.stream], sim.kinesisContext.streams.get(STREAMS[c.stream])!.shards[0].shardId, 60);
    else if (c.kind === 'visit') sim.video.addSceneVisit('v0', { label: 'PERSON', who: 'alice', start: sim.now() + c.offset, end: sim.now() + c.offset + c.length });
    else {
      try {
        if (c.kind === 'monitor') {
          if (c.on) sim.kinesis.enableEnhancedMonitoring({ StreamName: 'a', ShardLevelMetrics: ['ALL'] });
          else sim.kinesis.disableEnhancedMonitoring({ StreamName: 'a', ShardLevelMetrics: ['ALL'] });
        } else {
          const sh = sim.kinesisContext.streams.get('b')!.open[0];
          sim.kinesis.splitShard({ StreamName: 'b', ShardToSplit: sh.shardId, NewStartingHashKey: ((sh.start + sh.end) / 2n).toString() });
        }
      } catch (e) {
        answers.push((e as Error).name);
      }
    }
  }
  advance(90_000);
  return { answers, series: readAll(sim) };
}

describe('quiet seconds', () => {
  it('give every reader the series a visit of every stream every second gives', () => {
    fc.assert(
      fc.property(fc.array(cmd, { minLength: 1, maxLength: 14 }), fc.constantFrom(undefined, 700, 4000), (cmds, readEvery) => {
        const ref = world(cmds, { reference: true });
        const fast = world(cmds, { reference: false, readEvery });
        expect(fast.answers).toEqual(ref.answers);
        expect(fast.series).toEqual(ref.series);
      }),
      { numRuns: 25 },
    );
  });

  it('skip the visits while nothing but the heartbeat runs', () => {
    const sim = createSimulation({ seed: 5 });
    sim.kinesis.createStream({ StreamName: 's', ShardCount: 2 });
    sim.advanceSync(40000);
    sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'a', Data: new Uint8Array(10) });
    const proto = KinesisMetrics.prototype as unknown as Record<'sampleSeries' | 'movedInQuiet', () => unknown>;
    const sampled = vi.spyOn(proto, 'sampleSeries'), checked = vi.spyOn(proto, 'movedInQuiet');
    sim.advanceSync(600_000);
    // The heartbeat after the put finds the quiet run broken (it had begun before the put), samples the
    // stream (busy) and starts a new run; after that only the heartbeats after another event (the
    // retention sweep, once a minute: 10 times) look at the stream again, and find the run goes on.
    expect(sampled).toHaveBeenCalledTimes(1);
    expect(checked).toHaveBeenCalledTimes(11);
    sampled.mockRestore();
    checked.mockRestore();
    const m = sim.metrics.kinesis as unknown as { quietSeries?: unknown[]; quietFrom: number; quietTo: number };
    expect(m.quietSeries).toHaveLength(1);
    expect(m.quietTo).toBe(Math.floor(sim.now() / 1000) - 1);
    expect(m.quietTo - m.quietFrom + 1).toBe(599);
    // The put's second, then idle seconds up to the last heartbeat's.
    const now = sim.now();
    const v = sim.metrics.kinesis.series({ stream: 's', metric: 'IncomingRecords', from: now - 600_000, to: now }).values;
    expect(v.length).toBe(600);
    expect(v[0]).toBe(1);
    expect(v.slice(1).every((x) => x === 0)).toBe(true);
  });
});

// Writing idle seconds skips the ring slots that still hold an idle row from an earlier lap: checked
// against the counts put, over many laps of both rings (a stream holds an hour, a shard ten minutes).
describe('idle rows over earlier laps', () => {
  it('read as the records put, zero elsewhere', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 5000, max: 2_000_000 })), fc.integer({ min: 0, max: 3 }), fc.boolean()), { minLength: 1, maxLength: 25 }),
        (steps) => {
          const sim = createSimulation({ seed: 9 });
          sim.kinesis.createStream({ StreamName: 's', ShardCount: 1 });
          sim.advanceSync(40000);
          sim.kinesis.enableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['ALL'] });
          sim.advanceSync(1000);
          const monitoredFrom = Math.floor(sim.now() / 1000);
          const shardId = sim.kinesisContext.streams.get('s')!.shards[0].shardId;
          const put = new Map<number, number>();
          for (const [ms, n, read] of steps) {
            sim.advanceSync(ms);
            if (n > 0) {
              sim.kinesis.putRecords({ StreamName: 's', Records: Array.from({ length: n }, (_, i) => ({ PartitionKey: `k${i}`, Data: new Uint8Array(4) })) });
              const sec = Math.floor(sim.now() / 1000);
              put.set(sec, (put.get(sec) ?? 0) + n);
            }
            if (!read) continue;
            const held = sim.metrics.kinesis.heldSeconds('s')!;
            const stream = sim.metrics.kinesis.series({ stream: 's', metric: 'IncomingRecords', from: held.first * 1000, to: (held.last + 1) * 1000 }).values;
            expect(Array.from(stream)).toEqual(Array.from(stream, (_, i) => put.get(held.first + i) ?? 0));
            const lo = Math.max(held.last - 599, monitoredFrom);
            const shard = sim.metrics.kinesis.series({ stream: 's', shardId, metric: 'IncomingRecords', from: lo * 1000, to: (held.last + 1) * 1000 }).values;
            expect(Array.from(shard)).toEqual(Array.from(shard, (_, i) => put.get(lo + i) ?? 0));
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
