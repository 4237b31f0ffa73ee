import { describe, it, expect } from 'vitest';
import { KclApplication } from '../../../../src/engine/traffic/consumers/kcl/kclApplication';
import { activeStream, putN } from './helpers';

describe('KclApplication', () => {
  it('uses the KCL timings: renewer every 3308 ms, taker every 20050 ms', () => {
    const sim = activeStream(1);
    const app = new KclApplication(sim.kinesisContext, { name: 'app', streamName: 's' });
    expect(app.config).toMatchObject({ failoverTimeMs: 10000, renewerIntervalMs: 3308, takerIntervalMs: 20050, idleTimeBetweenReadsMs: 1000 });
  });

  it('balances 4 shards over 2 workers by stealing one lease per taker run', () => {
    const sim = activeStream(4);
    const app = new KclApplication(sim.kinesisContext, { name: 'app', streamName: 's' });
    const t0 = sim.now();
    app.addWorker('A');
    app.addWorker('B');
    sim.advanceSync(0);
    // A alone saw no other worker: it took all 4; B, seeing A at 4 and a target of 2, stole 1.
    expect(app.leaseCounts()).toEqual({ A: 3, B: 1 });
    sim.advanceSync(20049);
    expect(app.leaseCounts()).toEqual({ A: 3, B: 1 });
    sim.advanceSync(1);
    expect(sim.now() - t0).toBe(20050);
    expect(app.leaseCounts()).toEqual({ A: 2, B: 2 });
    const stolen = sim.core.events.peek().filter((e) => e.type === 'kclLeaseStolen');
    expect(stolen.map((e) => e.type === 'kclLeaseStolen' && [e.time - t0, e.leaseKey, e.from, e.application])).toEqual([
      [0, 'shardId-000000000003', 'A', 'app'],
      [20050, 'shardId-000000000002', 'A', 'app'],
    ]);
    // Each steal switched the owner once; the table rows carry it until the next checkpoint.
    const lease2 = app.leases().find((l) => l.leaseKey === 'shardId-000000000002')!;
    expect(lease2.leaseOwner).toBe('B');
  });

  it('fails over a dead worker\'s leases once their counters have not moved for failoverTimeMillis in the taker\'s view', () => {
    const sim = activeStream(4);
    const app = new KclApplication(sim.kinesisContext, { name: 'app', streamName: 's' });
    const t0 = sim.now();
    app.addWorker('A');
    app.addWorker('B');
    sim.advanceSync(30000);
    expect(app.leaseCounts()).toEqual({ A: 2, B: 2 });
    app.killWorker('A'); // last renewal by A at 9 x 3308 = 29772 ms
    // B's taker scans at 40100 (counter moved since 20050: not expired) and 60150 (still for 20050 ms > 10000: expired).
    sim.core.advanceToSync(t0 + 60149);
    expect(app.leaseCounts()).toEqual({ B: 2 });
    sim.advanceSync(1);
    expect(app.leaseCounts()).toEqual({ B: 4 });
    const taken = sim.core.events.peek().filter((e) => e.type === 'kclLeaseTaken' && e.worker === 'B');
    expect(taken.map((e) => e.time - t0)).toEqual([60150, 60150]);
  });

  it('resumes a failed-over shard after its checkpoint: every record is processed exactly once', () => {
    const sim = activeStream(2);
    const seen = new Map<string, number>();
    const app = new KclApplication(sim.kinesisContext, {
      name: 'app',
      streamName: 's',
      onRecords: (_id, recs) => recs.forEach((r) => seen.set(r.SequenceNumber, (seen.get(r.SequenceNumber) ?? 0) + 1)),
    });
    app.addWorker('A');
    app.addWorker('B');
    for (let i = 0; i < 90; i++) {
      putN(sim, 's', 20, (j) => `k${i}-${j}`);
      if (i === 30) app.killWorker('A');
      sim.advanceSync(1000);
    }
    expect(seen.size).toBe(1800);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });

  it('processes a parent to SHARD_END before its children, which get leases naming their parent', () => {
    const sim = activeStream(1);
    const order: string[] = [];
    const app = new KclApplication(sim.kinesisContext, { name: 'app', streamName: 's', maxRecords: 10, onRecords: (id, recs) => order.push(`${id}:${recs.length}`) });
    putN(sim, 's', 30, (i) => `k${i}`);
    sim.kinesis.splitShard({ StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: (1n << 127n).toString() });
    sim.advanceSync(10000);
    putN(sim, 's', 40, (i) => `k${i}`);
    app.addWorker('A');
    sim.advanceSync(30000);
    expect(order.slice(0, 3)).toEqual(['shardId-000000000000:10', 'shardId-000000000000:10', 'shardId-000000000000:10']);
    expect(order.slice(3).every((x) => !x.startsWith('shardId-000000000000'))).toBe(true);
    const rows = app.leases();
    expect(rows.map((l) => [l.leaseKey, l.parentShardId, l.leaseOwner])).toEqual([
      ['shardId-000000000000', [], 'A'],
      ['shardId-000000000001', ['shardId-000000000000'], 'A'],
      ['shardId-000000000002', ['shardId-000000000000'], 'A'],
    ]);
    expect(rows[0].checkpoint).toBe('SHARD_END');
    expect(app.totals().records).toBe(70);
  });
});
