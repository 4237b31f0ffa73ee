/**
 * The aggregate path (runtime/segmentAggregates.ts): tumbling windows counted
 * from segment recipes give the rows the exact path gives for the same
 * records, read the same way ('records': every record materialised and
 * parsed), and the rows the once-a-second poller gives while it keeps up ('off').
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation, type Simulation } from '../../../src/engine';
import { readAll, runApp, T0 } from './helpers';

type Mode = 'counts' | 'records' | 'off';

interface World { shards: number; keys: number; perShard: number; windowS: number; query: number; seconds: number; perKpu?: number }

const QUERIES = [
  (w: number) => `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (DEVICE_ID VARCHAR(16), N INTEGER);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM" SELECT STREAM DEVICE_ID, COUNT(*) AS N FROM "SOURCE_SQL_STREAM_001" GROUP BY DEVICE_ID, STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '${w}' SECOND);`,
  (w: number) => `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (SHARD VARCHAR(32), N INTEGER, K INTEGER);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM" SELECT STREAM SHARD_ID, COUNT(*), COUNT(DEVICE_ID) FROM "SOURCE_SQL_STREAM_001" WHERE DEVICE_ID <> 'device-000001' GROUP BY SHARD_ID, STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '${w}' SECOND) HAVING COUNT(*) > 3;`,
  (w: number) => `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (W TIMESTAMP, N INTEGER);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM" SELECT STREAM FLOOR("SOURCE_SQL_STREAM_001".ROWTIME TO MINUTE), COUNT(*) FROM "SOURCE_SQL_STREAM_001" GROUP BY FLOOR("SOURCE_SQL_STREAM_001".ROWTIME TO MINUTE);`,
];

async function run(mode: Mode, w: World): Promise<{ sim: Simulation; rows: string[]; recordsIn: number; behind: number }> {
  const sim = createSimulation({ seed: 11, startTime: T0 - 60000, analyticsSegmentAggregates: mode });
  sim.kinesis.createStream({ StreamName: 'src', ShardCount: w.shards });
  sim.kinesis.createStream({ StreamName: 'out', ShardCount: 1 });
  await sim.advance(60000 - 1);
  sim.traffic.addProducer({ streamName: 'src', rate: { kind: 'constant', recordsPerSecond: w.shards * w.perShard }, keys: { name: 'device_id', count: w.keys }, record: { template: 'iot' } });
  await runApp(sim, 't', QUERIES[w.query](w.windowS), { columns: [['DEVICE_ID', 'VARCHAR(16)']] });
  if (w.perKpu !== undefined) sim.analytics.setRecordsPerKpuSecond('t', w.perKpu);
  await sim.advance(w.seconds * 1000);
  const v = sim.analytics.view('t');
  return { sim, rows: readAll(sim, 'out').sort(), recordsIn: v.counters.numRecordsIn, behind: v.millisBehindLatest };
}

function onAggregatePath(sim: Simulation): boolean {
  const seg = sim.analyticsContext.apps.get('t')?.run?.segment;
  return seg !== undefined && seg.counts && Object.values(seg.lanes).some((l) => l.countable);
}

describe('segmentAggregates', () => {
  it('counts a tumbling COUNT per key from the recipes: every record in one window, the rows of the exact path', async () => {
    const w: World = { shards: 2, keys: 6, perShard: 50, windowS: 10, query: 0, seconds: 45 };
    const counts = await run('counts', w);
    const records = await run('records', w);
    expect(onAggregatePath(counts.sim)).toBe(true);
    expect(onAggregatePath(records.sim)).toBe(false);
    expect(counts.rows).toEqual(records.rows);
    expect(counts.recordsIn).toBe(records.recordsIn);
    // The windows that fired hold every record read before the last one opened: 100 records a second, 4 rows of 6 keys or fewer.
    const total = counts.rows.reduce((a, s) => a + (JSON.parse(s) as { N: number }).N, 0);
    expect(total).toBe(records.rows.reduce((a, s) => a + (JSON.parse(s) as { N: number }).N, 0));
    expect(total % 100).toBe(0);
    expect(total).toBeGreaterThanOrEqual(3000);
    const off = await run('off', w);
    expect(off.rows).toEqual(counts.rows);
  });

  it('keeps MillisBehindLatest and the rows of the exact path when the application falls behind', async () => {
    const w: World = { shards: 1, keys: 4, perShard: 200, windowS: 10, query: 0, seconds: 60, perKpu: 120 };
    const counts = await run('counts', w);
    const records = await run('records', w);
    expect(onAggregatePath(counts.sim)).toBe(true);
    expect(counts.behind).toBeGreaterThan(10000);
    expect(counts.behind).toBe(records.behind);
    expect(counts.rows).toEqual(records.rows);
    expect(counts.recordsIn).toBe(records.recordsIn);
  });

  // Producers above 10 records/s write bulk segments (EXACT_MODE_MAX_RATE).
  it('property: over small worlds, recipe counts = exact records read the same way = the once-a-second poller', async () => {
    await fc.assert(fc.asyncProperty(
      fc.record({
        shards: fc.integer({ min: 1, max: 3 }), keys: fc.integer({ min: 1, max: 25 }), perShard: fc.integer({ min: 11, max: 400 }),
        windowS: fc.constantFrom(5, 10, 20, 60), query: fc.integer({ min: 0, max: QUERIES.length - 1 }), windows: fc.integer({ min: 2, max: 3 }), extra: fc.integer({ min: 0, max: 9 }),
      }),
      async (p) => {
        // FLOOR(... TO MINUTE) windows are a minute whatever windowS says.
        const w: World = { ...p, seconds: (p.query === 2 ? 60 : p.windowS) * p.windows + p.extra };
        const counts = await run('counts', w);
        const records = await run('records', w);
        const off = await run('off', w);
        expect(onAggregatePath(counts.sim)).toBe(true);
        expect(counts.rows).toEqual(records.rows);
        expect(counts.recordsIn).toBe(records.recordsIn);
        expect(counts.rows).toEqual(off.rows);
      }), { numRuns: 6, seed: 42 });
  }, 240000);
});
