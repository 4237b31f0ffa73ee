import { describe, it, expect } from 'vitest';
import { activeStream } from '../engine/kinesis/streamFixture';
import { HISTORY_SECONDS, seriesTimes, shardMatricesFromMetrics, streamIteratorAge } from '../../src/worker/engineSeries';
import type { StreamSnap } from '../../src/worker/protocol';

describe('engineSeries', () => {
  it('reads IncomingRecords, IncomingBytes and write use per shard from the engine metrics, one column per sampled second', () => {
    const { sim } = activeStream(2, 'src');
    sim.kinesis.enableEnhancedMonitoring({ StreamName: 'src', ShardLevelMetrics: ['ALL'] });
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

  it('reads exactly what the engine series() gives for each shard and second', () => {
    const { sim } = activeStream(2, 'src');
    sim.kinesis.enableEnhancedMonitoring({ StreamName: 'src', ShardLevelMetrics: ['ALL'] });
    sim.advanceSync(1000 - (sim.now() % 1000));
    const t0 = sim.now();
    for (let i = 0; i < 5; i++) sim.kinesis.putRecord({ StreamName: 'src', PartitionKey: `k${i}`, Data: new Uint8Array(20) });
    sim.advanceSync(3000);
    const ids = ['shardId-000000000000', 'shardId-000000000001'];
    const streams = [{ name: 'src', shards: ids.map((id) => ({ id })) }] as unknown as StreamSnap[];
    const times = new Float64Array([t0 + 1000, t0 + 2000, t0 + 3000]);
    const m = shardMatricesFromMetrics(sim, streams, times);
    const viaSeries = ids.flatMap((shardId) => Array.from(sim.metrics.kinesis.series({ stream: 'src', shardId, metric: 'IncomingRecords', from: t0, to: t0 + 3000 }).values));
    expect(Array.from(m.records)).toEqual(viaSeries);
    expect(Array.from(m.records).reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('starts the columns at the run\'s first second and keeps at most the history', () => {
    expect(Array.from(seriesTimes(5_500, 0))).toEqual([1000, 2000, 3000, 4000, 5000]);
    expect(Array.from(seriesTimes(500, 0))).toEqual([]);
    expect(Array.from(seriesTimes(1_000_000, 0, 3))).toEqual([998_000, 999_000, 1_000_000]);
    expect(seriesTimes(1_000_000, 0).length).toBe(HISTORY_SECONDS);
  });

  it('gives zeros where the engine holds no data (no reader reported an iterator age)', () => {
    const { sim } = activeStream(1, 'src');
    sim.advanceSync(3000);
    const t = Math.floor(sim.now() / 1000) * 1000;
    expect(Array.from(streamIteratorAge(sim, 'src', new Float64Array([t - 1000, t])))).toEqual([0, 0]);
  });
});
