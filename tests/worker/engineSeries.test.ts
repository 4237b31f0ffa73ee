import { describe, it, expect } from 'vitest';
import { activeStream } from '../engine/kinesis/streamFixture';
import { shardMatricesFromMetrics, streamIteratorAge } from '../../src/worker/engineSeries';
import type { StreamSnap } from '../../src/worker/protocol';

describe('engineSeries', () => {
  it('reads IncomingRecords, IncomingBytes and write use per shard from the engine metrics, one column per sampled second', () => {
    const { sim } = activeStream(2, 'src');
    sim.advanceSync(1000 - (sim.now() % 1000));
    const t0 = sim.now();
    // Three records in the first second, none in the second; 10 bytes each (data 9 + key 1).
    const r = sim.kinesis.putRecord({ StreamName: 'src', PartitionKey: 'k', Data: new Uint8Array(9) });
    sim.kinesis.putRecord({ StreamName: 'src', PartitionKey: 'k', Data: new Uint8Array(9) });
    sim.kinesis.putRecord({ StreamName: 'src', PartitionKey: 'k', Data: new Uint8Array(9) });
    sim.advanceSync(2000);
    const shards = ['shardId-000000000000', 'shardId-000000000001'];
    const streams = [{ name: 'src', shards: shards.map((id) => ({ id })) }] as unknown as StreamSnap[];
    const times = new Float64Array([t0 + 1000, t0 + 2000]);
    const m = shardMatricesFromMetrics(sim, streams, times);
    const row = shards.indexOf(r.ShardId);
    const other = 1 - row;
    expect(Array.from(m.records.subarray(row * 2, row * 2 + 2))).toEqual([3, 0]);
    expect(Array.from(m.bytes.subarray(row * 2, row * 2 + 2))).toEqual([30, 0]);
    expect(Array.from(m.records.subarray(other * 2, other * 2 + 2))).toEqual([0, 0]);
    // Write use: the tighter of 3/1,000 records and 30/1 MiB bytes.
    expect(m.writeUse[row * 2]).toBeCloseTo(0.003, 6);
    expect(Array.from(m.throttled)).toEqual([0, 0, 0, 0]);
  });

  it('gives the same matrices through series() when the metrics have no bulk reader', () => {
    const { sim } = activeStream(2, 'src');
    sim.advanceSync(1000 - (sim.now() % 1000));
    const t0 = sim.now();
    for (let i = 0; i < 5; i++) sim.kinesis.putRecord({ StreamName: 'src', PartitionKey: `k${i}`, Data: new Uint8Array(20) });
    sim.advanceSync(3000);
    const streams = [{ name: 'src', shards: [{ id: 'shardId-000000000000' }, { id: 'shardId-000000000001' }] }] as unknown as StreamSnap[];
    const times = new Float64Array([t0 + 1000, t0 + 2000, t0 + 3000]);
    const bulk = shardMatricesFromMetrics(sim, streams, times);
    const k = sim.metrics.kinesis as unknown as { shardMatrix?: unknown };
    const saved = k.shardMatrix;
    k.shardMatrix = undefined;
    try {
      const slow = shardMatricesFromMetrics(sim, streams, times);
      expect(slow).toEqual(bulk);
      expect(Array.from(slow.records).reduce((a, b) => a + b, 0)).toBe(5);
    } finally {
      k.shardMatrix = saved;
    }
  });

  it('gives zeros where the engine holds no data (no reader reported an iterator age)', () => {
    const { sim } = activeStream(1, 'src');
    sim.advanceSync(3000);
    const t = Math.floor(sim.now() / 1000) * 1000;
    expect(Array.from(streamIteratorAge(sim, 'src', new Float64Array([t - 1000, t])))).toEqual([0, 0]);
  });
});
