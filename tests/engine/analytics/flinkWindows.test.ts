/**
 * Flink SQL windows on event time, hand-checked: TUMBLE, HOP, CUMULATE and
 * grouped SESSION; the watermark is the minimum over the shards, an idle shard
 * holds every window back until table.exec.source.idle-timeout is set, and a
 * record behind the watermark is dropped and counted (allowed lateness 0)
 * [KDA-FL23 best-practices.md; FLINK-WIN windows.md, window-tvf.md].
 */
import { describe, it, expect } from 'vitest';
import { advanceTo, putOn, readAll, runApp, sqlTs, T0, world } from './helpers';

const at = (s: number) => T0 + s * 1000;
const SRC = `CREATE TABLE src (k VARCHAR(8), v DOUBLE, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '2' SECOND) WITH ('connector' = 'kinesis', 'stream' = 'src');
CREATE TABLE sink (window_start TIMESTAMP(3), window_end TIMESTAMP(3), k VARCHAR(8), n BIGINT, total DOUBLE) WITH ('connector' = 'kinesis', 'stream' = 'out');`;

async function flink(query: string, shards = 1, prelude = '') {
  const sim = await world(shards, 7, T0 - 120000);
  await runApp(sim, 'f', `${prelude}${SRC}\n${query}`, { runtime: 'FLINK-1_20' });
  return sim;
}
const rec = (k: string, v: number, s: number) => ({ k, v, ts: sqlTs(at(s)) });

describe('Flink SQL windows', () => {
  it('TUMBLE fires a window when the watermark (max event time - 2 s - 1 ms) passes its end, per key', async () => {
    const sim = await flink(`INSERT INTO sink SELECT window_start, window_end, k, COUNT(*), SUM(v) FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, k;`);
    await advanceTo(sim, at(1));
    for (const [k, v, s] of [['a', 1, 1], ['a', 2, 5], ['b', 4, 9], ['a', 8, 11]] as const) putOn(sim, 0, rec(k, v, s));
    await advanceTo(sim, at(3));
    expect(readAll(sim, 'out')).toEqual([]); // watermark 11 - 2 - 0.001 s < 10 s - 1 ms
    putOn(sim, 0, rec('a', 16, 12.001));
    await advanceTo(sim, at(5));
    expect(readAll(sim, 'out')).toEqual([
      '{"WINDOW_START":"2025-06-01 11:00:00.000","WINDOW_END":"2025-06-01 11:00:10.000","K":"a","N":2,"TOTAL":3}\n',
      '{"WINDOW_START":"2025-06-01 11:00:00.000","WINDOW_END":"2025-06-01 11:00:10.000","K":"b","N":1,"TOTAL":4}\n',
    ]);
    putOn(sim, 0, rec('b', 32, 7)); // behind the watermark: dropped
    await advanceTo(sim, at(7));
    expect(sim.analytics.view('f').counters.numLateRecordsDropped).toBe(1);
    expect(sim.analytics.view('f').records.filter((r) => r.late).map((r) => [r.key, r.eventTs - T0])).toEqual([['b', 7000]]);
  });

  it('an idle shard holds the watermark back; table.exec.source.idle-timeout lets the window fire', async () => {
    const q = `INSERT INTO sink SELECT window_start, window_end, k, COUNT(*), SUM(v) FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, k;`;
    for (const [prelude, expected] of [['', 0], ["SET 'table.exec.source.idle-timeout' = '5 s';\n", 1]] as const) {
      const sim = await flink(q, 2, prelude);
      await advanceTo(sim, at(1));
      putOn(sim, 0, rec('a', 1, 1));
      putOn(sim, 0, rec('a', 1, 30));
      await advanceTo(sim, at(20));
      expect(readAll(sim, 'out').length).toBe(expected);
      expect(sim.analytics.view('f').watermark === null).toBe(expected === 0);
    }
  });

  it('HOP (slide 5 s, size 10 s) puts each record in two windows', async () => {
    const sim = await flink(`INSERT INTO sink SELECT window_start, window_end, k, COUNT(*), SUM(v) FROM TABLE(HOP(TABLE src, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '10' SECOND)) GROUP BY window_start, window_end, k;`);
    await advanceTo(sim, at(1));
    putOn(sim, 0, rec('a', 1, 7));
    putOn(sim, 0, rec('a', 2, 12));
    putOn(sim, 0, rec('a', 0, 40));
    await advanceTo(sim, at(5));
    expect(readAll(sim, 'out').map((l) => { const o = JSON.parse(l); return [o.WINDOW_START.slice(14, 19), o.WINDOW_END.slice(14, 19), o.N, o.TOTAL]; })).toEqual([
      ['00:00', '00:10', 1, 1], ['00:05', '00:15', 2, 3], ['00:10', '00:20', 1, 2],
    ]);
  });

  it('CUMULATE (step 5 s, size 15 s) emits growing windows from the same start', async () => {
    const sim = await flink(`INSERT INTO sink SELECT window_start, window_end, k, COUNT(*), SUM(v) FROM TABLE(CUMULATE(TABLE src, DESCRIPTOR(ts), INTERVAL '5' SECOND, INTERVAL '15' SECOND)) GROUP BY window_start, window_end, k;`);
    await advanceTo(sim, at(1));
    putOn(sim, 0, rec('a', 1, 2));
    putOn(sim, 0, rec('a', 2, 8));
    putOn(sim, 0, rec('a', 0, 40));
    await advanceTo(sim, at(5));
    expect(readAll(sim, 'out').map((l) => { const o = JSON.parse(l); return [o.WINDOW_START.slice(14, 19), o.WINDOW_END.slice(14, 19), o.N]; })).toEqual([
      ['00:00', '00:05', 1], ['00:00', '00:10', 2], ['00:00', '00:15', 2],
    ]);
  });

  it('SESSION (gap 5 s) merges records within the gap per key and closes after it', async () => {
    const sim = await flink(`INSERT INTO sink SELECT SESSION_START(ts, INTERVAL '5' SECOND), SESSION_END(ts, INTERVAL '5' SECOND), k, COUNT(*), SUM(v) FROM src GROUP BY SESSION(ts, INTERVAL '5' SECOND), k;`);
    await advanceTo(sim, at(1));
    for (const [k, v, s] of [['a', 1, 1], ['a', 2, 4], ['b', 5, 5], ['a', 4, 20], ['a', 0, 60]] as const) putOn(sim, 0, rec(k, v, s));
    await advanceTo(sim, at(5));
    expect(readAll(sim, 'out').map((l) => { const o = JSON.parse(l); return [o.K, o.WINDOW_START.slice(14, 19), o.WINDOW_END.slice(14, 19), o.N, o.TOTAL]; })).toEqual([
      ['a', '00:01', '00:09', 2, 3], ['b', '00:05', '00:10', 1, 5], ['a', '00:20', '00:25', 1, 4],
    ]);
  });
});
