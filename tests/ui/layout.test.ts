import { describe, it, expect } from 'vitest';
import { edgeWidth, layoutGraph, rateLabel } from '../../src/ui/graph/layout';
import type { ShardSnap, Snapshot } from '../../src/worker/protocol';

function shard(i: number, open = true, over: Partial<ShardSnap> = {}): ShardSnap {
  return { id: `shardId-${String(i).padStart(12, '0')}`, start: String(i), end: String(i), startFrac: 0, endFrac: 0, open, recordsPerSec: 0, bytesPerSec: 0, throttledPerSec: 0, writeUse: 0, share: 0, expectedShare: 0, hot: false, totalRecords: 0, totalThrottled: 0, ...over };
}
function snap(shards: ShardSnap[]): Snapshot {
  return {
    time: 0, seed: '1', playing: false, speed: 1, effectiveSpeed: 0,
    streams: [{ name: 's', arn: 'a', status: 'ACTIVE', mode: 'PROVISIONED', retentionHours: 24, openShardCount: shards.filter((s) => s.open).length, heat: { windowMs: 10000, fromMs: 0, toMs: 0, seconds: 0 }, recordsPerSec: 0, bytesPerSec: 0, shards }],
    producers: [{ id: 'p1', name: 'p', stream: 's', recordsPerSec: 10, recordBytes: 1, keyStrategy: 'constant', keyCount: 1, sentPerSec: 8, throttledPerSec: 2 }],
    consumers: [], firehoses: [], buckets: [], keyMarks: [], events: [],
  };
}

describe('layoutGraph', () => {
  it('draws one node per shard and links a split parent to its children', () => {
    const { nodes, edges } = layoutGraph(snap([shard(1), shard(2, true, { parentId: 'shardId-000000000000' }), shard(0, false, { childIds: ['shardId-000000000001', 'shardId-000000000002'] })]), null);
    expect(nodes.filter((n) => n.type === 'shard')).toHaveLength(3);
    expect(edges.filter((e) => e.id.startsWith('lineage:')).map((e) => e.id)).toEqual(['lineage:shardId-000000000000->shardId-000000000002']);
  });

  it('collapses more than 32 open shards into one strip node', () => {
    const { nodes } = layoutGraph(snap(Array.from({ length: 33 }, (_, i) => shard(i))), null);
    expect(nodes.filter((n) => n.type === 'shard')).toHaveLength(0);
    expect(nodes.filter((n) => n.type === 'strip')).toHaveLength(1);
  });

  it('marks throttled producer flow with its own class and label', () => {
    const { edges } = layoutGraph(snap([shard(0)]), null);
    const put = edges.find((e) => e.id === 'put:p1')!;
    expect(put.className).toBe('edge-flow edge-moving edge-throttled');
    expect(put.label).toBe('8/s, 2/s throttled');
  });

  it('moves only edges that carry records', () => {
    const idle = snap([shard(0)]);
    idle.producers[0] = { ...idle.producers[0], sentPerSec: 0, throttledPerSec: 0 };
    expect(layoutGraph(idle, null).edges.find((e) => e.id === 'put:p1')!.className).toBe('edge-flow');
    const flowing = snap([shard(0)]);
    flowing.producers[0] = { ...flowing.producers[0], sentPerSec: 8, throttledPerSec: 0 };
    expect(layoutGraph(flowing, null).edges.find((e) => e.id === 'put:p1')!.className).toBe('edge-flow edge-moving');
  });

  it('widens edges with throughput, capped at 5,000 records/s', () => {
    expect(edgeWidth(0)).toBe(1.5);
    expect(edgeWidth(5000)).toBe(9);
    expect(edgeWidth(50000)).toBe(9);
  });
});

describe('rateLabel', () => {
  it('rounds to two significant digits so the label changes only with the rate', () => {
    expect([0, 8.4, 99.6, 703, 999, 2238, 2249, 12_345, 1_234_567].map(rateLabel)).toEqual(['0/s', '8/s', '100/s', '700/s', '1000/s', '2.2k/s', '2.2k/s', '12k/s', '1.2M/s']);
  });
});
