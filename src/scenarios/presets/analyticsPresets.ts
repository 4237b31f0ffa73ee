/**
 * The analytics presets: a legacy SQL or Flink SQL application between its
 * source stream and its destination, each with the lesson it teaches.
 */
import { ANALYTICS_ROLE, BEFORE_SQL_RETIREMENT, bucketArn, definePreset, FIREHOSE_ROLE, streamArn } from './preset';
import type { ScenarioCommand } from '../types';
import type { Json } from '../types';

const firehoseArn = (name: string) => `arn:aws:firehose:us-east-1:123456789012:deliverystream/${name}`;

/** A legacy SQL input on `stream` with JSON columns mapped from lower-case fields. */
function sqlInput(stream: string, columns: Array<[string, string]>): Json {
  return {
    NamePrefix: 'SOURCE_SQL_STREAM',
    KinesisStreamsInput: { ResourceARN: streamArn(stream) },
    InputSchema: {
      RecordFormat: { RecordFormatType: 'JSON', MappingParameters: { JSONMappingParameters: { RecordRowPath: '$' } } },
      RecordEncoding: 'UTF-8',
      RecordColumns: columns.map(([n, t]) => ({ Name: n, SqlType: t, Mapping: `$.${n.toLowerCase()}` })),
    },
  };
}

/** Create-and-start commands for a SQL application. */
function sqlApp(name: string, code: string, input: Json, outputs: Json[]): ScenarioCommand[] {
  return [
    { at: 1000, op: 'analytics.createApplication', args: { ApplicationName: name, RuntimeEnvironment: 'SQL-1_0', ServiceExecutionRole: ANALYTICS_ROLE, ApplicationConfiguration: { ApplicationCodeConfiguration: { CodeContentType: 'PLAINTEXT', CodeContent: { TextContent: code } }, SqlApplicationConfiguration: { Inputs: [input], Outputs: outputs } } } },
    { at: 1000, op: 'analytics.startApplication', args: { ApplicationName: name, RunConfiguration: { SqlRunConfigurations: [{ InputId: '1.1', InputStartingPositionConfiguration: { InputStartingPosition: 'NOW' } }] } } },
  ];
}

/** Create-and-start commands for a Flink SQL application. */
function flinkApp(name: string, code: string): ScenarioCommand[] {
  return [
    { at: 1000, op: 'analytics.createApplication', args: { ApplicationName: name, RuntimeEnvironment: 'FLINK-1_20', ServiceExecutionRole: ANALYTICS_ROLE, ApplicationConfiguration: { ApplicationCodeConfiguration: { CodeContentType: 'PLAINTEXT', CodeContent: { TextContent: code } } } } },
    { at: 1000, op: 'analytics.startApplication', args: { ApplicationName: name } },
  ];
}

const toStream = (stream: string): Json => ({ Name: 'DESTINATION_SQL_STREAM', KinesisStreamsOutput: { ResourceARN: streamArn(stream) }, DestinationSchema: { RecordFormatType: 'JSON' } });

export const analyticsSensorAnomalies = definePreset({
  id: 'analytics-sensor-anomalies',
  title: 'Sensor anomaly scores with RANDOM_CUT_FOREST (legacy SQL)',
  startTime: BEFORE_SQL_RETIREMENT,
  explanation:
    'Machines report temperature and humidity; a Kinesis Data Analytics for SQL application scores every reading with RANDOM_CUT_FOREST (100 trees, 256 samples, time decay 100000, shingle 1) and writes the score to the scores stream. Notice that scores are 0 while the forest warms up, then sit around 1 for ordinary readings; a reading far from the rest scores high, and deciding which score is an anomaly happens downstream (a Lambda, an alarm). The simulated clock starts in June 2025 because AWS refuses new SQL applications from 15 October 2025 and deletes them from 27 January 2026. Try changing the producer\'s rate or the columns passed to the forest.',
  topology: {
    streams: [{ StreamName: 'sensors', ShardCount: 1 }, { StreamName: 'scores', ShardCount: 1 }],
    producers: [{ name: 'machines', streamName: 'sensors', rate: { kind: 'constant', recordsPerSecond: 20 }, keys: { name: 'device_id', count: 20 }, record: { template: 'iot' }, mode: 'exact' }],
  },
  commands: sqlApp('sensor-anomalies', `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (DEVICE_ID VARCHAR(16), TEMPERATURE REAL, HUMIDITY INTEGER, ANOMALY_SCORE DOUBLE);
CREATE OR REPLACE PUMP "STREAM_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"
SELECT STREAM DEVICE_ID, TEMPERATURE, HUMIDITY, ANOMALY_SCORE
FROM TABLE(RANDOM_CUT_FOREST(CURSOR(SELECT STREAM DEVICE_ID, TEMPERATURE, HUMIDITY FROM "SOURCE_SQL_STREAM_001")));`,
  sqlInput('sensors', [['DEVICE_ID', 'VARCHAR(16)'], ['TEMPERATURE', 'REAL'], ['HUMIDITY', 'INTEGER']]), [toStream('scores')]),
});

export const analyticsOrderTotals = definePreset({
  id: 'analytics-order-totals',
  title: 'Per-minute order totals with a tumbling window into Firehose and S3',
  startTime: BEFORE_SQL_RETIREMENT,
  explanation:
    'Trades flow into a stream; a legacy SQL application groups them by ticker and STEP(ROWTIME BY INTERVAL \'60\' SECOND), a tumbling window on the time each row entered the application, and writes one row per ticker per minute to a Firehose delivery stream that buffers them into S3. Notice that a minute\'s totals appear only when the minute is over, and that Firehose adds its own buffering delay before the object lands. Try a 30-second STEP, or FLOOR(ROWTIME TO MINUTE), which only rounds to whole units.',
  topology: {
    buckets: [{ Bucket: 'order-totals' }],
    streams: [{ StreamName: 'orders', ShardCount: 1 }],
    deliveryStreams: [{ DeliveryStreamName: 'totals-to-s3', DeliveryStreamType: 'DirectPut', ExtendedS3DestinationConfiguration: { BucketARN: bucketArn('order-totals'), RoleARN: FIREHOSE_ROLE, Prefix: 'totals/', BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 60 } } }],
    producers: [{ name: 'shop', streamName: 'orders', rate: { kind: 'constant', recordsPerSecond: 20 }, keys: { name: 'device_id', count: 50 }, record: { template: 'trades' }, mode: 'exact' }],
  },
  commands: sqlApp('order-totals', `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (TICKER VARCHAR(4), ORDERS INTEGER, SHARES INTEGER, VALUE_USD DOUBLE);
CREATE OR REPLACE PUMP "STREAM_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"
SELECT STREAM TICKER, COUNT(*), SUM(QTY), SUM(QTY * PRICE)
FROM "SOURCE_SQL_STREAM_001"
GROUP BY TICKER, STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '60' SECOND);`,
  sqlInput('orders', [['TICKER', 'VARCHAR(4)'], ['QTY', 'INTEGER'], ['PRICE', 'REAL']]),
  [{ Name: 'DESTINATION_SQL_STREAM', KinesisFirehoseOutput: { ResourceARN: firehoseArn('totals-to-s3') }, DestinationSchema: { RecordFormatType: 'JSON' } }]),
});

const STAGGER = `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (TICKER VARCHAR(4), TRADES INTEGER);
CREATE OR REPLACE PUMP "STREAM_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"
SELECT STREAM TICKER, COUNT(*) FROM "SOURCE_SQL_STREAM_001"
WINDOWED BY STAGGER (PARTITION BY TICKER RANGE INTERVAL '1' MINUTE);`;
const TUMBLING = `CREATE OR REPLACE STREAM "DESTINATION_SQL_STREAM" (TICKER VARCHAR(4), TRADES INTEGER);
CREATE OR REPLACE PUMP "STREAM_PUMP" AS INSERT INTO "DESTINATION_SQL_STREAM"
SELECT STREAM TICKER, COUNT(*) FROM "SOURCE_SQL_STREAM_001"
GROUP BY TICKER, STEP("SOURCE_SQL_STREAM_001".ROWTIME BY INTERVAL '60' SECOND);`;

export const analyticsStaggerVsTumbling = definePreset({
  id: 'analytics-stagger-vs-tumbling',
  title: 'Stagger versus tumbling windows over the same trades',
  startTime: BEFORE_SQL_RETIREMENT,
  explanation:
    'Two legacy SQL applications count the same trades per ticker over one minute. The tumbling one closes every window on the minute boundary of ROWTIME; the stagger one opens a window for a ticker when its first trade arrives and closes it a minute later. Notice that the counts differ: a burst that straddles a minute boundary is split in two by the tumbling window and kept whole by the stagger window, which is why AWS recommended stagger windows for late or out-of-order data (its docs\' example: four AMZN trades give counts 2, 1, 1 tumbling and 3, 1 stagger). Try a 10-second range on both.',
  topology: {
    streams: [{ StreamName: 'trades', ShardCount: 1 }, { StreamName: 'tumbling-counts', ShardCount: 1 }, { StreamName: 'stagger-counts', ShardCount: 1 }],
    producers: [{ name: 'exchange', streamName: 'trades', rate: { kind: 'constant', recordsPerSecond: 5 }, keys: { name: 'device_id', count: 10 }, record: { template: 'trades' }, mode: 'exact' }],
  },
  commands: [
    ...sqlApp('tumbling-trades', TUMBLING, sqlInput('trades', [['TICKER', 'VARCHAR(4)']]), [toStream('tumbling-counts')]),
    ...sqlApp('stagger-trades', STAGGER, sqlInput('trades', [['TICKER', 'VARCHAR(4)']]), [toStream('stagger-counts')]),
  ],
});

const LATE = `CREATE TABLE readings (device_id VARCHAR(16), temperature DOUBLE, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'kinesis', 'stream' = 'readings');
CREATE TABLE per_minute (window_start TIMESTAMP(3), window_end TIMESTAMP(3), device_id VARCHAR(16), readings BIGINT, avg_temperature DOUBLE) WITH ('connector' = 'kinesis', 'stream' = 'per-minute');
INSERT INTO per_minute SELECT window_start, window_end, device_id, COUNT(*), AVG(temperature)
FROM TABLE(TUMBLE(TABLE readings, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end, device_id;`;

export const analyticsIdleShard = definePreset({
  id: 'analytics-idle-shard',
  title: 'Late data and watermarks: one idle shard holds every window back (Flink SQL)',
  explanation:
    'A Managed Service for Apache Flink application counts readings per device in one-minute event-time windows. The stream has two shards but every device writes with the same partition key, so one shard stays empty. Flink\'s watermark is the minimum over its source\'s shards, and an idle shard has none: no window ever closes. At 40 seconds the application is updated with SET \'table.exec.source.idle-timeout\' = \'10 s\', which leaves idle shards out of the minimum, and the windows start to fire. Notice the watermark line in the window view and the late counter: readings behind the watermark are dropped (allowed lateness 0). Try removing the SET line.',
  topology: {
    streams: [{ StreamName: 'readings', ShardCount: 2 }, { StreamName: 'per-minute', ShardCount: 1 }],
    producers: [{ name: 'gateway', streamName: 'readings', rate: { kind: 'constant', recordsPerSecond: 10 }, keys: { name: 'constant', key: 'gateway-1' }, record: { template: 'iot' }, mode: 'exact' }],
  },
  commands: [
    ...flinkApp('late-data', LATE),
    { at: 40000, op: 'analytics.updateApplication', args: { ApplicationName: 'late-data', CurrentApplicationVersionId: 1, ApplicationConfigurationUpdate: { ApplicationCodeConfigurationUpdate: { CodeContentUpdate: { TextContentUpdate: `SET 'table.exec.source.idle-timeout' = '10 s';\n${LATE}` } } } }, note: 'leave idle shards out of the watermark' },
  ],
});

export const analyticsRestartDuplicates = definePreset({
  id: 'analytics-restart-duplicates',
  title: 'A restart replays from the last checkpoint: an at-least-once sink writes duplicates',
  explanation:
    'A Flink SQL application copies orders to another stream through the Kinesis sink, which is at-least-once. Checkpoints are taken every 60 seconds. At 100 seconds a fault restarts the job from the checkpoint at about 91 seconds: the records read since then are read again and their rows are written a second time. Notice the duplicate counter on the application and the repeated records in the destination; exactly-once would need an idempotent consumer downstream (deduplicate on an order id). Try moving the fault just after a checkpoint.',
  topology: {
    streams: [{ StreamName: 'orders-in', ShardCount: 1 }, { StreamName: 'orders-copy', ShardCount: 1 }],
    producers: [{ name: 'shop', streamName: 'orders-in', rate: { kind: 'constant', recordsPerSecond: 10 }, keys: { name: 'device_id', count: 20 }, record: { template: 'trades' }, mode: 'exact' }],
  },
  commands: [
    ...flinkApp('copier', `CREATE TABLE orders_in (ticker VARCHAR(4), account VARCHAR(16), qty INT, price DOUBLE) WITH ('connector' = 'kinesis', 'stream' = 'orders-in');
CREATE TABLE orders_copy (ticker VARCHAR(4), account VARCHAR(16), qty INT, price DOUBLE) WITH ('connector' = 'kinesis', 'stream' = 'orders-copy');
INSERT INTO orders_copy SELECT ticker, account, qty, price FROM orders_in;`),
    { at: 100000, op: 'analytics.injectFault', args: { ApplicationName: 'copier' }, note: 'the job restarts from its last checkpoint' },
  ],
});

const PER_MINUTE_ORDERS = `CREATE TABLE orders (ticker VARCHAR(4), qty INT, price DOUBLE, ts TIMESTAMP(3) METADATA FROM 'timestamp', WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'kinesis', 'stream' = 'orders');
CREATE TABLE per_minute (window_start TIMESTAMP(3), ticker VARCHAR(4), orders BIGINT, shares BIGINT) WITH ('connector' = 'kinesis', 'stream' = 'per-minute');
INSERT INTO per_minute SELECT window_start, ticker, COUNT(*), SUM(qty)
FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end, ticker;`;

export const analyticsAutoscaling = definePreset({
  id: 'analytics-autoscaling',
  title: 'An application falls behind until autoscaling adds KPUs (Flink SQL)',
  explanation:
    'A Managed Service for Apache Flink application counts orders per ticker per minute with Parallelism 1, ParallelismPerKPU 1 and AutoScalingEnabled. In this lesson one KPU of this query processes 50 records a second (AWS gives no figure: it depends on the query), and 60 orders a second arrive, so the application reads less than is written: MillisBehindLatest grows by about 10 seconds a minute and containerCPUUtilization stays at 100 %. AWS scales up only after 15 consecutive one-minute points at 75 % CPU or more: at 15 minutes the application goes through AUTOSCALING, CurrentParallelism doubles to 2 (3 KPUs with the orchestration KPU), and it catches up within a few minutes. Scaling down waits for six hours under 10 %. Try a producer rate of 45 a second (no scaling), or turn autoscaling off in the inspector.',
  topology: {
    streams: [{ StreamName: 'orders', ShardCount: 1 }, { StreamName: 'per-minute', ShardCount: 1 }],
    producers: [{ name: 'shop', streamName: 'orders', rate: { kind: 'constant', recordsPerSecond: 60 }, keys: { name: 'device_id', count: 20 }, record: { template: 'trades' }, mode: 'exact' }],
  },
  commands: [
    {
      at: 1000,
      op: 'analytics.createApplication',
      args: {
        ApplicationName: 'order-counter', RuntimeEnvironment: 'FLINK-1_20', ServiceExecutionRole: ANALYTICS_ROLE,
        ApplicationConfiguration: {
          ApplicationCodeConfiguration: { CodeContentType: 'PLAINTEXT', CodeContent: { TextContent: PER_MINUTE_ORDERS } },
          FlinkApplicationConfiguration: { ParallelismConfiguration: { ConfigurationType: 'CUSTOM', Parallelism: 1, ParallelismPerKPU: 1, AutoScalingEnabled: true } },
        },
      },
    },
    { at: 1000, op: 'analytics.setRecordsPerKpuSecond', args: { ApplicationName: 'order-counter', RecordsPerKpuSecond: 50 }, note: 'what one KPU of this query processes (a lesson figure)' },
    { at: 1000, op: 'analytics.startApplication', args: { ApplicationName: 'order-counter' } },
  ],
});
