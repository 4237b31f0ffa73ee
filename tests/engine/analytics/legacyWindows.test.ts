/**
 * Legacy SQL windows on hand-checked inputs: AWS's own stagger-versus-tumbling
 * trades example (four AMZN trades, ROWTIMEs 11:00:20, 11:00:30, 11:01:05 and
 * 11:01:15, event times 10 s earlier) [KDA-SQL19 stagger-window-concepts.md],
 * a sliding average, and the error stream.
 */
import { describe, it, expect } from 'vitest';
import { advanceTo, put, readAll, runApp, sqlTs, T0, world } from './helpers';

const COLS: Array<[string, string]> = [['EVENT_TIME', 'TIMESTAMP'], ['TICKER_SYMBOL', 'VARCHAR(4)'], ['PRICE', 'REAL']];
const at = (s: number) => T0 + s * 1000; // seconds after 11:00:00

/** Runs the four trades: each is put just before the tick that gives it its ROWTIME. */
async function trades(code: string) {
  const sim = await world(1, 7, T0 - 120000);
  await runApp(sim, 'trades', code, { columns: COLS });
  for (const rowtime of [20, 30, 65, 75]) {
    await advanceTo(sim, at(rowtime) - 500);
    put(sim, { event_time: sqlTs(at(rowtime - 10)), ticker_symbol: 'AMZN', price: 100 });
  }
  await advanceTo(sim, at(200));
  return sim;
}

describe('legacy SQL windows', () => {
  it('stagger: two rows, count 3 emitted at 11:01:20 and count 1 at 11:02:15, as AWS documents', async () => {
    const sim = await trades(`CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (EVENT_TIME TIMESTAMP, TICKER_SYMBOL VARCHAR(4), TICKER_COUNT INTEGER);
CREATE OR REPLACE PUMP "STREAM_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"
SELECT STREAM FLOOR(EVENT_TIME TO MINUTE), TICKER_SYMBOL, COUNT(*) AS TICKER_COUNT
FROM "SOURCE_SQL_STREAM_001"
WINDOWED BY STAGGER (PARTITION BY FLOOR(EVENT_TIME TO MINUTE), TICKER_SYMBOL RANGE INTERVAL '1' MINUTE);`);
    const w = sim.analytics.view('trades').windows;
    expect(w.map((x) => [new Date(x.firedAt).toISOString(), x.row])).toEqual([
      ['2025-06-01T11:01:20.000Z', { EVENT_TIME: '2025-06-01 11:00:00.000', TICKER_SYMBOL: 'AMZN', TICKER_COUNT: 3, ROWTIME: '2025-06-01 11:01:20.000' }],
      ['2025-06-01T11:02:15.000Z', { EVENT_TIME: '2025-06-01 11:01:00.000', TICKER_SYMBOL: 'AMZN', TICKER_COUNT: 1, ROWTIME: '2025-06-01 11:02:15.000' }],
    ]);
    expect(readAll(sim, 'out')).toEqual([
      '{"EVENT_TIME":"2025-06-01 11:00:00.000","TICKER_SYMBOL":"AMZN","TICKER_COUNT":3}\n',
      '{"EVENT_TIME":"2025-06-01 11:01:00.000","TICKER_SYMBOL":"AMZN","TICKER_COUNT":1}\n',
    ]);
  });

  it('tumbling on ROWTIME and event minute: three rows, counts 2, 1 and 1', async () => {
    const sim = await trades(`CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (ROWTIME_MINUTE TIMESTAMP, EVENT_MINUTE TIMESTAMP, TICKER_SYMBOL VARCHAR(4), TICKER_COUNT INTEGER);
CREATE OR REPLACE PUMP "STREAM_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"
SELECT STREAM STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '60' SECOND), FLOOR(EVENT_TIME TO MINUTE), TICKER_SYMBOL, COUNT(*)
FROM "SOURCE_SQL_STREAM_001"
GROUP BY STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '60' SECOND), FLOOR(EVENT_TIME TO MINUTE), TICKER_SYMBOL;`);
    expect(sim.analytics.view('trades').windows.map((x) => [new Date(x.firedAt).toISOString(), x.row.ROWTIME_MINUTE, x.row.EVENT_MINUTE, x.row.TICKER_COUNT])).toEqual([
      ['2025-06-01T11:01:00.000Z', '2025-06-01 11:00:00.000', '2025-06-01 11:00:00.000', 2],
      ['2025-06-01T11:02:00.000Z', '2025-06-01 11:01:00.000', '2025-06-01 11:00:00.000', 1],
      ['2025-06-01T11:02:00.000Z', '2025-06-01 11:01:00.000', '2025-06-01 11:01:00.000', 1],
    ]);
  });

  it('sliding: one output row per input row, the average over the last 10 s of ROWTIME per ticker', async () => {
    const sim = await world(1, 7, T0 - 120000);
    await runApp(sim, 'slide', `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (TICKER_SYMBOL VARCHAR(4), AVG_PRICE REAL, N INTEGER);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"
SELECT STREAM TICKER_SYMBOL, AVG(PRICE) OVER W1, COUNT(*) OVER W1 FROM "SOURCE_SQL_STREAM_001"
WINDOW W1 AS (PARTITION BY TICKER_SYMBOL RANGE INTERVAL '10' SECOND PRECEDING);`, { columns: COLS });
    const rows: Array<[number, string, number]> = [[1, 'AMZN', 10], [6, 'AMZN', 20], [6, 'MSFT', 7], [13, 'AMZN', 30], [30, 'AMZN', 40]];
    for (const [s, t, p] of rows) {
      await advanceTo(sim, at(s) - 500);
      put(sim, { event_time: sqlTs(at(s)), ticker_symbol: t, price: p });
    }
    await advanceTo(sim, at(40));
    expect(readAll(sim, 'out')).toEqual([
      '{"TICKER_SYMBOL":"AMZN","AVG_PRICE":10,"N":1}\n',
      '{"TICKER_SYMBOL":"AMZN","AVG_PRICE":15,"N":2}\n',
      '{"TICKER_SYMBOL":"MSFT","AVG_PRICE":7,"N":1}\n',
      '{"TICKER_SYMBOL":"AMZN","AVG_PRICE":25,"N":2}\n',
      '{"TICKER_SYMBOL":"AMZN","AVG_PRICE":40,"N":1}\n',
    ]);
  });

  it('sends a record whose value does not fit its column type to error_stream, not to the query', async () => {
    const sim = await world(1, 7, T0 - 120000);
    await runApp(sim, 'hr', `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (HR TINYINT);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM" SELECT STREAM HR FROM "SOURCE_SQL_STREAM_001";`, { columns: [['HR', 'TINYINT']] });
    put(sim, { hr: 72 });
    put(sim, { hr: 180 }); // TINYINT holds -128..127: AWS's heart-rate example had to loosen the inferred type
    await sim.advance(3000);
    expect(readAll(sim, 'out')).toEqual(['{"HR":72}\n']);
    expect(sim.analytics.view('hr').counters.errorRows).toBe(1);
  });
});
