import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../src/engine/simulation';
import { partitionKeyToHashKey } from '../../../src/engine/kinesis/hashKey';
import { SegmentBlock } from '../../../src/engine/kinesis/segmentBlock';
import { decodeSequenceNumber } from '../../../src/engine/kinesis/sequenceNumber';
import type { ProducerConfig } from '../../../src/engine/traffic/producers/producerConfig';

function setup(shards: number, producer: Omit<ProducerConfig, 'streamName'>) {
  const sim = createSimulation({ seed: 3 });
  sim.kinesis.createStream({ StreamName: 's', ShardCount: shards });
  sim.advanceSync(10000);
  const info = sim.traffic.addProducer({ streamName: 's', ...producer });
  return { sim, s: sim.kinesisContext.streams.get('s')!, id: info.id };
}

describe('bulk write', () => {
  it('writes rate x share per shard as one segment run per shard', () => {
    const { sim, s, id } = setup(4, { rate: { kind: 'constant', recordsPerSecond: 2000 }, keys: { name: 'device_id', count: 1000 }, record: { sizeBytes: 100 } });
    sim.advanceSync(600000);
    const total = s.open.reduce((a, sh) => a + sh.counters.incomingRecords, 0);
    expect(total).toBe(2000 * 600);
    for (const sh of s.open) {
      expect(sh.store.blocks.length).toBe(1);
      expect((sh.store.blocks[0] as SegmentBlock).runCount).toBe(1);
      expect(sh.counters.incomingBytes).toBe(sh.counters.incomingRecords * 100);
      expect(sh.store.nextIndex).toBe(sh.counters.incomingRecords);
    }
    const p = sim.traffic.listProducers().find((x) => x.id === id)!;
    expect(p.mode).toBe('bulk');
    expect(p.counts).toEqual({ sent: 1200000, throttled: 0, retried: 0, dropped: 0, kinesisRecords: 1200000, bytes: 120000000, calls: 600 * 4 });
  });

  it('materialises records through GetRecords that route to their shard, with rising sequence numbers and arrivals', () => {
    const { sim, s } = setup(4, { rate: { kind: 'constant', recordsPerSecond: 400 }, keys: { name: 'customer_id', count: 500 }, record: { template: 'iot' } });
    sim.advanceSync(5000);
    for (const sh of s.open) {
      const it = sim.kinesis.getShardIterator({ StreamName: 's', ShardId: sh.shardId, ShardIteratorType: 'TRIM_HORIZON' });
      const out = sim.kinesis.getRecords({ ShardIterator: it.ShardIterator!, Limit: 200 });
      expect(out.Records.length).toBe(Math.min(200, sh.store.nextIndex));
      let prevIdx = -1, prevArrival = 0;
      for (const r of out.Records) {
        const h = partitionKeyToHashKey(r.PartitionKey);
        expect(h >= sh.start && h <= sh.end).toBe(true);
        const seq = decodeSequenceNumber(r.SequenceNumber)!;
        expect(seq.index).toBe(prevIdx + 1);
        prevIdx = seq.index;
        expect(r.ApproximateArrivalTimestamp).toBeGreaterThanOrEqual(prevArrival);
        expect(r.ApproximateArrivalTimestamp).toBeGreaterThan(10000 + 1767225600000);
        prevArrival = r.ApproximateArrivalTimestamp;
        const text = new TextDecoder().decode(r.Data);
        expect(JSON.parse(text).device_id).toBe(r.PartitionKey);
        expect(r.Data.length + r.PartitionKey.length).toBe(sh.store.sizeAt(seq.index));
      }
      // The same record reads back identically (deterministic materialisation).
      const again = sim.kinesis.getRecords({ ShardIterator: sim.kinesis.getShardIterator({ StreamName: 's', ShardId: sh.shardId, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator!, Limit: 3 });
      expect(again.Records.map((r) => r.Data)).toEqual(out.Records.slice(0, 3).map((r) => r.Data));
    }
  });

  it('keeps exact records put through the API between bulk ticks, in index order', () => {
    const { sim, s } = setup(1, { rate: { kind: 'constant', recordsPerSecond: 100 }, keys: { name: 'device_id', count: 10 }, record: { sizeBytes: 50 } });
    sim.advanceSync(2000);
    const put = sim.kinesis.putRecord({ StreamName: 's', PartitionKey: 'mine', Data: new Uint8Array([1, 2, 3]) });
    sim.advanceSync(2000);
    const idx = decodeSequenceNumber(put.SequenceNumber)!.index;
    expect(idx).toBe(200);
    const sh = s.open[0];
    expect(sh.store.read(idx).partitionKey).toBe('mine');
    expect(sh.store.nextIndex).toBe(401);
    expect(sh.store.blocks.map((b) => b.kind)).toEqual(['segment', 'exact', 'segment']);
    for (let i = 1; i < 401; i++) expect(sh.store.arrivalAt(i)).toBeGreaterThanOrEqual(sh.store.arrivalAt(i - 1));
  });

  it('counts throttled, retried and dropped records exactly on a constant key', () => {
    const { sim, s, id } = setup(2, { rate: { kind: 'constant', recordsPerSecond: 1500 }, keys: { name: 'constant' }, record: { sizeBytes: 100 }, maxRetries: 2 });
    sim.advanceSync(20000);
    const hot = s.open.find((sh) => sh.counters.incomingRecords > 0)!;
    const p = sim.traffic.listProducers().find((x) => x.id === id)!;
    expect(hot.counters.incomingRecords).toBe(20000); // 1,000 records/s [KDS quotas]
    expect(p.counts.sent).toBe(20000);
    expect(p.counts.throttled).toBe(hot.counters.writeThrottledRecords);
    const b = sim.trafficService.get(id) as unknown as { bulk: { backlog: Float64Array } };
    const waiting = Array.from(b.bulk.backlog).reduce((a, x) => a + x, 0);
    // Every record made is sent, dropped after its last retry, or waiting for a retry.
    expect(p.counts.sent + p.counts.dropped + waiting).toBe(1500 * 20);
    expect(p.counts.dropped).toBeGreaterThan(0);
    expect(p.counts.retried).toBe(p.counts.throttled - p.counts.dropped + p.counts.retried - (p.counts.throttled - p.counts.dropped));
  });

  it('is capped by bytes too: 1 MiB/s of 2,000-byte records is 524 records/s', () => {
    const { sim, s } = setup(1, { rate: { kind: 'constant', recordsPerSecond: 900 }, keys: { name: 'constant' }, record: { sizeBytes: 2000 }, maxRetries: 0 });
    sim.advanceSync(10000);
    const sh = s.open[0];
    // First tick: full buckets (1,048,576 B) take 524; afterwards 1,048,576 B/s refill.
    expect(sh.counters.incomingBytes).toBeLessThanOrEqual(10 * 1048576);
    expect(sh.counters.incomingRecords).toBeGreaterThanOrEqual(5240);
    expect(sh.counters.incomingRecords).toBeLessThanOrEqual(5243);
    expect(sh.counters.incomingRecords + sh.counters.writeThrottledRecords).toBe(9000);
  });

  it('recomputes the distribution after a split and writes to the children', () => {
    const { sim, s } = setup(1, { rate: { kind: 'constant', recordsPerSecond: 600 }, keys: { name: 'device_id', count: 1000 }, record: { sizeBytes: 100 } });
    sim.advanceSync(5000);
    sim.kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: (1n << 127n).toString() });
    sim.advanceSync(20000);
    const parent = s.byId.get('shardId-000000000000')!;
    const [a, b] = [s.byId.get('shardId-000000000001')!, s.byId.get('shardId-000000000002')!];
    // The split lands at 25 s, before that second's tick: the parent took ticks 11..24 s, the children 25..35 s.
    expect(parent.counters.incomingRecords).toBe(600 * 14);
    // Each child's share is fractional (e.g. 300.6 records a tick): at most one record per child is still a carried fraction.
    const children = a.counters.incomingRecords + b.counters.incomingRecords;
    expect(children).toBeGreaterThanOrEqual(600 * 11 - 2);
    expect(children).toBeLessThanOrEqual(600 * 11);
    expect(a.counters.incomingRecords).toBeGreaterThan(0);
    expect(b.counters.incomingRecords).toBeGreaterThan(0);
  });
});
