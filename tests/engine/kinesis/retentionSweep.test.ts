import { describe, it, expect } from 'vitest';
import { T0, TWO_127, withStream } from './operations/streamFixtures';
import { RETENTION_SWEEP_MS } from '../../../src/engine/kinesis/retentionSweep';

describe('retentionSweep', () => {
  it('drops expired records of a stream nobody reads, within a minute of their expiry', () => {
    const sim = withStream(1);
    for (let i = 0; i < 1000; i++) sim.kinesis.putRecord({ StreamName: 's', PartitionKey: `k${i}`, Data: new Uint8Array(10) });
    sim.advanceSync(1000);
    const store = sim.kinesisContext.streams.get('s')!.shards[0].store;
    expect([store.size, store.blocks.length]).toEqual([1000, 1]);
    // Records arrived at T0 + 10 s; they expire 24 h later; the sweep runs on the minute.
    sim.advanceSync(T0 + 10000 + 24 * 3600 * 1000 - sim.now());
    expect(store.size).toBe(1000);
    sim.advanceSync(RETENTION_SWEEP_MS);
    expect([store.size, store.blocks.length, store.trimIndex]).toEqual([0, 0, 1000]);
  });

  it('forgets a closed shard once retention has passed its close', () => {
    const sim = withStream(2);
    sim.kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: String(TWO_127 / 2n) });
    sim.advanceSync(10000); // split at T0 + 20 s
    const s = sim.kinesisContext.streams.get('s')!;
    expect(s.shards.length).toBe(4);
    sim.advanceSync(24 * 3600 * 1000 + RETENTION_SWEEP_MS);
    expect(s.shards.map((x) => x.shardId)).toEqual(['shardId-000000000001', 'shardId-000000000002', 'shardId-000000000003']);
    expect(s.byId.has('shardId-000000000000')).toBe(false);
  });
});
