import { describe, it, expect } from 'vitest';
import { createSimulation } from '../../../src/engine/simulation';
import { activeStream } from '../kinesis/streamFixture';

describe('sim.cost Kinesis', () => {
  it('bills a provisioned stream its shard-hours and PUT payload units in 25 KB chunks', () => {
    const { sim } = activeStream(2, 'orders');
    const start = sim.kinesisContext.streams.get('orders')!.createdAt;
    sim.kinesis.putRecord({ StreamName: 'orders', PartitionKey: 'a', Data: new Uint8Array(5 * 1024 - 1) }); // 5 KB with its key: 1 unit
    sim.kinesis.putRecord({ StreamName: 'orders', PartitionKey: 'a', Data: new Uint8Array(45 * 1024 - 1) }); // 45 KB: 2 units
    sim.advanceSync(1000); // the shard's 1 MiB/s write limit
    sim.kinesis.putRecord({ StreamName: 'orders', PartitionKey: 'a', Data: new Uint8Array(1000 * 1024 - 1) }); // 1,000 KB: 40 units
    sim.advanceSync(start + 3600000 - sim.now());
    const [k] = sim.cost.summary().kinesis;
    expect(k).toMatchObject({ StreamName: 'orders', mode: 'PROVISIONED', shardHours: 2, putPayloadUnits: 43 });
    expect(k.usd).toBeCloseTo(2 * 0.015 + (43 / 1e6) * 0.014, 12);
  });

  it('meters bulk segments by lane counts, and keeps what retention trimmed later', () => {
    const { sim } = activeStream(1, 'bulk');
    sim.traffic.addProducer({ streamName: 'bulk', rate: { kind: 'constant', recordsPerSecond: 100 }, keys: { name: 'device_id', count: 10 }, record: { sizeBytes: 200 }, mode: 'bulk' });
    sim.advanceSync(10000);
    for (const p of sim.traffic.listProducers()) sim.traffic.removeProducer(p.id);
    expect(sim.cost.summary().kinesis[0].putPayloadUnits).toBe(1000);
    // 25 h later the records are past the 24 h retention; the hourly sweep metered them first.
    sim.advanceSync(25 * 3600000);
    expect(sim.kinesisContext.streams.get('bulk')!.shards[0].store.size).toBe(0);
    expect(sim.cost.summary().kinesis[0].putPayloadUnits).toBe(1000);
  });

  it('bills an on-demand stream its stream-hours and GB written with 1 KB rounding', () => {
    const sim = createSimulation({ seed: 1 });
    sim.kinesis.createStream({ StreamName: 'od', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
    sim.advanceSync(sim.kinesisContext.delays.createStreamMs);
    sim.kinesis.putRecord({ StreamName: 'od', PartitionKey: 'k', Data: new Uint8Array(1499) }); // 1,500 bytes: 2 KB billed
    sim.kinesis.putRecord({ StreamName: 'od', PartitionKey: 'k', Data: new Uint8Array(99) }); // 100 bytes: 1 KB billed
    const created = sim.kinesisContext.streams.get('od')!.createdAt;
    sim.advanceSync(created + 7200000 - sim.now());
    const [k] = sim.cost.summary().kinesis;
    expect(k).toMatchObject({ mode: 'ON_DEMAND', streamHours: 2, writtenBilledBytes: 3072 });
    expect(k.usd).toBeCloseTo(2 * 0.04 + (3072 / 1024 ** 3) * 0.08, 12);
    expect(sim.cost.summary().totalUsd).toBeCloseTo(k.usd, 12);
  });
});
