import { describe, expect, it } from 'vitest';
import { createSimulation, takeCheckpoint, restoreCheckpoint, checkpointBlockers, type Simulation } from '../../../src/engine';
import type { ScheduledEvent } from '../../../src/engine/core/eventQueue';
import { canonical } from './canonical';

const OPTS = { seed: 'consumers', startTime: 1767225600000 };
const MIN = 60_000;

/** A stream read by every kind of consumer: polling, a KCL application of two workers, a Lambda mapping and an enhanced fan-out app. */
function build(): Simulation {
  const sim = createSimulation(OPTS);
  sim.kinesis.createStream({ StreamName: 's', ShardCount: 2 });
  sim.advanceSync(30_000);
  sim.lambda.createFunction({ FunctionName: 'count', handler: (e) => ({ n: (e as { Records: unknown[] }).Records.length }), durationMs: 700 });
  sim.traffic.addConsumer({ type: 'polling', name: 'poller', streamName: 's' });
  sim.traffic.addConsumer({ type: 'kcl', name: 'app', streamName: 's', workers: 2 });
  sim.traffic.addConsumer({ type: 'lambdaMapping', FunctionName: 'count', EventSourceArn: 's', StartingPosition: 'TRIM_HORIZON', BatchSize: 50 });
  sim.traffic.addConsumer({ type: 'efo', name: 'fan', streamName: 's' });
  return sim;
}

/** Records every 2 s with keys from the engine's generator, and a split at 3 minutes (children leased, subscriptions renewed). */
function drive(sim: Simulation, toOffsetMs: number): void {
  while (sim.now() - OPTS.startTime < toOffsetMs) {
    const t = sim.now() - OPTS.startTime;
    if (t === 3 * MIN) sim.kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '85070591730234615865843651857942052864' });
    if (t % 2000 === 0) {
      const Records = Array.from({ length: 30 }, () => ({ PartitionKey: `k${sim.core.random.int(300)}`, Data: new Uint8Array(10 + sim.core.random.int(90)) }));
      sim.kinesis.putRecords({ StreamName: 's', Records });
    }
    sim.advanceSync(100);
  }
}

const state = (sim: Simulation) => canonical(sim).join('\n');
const live = (sim: Simulation) => (sim.core.queue as unknown as { heap: ScheduledEvent[] }).heap.filter((e) => !e.cancelled).map((e) => e.kind);

describe('checkpoints of consumers in flight (issue 9: EFO, KCL, Lambda mapping timers as data events)', () => {
  it('restores subscriptions, lease timers and a pending invocation, and replays to the world a run from the seed gives', () => {
    const a = build();
    drive(a, 4 * MIN + 1300);
    // What the world waits for at that instant: EFO pushes and expiries, KCL timers, a Lambda call.
    const kinds = new Set(live(a));
    for (const k of ['kinesis:efoPush', 'kinesis:efoExpire', 'kcl:timer', 'traffic:readerStep']) expect(kinds.has(k)).toBe(true);
    expect(checkpointBlockers(a)).toEqual([]);
    const cp = takeCheckpoint(a);

    const b = build();
    restoreCheckpoint(b, cp);
    expect(state(b)).toBe(state(a));
    drive(a, 11 * MIN);
    drive(b, 11 * MIN);
    const fromSeed = build();
    drive(fromSeed, 11 * MIN);
    expect(state(b)).toBe(state(fromSeed));
    expect(state(a)).toBe(state(fromSeed));
    // Every consumer kept reading after the restore: all of them saw every record.
    const records = (s: Simulation) => s.traffic.listConsumers().map((c) => [c.type, (c as { records?: number }).records]);
    expect(records(b)).toEqual(records(fromSeed));
    // 30 records every 2 s from the 30 s the stream took to become ACTIVE until 11 minutes.
    const written = 30 * ((11 * MIN - 30_000) / 2000);
    expect(records(b).map(([, n]) => n)).toEqual([written, written, written, written]);
  });
});
