/**
 * The aggregate path's groups in columns (runtime/denseGroups.ts): the rows,
 * counters and window view they give are those of the exact path's table,
 * through application checkpoints (an injected fault), world checkpoints, rows
 * nobody reads (counted, not built) and a table moved in and out of columns.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, restoreCheckpoint, takeCheckpoint, type Simulation } from '../../../src/engine';
import { denseFromTable, denseRow, fireDense, newDense, tableFromDense } from '../../../src/engine/analytics/runtime/denseGroups';
import { checkSql } from '../../../src/engine/analytics/compileCode';
import type { Sink } from '../../../src/engine/analytics/query/execute';
import type { QueryRun } from '../../../src/engine/analytics/runtime/runState';
import { canonical } from '../checkpoint/canonical';
import { readAll, ROLE, sqlInput, streamArn, T0 } from './helpers';

const BY_KEY = `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (DEVICE_ID VARCHAR(16), N INTEGER);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM" SELECT STREAM DEVICE_ID, COUNT(*) AS N FROM "SOURCE_SQL_STREAM_001" GROUP BY DEVICE_ID, STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '10' SECOND) HAVING COUNT(*) > 9;`;

type Mode = 'counts' | 'records';
const OPTS = (mode: Mode) => ({ seed: 5, startTime: T0 - 60000, analyticsSegmentAggregates: mode });

/** A 2-shard world with a bulk producer and an application writing to `out` (or to nothing). */
async function start(mode: Mode, output: boolean): Promise<Simulation> {
  const sim = createSimulation(OPTS(mode));
  sim.kinesis.createStream({ StreamName: 'src', ShardCount: 2 });
  sim.kinesis.createStream({ StreamName: 'out', ShardCount: 1 });
  await sim.advance(60000 - 1);
  sim.traffic.addProducer({ streamName: 'src', rate: { kind: 'constant', recordsPerSecond: 240 }, keys: { name: 'device_id', count: 30 }, record: { template: 'iot' } });
  sim.analytics.createApplication({
    ApplicationName: 't', RuntimeEnvironment: 'SQL-1_0', ServiceExecutionRole: ROLE,
    ApplicationConfiguration: {
      ApplicationCodeConfiguration: { CodeContentType: 'PLAINTEXT', CodeContent: { TextContent: BY_KEY } },
      SqlApplicationConfiguration: {
        Inputs: [sqlInput([['DEVICE_ID', 'VARCHAR(16)']])],
        Outputs: output ? [{ Name: 'DESTINATION_SQL_STREAM', KinesisStreamsOutput: { ResourceARN: streamArn('out') }, DestinationSchema: { RecordFormatType: 'JSON' } }] : [],
      },
    },
  });
  await sim.advance(1000 - (sim.now() % 1000));
  sim.analytics.startApplication({ ApplicationName: 't', RunConfiguration: { SqlRunConfigurations: [{ InputId: '1.1', InputStartingPositionConfiguration: { InputStartingPosition: 'NOW' } }] } });
  await sim.advance(30000);
  return sim;
}

const run = (sim: Simulation) => sim.analyticsContext.apps.get('t')!.run!;
const dense = (sim: Simulation) => run(sim).queries[0].dense;

describe('denseGroups', () => {
  it('restarts from the last application checkpoint with the rows and duplicates of the exact path', async () => {
    const worlds = await Promise.all((['counts', 'records'] as Mode[]).map(async (mode) => {
      const sim = await start(mode, true);
      await sim.advance(95000);
      sim.analytics.injectFault('t');
      await sim.advance(60000);
      return sim;
    }));
    const [counts, records] = worlds;
    expect(dense(counts)).toBeDefined();
    expect(dense(records)).toBeUndefined();
    const v = worlds.map((s) => s.analytics.view('t').counters);
    expect(v[0].duplicateRowsOut).toBeGreaterThan(0);
    expect(v[0]).toEqual(v[1]);
    expect(readAll(counts, 'out').sort()).toEqual(readAll(records, 'out').sort());
  });

  it('counts the rows nobody reads: the counters, metrics, view rows and window marks of the same run with a destination', async () => {
    const [silent, loud] = await Promise.all([false, true].map(async (output) => {
      const sim = await start('counts', output);
      await sim.advance(125000);
      return sim;
    }));
    const seen = (sim: Simulation) => ({ counters: sim.analytics.view('t').counters, out: sim.analytics.metrics('t').total('numRecordsOut'), rows: run(sim).outputRows, windows: run(sim).windows });
    expect(seen(silent).counters.numRecordsOut).toBeGreaterThan(0);
    expect(seen(silent)).toEqual(seen(loud));
  });

  it('survives a world checkpoint: restoring and replaying gives the state a straight run gives', async () => {
    const a = await start('counts', true);
    await sim10(a, 45000);
    const cp = takeCheckpoint(a);
    // The fresh world is built the same way (its facades and handlers are what the copy's functions re-bind to).
    const b = await start('counts', true);
    restoreCheckpoint(b, cp);
    await sim10(a, 70000);
    await sim10(b, 70000);
    expect(dense(b)!.windows.length).toBeGreaterThan(0);
    expect(canonical(b).join('\n')).toBe(canonical(a).join('\n'));
  });

  it('numbers its slots anew once keys stop coming back, and fires the groups open then as before', () => {
    const planned = checkSql(BY_KEY, 'sql', ['SOURCE_SQL_STREAM_001']);
    if (!('plan' in planned)) throw new Error('plan');
    const q = planned.plan.queries[0];
    const d = newDense(q.aggFns.length);
    const rows: string[] = [];
    const sink: Sink = { insert: (_s, r) => rows.push(`${String(r.DEVICE_ID)}=${String(r.N)}`), error: () => {}, records: [], windows: [], late: () => {} };
    // 140,000 keys seen once in the first window, then three keys (ten rows each) in the next.
    for (let i = 0; i < 140000; i++) denseRow(q, d, { DEVICE_ID: `k${i}` }, 1000, sink);
    for (const k of ['x', 'k7', 'y']) for (let i = 0; i < 10; i++) denseRow(q, d, { DEVICE_ID: k }, 15000, sink);
    fireDense(q, d, 10000, sink);
    expect(rows).toEqual([]); // HAVING COUNT(*) > 9: none of the once-seen keys
    expect(d.keys).toEqual(['x', 'k7', 'y']);
    for (const k of ['y', 'z']) denseRow(q, d, { DEVICE_ID: k }, 16000, sink);
    fireDense(q, d, 20000, sink);
    expect(rows).toEqual(['x=10', 'k7=10', 'y=11']);
  });

  it('moves a table into columns and back in the table\'s insertion order', () => {
    const q: QueryRun = { groups: {}, sessions: {}, slides: {} };
    const add = (start: number, key: string, n: number) => {
      q.groups[`${start}\u0002${key}`] = { start, end: start + 10000, rep: { DEVICE_ID: key, ROWTIME: { ts: start + 3 } }, aggs: [[n, n, 1, 1]], key };
    };
    add(0, 'b', 3); add(0, 'a', 1); add(10000, 'b', 2); add(0, 'c', 5);
    const before = JSON.stringify(Object.entries(q.groups));
    const d = denseFromTable(q, 1);
    expect(q.groups).toEqual({});
    expect(d.keys).toEqual(['b', 'a', 'c']);
    tableFromDense(q, d);
    expect(JSON.stringify(Object.entries(q.groups))).toBe(before);
    expect(newDense(2).aggs).toBe(2);
  });
});

/** Advances in 10 s steps (the same steps in every world compared). */
async function sim10(sim: Simulation, ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 10000) await sim.advance(Math.min(10000, ms - t));
}
