import { describe, expect, it } from 'vitest';
import { activeStream, every, putN } from './helpers';
import type { EfoConsumer } from '../../../../src/engine/traffic/consumers/efoConsumer';

const MiB = 1024 * 1024;

describe('EfoConsumer bulk path', () => {
  it('counts 2 MiB/s per shard for its own subscription, the same budget as the exact path', () => {
    const sim = activeStream(1);
    // 100 s at the write limit: 100,000 records of 1,024 bytes of backlog.
    every(sim, 1000, 100, () => putN(sim, 's', 1000, () => 'k', 1023));
    sim.advanceSync(100000);
    const id = sim.traffic.addConsumer({ type: 'efo', name: 'efo', streamName: 's', stepMs: 60000 });
    const efo = sim.traffic.getConsumer(id) as EfoConsumer;
    sim.advanceSync(5000); // registration takes 5 s; the app subscribes to every shard then
    // Nothing pushed yet; the oldest record (written 105 s ago) is how far behind it starts.
    expect(efo.totals()).toEqual({ records: 0, bytes: 0, maxMillisBehindLatest: 105000, subscriptions: 1 });
    sim.advanceSync(60000); // the next step counts the 60 s since: 120 MiB fit, all 100,000 records (97.66 MiB)
    expect(efo.totals().records).toBe(100000);
    expect(efo.totals().bytes).toBe(100000 * 1024);
    expect(efo.totals().subscriptions).toBe(1);
    expect(efo.totals().maxMillisBehindLatest).toBe(0);
  });

  it('falls behind at 2 MiB/s when the backlog is larger than a window allows', () => {
    const sim = activeStream(1);
    every(sim, 1000, 300, () => putN(sim, 's', 1000, () => 'k', 1023));
    sim.advanceSync(300000); // 300,000 records of 1,024 bytes: 292.97 MiB
    const id = sim.traffic.addConsumer({ type: 'efo', name: 'efo', streamName: 's', stepMs: 60000 });
    const efo = sim.traffic.getConsumer(id) as EfoConsumer;
    sim.advanceSync(5000);
    // Subscribed at registration; 60 s later one step counts 120 MiB of whole records.
    sim.advanceSync(60000);
    expect(efo.totals().records).toBe((120 * MiB) / 1024);
    // The next record (122,880) arrived 122.88 s after the first one, 177 s before the writes stopped:
    // it is 300 + 65 - 122 = 243 s old (records of one second share its arrival tick).
    expect(efo.totals().maxMillisBehindLatest).toBe(243000);
  });

  it('counts a 500-shard stream for a simulated hour in 60 s steps, renewing every subscription every 5 minutes', () => {
    const sim = activeStream(500);
    sim.traffic.addProducer({ streamName: 's', rate: { kind: 'constant', recordsPerSecond: 250000 }, keys: { name: 'device_id', count: 100000 }, record: { sizeBytes: 200 } });
    const id = sim.traffic.addConsumer({ type: 'efo', name: 'efo', streamName: 's', stepMs: 60000 });
    const efo = sim.traffic.getConsumer(id) as EfoConsumer;
    sim.advanceSync(3600000);
    const incoming = sim.kinesisContext.streams.get('s')!.shards.reduce((a, sh) => a + sh.counters.incomingRecords, 0);
    const t = efo.totals();
    // Everything written up to the last step (at most one 60 s step behind) was counted, at 200 bytes each.
    expect(t.records).toBeGreaterThan(incoming - 250000 * 61);
    expect(t.bytes).toBe(t.records * 200);
    // 500 subscriptions renewed every 5 minutes over the hour.
    expect(t.subscriptions).toBe(500 * 12);
  });
});

describe('EfoConsumer metrics', () => {
  it('reports SubscribeToShard.Success and SubscribeToShardEvent.* each second (exact path)', () => {
    const sim = activeStream(1);
    sim.traffic.addConsumer({ type: 'efo', name: 'efo', streamName: 's' });
    const t0 = sim.now() + 5000; // ACTIVE and subscribed 5 s after registration
    sim.advanceSync(5000);
    putN(sim, 's', 10, (i) => `k${i}`, 90); // 10 records of 90 + 2 bytes
    sim.advanceSync(3000);
    const secs = (metric: string) => Array.from(sim.metrics.kinesis.series({ stream: 's', metric: metric as never, from: t0, to: t0 + 3000 }).values);
    expect(secs('SubscribeToShardEvent.Records')).toEqual([10, 0, 0]);
    expect(secs('SubscribeToShardEvent.Bytes')).toEqual([920, 0, 0]);
    // One event carried the 10 records; with nothing new the next (empty) one is due 5 s later.
    expect(secs('SubscribeToShardEvent.Success')).toEqual([1, 0, 0]);
    expect(secs('SubscribeToShard.Success')).toEqual([1, 0, 0]);
    expect(secs('SubscribeToShardEvent.MillisBehindLatest')).toEqual([0, 0, 0]);
  });
});
