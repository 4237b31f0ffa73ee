import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation, takeCheckpoint, restoreCheckpoint, checkpointBlockers, NotCheckpointableError, type Simulation } from '../../../src/engine';
import { canonical } from './canonical';

const OPTS = { seed: 'checkpoint', startTime: 1767225600000 };

/** The world's commands as a function of simulated time, so a replay from any moment runs the same ones. */
async function drive(sim: Simulation, toOffsetMs: number): Promise<void> {
  while (sim.now() - OPTS.startTime < toOffsetMs) {
    const t = sim.now() - OPTS.startTime;
    if (t === 0) sim.kinesis.createStream({ StreamName: 's', ShardCount: 3 });
    if (t === 90_000) sim.kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000001', NewStartingHashKey: '150000000000000000000000000000000000000' });
    if (t >= 60_000 && t % 5000 === 0) {
      // Keys drawn from the engine's own generator: its state must travel with the checkpoint.
      const Records = Array.from({ length: 40 }, () => ({ PartitionKey: `k${sim.core.random.int(500)}`, Data: new Uint8Array(1 + sim.core.random.int(200)) }));
      sim.kinesis.putRecords({ StreamName: 's', Records });
    }
    await sim.advance(1000);
  }
}

/** The simulation's plain data as canonical text (functions are re-bound, not compared). */
const state = (sim: Simulation) => canonical(sim).join('\n');

async function straight(to: number): Promise<Simulation> {
  const sim = createSimulation(OPTS);
  await drive(sim, to);
  return sim;
}

describe('checkpoints', () => {
  it('restoring a checkpoint and replaying gives deep-equal state to a replay from the seed', async () => {
    const a = await straight(120_000);
    const cp = takeCheckpoint(a);
    expect(cp.time).toBe(OPTS.startTime + 120_000);
    await drive(a, 300_000);
    const b = createSimulation(OPTS);
    restoreCheckpoint(b, cp);
    expect(b.now()).toBe(OPTS.startTime + 120_000);
    await drive(b, 300_000);
    const fromSeed = await straight(300_000);
    expect(state(b)).toBe(state(fromSeed));
    expect(state(a)).toBe(state(fromSeed));
    // The restored world answers the API as the original does.
    const desc = (s: Simulation) => s.kinesis.describeStream({ StreamName: 's' }).StreamDescription.Shards.map((x) => x.ShardId);
    expect(desc(b)).toEqual(['shardId-000000000000', 'shardId-000000000001', 'shardId-000000000002', 'shardId-000000000003', 'shardId-000000000004']);
  });

  it('restores the same checkpoint twice to the same world (the copy is not consumed)', async () => {
    const cp = takeCheckpoint(await straight(100_000));
    const runs = await Promise.all([0, 1].map(async () => {
      const s = createSimulation(OPTS);
      restoreCheckpoint(s, cp);
      await drive(s, 200_000);
      return state(s);
    }));
    expect(runs[0]).toBe(runs[1]);
    expect(cp.bytes).toBeGreaterThan(10_000);
  });

  it('holds for any checkpoint moment (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 150 }), async (sec) => {
        const cp = takeCheckpoint(await straight(sec * 1000));
        const s = createSimulation(OPTS);
        restoreCheckpoint(s, cp);
        await drive(s, 160_000);
        expect(state(s)).toBe(state(await straight(160_000)));
      }),
      { numRuns: 6, seed: 9 },
    );
  });

  it('shares sealed record blocks by reference: the copy leaves them out of its bytes and a restored world holds the same objects', async () => {
    const sim = createSimulation(OPTS);
    sim.kinesis.createStream({ StreamName: 'big', ShardCount: 1 });
    await sim.advance(30_000);
    const put = async (n: number) => {
      for (let i = 0; i < n; i++) {
        sim.kinesis.putRecords({ StreamName: 'big', Records: Array.from({ length: 500 }, (_, j) => ({ PartitionKey: `k${j}`, Data: new Uint8Array(10).fill(j % 256) })) });
        await sim.advance(1000);
      }
    };
    await put(20);
    const store = sim.kinesisContext.streams.get('big')!.shards[0].store;
    // 10,000 records: two full blocks of 4,096 (sealed) and the tail.
    expect(store.blocks.map((b) => [b.count, (b as { sealed?: boolean }).sealed])).toEqual([[4096, true], [4096, true], [1808, false]]);
    const cp = takeCheckpoint(sim);
    expect([...cp.shared.keys()]).toEqual(store.blocks.slice(0, 2));
    expect([...cp.shared.values()]).toEqual(store.blocks.slice(0, 2).map((x) => x.heapBytes()));
    const b = createSimulation(OPTS);
    restoreCheckpoint(b, cp);
    const restored = b.kinesisContext.streams.get('big')!.shards[0].store;
    expect(restored.blocks[0]).toBe(store.blocks[0]);
    expect(restored.blocks[1]).toBe(store.blocks[1]);
    expect(restored.blocks[2]).not.toBe(store.blocks[2]);
    // Both worlds go on writing (into their own tails) and stay one world.
    await put(10);
    const more = async (w: Simulation) => {
      for (let i = 0; i < 10; i++) {
        w.kinesis.putRecords({ StreamName: 'big', Records: Array.from({ length: 500 }, (_, j) => ({ PartitionKey: `k${j}`, Data: new Uint8Array(10).fill(j % 256) })) });
        await w.advance(1000);
      }
    };
    await more(b);
    expect(state(b)).toBe(state(sim));
    expect(restored.read(4100).data).toEqual(new Uint8Array(10).fill(4100 % 500 % 256));
  });

  it('leaves the key hash cache out: a restored world starts with an empty one and, after replay, equals a replay from the seed apart from the cache', async () => {
    const a = await straight(120_000);
    const cache = a.kinesisContext.keyHashCache;
    expect(cache.slots.some((k) => typeof k === 'string')).toBe(true);
    const cp = takeCheckpoint(a);
    const b = createSimulation(OPTS);
    restoreCheckpoint(b, cp);
    // The fresh world's own cache, empty, not the copied one (about 1 MB a checkpoint saved).
    expect(b.kinesisContext.keyHashCache).not.toBe(cache);
    expect(b.kinesisContext.keyHashCache.slots.every((k) => k === undefined)).toBe(true);
    expect(b.kinesisContext.keyHashCache.probes).toBe(0);
    // The copy holds the cache's class and none of its slots.
    expect(Object.keys((cp.state as Simulation).kinesisContext.keyHashCache)).toEqual([]);
    await drive(b, 300_000);
    const fromSeed = await straight(300_000);
    // The caches differ (the restored one only saw keys since 120 s) ...
    expect(b.kinesisContext.keyHashCache.probes).not.toBe(fromSeed.kinesisContext.keyHashCache.probes);
    // ... and nothing else does: every record sits on the same shard with the same sequence number.
    expect(state(b)).toBe(state(fromSeed));
    const records = (s: Simulation) => s.kinesis.describeStream({ StreamName: 's' }).StreamDescription.Shards.map((x) => {
      const it = s.kinesis.getShardIterator({ StreamName: 's', ShardId: x.ShardId, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator;
      return s.kinesis.getRecords({ ShardIterator: it, Limit: 10000 }).Records.map((r) => `${r.PartitionKey}:${r.SequenceNumber}`);
    });
    expect(records(b)).toEqual(records(fromSeed));
  });

  it('refuses a closure smuggled in as an event payload, naming it', async () => {
    const sim = await straight(70_000);
    expect(checkpointBlockers(sim)).toEqual([]);
    // The queue's type takes data events only; a function as the payload is still not state.
    sim.core.scheduleEvent(1000, 'legacy:closure', () => undefined);
    const blockers = checkpointBlockers(sim);
    expect(blockers).toHaveLength(1);
    expect(blockers[0]).toMatch(/^\.core\.queue\.heap\[\d+\]: closure event 'legacy:closure'$/);
    expect(() => takeCheckpoint(sim)).toThrow(NotCheckpointableError);
  });

  it('refuses to restore a function the fresh simulation does not have', async () => {
    const sim = await straight(70_000);
    (sim.kinesisContext as unknown as { extra: () => number }).extra = () => 1;
    const cp = takeCheckpoint(sim);
    expect(() => restoreCheckpoint(createSimulation(OPTS), cp)).toThrow('.extra: a function the fresh simulation does not have');
  });
});
