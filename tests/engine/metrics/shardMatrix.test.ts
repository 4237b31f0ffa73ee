import { describe, it, expect } from 'vitest';
import { activeStream } from '../kinesis/streamFixture';

describe('KinesisMetrics.shardMatrix', () => {
  it('writes a shard metric per second into rows from rowOffset, leaving seconds without data untouched', () => {
    const { sim } = activeStream(2, 's');
    sim.kinesis.enableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['IncomingRecords'] });
    sim.advanceSync(1000 - (sim.now() % 1000));
    const sec0 = sim.now() / 1000;
    const r = sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'a', Data: new Uint8Array(4) });
    sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'a', Data: new Uint8Array(4) });
    sim.advanceSync(2000);
    const out = new Float32Array(3 * 4).fill(-1);
    // Row 0 untouched, rows 1..2 the two shards; columns: the second before sec0 (no data kept? it was sampled: 0), sec0, sec0 + 1, sec0 + 2 (not yet sampled).
    sim.metrics.kinesis.shardMatrix('s', ['shardId-000000000000', 'shardId-000000000001'], 'IncomingRecords', sec0 - 1, 4, out, 1);
    const row = r.ShardId === 'shardId-000000000000' ? 1 : 2;
    expect(Array.from(out.subarray(0, 4))).toEqual([-1, -1, -1, -1]);
    expect(Array.from(out.subarray(row * 4, row * 4 + 4))).toEqual([0, 2, 0, -1]);
    expect(Array.from(out.subarray((3 - row) * 4, (3 - row) * 4 + 4))).toEqual([0, 0, 0, -1]);
  });

  it('does nothing for an unknown stream', () => {
    const { sim } = activeStream(1, 's');
    const out = new Float32Array(2);
    sim.metrics.kinesis.shardMatrix('nope', ['shardId-000000000000'], 'IncomingBytes', 0, 2, out);
    expect(Array.from(out)).toEqual([0, 0]);
  });
});
