import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/simulation';

describe('trafficApi', () => {
  it('offers the consumer API on sim.traffic beside the producers', () => {
    const sim = createSimulation({ seed: 'api' });
    sim.kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    sim.advanceSync(10000);
    sim.traffic.addProducer({ streamName: 's', rate: { kind: 'constant', recordsPerSecond: 5 }, keys: { name: 'device_id', count: 3 } });
    const id = sim.traffic.addConsumer({ type: 'polling', name: 'reader', streamName: 's' });
    expect(id).toBe('consumer-1');
    sim.advanceSync(3000);
    expect(sim.traffic.listConsumers().map((c) => [c.id, c.type, c.stream])).toEqual([['consumer-1', 'pollingConsumer', 's']]);
    sim.traffic.updateConsumer(id, { maxRecordsPerSecond: 1 });
    expect(sim.traffic.snapshot().map((e) => e.kind)).toEqual(['producer', 'consumer']);
    expect(sim.traffic.removeConsumer(id)).toBe(true);
    expect(sim.traffic.listConsumers()).toEqual([]);
    expect(sim.traffic.removeConsumer(id)).toBe(false);
  });
});
