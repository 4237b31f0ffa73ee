/**
 * MillisBehindLatest keeps its meaning while the application does not read:
 * during AUTOSCALING (a restart with the new parallelism) and UPDATING the lag
 * grows with the records still waiting, it never drops to 0.
 */
import { describe, it, expect } from 'vitest';
import { createSimulation } from '../../../src/engine';
import { runApp, T0 } from './helpers';

const COUNT_BY_MINUTE = `CREATE TABLE src (ticker VARCHAR(8), ts TIMESTAMP(3) METADATA FROM 'timestamp', WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'kinesis', 'stream' = 'src');
CREATE TABLE sink (window_start TIMESTAMP(3), n BIGINT) WITH ('connector' = 'kinesis', 'stream' = 'out');
INSERT INTO sink SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end;`;

describe('MillisBehindLatest while the application is paused', () => {
  it('grows second by second through AUTOSCALING, in the view and in the metric, and the restarted run carries on from it', async () => {
    const sim = createSimulation({ seed: 3, startTime: T0, analyticsRecordsPerKpuSecond: 50 });
    sim.kinesis.createStream({ StreamName: 'src', ShardCount: 1 });
    sim.kinesis.createStream({ StreamName: 'out', ShardCount: 1 });
    await sim.advance(60000);
    sim.traffic.addProducer({ streamName: 'src', rate: { kind: 'constant', recordsPerSecond: 80 }, keys: { name: 'device_id', count: 10 }, record: { template: 'trades' }, mode: 'exact' });
    await runApp(sim, 'busy', COUNT_BY_MINUTE, { runtime: 'FLINK-1_20', autoscale: true });
    // Step to the first second the application is AUTOSCALING.
    let steps = 0;
    while (sim.analytics.view('busy').status !== 'AUTOSCALING' && steps++ < 20 * 60) await sim.advance(1000);
    expect(sim.analytics.view('busy').status).toBe('AUTOSCALING');
    const seen: number[] = [];
    const metric: number[] = [];
    while (sim.analytics.view('busy').status === 'AUTOSCALING') {
      seen.push(sim.analytics.view('busy').millisBehindLatest);
      const s = Math.floor(sim.now() / 1000) * 1000 - 1000;
      metric.push(sim.analytics.metrics('busy').aggregate('MillisBehindLatest', s, s + 1000));
      await sim.advance(1000);
    }
    // The restart takes 10 s (UPDATE_DELAY_MS): ten samples, each 1 s more than the one before.
    expect(seen.length).toBe(10);
    expect(seen.every((v) => v > 5 * 60000)).toBe(true);
    for (let i = 1; i < seen.length; i++) expect(seen[i] - seen[i - 1]).toBe(1000);
    for (let i = 2; i < metric.length; i++) expect(metric[i] - metric[i - 1]).toBe(1000);
    expect(metric.every((v) => v > 5 * 60000)).toBe(true);
    // Running again, before its first read: the restored cursors' lag, one second on (not 0).
    expect(sim.analytics.view('busy').status).toBe('RUNNING');
    expect(sim.analytics.view('busy').millisBehindLatest).toBe(seen[seen.length - 1] + 1000);
  });
});
