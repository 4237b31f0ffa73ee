import { describe, expect, it } from 'vitest';
import { parseSql } from '../../../src/engine/analytics/sql/parse';
import { planProgram, type Plan } from '../../../src/engine/analytics/query/plan';
import { segmentPlanOf } from '../../../src/engine/analytics/query/segmentPlan';
import type { SourceSchema } from '../../../src/engine/analytics/types';

const SRC = 'SOURCE_SQL_STREAM_001';
const schema = (cols: Array<[string, string]>, format: 'JSON' | 'CSV' = 'JSON'): SourceSchema => ({
  RecordFormat: { RecordFormatType: format }, RecordColumns: cols.map(([n, t]) => ({ Name: n, SqlType: t, Mapping: `$.${n.toLowerCase()}` })),
});
function plan(sql: string, dialect: 'sql' | 'flink' = 'sql'): Plan {
  const p = parseSql(sql);
  if ('error' in p) throw new Error(JSON.stringify(p.error));
  const r = planProgram(p.program, dialect, [SRC]);
  if ('error' in r) throw new Error(JSON.stringify(r.error));
  return r.plan;
}
const DEST = 'CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (A VARCHAR(16), N INTEGER);';
const pump = (select: string) => `${DEST}\nCREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM" ${select};`;
const KEY = schema([['DEVICE_ID', 'VARCHAR(16)']]);

describe('segmentPlanOf', () => {
  it('takes a one-minute tumbling COUNT per key: one source pump, 60 s steps, the key column from $.device_id', () => {
    const p = plan(pump(`SELECT STREAM DEVICE_ID, COUNT(*) FROM "${SRC}" GROUP BY DEVICE_ID, STEP("${SRC}".ROWTIME BY INTERVAL '60' SECOND)`));
    expect(segmentPlanOf(p, KEY, [SRC])).toEqual({ queries: [0], stepMs: 60000, keyColumns: [{ name: 'DEVICE_ID', field: 'device_id', sqlType: 'VARCHAR(16)' }] });
  });

  it('steps at the greatest common divisor of the windows, at most a minute (FLOOR TO HOUR steps by 60 s)', () => {
    const p = plan(`${DEST}
CREATE OR REPLACE PUMP "P1" AS INSERT INTO "DESTINATION_SQL_STREAM" SELECT STREAM PARTITION_KEY, COUNT(*) FROM "${SRC}" GROUP BY PARTITION_KEY, STEP("${SRC}".ROWTIME BY INTERVAL '20' SECOND);
CREATE OR REPLACE PUMP "P2" AS INSERT INTO "DESTINATION_SQL_STREAM" SELECT STREAM SHARD_ID, COUNT(*) FROM "${SRC}" GROUP BY SHARD_ID, STEP("${SRC}".ROWTIME BY INTERVAL '30' SECOND);`);
    expect(segmentPlanOf(p, KEY, [SRC])).toMatchObject({ queries: [0, 1], stepMs: 10000 });
    const h = plan(pump(`SELECT STREAM DEVICE_ID, COUNT(*) FROM "${SRC}" GROUP BY DEVICE_ID, FLOOR("${SRC}".ROWTIME TO HOUR)`));
    expect(segmentPlanOf(h, KEY, [SRC])).toMatchObject({ stepMs: 60000 });
  });

  it('sends to the exact path what the key does not determine', () => {
    const cases: Array<[string, SourceSchema, string]> = [
      [`SELECT STREAM DEVICE_ID, COUNT(*) FROM "${SRC}" GROUP BY DEVICE_ID, STEP("${SRC}".ROWTIME BY INTERVAL '60' SECOND)`, schema([['DEVICE_ID', 'VARCHAR(16)'], ['TEMP', 'DOUBLE']]), 'column TEMP (DOUBLE) is not the partition key'],
      [`SELECT STREAM DEVICE_ID, COUNT(*) FROM "${SRC}" GROUP BY DEVICE_ID, STEP("${SRC}".ROWTIME BY INTERVAL '60' SECOND)`, schema([['DEVICE_ID', 'VARCHAR(16)']], 'CSV'), 'only JSON input is read from recipes'],
      [`SELECT STREAM DEVICE_ID, AVG(1) OVER W FROM "${SRC}" WINDOW W AS (PARTITION BY DEVICE_ID RANGE INTERVAL '10' SECOND PRECEDING)`, KEY, 'P is a sliding query'],
      [`SELECT STREAM DEVICE_ID, COUNT(*) FROM "${SRC}" WINDOWED BY STAGGER(PARTITION BY DEVICE_ID RANGE INTERVAL '1' MINUTE)`, KEY, 'P is a stagger query'],
      [`SELECT STREAM DEVICE_ID, COUNT(*) FROM "${SRC}" WHERE APPROXIMATE_ARRIVAL_TIME > 0 GROUP BY DEVICE_ID, STEP("${SRC}".ROWTIME BY INTERVAL '60' SECOND)`, KEY, 'P: WHERE reads a column the key does not determine'],
      [`SELECT STREAM DEVICE_ID, MAX(ROWTIME) FROM "${SRC}" GROUP BY DEVICE_ID, STEP("${SRC}".ROWTIME BY INTERVAL '60' SECOND)`, KEY, 'P: an aggregate over a column the key does not determine'],
      [`SELECT STREAM STEP("${SRC}".ROWTIME BY INTERVAL '10' SECOND), COUNT(*) FROM "${SRC}" GROUP BY STEP("${SRC}".ROWTIME BY INTERVAL '60' SECOND)`, KEY, 'P: a selected value the key does not determine'],
    ];
    for (const [select, s, reason] of cases) expect(segmentPlanOf(plan(pump(select)), s, [SRC])).toEqual({ reason });
  });

  it('leaves Flink SQL to the exact path (its windows run on an event time in the payload)', () => {
    const p = plan(`CREATE TABLE src (k VARCHAR, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'kinesis', 'stream' = 'src');
CREATE TABLE snk (k VARCHAR, n BIGINT) WITH ('connector' = 'kinesis', 'stream' = 'out');
INSERT INTO snk SELECT k, COUNT(*) FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY k, window_start, window_end;`, 'flink');
    expect(segmentPlanOf(p, undefined, ['SRC'])).toEqual({ reason: 'Flink windows run on an event time read from the payload' });
  });
});
