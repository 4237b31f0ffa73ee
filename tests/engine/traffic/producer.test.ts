import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/simulation';
import { rateAt } from '../../../src/engine/traffic/producers/rates';
import { compileTemplate, renderTemplate, RecordRng } from '../../../src/engine/traffic/producers/templates';
import { KPL_MAGIC } from '../../../src/engine/traffic/producers/kplFormat';
import type { ProducerConfig } from '../../../src/engine/traffic/producers/producerConfig';

function setup(shards: number, producer: Omit<ProducerConfig, 'streamName'>, seed = 4) {
  const sim = createSimulation({ seed });
  sim.kinesis.createStream({ StreamName: 's', ShardCount: shards });
  sim.advanceSync(10000);
  const info = sim.traffic.addProducer({ streamName: 's', ...producer });
  return { sim, s: sim.kinesisContext.streams.get('s')!, id: info.id };
}

describe('rates', () => {
  it('gives constant, periodic, burst and ramp rates at exact times', () => {
    expect(rateAt({ kind: 'constant', recordsPerSecond: 7 }, 123456)).toBe(7);
    const wave = { kind: 'periodic', baseRecordsPerSecond: 100, amplitude: 50, periodMs: 3600000 } as const;
    expect(rateAt(wave, 0)).toBe(100);
    expect(rateAt(wave, 900000)).toBe(150);
    expect(rateAt(wave, 900000 + 59999)).toBe(150); // steps once a minute
    const bursts = { kind: 'bursts', baseRecordsPerSecond: 10, burstRecordsPerSecond: 900, everyMs: 60000, durationMs: 5000 } as const;
    expect([0, 4999, 5000, 60000].map((t) => rateAt(bursts, t))).toEqual([900, 900, 10, 900]);
    expect(rateAt({ kind: 'ramp', from: 0, to: 1000, durationMs: 600000 }, 300000)).toBe(500);
  });
});

describe('templates', () => {
  it('fills KDG placeholders deterministically from the record seed', () => {
    const t = compileTemplate('{"id":{{random.number({"min":5,"max":5})}},"k":"{{key}}","s":{{seq}},"pick":"{{random.arrayElement(["x"])}}","t":"{{date.iso}}"}');
    const out = renderTemplate(t, { rng: new RecordRng(1), time: 1767225600000, key: 'dev-1', seq: 3, seed: 1 });
    expect(out).toBe('{"id":5,"k":"dev-1","s":3,"pick":"x","t":"2026-01-01T00:00:00.000Z"}');
    const a = renderTemplate(compileTemplate('{{random.uuid}}'), { rng: new RecordRng(42), time: 0, key: '', seq: 0, seed: 42 });
    const b = renderTemplate(compileTemplate('{{random.uuid}}'), { rng: new RecordRng(42), time: 0, key: '', seq: 0, seed: 42 });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('renders faker placeholders once faker is loaded, seeded per record', async () => {
    const sim = createSimulation({ seed: 1 });
    await sim.traffic.loadFaker();
    const t = compileTemplate('{{person.lastName}}|{{location.city}}');
    const one = renderTemplate(t, { rng: new RecordRng(1), time: 0, key: '', seq: 0, seed: 77 });
    expect(one).toBe(renderTemplate(t, { rng: new RecordRng(1), time: 0, key: '', seq: 0, seed: 77 }));
    expect(one).toMatch(/^[^|]+\|[^|]+$/);
  });
});

describe('exact producers', () => {
  it('PutRecords: a low rate goes through the API and is stored exactly', () => {
    const { sim, s, id } = setup(2, { rate: { kind: 'constant', recordsPerSecond: 5 }, keys: { name: 'device_id', count: 10 }, writePath: 'PutRecords' });
    sim.advanceSync(10000);
    const p = sim.traffic.listProducers().find((x) => x.id === id)!;
    expect(p.mode).toBe('exact');
    expect(p.counts.sent).toBe(50);
    expect(p.counts.calls).toBe(10);
    expect(s.open.reduce((a, sh) => a + sh.store.nextIndex, 0)).toBe(50);
    for (const sh of s.open) for (const b of sh.store.blocks) expect(b.kind).toBe('exact');
  });

  it('PutRecord: one call per record, and throttled records are retried then dropped', () => {
    const { sim, id } = setup(1, { rate: { kind: 'constant', recordsPerSecond: 1500 }, keys: { name: 'constant' }, writePath: 'PutRecord', mode: 'exact', record: { sizeBytes: 10 }, maxRetries: 1 });
    sim.advanceSync(5000);
    const p = sim.traffic.listProducers().find((x) => x.id === id)!;
    expect(p.counts.sent).toBeLessThanOrEqual(5000 + 1000);
    expect(p.counts.calls).toBe(7500 + p.counts.retried);
    expect(p.counts.throttled).toBeGreaterThan(0);
    expect(p.counts.dropped).toBeGreaterThan(0);
  });

  it('KPL: aggregates user records into KPL records (magic F3 89 9A C2) and gets past 1,000 records/s', () => {
    const { sim, s, id } = setup(1, { rate: { kind: 'constant', recordsPerSecond: 3000 }, keys: { name: 'device_id', count: 100 }, writePath: 'KPL', mode: 'exact', record: { sizeBytes: 100 } });
    sim.advanceSync(5000);
    const p = sim.traffic.listProducers().find((x) => x.id === id)!;
    expect(p.counts.sent).toBe(15000);
    expect(p.counts.throttled).toBe(0);
    expect(p.counts.kinesisRecords).toBeLessThan(1000);
    const rec = s.open[0].store.read(0);
    expect(Array.from(rec.data.subarray(0, 4))).toEqual(Array.from(KPL_MAGIC));
  });

  it('KPL in bulk mode: aggregated records count user records and materialise in the KPL format', () => {
    const { sim, s, id } = setup(1, { rate: { kind: 'constant', recordsPerSecond: 5000 }, keys: { name: 'device_id', count: 100 }, writePath: 'KPL', record: { sizeBytes: 100 } });
    sim.advanceSync(10000);
    const p = sim.traffic.listProducers().find((x) => x.id === id)!;
    expect(p.mode).toBe('bulk');
    // 500 user records arrive per 100 ms, but 51,200 bytes hold only 473 of 108 bytes: aggregates of 473,
    // 5000/473 = 10.57 a second, 105 whole ones in 10 s (the rest is a carried fraction).
    expect(p.counts.kinesisRecords).toBe(105);
    expect(p.counts.sent).toBe(105 * 473);
    expect(p.counts.throttled).toBe(0);
    const sh = s.open[0];
    const rec = sh.store.read(3);
    expect(Array.from(rec.data.subarray(0, 4))).toEqual(Array.from(KPL_MAGIC));
    expect(rec.data.length + rec.partitionKey.length).toBe(sh.store.sizeAt(3));
  });
});

describe('determinism in bulk mode', () => {
  function world(seed: number) {
    const { sim, s } = setup(8, { rate: { kind: 'periodic', baseRecordsPerSecond: 5000, amplitude: 3000, periodMs: 600000 }, keys: { name: 'customer_id', count: 5000 }, record: { template: 'clickstream' } }, seed);
    sim.advanceSync(900000);
    const now = sim.now();
    const series = s.open.map((sh) => Array.from(sim.metrics.kinesis.series({ stream: 's', shardId: sh.shardId, metric: 'IncomingRecords', from: now - 600000, to: now }).values));
    const sample = s.open.map((sh) => sh.store.read(sh.store.nextIndex - 1));
    return { series, sample, producers: sim.traffic.listProducers().map((p) => p.counts) };
  }

  it('same seed gives the same metrics, counts and records', () => {
    expect(world(11)).toEqual(world(11));
  });

  it('another seed gives other records', () => {
    expect(world(11).sample).not.toEqual(world(12).sample);
  });
});
