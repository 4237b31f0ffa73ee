import { describe, it, expect } from 'vitest';
import { EfoConsumer } from '../../../../src/engine/traffic/consumers/efoConsumer';
import { PollingConsumer } from '../../../../src/engine/traffic/consumers/pollingConsumer';
import { activeStream, every, putN } from './helpers';

const MiB = 1024 * 1024;

describe('EfoConsumer', () => {
  it('reads 2 MiB/s per shard on its own, whatever the polling consumers take from the shared 2 MiB/s', () => {
    const sim = activeStream(1);
    // 100 s at the write limit: 100,000 records of 1,024 bytes (1,023 data + 1 key) of backlog.
    every(sim, 1000, 100, () => putN(sim, 's', 1000, () => 'k', 1023));
    sim.advanceSync(100000);
    const efo = new EfoConsumer(sim.kinesisContext, { name: 'efo', streamName: 's' });
    const p1 = new PollingConsumer(sim.kinesisContext, { name: 'p1', streamName: 's' });
    const p2 = new PollingConsumer(sim.kinesisContext, { name: 'p2', streamName: 's' });
    efo.start();
    sim.advanceSync(5000); // registration takes 5 s; the 1-second waiter subscribes at 5 s
    expect(efo.totals().subscriptions).toBe(1);
    const start = efo.totals().bytes;
    p1.start();
    p2.start();
    sim.advanceSync(30000);
    const efoBytes = efo.totals().bytes - start;
    // Its own bucket fills at 2 MiB/s: 30 s give 60 MiB, less what is short of a whole record.
    expect(efoBytes).toBeLessThanOrEqual(60 * MiB);
    expect(efoBytes).toBeGreaterThan(60 * MiB - 1024);
    // The polling pair shares one 2 MiB/s: a 10,000-record GetRecords (10,240,000 bytes) leaves the
    // bucket in debt (-7.77 MiB), so the next read waits until it is back above 0 (4.9 s, at the next
    // whole-second poll after backing off): reads at 0, 5, 10, 15, 20, 25 and 30 s, 7 in all.
    const polled = p1.totals().bytes + p2.totals().bytes;
    expect(polled % 10240000).toBe(0);
    expect(polled).toBe(7 * 10240000);
    expect(p1.totals().records + p2.totals().records).toBe(70000);
  });

  it('renews its subscription every 5 minutes from the continuation sequence number, losing nothing', () => {
    const sim = activeStream(1);
    const efo = new EfoConsumer(sim.kinesisContext, { name: 'efo', streamName: 's' });
    efo.start();
    every(sim, 1000, 700, () => putN(sim, 's', 10, (i) => `k${i}`));
    sim.advanceSync(706000);
    // Subscribed at 5 s, renewed at 305 s and 605 s.
    expect(efo.totals()).toMatchObject({ subscriptions: 3, records: 7000 });
  });
});
