import { describe, expect, it } from 'vitest';
import { runApp, world } from '../analytics/helpers';

const COPY = `CREATE TABLE src (ticker VARCHAR(8)) WITH ('connector' = 'kinesis', 'stream' = 'src');
CREATE TABLE sink (ticker VARCHAR(8)) WITH ('connector' = 'kinesis', 'stream' = 'out');
INSERT INTO sink SELECT ticker FROM src;`;

describe('Managed Flink in sim.cost', () => {
  it('bills the KPU-hours the application has run (1 work + 1 orchestration KPU) at $0.11 each, in the total', async () => {
    const sim = await world(1, 7);
    const before = sim.cost.summary().totalUsd;
    await runApp(sim, 'copier', COPY, { runtime: 'FLINK-1_20' });
    const atStart = sim.cost.summary().analytics[0];
    await sim.advance(3600000);
    const c = sim.cost.summary();
    expect(c.analytics.map((a) => a.ApplicationName)).toEqual(['copier']);
    const hour = c.analytics[0].kpuHours - atStart.kpuHours;
    expect(hour).toBeCloseTo(2, 9); // an hour at 2 KPUs
    expect(c.analytics[0].usd).toBeCloseTo(c.analytics[0].kpuHours * 0.11, 12);
    expect(c.totalUsd - c.kinesis.reduce((n, k) => n + k.usd, 0) - c.firehose.reduce((n, f) => n + f.totalUsd, 0) - c.video.reduce((n, v) => n + v.usd, 0)).toBeCloseTo(c.analytics[0].usd, 12);
    expect(before).toBeLessThan(c.totalUsd);
  });

  it('refuses a records-per-KPU-second figure below 1 with InvalidArgumentException', async () => {
    const sim = await world(1, 7);
    await runApp(sim, 'copier', COPY, { runtime: 'FLINK-1_20' });
    expect(() => sim.analytics.setRecordsPerKpuSecond('copier', 0)).toThrow(expect.objectContaining({ name: 'InvalidArgumentException', message: 'RecordsPerKpuSecond must be a number of at least 1.' }));
    expect(() => sim.analytics.setRecordsPerKpuSecond('nope', 10)).toThrow(expect.objectContaining({ name: 'ResourceNotFoundException' }));
  });
});
