import { describe, expect, it } from 'vitest';
import { aggregatedSize, encodeAggregatedRecord, KPL_MAGIC } from '../../../../src/engine/traffic/producers/kplFormat';
import { decodeAggregatedRecord, KPL_MAGIC as CODEC_MAGIC } from '../../../../src/engine/kinesis/kplAggregation';
import { createSimulation } from '../../../../src/engine/simulation';
import { encodeUtf8 } from '../../../../src/engine/core/utf8';

describe('kplFormat', () => {
  it('uses the one codec of kinesis/kplAggregation', () => {
    expect(KPL_MAGIC).toBe(CODEC_MAGIC);
  });

  it('sizes an aggregate exactly as the codec encodes it', () => {
    for (const m of [1, 2, 7, 130]) {
      const recs = Array.from({ length: m }, (_, i) => ({ partitionKey: 'device-000042', data: encodeUtf8('x'.repeat(150 + (i % 3))) }));
      const size = aggregatedSize(recs.map((r) => r.data.length), [13]);
      expect(encodeAggregatedRecord(recs).length).toBe(size);
    }
  });

  it('writes KPL aggregates from a bulk producer that the codec decodes to user records', () => {
    const sim = createSimulation({ seed: 'kpl-codec' });
    sim.kinesis.createStream({ StreamName: 's', ShardCount: 1 });
    sim.advanceSync(10000);
    sim.traffic.addProducer({ streamName: 's', rate: { kind: 'constant', recordsPerSecond: 500 }, keys: { name: 'device_id', count: 10 }, record: { sizeBytes: 100 }, writePath: 'KPL', mode: 'bulk' });
    sim.advanceSync(3000);
    const shard = sim.kinesisContext.streams.get('s')!.shards[0];
    const r = shard.store.read(shard.store.trimIndex);
    const d = decodeAggregatedRecord(r.data);
    expect(d.aggregated).toBe(true);
    // 500 records/s buffered for 100 ms: 50 user records per aggregate.
    if (d.aggregated) {
      expect(d.records.length).toBe(50);
      expect(d.records[0].partitionKey).toMatch(/^device-0000\d\d$/);
    }
    // The stored size (data + key) is the size the bulk path counted.
    expect(r.data.length + r.partitionKey.length).toBe(shard.counters.incomingBytes / shard.counters.incomingRecords);
  });
});
