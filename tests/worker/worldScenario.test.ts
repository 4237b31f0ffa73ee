import { describe, it, expect } from 'vitest';
import { World } from '../../src/worker/world';

/** What a learner reads, without the per-frame event list. */
function view(w: World) {
  const s = w.snapshot(true);
  return { time: s.time, streams: s.streams, producers: s.producers, consumers: s.consumers, firehoses: s.firehoses, timeline: s.timeline };
}

describe('World scenario session', () => {
  it('records every UI command in the scenario at the simulated time it ran', async () => {
    const w = new World('1');
    await w.advance(20_000);
    const at = w.session.offset;
    const id = w.snapshot().producers[1].id;
    expect(w.command({ op: 'traffic.updateProducer', args: { id, keys: { name: 'server_id' } } })).toEqual({ ok: true, value: id });
    expect(w.command({ op: 'traffic.addConsumer', args: { type: 'efo', name: 'fan-out', streamName: 'telemetry-stream' } })).toMatchObject({ ok: true });
    expect(w.command({ op: 'kinesis.splitShard', args: { StreamName: 'telemetry-stream', ShardToSplit: 'shardId-000000000001', NewStartingHashKey: '1' } })).toMatchObject({ ok: false });
    expect(w.toScenario().commands).toEqual([
      { at, op: 'traffic.updateProducer', args: { id: 'producer-2', keys: { name: 'server_id' } } },
      { at, op: 'traffic.addConsumer', args: { type: 'efo', name: 'fan-out', streamName: 'telemetry-stream' } },
    ]);
    expect(w.toScenario().presetId).toBe('telemetry-default');
    expect(w.shareFragment()).toMatchObject({ ok: true, fragment: expect.stringMatching(/^#s=[A-Za-z0-9_-]+&t=\d+$/) });
  });

  it('seeking back shows the world exactly as it was, and forward again the same world', async () => {
    const w = new World('1');
    await w.advance(30_000);
    w.command({ op: 'kinesis.splitShard', args: { StreamName: 'telemetry-stream', ShardToSplit: 'shardId-000000000001', NewStartingHashKey: '85070591730234615865843651857942052864' } });
    await w.advance(15_000);
    const mid = view(w);
    await w.advance(45_000);
    const late = view(w);
    await w.seek(mid.timeline!.offsetMs);
    expect(view(w)).toEqual({ ...mid, timeline: { ...mid.timeline!, endMs: late.timeline!.offsetMs } });
    await w.seek(late.timeline!.offsetMs);
    expect(view(w)).toEqual(late);
  });

  it('forks: the commands after now are dropped and the run is no longer its preset', async () => {
    const w = new World('1');
    w.openPreset('hot-shard-split');
    await w.advance(300_000);
    expect(w.snapshot().timeline).toMatchObject({ commandsRun: 0 });
    expect(w.fork()).toBe(1);
    expect(w.toScenario().commands).toEqual([]);
    expect(w.toScenario().presetId).toBe(undefined);
    await w.advance(360_000);
    expect(w.snapshot().streams[0].openShardCount).toBe(4);
  });

  it('opens a share link at its moment with the same numbers as the run that made it', async () => {
    const a = new World('1');
    a.openPreset('hot-shard-split');
    await a.advance(61_000);
    const link = a.shareFragment();
    expect(link).toEqual({ ok: true, fragment: `#p=hot-shard-split&t=${a.session.offset}` });
    const b = new World('1');
    expect(await b.open(link.ok ? link.fragment : '')).toEqual({ ok: true, source: 'preset-link' });
    expect(view(b)).toEqual(view(a));
  });

  it('a hostile link opens the default scenario with a message saying what was wrong', async () => {
    const w = new World('1');
    w.openPreset('hot-shard-split');
    const r = await w.open('#s=%3Cscript%3Ealert(1)%3C%2Fscript%3E&t=5');
    expect(r.ok).toBe(false);
    expect(r.source).toBe('default');
    expect(r.message).toMatch(/The default scenario is shown instead\.$/);
    expect(w.toScenario().presetId).toBe('telemetry-default');
  });

  it('refuses an invalid scenario document with a located message', () => {
    const w = new World('1');
    const doc = { ...w.toScenario(), seed: { evil: true } };
    const r = w.openScenario(doc);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/^Invalid scenario: seed: /);
  });
});
