import { describe, it, expect } from 'vitest';
import { PRESETS, presetScenario, defaultScenario } from '../../src/scenarios/presets';
import { validateScenario } from '../../src/scenarios/validateScenario';
import { ScenarioSession } from '../../src/scenarios/scenarioSession';
import { encodeShareFragment, decodeShareFragment } from '../../src/scenarios/shareLink';
import { probe } from './scenarioProbe';
import { isOpen } from '../../src/engine/kinesis/shardModel';

describe('presets', () => {
  it('have unique ids, a title and an explanation each', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const p of PRESETS) {
      expect(p.id).toMatch(/^[a-z0-9-]+$/);
      expect(p.scenario.presetId).toBe(p.id);
      expect(p.explanation.length).toBeGreaterThan(200);
    }
    expect(defaultScenario().presetId).toBe('telemetry-default');
  });

  for (const p of PRESETS) {
    it(`${p.id}: validates, runs 60 simulated seconds with every command accepted, and has a short link`, async () => {
      const v = validateScenario(presetScenario(p.id));
      expect(v.ok ? 'valid' : v.message).toBe('valid');
      const s = new ScenarioSession(p.scenario);
      await s.advance(60000);
      expect(s.commandLog().filter((e) => !e.ok)).toEqual([]);
      const records = [...s.sim.kinesisContext.streams.values()].flatMap((st) => st.shards).reduce((n, sh) => n + sh.counters.incomingRecords, 0);
      if (p.scenario.commands.some((c) => c.op.startsWith('video.'))) {
        // Video presets: their cameras' fragments arrive (and face search also writes records).
        const fragments = [...s.sim.videoContext.streams.values()].reduce((n, st) => n + st.counters.fragmentsIn, 0);
        expect(fragments).toBeGreaterThan(0);
        if (p.scenario.topology.streams !== undefined) expect(records).toBeGreaterThan(0);
      } else expect(records).toBeGreaterThan(0);
      const link = encodeShareFragment(p.scenario, 60000, presetScenario);
      expect(link).toEqual({ ok: true, fragment: `#p=${p.id}&t=60000` });
      // The long form of every preset also fits comfortably in a URL.
      const long = encodeShareFragment({ ...p.scenario, presetId: undefined }, 60000);
      expect(long.ok && long.fragment.length).toBeLessThan(2000);
    });
  }
});

describe('preset behaviour', () => {
  it('hot-shard-split: the hot shard throttles before the split and its children do not after', () => {
    const s = new ScenarioSession(presetScenario('hot-shard-split')!);
    s.advanceSync(590000);
    const before = s.sim.kinesisContext.streams.get('customer-activity')!.shards.map((sh) => [sh.shardId, sh.counters.writeThrottledRecords > 0]);
    expect(before).toEqual([
      ['shardId-000000000000', false],
      ['shardId-000000000001', false],
      ['shardId-000000000002', false],
      ['shardId-000000000003', true],
    ]);
    s.advanceSync(120000);
    const stream = s.sim.kinesisContext.streams.get('customer-activity')!;
    const children = stream.shards.filter((sh) => sh.shardId === 'shardId-000000000004' || sh.shardId === 'shardId-000000000005');
    expect(children.map((c) => c.counters.incomingRecords > 0)).toEqual([true, true]);
    expect(children.map((c) => c.counters.writeThrottledRecords)).toEqual([0, 0]);
  });

  it("log-level-hot-shard: INFO's shard throttles at 1,000 records/s while other shards stay far below", () => {
    const s = new ScenarioSession(presetScenario('log-level-hot-shard')!);
    s.advanceSync(60000);
    const shards = s.sim.kinesisContext.streams.get('app-logs')!.shards.map((sh) => sh.counters);
    expect(shards.filter((c) => c.writeThrottledRecords > 0).length).toBe(1);
    const hot = shards.find((c) => c.writeThrottledRecords > 0)!;
    expect(hot.incomingRecords).toBeLessThanOrEqual(60000);
    expect(shards.filter((c) => c !== hot).every((c) => c.incomingRecords < hot.incomingRecords / 2)).toBe(true);
  });

  it('polling-vs-fan-out: polling applications share the read limits and fall behind; every EFO application keeps up', async () => {
    const s = new ScenarioSession(presetScenario('polling-vs-fan-out')!);
    await s.advance(300000);
    const all = s.sim.traffic.listConsumers();
    const polling = all.filter((c) => c.type === 'pollingConsumer');
    const efo = all.filter((c) => c.type === 'efoConsumer');
    expect([polling.length, efo.length]).toEqual([5, 5]);
    const written = [...s.sim.kinesisContext.streams.get('market-data')!.shards].reduce((n, sh) => n + sh.counters.incomingRecords, 0);
    expect(efo.map((c) => c.records)).toEqual([written, written, written, written, written]);
    expect(polling.some((c) => Number(c.throttled) > 0)).toBe(true);
    expect(Math.max(...polling.map((c) => Number(c.maxIteratorAgeMs)))).toBeGreaterThan(60000);
    expect(polling.map((c) => Number(c.records)).reduce((a, b) => Math.min(a, b))).toBeLessThan(written / 2);
  });

  it('kpl-aggregation: plain puts throttle at 1,000 records/s while the KPL stream does not', () => {
    const s = new ScenarioSession(presetScenario('kpl-aggregation')!);
    s.advanceSync(60000);
    const [plain, kpl] = ['plain-puts', 'kpl-aggregated'].map((n) => s.sim.kinesisContext.streams.get(n)!.shards[0].counters);
    expect(plain.writeThrottledRecords).toBeGreaterThan(0);
    expect(plain.incomingRecords).toBe(60000);
    expect(kpl.writeThrottledRecords).toBe(0);
    expect(kpl.incomingRecords).toBeLessThan(5000);
  });
});

describe('determinism', () => {
  for (const id of ['hot-shard-split', 'resharding-kcl', 'lambda-poison-record', 'firehose-csv-to-json', 'tweets-pipeline']) {
    it(`${id}: the same scenario run twice gives deep-equal results, and chunked advancing matches one big step`, async () => {
      const a = new ScenarioSession(presetScenario(id)!);
      await a.advance(400000);
      const b = new ScenarioSession(presetScenario(id)!);
      await b.advance(400000);
      expect(probe(b)).toEqual(probe(a));
      const c = new ScenarioSession(presetScenario(id)!);
      for (let i = 0; i < 400; i++) await c.advance(1000);
      expect(probe(c)).toEqual(probe(a));
    });
  }
});

describe('share-link round trip', () => {
  it('reproduces the same numbers at the same simulated time, with a user command recorded', async () => {
    const s = new ScenarioSession(presetScenario('iot-device-id')!);
    await s.advance(90000);
    expect(s.apply({ op: 'kinesis.updateShardCount', args: { StreamName: 'iot-telemetry', TargetShardCount: 8, ScalingType: 'UNIFORM_SCALING' } }).ok).toBe(true);
    await s.advance(120000);
    const link = encodeShareFragment(s.toScenario(), s.offset, presetScenario);
    if (!link.ok) throw new Error(link.message);
    expect(link.fragment.startsWith('#s=')).toBe(true);
    const opened = decodeShareFragment(link.fragment, presetScenario);
    if (!opened.ok) throw new Error(opened.message);
    const t = new ScenarioSession(opened.scenario);
    await t.seekTo(opened.timeMs);
    expect(t.offset).toBe(s.offset);
    expect(probe(t).streams).toEqual(probe(s).streams);
    expect(probe(t).producers).toEqual(probe(s).producers);
    expect(t.sim.kinesisContext.streams.get('iot-telemetry')!.shards.filter(isOpen).length).toBe(8);
  });
});

describe('ScenarioSession time travel', () => {
  it('seeks back by replaying, shows the world exactly as it was, and forks', () => {
    const s = new ScenarioSession(presetScenario('hot-shard-split')!);
    s.advanceSync(300000);
    // The start waits for the stream to be ACTIVE, so this is 5 minutes after that.
    const at = s.offset;
    const atProbe = probe(s);
    s.advanceSync(500000);
    expect(s.futureCommands()).toEqual([]);
    expect(s.seekToSync(at)).toEqual({ replayed: true });
    expect(s.offset).toBe(at);
    expect(probe(s)).toEqual(atProbe);
    expect(s.futureCommands().map((c) => c.op)).toEqual(['kinesis.splitShard']);
    expect(s.fork()).toBe(1);
    expect(s.toScenario().commands).toEqual([]);
    expect(s.toScenario().presetId).toBeUndefined();
    s.advanceSync(500000);
    expect(s.sim.kinesisContext.streams.get('customer-activity')!.shards.length).toBe(4);
  });

  it('refuses commands outside the allow-list without recording them', () => {
    const s = new ScenarioSession(presetScenario('iot-device-id')!);
    expect(s.apply({ op: 'core.advance', args: {} })).toEqual({ ok: false, error: { type: 'ValidationException', message: 'op: unknown command "core.advance"' } });
    expect(s.apply({ op: 'kinesis.splitShard', args: { StreamName: 'nope', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1' } })).toEqual({
      ok: false,
      error: { type: 'ResourceNotFoundException', message: 'Stream nope under account 123456789012 not found.' },
    });
    expect(s.toScenario().commands).toEqual([]);
  });
});

describe('analytics presets', () => {
  const view = (s: ScenarioSession, app: string) => s.sim.analytics.view(app);

  it('analytics-stagger-vs-tumbling: both applications count every trade, in different windows', async () => {
    const s = new ScenarioSession(presetScenario('analytics-stagger-vs-tumbling')!);
    await s.advance(200000);
    const t = view(s, 'tumbling-trades'), g = view(s, 'stagger-trades');
    expect(t.status).toBe('RUNNING');
    expect(t.counters.numRecordsIn).toBe(g.counters.numRecordsIn);
    expect(t.windows.length).toBeGreaterThan(0);
    expect(g.windows.length).toBeGreaterThan(0);
    expect(t.windows.every((w) => w.end - w.start === 60000 && w.start % 60000 === 0)).toBe(true);
    expect(g.windows.some((w) => w.start % 60000 !== 0)).toBe(true);
  });

  it('analytics-idle-shard: no window fires while one shard is idle; after the idle-timeout update they do', async () => {
    const s = new ScenarioSession(presetScenario('analytics-idle-shard')!);
    await s.advance(39000);
    expect(view(s, 'late-data').watermark).toBe(null);
    await s.advance(200000);
    expect(s.commandLog().filter((e) => !e.ok)).toEqual([]);
    expect(view(s, 'late-data').watermark).not.toBe(null);
    expect(view(s, 'late-data').windows.length).toBeGreaterThan(0);
  });

  it('analytics-restart-duplicates: the fault at 100 s writes the rows since the last checkpoint twice', async () => {
    const s = new ScenarioSession(presetScenario('analytics-restart-duplicates')!);
    await s.advance(120000);
    const v = view(s, 'copier');
    expect(v.counters.duplicateRowsOut).toBeGreaterThan(0);
    // Replayed records are read (and counted in) again, so every row out, duplicates included, matches one read.
    expect(v.counters.numRecordsOut).toBe(v.counters.numRecordsIn);
  });

  it('analytics-autoscaling: falls behind 10 s a minute, scales 1 -> 2 after 15 busy minutes, then catches up', async () => {
    const s = new ScenarioSession(presetScenario('analytics-autoscaling')!);
    await s.advance(14 * 60000);
    const before = view(s, 'order-counter');
    expect(before.kpus).toBe(2); // 1 work KPU + the orchestration KPU
    expect(before.millisBehindLatest).toBe(137000); // 60 written, 50 read a second, since RUNNING at 31 s
    await s.advance(6 * 60000);
    const start = s.sim.now() - s.offset;
    const scaled = s.sim.core.events.peek().filter((e) => e.type === 'applicationScaled');
    expect(scaled.map((e) => (e.type === 'applicationScaled' ? [e.time - start, e.from, e.to] : []))).toEqual([[900000, 1, 2]]);
    const after = view(s, 'order-counter');
    expect(after.kpus).toBe(3);
    expect(after.status).toBe('RUNNING');
    expect(after.millisBehindLatest).toBe(0);
  });

  it('analytics-order-totals: minute totals reach S3 through Firehose', async () => {
    const s = new ScenarioSession(presetScenario('analytics-order-totals')!);
    await s.advance(240000);
    expect(view(s, 'order-totals').windows.length).toBeGreaterThan(0);
    expect((s.sim.s3.listObjectsV2({ Bucket: 'order-totals' }).Contents ?? []).length).toBeGreaterThan(0);
  });
});
