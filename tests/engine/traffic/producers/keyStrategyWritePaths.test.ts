import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../../src/engine/simulation';
import { KEY_STRATEGY_PRESETS, type KeyStrategyName } from '../../../../src/engine/traffic/producers/keyStrategies';
import { RecordMaker } from '../../../../src/engine/traffic/producers/recordMaker';
import { createKeyPopulation } from '../../../../src/engine/traffic/producers/keyStrategies';
import type { ProducerConfig } from '../../../../src/engine/traffic/producers/producerConfig';

type PathCase = { label: string; config: Pick<ProducerConfig, 'writePath' | 'mode'>; rate: number };

const PATHS: PathCase[] = [
  { label: 'exact PutRecord', config: { writePath: 'PutRecord', mode: 'exact' }, rate: 8 },
  { label: 'exact PutRecords', config: { writePath: 'PutRecords', mode: 'exact' }, rate: 8 },
  { label: 'exact KPL', config: { writePath: 'KPL', mode: 'exact' }, rate: 8 },
  { label: 'bulk PutRecords', config: { writePath: 'PutRecords', mode: 'bulk' }, rate: 3000 },
  { label: 'bulk KPL', config: { writePath: 'KPL', mode: 'bulk' }, rate: 3000 },
];

const STRATEGIES = KEY_STRATEGY_PRESETS.map((p) => p.name);

describe('RecordMaker', () => {
  it('sizes log_level records from its five keys without reading past them', () => {
    // The 64-record size sample once asked a 5-key population for key 5 (undefined).
    const keys = createKeyPopulation({ name: 'log_level' });
    const m = new RecordMaker({ template: 'logs' }, 7, keys, 0);
    expect(m.recordBytes).toBeGreaterThan(10);
    expect(keys.keyAt(4, 0)).toBe('FATAL');
    const one = new RecordMaker({ sizeBytes: 100 }, 7, createKeyPopulation({ name: 'constant' }), 0);
    expect(one.recordBytes).toBe(100);
  });
});

describe('key strategies x write paths', () => {
  const cases = STRATEGIES.flatMap((name) => PATHS.map((path) => [name, path.label, path] as [KeyStrategyName, string, PathCase]));
  it.each(cases)('%s over %s runs 60 simulated seconds and every record is accounted for', (name, _label, path) => {
    const sim = createSimulation({ seed: `ks-${name}-${path.label}` });
    sim.kinesis.createStream({ StreamName: 's', ShardCount: 4 });
    sim.advanceSync(10000);
    const info = sim.traffic.addProducer({ streamName: 's', rate: { kind: 'constant', recordsPerSecond: path.rate }, keys: { name }, ...path.config });
    expect(info.mode).toBe(path.config.mode);
    sim.advanceSync(60000);
    const p = sim.traffic.listProducers().find((x) => x.id === info.id)!;
    const stored = sim.kinesisContext.streams.get('s')!.shards.reduce((a, sh) => a + sh.counters.incomingRecords, 0);
    // Every Kinesis record the producer saw accepted is in the shards.
    expect(p.counts.kinesisRecords).toBe(stored);
    expect(p.counts.sent).toBeGreaterThan(0);
    // User records made = sent + dropped + still waiting for a retry, never more than 60 s at the rate.
    expect(p.counts.sent + p.counts.dropped).toBeLessThanOrEqual(path.rate * 60);
    // Spread keys at a rate the shards can take lose nothing; the rest may wait for a retry or drop.
    if (name === 'device_id' || name === 'transaction_id' || name === 'random') expect(p.counts.dropped).toBe(0);
  });
});
