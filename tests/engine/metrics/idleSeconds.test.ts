import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation } from '../../../src/engine/simulation';
import { SecondRing } from '../../../src/engine/metrics/secondRing';
import { STREAM_SECONDS } from '../../../src/engine/metrics/kinesisMetrics';

// Idle seconds are written lazily (with the next busy second or the next read): what a reader sees must be
// exactly what writing every second would have given.
describe('idle seconds', () => {
  it('reads an idle second as zero counts and no iterator age, between busy ones', async () => {
    const sim = createSimulation({ seed: 3 });
    sim.kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    await sim.advance(30000);
    // Shard-level series exist only with enhanced monitoring on, as on AWS.
    sim.kinesis.enableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['ALL'] });
    await sim.advance(10000);
    sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'a', Data: new Uint8Array(10) });
    await sim.advance(5000);
    sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'a', Data: new Uint8Array(20) });
    await sim.advance(3000);
    const now = sim.now();
    const q = { stream: 's', from: now - 9000, to: now };
    expect(Array.from(sim.metrics.kinesis.series({ ...q, metric: 'IncomingRecords' }).values)).toEqual([0, 1, 0, 0, 0, 0, 1, 0, 0]);
    expect(Array.from(sim.metrics.kinesis.series({ ...q, metric: 'IncomingBytes' }).values)).toEqual([0, 11, 0, 0, 0, 0, 21, 0, 0]);
    expect(Array.from(sim.metrics.kinesis.series({ ...q, metric: 'GetRecords.IteratorAgeMilliseconds' }).values)).toEqual(Array(9).fill(NaN));
    expect(Array.from(sim.metrics.kinesis.series({ ...q, metric: 'SubscribeToShardEvent.MillisBehindLatest' }).values)).toEqual(Array(9).fill(NaN));
    const shardId = sim.kinesisContext.streams.get('s')!.open[0].shardId;
    expect(Array.from(sim.metrics.kinesis.series({ ...q, shardId, metric: 'IncomingBytes' }).values)).toEqual([0, 11, 0, 0, 0, 0, 21, 0, 0]);
    expect(Array.from(sim.metrics.kinesis.series({ ...q, shardId, metric: 'IteratorAgeMilliseconds' }).values)).toEqual(Array(9).fill(NaN));
    expect(sim.metrics.kinesis.shardWindow('s', shardId, 9)).toEqual({ held: 9, records: 2, bytes: 32, throttled: 0 });
  });

  it('holds the last hour of a stream idle for longer than an hour, up to the last heartbeat', async () => {
    const sim = createSimulation({ seed: 3 });
    sim.kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    await sim.advance(40000);
    sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'a', Data: new Uint8Array(10) });
    await sim.advance(2 * 3600 * 1000);
    const held = sim.metrics.kinesis.heldSeconds('s')!;
    expect(held.last).toBe(Math.floor(sim.now() / 1000) - 1);
    expect(held.last - held.first + 1).toBe(STREAM_SECONDS);
    const all = sim.metrics.kinesis.series({ stream: 's', metric: 'IncomingRecords', from: held.first * 1000, to: (held.last + 1) * 1000 }).values;
    expect(all.length).toBe(STREAM_SECONDS);
    expect(all.every((v) => v === 0)).toBe(true);
    // The second before the ring's first is no longer held.
    expect(sim.metrics.kinesis.series({ stream: 's', metric: 'IncomingRecords', from: (held.first - 1) * 1000, to: held.first * 1000 }).values[0]).toBeNaN();
  });
});

describe('SecondRing.fillSeconds', () => {
  it('writes what begin() and set() would, second by second', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 25 }), (start, gap, run) => {
        const lazy = new SecondRing(2, 10), eager = new SecondRing(2, 10);
        for (const r of [lazy, eager]) {
          const slot = r.begin(start);
          r.set(0, slot, 7);
          r.set(1, slot, 8);
        }
        const from = start + gap, to = from + run;
        lazy.fillSeconds(from, to, new Float64Array([0, NaN]));
        for (let sec = from; sec <= to; sec++) {
          const slot = eager.begin(sec);
          eager.set(0, slot, 0);
          eager.set(1, slot, NaN);
        }
        expect([lazy.firstSecond, lazy.lastSecond]).toEqual([eager.firstSecond, eager.lastSecond]);
        for (let sec = start - 1; sec <= to + 1; sec++) for (const m of [0, 1]) expect(lazy.at(m, sec)).toEqual(eager.at(m, sec));
      }),
    );
  });
});

describe('SecondRing.fillSeconds over many laps', () => {
  it('writes what begin() and set() would, with busy seconds and other rows in between', () => {
    const rows = [new Float64Array([0, NaN]), new Float64Array([0, NaN]), new Float64Array([1, 2])];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 35 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 20 }), (steps) => {
        const lazy = new SecondRing(2, 10), eager = new SecondRing(2, 10);
        let sec = 100;
        for (const [gap, run, row, busy] of steps) {
          // A busy second `gap` seconds on, then idle seconds written together (lazy) or one by one (eager).
          sec += gap;
          for (const r of [lazy, eager]) {
            const slot = r.begin(sec);
            r.set(0, slot, busy);
            r.set(1, slot, -busy);
          }
          if (run === 0) continue;
          lazy.fillSeconds(sec + 1, sec + run, rows[row]);
          for (let k = 1; k <= run; k++) {
            const slot = eager.begin(sec + k);
            eager.set(0, slot, rows[row][0]);
            eager.set(1, slot, rows[row][1]);
          }
          sec += run;
          expect([lazy.firstSecond, lazy.lastSecond]).toEqual([eager.firstSecond, eager.lastSecond]);
          for (let t = sec - 12; t <= sec + 1; t++) for (const m of [0, 1]) expect(lazy.at(m, t)).toEqual(eager.at(m, t));
        }
      }),
    );
  });
});

describe('idle seconds without enhanced monitoring', () => {
  it('hold no data for shard-level metrics, while the stream-level ones count zeros', async () => {
    const sim = createSimulation({ seed: 3 });
    sim.kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    await sim.advance(40000);
    sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'a', Data: new Uint8Array(10) });
    await sim.advance(4000);
    const now = sim.now();
    const q = { stream: 's', from: now - 4000, to: now };
    expect(Array.from(sim.metrics.kinesis.series({ ...q, metric: 'IncomingBytes' }).values)).toEqual([11, 0, 0, 0]);
    const shardId = sim.kinesisContext.streams.get('s')!.open[0].shardId;
    expect(Array.from(sim.metrics.kinesis.series({ ...q, shardId, metric: 'IncomingBytes' }).values)).toEqual([NaN, NaN, NaN, NaN]);
  });
});
