import { describe, it, expect } from 'vitest';
import { PollingConsumer } from '../../../../src/engine/traffic/consumers/pollingConsumer';
import { activeStream, every, putN, KEY_SHARD0 } from './helpers';

describe('PollingConsumer', () => {
  it('shares the shard\'s 5 reads/s with another consumer: 2 x 10 polls/s over 10 s give 48 reads and 16 throttles', () => {
    const sim = activeStream(1);
    const ctx = sim.kinesisContext;
    const a = new PollingConsumer(ctx, { name: 'a', streamName: 's', intervalMs: 100 });
    const b = new PollingConsumer(ctx, { name: 'b', streamName: 's', intervalMs: 100 });
    a.start();
    b.start();
    sim.advanceSync(10000);
    // Bucket of 5 at t=0: reads at 0,100,200 (x2) empty it, 300 is throttled for both;
    // both back off the 1 s penalty, so every 1300 ms: 6 reads, 2 throttles; 8 cycles start by t=10000.
    expect(a.totals()).toMatchObject({ polls: 24, throttled: 8 });
    expect(b.totals()).toMatchObject({ polls: 24, throttled: 8 });
    const shard = ctx.streams.get('s')!.shards[0];
    expect(shard.counters.readCalls).toBe(48);
    expect(shard.counters.readThrottledCalls).toBe(16);
  });

  it('splits the read budget of a coarse (bulk) step fairly between two consumers', () => {
    const sim = activeStream(1);
    const ctx = sim.kinesisContext;
    const a = new PollingConsumer(ctx, { name: 'a', streamName: 's', intervalMs: 100, stepMs: 10000 });
    const b = new PollingConsumer(ctx, { name: 'b', streamName: 's', intervalMs: 100, stepMs: 10000 });
    a.start();
    b.start();
    sim.advanceSync(20000); // steps at 0, 10000, 20000; each stands for 100 polls over 10 s
    // Window 1 (first, nobody known yet): a takes all 50 calls. Windows 2 and 3: 25 calls each.
    expect(a.totals()).toMatchObject({ polls: 50 + 25 + 25, throttled: 50 + 75 + 75 });
    expect(b.totals()).toMatchObject({ polls: 0 + 25 + 25, throttled: 100 + 75 + 75 });
  });

  it('falls behind at (1 - 5/10) s per s when it processes 5 of 10 records/s, as the iterator age shows', () => {
    const sim = activeStream(1);
    const ctx = sim.kinesisContext;
    every(sim, 1000, 1000, () => putN(sim, 's', 10, () => KEY_SHARD0));
    const c = new PollingConsumer(ctx, { name: 'slow', streamName: 's', maxRecordsPerSecond: 5 });
    c.start();
    sim.advanceSync(20000); // step j=20 has read 5*21 records: the next one arrived at second 10
    expect(c.totals().records).toBe(105);
    expect(c.totals().maxIteratorAgeMs).toBe(10000);
    sim.advanceSync(80000);
    expect(c.totals().records).toBe(505);
    expect(c.totals().maxIteratorAgeMs).toBe(50000);
  });

  it('loses exactly the records that pass retention before it reads them', () => {
    const sim = activeStream(1);
    const ctx = sim.kinesisContext;
    every(sim, 1000, 7200, () => sim.kinesis.putRecord({ StreamName: 's', Data: new Uint8Array(4), PartitionKey: 'k' }));
    // 1/16 record per second (16 s per record): 24 h of retention run out before it reads 2 h of data.
    const c = new PollingConsumer(ctx, { name: 'slow', streamName: 's', processingMsPerRecord: 16000 });
    c.start();
    sim.advanceSync(24 * 3600000);
    expect(c.totals()).toMatchObject({ records: 5400, lostToRetention: 0 });
    sim.advanceSync(2 * 3600000 + 1000);
    // It read 93600/16 = 5850 records; retention took the other 1350 first.
    expect(c.totals()).toMatchObject({ records: 5850, lostToRetention: 1350, maxIteratorAgeMs: 0 });
  });

  it('reads a parent shard to its end before its children, then the children from their first record', () => {
    const sim = activeStream(1);
    const ctx = sim.kinesisContext;
    putN(sim, 's', 30, (i) => `k${i}`);
    const seen: string[] = [];
    sim.kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: (1n << 127n).toString() });
    sim.advanceSync(10000); // the split applies after 10 s
    putN(sim, 's', 40, (i) => `k${i}`); // children have data before the parent is read
    const c = new PollingConsumer(ctx, { name: 'c', streamName: 's', limit: 10, onRecords: (id, recs) => seen.push(`${id}:${recs.length}`) });
    c.start();
    sim.advanceSync(5000);
    expect(seen.slice(0, 3)).toEqual(['shardId-000000000000:10', 'shardId-000000000000:10', 'shardId-000000000000:10']);
    const children = seen.slice(3).map((x) => x.split(':')[0]);
    expect(new Set(children)).toEqual(new Set(['shardId-000000000001', 'shardId-000000000002']));
    expect(c.totals().records).toBe(70);
  });
});
