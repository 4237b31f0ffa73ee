import { describe, it, expect } from 'vitest';
import { createSimulation } from '../../src/engine';
import { buildSnapshot, describeEvent, eventSnaps, transferablesOf, type SnapshotSources } from '../../src/worker/snapshot';

function world() {
  const sim = createSimulation({ seed: 7 });
  sim.kinesis.createStream({ StreamName: 's', ShardCount: 2 });
  sim.advanceSync(10_000);
  // The per-shard figures are shard-level metrics: AWS publishes them only with enhanced monitoring on.
  sim.kinesis.enableEnhancedMonitoring({ StreamName: 's', ShardLevelMetrics: ['ALL'] });
  const src: SnapshotSources = { sim, runStart: sim.now() - 10_000, producers: [], consumers: [], firehoses: [], buckets: [], keyMarks: [], flushes: new Map() };
  return { sim, src };
}

const playback = { seed: '7', playing: false, speed: 1, effectiveSpeed: 0 };

describe('buildSnapshot', () => {
  it('lists open shards in hash order with their exact ranges and the engine\'s rates over its window', () => {
    const { sim, src } = world();
    const data = new Uint8Array(100);
    // Explicit hash keys put 3 records on shard 0 and 1 on shard 1.
    for (const k of ['0', '1', '2', '170141183460469231731687303715884105728']) sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'k', ExplicitHashKey: k, Data: data });
    sim.advanceSync(1000);
    const snap = buildSnapshot(src, playback, [], true);
    const heat = snap.streams[0].heat;
    // The stream's metrics hold one second so far: the 10-second window covers that second only.
    expect(heat).toEqual({ windowMs: 10_000, fromMs: sim.now() - 1000, toMs: sim.now(), seconds: 1 });
    const [a, b] = snap.streams[0].shards;
    expect(snap.streams[0]).toMatchObject({ name: 's', status: 'ACTIVE', mode: 'PROVISIONED', openShardCount: 2 });
    expect(a).toMatchObject({ id: 'shardId-000000000000', start: '0', end: '170141183460469231731687303715884105727', startFrac: 0, endFrac: 0.5, open: true, recordsPerSec: 3, bytesPerSec: 303, throttledPerSec: 0 });
    expect(b).toMatchObject({ id: 'shardId-000000000001', startFrac: 0.5, endFrac: 1, recordsPerSec: 1, bytesPerSec: 101 });
    expect(a.writeUse).toBe(0.003);
    expect(snap.series!.shardIds).toEqual(['shardId-000000000000', 'shardId-000000000001']);
    expect(a).toMatchObject({ share: 0.75, expectedShare: 0.5, hot: false });
    // Columns from the run's first second; the shards' only second of data is the last column.
    const n = snap.series!.times.length;
    expect(n).toBe(11);
    expect(snap.series!.times[n - 1]).toBe(sim.now());
    expect(Array.from(snap.series!.records.subarray(n - 2, n))).toEqual([0, 3]);
    expect(Array.from(snap.series!.records.subarray(2 * n - 2, 2 * n))).toEqual([0, 1]);
    expect(snap.series!.records.reduce((x, y) => x + y, 0)).toBe(4);
  });

  it('shows a split as a closed parent linked to two open children', () => {
    const { sim, src } = world();
    sim.kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '85070591730234615865843651857942052864' });
    sim.advanceSync(60_000);
    const snap = buildSnapshot(src, playback, [], false);
    const shards = snap.streams[0].shards;
    expect(shards.map((s) => [s.id, s.open])).toEqual([
      ['shardId-000000000002', true],
      ['shardId-000000000003', true],
      ['shardId-000000000001', true],
      ['shardId-000000000000', false],
    ]);
    expect(shards[3].childIds).toEqual(['shardId-000000000002', 'shardId-000000000003']);
    expect(shards[0].parentId).toBe('shardId-000000000000');
    expect(shards[1].endFrac).toBe(0.5);
    expect(snap.series).toBeUndefined();
  });

  it('is structured-clone safe and transfers only its series buffers', () => {
    const { src } = world();
    const snap = buildSnapshot(src, playback, [], true);
    expect(structuredClone(snap)).toEqual(snap);
    expect(transferablesOf(snap)).toHaveLength(7);
    expect(transferablesOf(buildSnapshot(src, playback, [], false))).toEqual([]);
  });

  it('turns engine events into numbered log lines of plain text', () => {
    const events = eventSnaps(
      [
        { type: 'shardSplit', time: 5, stream: 's', parent: 'shardId-000000000000', children: ['shardId-000000000002', 'shardId-000000000003'], newStartingHashKey: '42' },
        { type: 'bufferFlushed', time: 6, deliveryStream: 'f', partition: 'all', records: 10, bytes: 1048576, fill: 1, fillAfter: 0 },
        { type: 'kclLeaseStolen', time: 7, application: 'app', leaseKey: 'shardId-000000000002', worker: 'B', from: 'A', leaseCounter: 4 },
      ],
      40,
    );
    expect(events).toEqual([
      { seq: 40, time: 5, type: 'shardSplit', text: 'shardId-000000000000 split at 42 into shardId-000000000002 and shardId-000000000003' },
      { seq: 41, time: 6, type: 'bufferFlushed', text: 'Firehose f flushed 10 records (1.0 MiB) at 100% of its buffer size' },
      { seq: 42, time: 7, type: 'kclLeaseStolen', text: 'KCL app: worker B stole the lease of shardId-000000000002 from A' },
    ]);
    expect(describeEvent({ type: 'throttled', time: 1, stream: 's', shardId: 'x', direction: 'write', records: 3 })).toBe('3 write request(s) throttled on x (ProvisionedThroughputExceededException)');
  });
});
