import { describe, it, expect } from 'vitest';
import { World } from '../../src/worker/world';

describe('World', () => {
  it('opens on the default scenario: 6 ACTIVE shards, two producers, a consumer, a Firehose to S3', async () => {
    const w = new World('1');
    // The delivery stream reads its source once it is ACTIVE.
    for (let i = 0; i < 10; i++) await w.step();
    const snap = w.snapshot();
    expect(snap.streams.map((s) => [s.name, s.status, s.openShardCount])).toEqual([['telemetry-stream', 'ACTIVE', 6]]);
    expect(snap.producers.map((p) => [p.name, p.keyStrategy])).toEqual([
      ['iot-sensors', 'device_id'],
      ['app-logs', 'log_level'],
    ]);
    expect(snap.consumers.map((c) => c.name)).toEqual(['analytics-app']);
    expect(snap.firehoses.map((f) => [f.name, f.source, f.bucket])).toEqual([['telemetry-to-s3', 'telemetry-stream', 'telemetry-archive']]);
  });

  it('makes the shard holding INFO hot: at its 1,000 records/s limit and throttling', async () => {
    const w = new World('1');
    // Past the first HOT_WINDOW_MS of traffic, so the window holds only saturated seconds.
    for (let i = 0; i < 15; i++) await w.step();
    const shards = w.snapshot().streams[0].shards;
    const hot = shards.filter((s) => s.throttledPerSec > 0);
    expect(hot.map((s) => s.id)).toEqual(['shardId-000000000001']);
    expect(shards.filter((s) => s.hot).map((s) => s.id)).toEqual(['shardId-000000000001']);
    // The token bucket lets through 999 or 1,000 in a given second.
    expect(hot[0].writeUse).toBeGreaterThanOrEqual(0.999);
  });

  it('returns a refused split as the engine error, and the world keeps its state', async () => {
    const w = new World('1');
    await w.step();
    const before = w.sim.now();
    const r = w.command({ op: 'kinesis.splitShard', args: { StreamName: 'telemetry-stream', ShardToSplit: 'shardId-000000000001', NewStartingHashKey: '1' } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.type).toBe('InvalidArgumentException');
      expect(r.error.message).toMatch(/^NewStartingHashKey 1 used in SplitShard\(\) on shard shardId-000000000001 in stream telemetry-stream under account 123456789012 is not both greater than one plus the shard's StartingHashKey/);
    }
    expect(w.sim.now()).toBe(before);
    expect(w.snapshot().streams[0].openShardCount).toBe(6);
  });

  it('splits a shard at its midpoint: two children after the update delay', async () => {
    const w = new World('1');
    const r = w.command({ op: 'kinesis.splitShard', args: { StreamName: 'telemetry-stream', ShardToSplit: 'shardId-000000000001', NewStartingHashKey: '85070591730234615865843651857942052864' } });
    expect(r).toEqual({ ok: true, value: {} });
    await w.advance(60_000);
    const s = w.snapshot().streams[0];
    expect(s.openShardCount).toBe(7);
    expect(s.shards.find((x) => x.id === 'shardId-000000000001')?.childIds).toEqual(['shardId-000000000006', 'shardId-000000000007']);
  });

  it('refuses a bad producer edit with the scenario schema\'s message naming the field', () => {
    const w = new World('1');
    const id = w.snapshot().producers[0].id;
    expect(w.command({ op: 'traffic.updateProducer', args: { id, rate: { kind: 'constant', recordsPerSecond: -5 } } })).toEqual({
      ok: false,
      error: { type: 'ValidationException', message: 'args.rate.recordsPerSecond: must be at least 0' },
    });
    expect(w.toScenario().commands).toEqual([]);
    expect(w.command({ op: 'traffic.updateProducer', args: { id, keys: { name: 'constant' } } })).toEqual({ ok: true, value: id });
    expect(w.snapshot().producers[0].keyStrategy).toBe('constant');
  });

  it('is deterministic: the same seed and steps give the same snapshot', async () => {
    const a = new World('42');
    const b = new World('42');
    for (let i = 0; i < 3; i++) {
      await a.step();
      await b.step();
    }
    expect(a.snapshot(true)).toEqual(b.snapshot(true));
  });

  it('lists delivered objects under their date prefix and reads one back', async () => {
    const w = new World('1');
    await w.advance(70_000);
    const root = w.listObjects('telemetry-archive', '');
    expect(root).toEqual({ ok: true, value: { prefixes: ['2026/'], objects: [] } });
    let prefix = '2026/';
    for (let i = 0; i < 3; i++) {
      const r = w.listObjects('telemetry-archive', prefix);
      if (!r.ok) throw new Error(r.error.message);
      prefix = r.value.prefixes[0];
    }
    expect(prefix).toBe('2026/01/01/00/');
    const objs = w.listObjects('telemetry-archive', prefix);
    if (!objs.ok) throw new Error(objs.error.message);
    expect(objs.value.objects.length).toBeGreaterThan(0);
    const got = w.getObject('telemetry-archive', objs.value.objects[0].Key);
    if (!got.ok) throw new Error(got.error.message);
    expect([got.value.body[0], got.value.body[1]]).toEqual([0x1f, 0x8b]);
    expect(w.getObject('telemetry-archive', 'nope')).toMatchObject({ ok: false, error: { type: 'NoSuchKey' } });
  });
});
