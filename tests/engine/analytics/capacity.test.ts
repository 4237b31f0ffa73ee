/**
 * Capacity and faults: KPUs, falling behind (MillisBehindLatest) until
 * autoscaling doubles parallelism after 15 busy minutes, the legacy Flink
 * consumer's 5 polls a second taking a shard's whole read quota, and a restart
 * from the last checkpoint that makes an at-least-once sink write rows twice.
 */
import { describe, it, expect } from 'vitest';
import { createSimulation } from '../../../src/engine';
import { advanceTo, put, readAll, runApp, T0, world } from './helpers';

const COUNT_BY_MINUTE = `CREATE TABLE src (ticker VARCHAR(8), ts TIMESTAMP(3) METADATA FROM 'timestamp', WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'kinesis', 'stream' = 'src');
CREATE TABLE sink (window_start TIMESTAMP(3), n BIGINT) WITH ('connector' = 'kinesis', 'stream' = 'out');
INSERT INTO sink SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end;`;

describe('analytics capacity and faults', () => {
  it('falls behind when input outruns its KPUs, then autoscaling doubles parallelism after 15 minutes at full CPU', async () => {
    const sim = createSimulation({ seed: 3, startTime: T0, analyticsRecordsPerKpuSecond: 50 });
    sim.kinesis.createStream({ StreamName: 'src', ShardCount: 1 });
    sim.kinesis.createStream({ StreamName: 'out', ShardCount: 1 });
    await sim.advance(60000);
    sim.traffic.addProducer({ streamName: 'src', rate: { kind: 'constant', recordsPerSecond: 80 }, keys: { name: 'device_id', count: 10 }, record: { template: 'trades' }, mode: 'exact' });
    await runApp(sim, 'busy', COUNT_BY_MINUTE, { runtime: 'FLINK-1_20', autoscale: true });
    await sim.advance(5 * 60000);
    const behind5 = sim.analytics.view('busy').millisBehindLatest;
    expect(behind5).toBeGreaterThan(60000); // 30 records/s short for 5 minutes: over a minute behind
    expect(sim.analytics.view('busy').kpus).toBe(2); // 1 work KPU + 1 orchestration KPU
    await sim.advance(11 * 60000);
    const scaled = sim.core.events.peek().filter((e) => e.type === 'applicationScaled');
    expect(scaled.map((e) => (e.type === 'applicationScaled' ? [e.from, e.to] : []))).toEqual([[1, 2]]);
    await sim.advance(4 * 60000);
    expect(sim.analytics.view('busy').status).toBe('RUNNING');
    expect(sim.analytics.view('busy').kpus).toBe(3);
    const behind20 = sim.analytics.view('busy').millisBehindLatest;
    await sim.advance(5 * 60000);
    expect(sim.analytics.view('busy').millisBehindLatest).toBeLessThan(behind20); // 100 records/s now: catching up
  });

  it("the legacy Flink consumer's 200 ms polling takes the shard's 5 reads a second: a reader polling 4 times a second is throttled", async () => {
    const throttles = async (runtime: string) => {
      const sim = await world(1, 7, T0 - 120000);
      const code = runtime === 'SQL-1_0'
        ? `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (TICKER VARCHAR(8));\nCREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM" SELECT STREAM TICKER FROM "SOURCE_SQL_STREAM_001";`
        : COUNT_BY_MINUTE;
      await runApp(sim, 'app', code, { runtime, columns: [['TICKER', 'VARCHAR(8)']] });
      sim.traffic.addConsumer({ type: 'polling', name: 'other', streamName: 'src', intervalMs: 250 });
      await sim.advance(10000);
      return sim.kinesisContext.streams.get('src')!.shards[0].counters.readThrottledCalls;
    };
    expect(await throttles('SQL-1_0')).toBe(0);
    expect(await throttles('FLINK-1_20')).toBeGreaterThan(10);
  });

  it('a restart replays from the last checkpoint: rows since then are written again and counted', async () => {
    const sim = await world(1, 7, T0 - 120000);
    await runApp(sim, 'dup', `CREATE TABLE src (ticker VARCHAR(8)) WITH ('connector' = 'kinesis', 'stream' = 'src');
CREATE TABLE sink (ticker VARCHAR(8)) WITH ('connector' = 'kinesis', 'stream' = 'out');
INSERT INTO sink SELECT ticker FROM src;`, { runtime: 'FLINK-1_20' });
    put(sim, { ticker: 'A' });
    await advanceTo(sim, T0 + 10000);
    await advanceTo(sim, T0 - 60000 + 30000 + 60000 + 1000); // past the first checkpoint (60 s after RUNNING)
    put(sim, { ticker: 'B' });
    put(sim, { ticker: 'C' });
    await sim.advance(2000);
    sim.analytics.injectFault('dup');
    await sim.advance(2000);
    expect(readAll(sim, 'out')).toEqual(['{"TICKER":"A"}\n', '{"TICKER":"B"}\n', '{"TICKER":"C"}\n', '{"TICKER":"B"}\n', '{"TICKER":"C"}\n']);
    expect(sim.analytics.view('dup').counters.duplicateRowsOut).toBe(2);
    expect(sim.core.events.peek().filter((e) => e.type === 'applicationCheckpoint').length).toBe(1);
  });

  it('meters KPU-hours: parallelism 1 is 1 KPU plus the orchestration KPU, 2 KPU-hours an hour', async () => {
    const sim = await world(1, 7, T0 - 120000);
    await runApp(sim, 'k', COUNT_BY_MINUTE, { runtime: 'FLINK-1_20', parallelism: 1 });
    await sim.advance(3600000);
    expect(sim.analytics.view('k').kpuHours).toBeCloseTo(2, 6);
  });
});
