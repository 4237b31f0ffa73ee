/**
 * Properties: every accepted record is counted in exactly one tumbling window,
 * or counted as late, or sent to the error stream; the same seed and the same
 * commands give the same outputs; RANDOM_CUT_FOREST scores the outlier highest.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { advanceTo, enc, putOn, readAll, runApp, sqlTs, T0, world } from './helpers';

const FLINK = `CREATE TABLE src (k VARCHAR(8), ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'kinesis', 'stream' = 'src', 'json.ignore-parse-errors' = 'true');
CREATE TABLE sink (window_start TIMESTAMP(3), k VARCHAR(8), n BIGINT) WITH ('connector' = 'kinesis', 'stream' = 'out');
INSERT INTO sink SELECT window_start, k, COUNT(*) FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '5' SECOND)) GROUP BY window_start, window_end, k;`;

type Rec = { kind: 'ok'; k: string; offsetS: number; shard: 0 | 1 } | { kind: 'bad'; shard: 0 | 1 };

async function runRecords(recs: Rec[], seed: number) {
  const sim = await world(2, seed, T0 - 120000);
  await runApp(sim, 'p', `SET 'table.exec.source.idle-timeout' = '3 s';\n${FLINK}`, { runtime: 'FLINK-1_20' });
  let i = 0;
  for (const r of recs) {
    // Records arrive over time, with event times up to 20 s behind their arrival (some late).
    await advanceTo(sim, T0 + i * 700);
    if (r.kind === 'bad') sim.kinesis.putRecord({ StreamName: 'src', Data: enc('not json'), PartitionKey: 'x', ExplicitHashKey: r.shard === 0 ? '1' : (2n ** 127n + 1n).toString() });
    else putOn(sim, r.shard, { k: r.k, ts: sqlTs(T0 + i * 700 - r.offsetS * 1000) });
    i++;
  }
  // Close every window: a record far ahead on both shards pushes the watermark past them.
  await advanceTo(sim, T0 + i * 700 + 1000);
  putOn(sim, 0, { k: 'end', ts: sqlTs(T0 + 3600000) });
  putOn(sim, 1, { k: 'end', ts: sqlTs(T0 + 3600000) });
  await sim.advance(3000);
  return sim;
}

describe('analytics properties', () => {
  it('every record is in exactly one tumbling window, or late, or in the error stream', async () => {
    const rec = fc.oneof(
      fc.record({ kind: fc.constant('ok' as const), k: fc.constantFrom('a', 'b', 'c'), offsetS: fc.integer({ min: 0, max: 20 }), shard: fc.constantFrom(0 as const, 1 as const) }),
      fc.record({ kind: fc.constant('bad' as const), shard: fc.constantFrom(0 as const, 1 as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(rec, { minLength: 1, maxLength: 30 }), async (recs) => {
        const sim = await runRecords(recs, 11);
        const v = sim.analytics.view('p');
        const counted = readAll(sim, 'out').map((l) => JSON.parse(l) as { K: string; N: number }).filter((o) => o.K !== 'end').reduce((n, o) => n + o.N, 0);
        const ok = recs.filter((r) => r.kind === 'ok').length;
        expect(counted + v.counters.numLateRecordsDropped).toBe(ok);
        expect(v.counters.errorRows).toBe(recs.length - ok);
      }),
      { numRuns: 25, seed: 42 },
    );
  });

  it('the same seed and commands give the same outputs and view', async () => {
    const recs: Rec[] = Array.from({ length: 20 }, (_, i) => ({ kind: 'ok', k: 'abc'[i % 3], offsetS: (i * 7) % 13, shard: (i % 2) as 0 | 1 }));
    const a = await runRecords(recs, 5);
    const b = await runRecords(recs, 5);
    expect(readAll(a, 'out')).toEqual(readAll(b, 'out'));
    expect(a.analytics.view('p')).toEqual(b.analytics.view('p'));
  });

  it('RANDOM_CUT_FOREST scores the heart rate far from the rest highest, deterministically', async () => {
    const scores = async () => {
      const sim = await world(1, 9, T0 - 120000);
      await runApp(sim, 'rcf', `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (HR INTEGER, ANOMALY_SCORE DOUBLE);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
SELECT STREAM HR, ANOMALY_SCORE FROM TABLE(RANDOM_CUT_FOREST(CURSOR(SELECT STREAM HR FROM "SOURCE_SQL_STREAM_001")));`, { columns: [['HR', 'INTEGER']] });
      for (let i = 0; i < 400; i++) {
        const hr = i === 350 ? 190 : 60 + ((i * 37) % 41);
        sim.kinesis.putRecord({ StreamName: 'src', Data: enc(JSON.stringify({ hr })), PartitionKey: 'p' });
        if (i % 100 === 99) await sim.advance(1000);
      }
      await sim.advance(2000);
      return readAll(sim, 'out').map((l) => JSON.parse(l) as { HR: number; ANOMALY_SCORE: number });
    };
    const rows = await scores();
    expect(rows.length).toBe(400);
    expect(rows.slice(0, 64).every((r) => r.ANOMALY_SCORE === 0)).toBe(true); // warming up: under subSampleSize / 4 points
    const scored = rows.slice(300);
    const top = scored.reduce((m, r) => (r.ANOMALY_SCORE > m.ANOMALY_SCORE ? r : m));
    expect(top.HR).toBe(190);
    const normal = scored.filter((r) => r.HR !== 190).map((r) => r.ANOMALY_SCORE);
    expect(top.ANOMALY_SCORE).toBeGreaterThan(2 * Math.max(...normal));
    expect(await scores()).toEqual(rows);
  });
});
