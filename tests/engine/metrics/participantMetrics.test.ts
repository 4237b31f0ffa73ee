import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/simulation';

describe('sim.metrics.traffic', () => {
  it('gives each producer\'s accepted and throttled records of the last whole second, once watched', async () => {
    const sim = createSimulation({ seed: 3 });
    sim.kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    await sim.advance(12_000);
    // 1,500 records/s of one key into one shard: 1,000 in, the rest throttled.
    const id = sim.traffic.addProducer({ streamName: 's', rate: { kind: 'constant', recordsPerSecond: 1500 }, keys: { name: 'constant' }, record: { sizeBytes: 100 } }).id;
    await sim.advance(3000);
    expect(sim.metrics.traffic.lastSecond(id)).toEqual({ records: 0, throttled: 0 });
    sim.metrics.traffic.watch();
    await sim.advance(2000);
    const before = sim.traffic.listProducers()[0].counts;
    await sim.advance(1000);
    const after = sim.traffic.listProducers()[0].counts;
    const last = sim.metrics.traffic.lastSecond(id);
    expect(last).toEqual({ records: after.sent - before.sent, throttled: after.throttled - before.throttled });
    expect(last.records).toBeGreaterThan(900);
    expect(last.throttled).toBeGreaterThan(0);
    sim.traffic.removeProducer(id);
    await sim.advance(1000);
    expect(sim.metrics.traffic.lastSecond(id)).toEqual({ records: 0, throttled: 0 });
  });
});
