/**
 * Analytics at scale, each figure beside the yardstick (raw spark-md5 hashes
 * of short keys per second, measured in the same run) and the ratio:
 * - analytics-exact: records/s through an exact legacy-SQL sliding window
 *   (10 s RANGE per device) feeding RANDOM_CUT_FOREST (100 trees, 256 samples),
 *   over 50,000 records already in a 5-shard stream, read from TRIM_HORIZON.
 * - analytics-tumbling-500-shards: a one-minute tumbling COUNT per key over a
 *   500-shard stream written at full rate (500,000 records/s, 10,000 keys) for
 *   24 simulated hours, on the aggregate path (per-key counts from the
 *   segments' recipes, runtime/segmentAggregates.ts; groups in columns,
 *   runtime/denseGroups.ts): 1,440 windows of 10,000 rows. `write_only_wall_s`
 *   is the same world without the application; `app_wall_s` the difference;
 *   `cpu_s` this process's CPU time over the day (steadier than wall time on a
 *   shared machine). The yardstick is the mean of one taken before and one after.
 *
 * ANALYTICS_BENCH=exact or ANALYTICS_BENCH=tumbling runs one of the two.
 */
import { createSimulation } from '../../src/engine/simulation';
import { heapMb, md5Yardstick, report } from './format';

const ROLE = 'arn:aws:iam::123456789012:role/kda';
const T0 = Date.UTC(2025, 5, 1);

function sqlApp(sim: ReturnType<typeof createSimulation>, name: string, code: string, columns: Array<[string, string]>, position: 'TRIM_HORIZON' | 'NOW' = 'TRIM_HORIZON'): void {
  sim.analytics.createApplication({
    ApplicationName: name, RuntimeEnvironment: 'SQL-1_0', ServiceExecutionRole: ROLE,
    ApplicationConfiguration: {
      ApplicationCodeConfiguration: { CodeContentType: 'PLAINTEXT', CodeContent: { TextContent: code } },
      SqlApplicationConfiguration: {
        Inputs: [{
          NamePrefix: 'SOURCE_SQL_STREAM', KinesisStreamsInput: { ResourceARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/src' },
          InputSchema: { RecordFormat: { RecordFormatType: 'JSON' }, RecordColumns: columns.map(([n, t]) => ({ Name: n, SqlType: t, Mapping: `$.${n.toLowerCase()}` })) },
        }],
      },
    },
  });
  sim.analytics.startApplication({ ApplicationName: name, RunConfiguration: { SqlRunConfigurations: [{ InputId: '1.1', InputStartingPositionConfiguration: { InputStartingPosition: position } }] } });
}

export function exact(md5: number): void {
  const SHARDS = 5, SECONDS = 10, PER_SHARD = 1000;
  const sim = createSimulation({ seed: 7, startTime: T0, analyticsRecordsPerKpuSecond: 1e9 });
  sim.kinesis.createStream({ StreamName: 'src', ShardCount: SHARDS });
  sim.advanceSync(60000);
  const enc = new TextEncoder();
  const hashKeys = Array.from({ length: SHARDS }, (_, i) => ((2n ** 128n / BigInt(SHARDS)) * BigInt(i) + 1n).toString());
  for (let s = 0; s < SECONDS; s++) {
    for (let sh = 0; sh < SHARDS; sh++) {
      for (let b = 0; b < PER_SHARD / 500; b++) {
        sim.kinesis.putRecords({ StreamName: 'src', Records: Array.from({ length: 500 }, (_, i) => ({ Data: enc.encode(`{"device":"d${i % 20}","hr":${60 + ((i * 37 + s) % 41)}}`), PartitionKey: 'p', ExplicitHashKey: hashKeys[sh] })) });
      }
    }
    sim.advanceSync(1000);
  }
  sqlApp(sim, 'exact', `CREATE OR REPLACE STREAM "TEMP" (HR INTEGER, AVG_HR DOUBLE);
CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (HR INTEGER, AVG_HR DOUBLE, ANOMALY_SCORE DOUBLE);
CREATE OR REPLACE PUMP "P1" AS INSERT INTO "TEMP" SELECT STREAM HR, AVG(HR) OVER W FROM "SOURCE_SQL_STREAM_001" WINDOW W AS (PARTITION BY DEVICE RANGE INTERVAL '10' SECOND PRECEDING);
CREATE OR REPLACE PUMP "P2" AS INSERT INTO "DESTINATION_SQL_STREAM" SELECT STREAM HR, AVG_HR, ANOMALY_SCORE FROM TABLE(RANDOM_CUT_FOREST(CURSOR(SELECT STREAM HR, AVG_HR FROM "TEMP")));`, [['DEVICE', 'VARCHAR(8)'], ['HR', 'INTEGER']]);
  sim.advanceSync(30000); // STARTING -> RUNNING
  // All 50,000 records fit the first tick's GetRecords calls (10,000 per shard per call, the AWS limit), so
  // the read limits do not cap this figure: it is the engine's processing rate. cpu_s is this process's CPU
  // time over the same span, a steadier figure than wall time on a shared machine.
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  sim.advanceSync(30000);
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0).user / 1e6;
  const v = sim.analytics.view('exact');
  const rate = v.counters.numRecordsIn / wall;
  report('analytics-exact', { records: v.counters.numRecordsIn, rows_out: v.counters.numRecordsOut, wall_s: wall, cpu_s: cpu, records_per_s: Math.round(rate), records_per_cpu_s: Math.round(v.counters.numRecordsIn / cpu), target_records_per_s: 200000, md5_per_s: Math.round(md5), ratio: rate / md5 });
}

function tumbling500(md5: number): void {
  const SHARDS = 500, HORIZON_S = 86400;
  const world = (withApp: boolean) => {
    const sim = createSimulation({ seed: 7, startTime: T0, analyticsRecordsPerKpuSecond: 1e9 });
    sim.kinesis.createStream({ StreamName: 'src', ShardCount: SHARDS });
    sim.advanceSync(60000);
    sim.traffic.addProducer({ streamName: 'src', rate: { kind: 'constant', recordsPerSecond: SHARDS * 1000 }, keys: { name: 'device_id', count: 10000 }, record: { template: 'iot' } });
    if (withApp) {
      sqlApp(sim, 'tumble', `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (DEVICE_ID VARCHAR(16), N INTEGER);
CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM" SELECT STREAM DEVICE_ID, COUNT(*) FROM "SOURCE_SQL_STREAM_001" GROUP BY DEVICE_ID, STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '60' SECOND);`, [['DEVICE_ID', 'VARCHAR(16)']], 'NOW');
    }
    sim.advanceSync(30000);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    sim.advanceSync(HORIZON_S * 1000);
    return { sim, wall: (performance.now() - t0) / 1000, cpu: process.cpuUsage(c0).user / 1e6 };
  };
  const { wall: writeOnly, cpu: writeOnlyCpu } = world(false);
  const { sim, wall, cpu } = world(true);
  // A minute of wall time on a shared machine sees its load change: the yardstick is taken again after the run and averaged.
  md5 = (md5 + md5Yardstick()) / 2;
  const v = sim.analytics.view('tumble');
  const aggregate = sim.analyticsContext.apps.get('tumble')?.run?.segment !== undefined ? 1 : 0;
  report('analytics-tumbling-500-shards', {
    aggregate_path: aggregate, simulated_s: HORIZON_S, records: v.counters.numRecordsIn, rows_out: v.counters.numRecordsOut, wall_s: wall, write_only_wall_s: writeOnly,
    app_wall_s: wall - writeOnly, cpu_s: cpu, write_only_cpu_s: writeOnlyCpu, target_wall_s: 10, heap_mb: heapMb(), target_heap_mb: 256,
    records_per_s: Math.round(v.counters.numRecordsIn / wall), md5_per_s: Math.round(md5), ratio: v.counters.numRecordsIn / wall / md5,
  });
}

/** `ANALYTICS_BENCH=exact` or `=tumbling` runs only that part (both by default). */
export function run(): void {
  const only = process.env.ANALYTICS_BENCH;
  const md5 = md5Yardstick();
  if (only === undefined || only === 'exact') exact(md5);
  if (only === undefined || only === 'tumbling') tumbling500(md5);
}
