/**
 * Schema descriptions of the traffic module's configs as a scenario carries
 * them: sim.traffic.addProducer's ProducerConfig and addConsumer's
 * ConsumerSpec (src/engine/traffic). Ids are not part of a config: the engine
 * names them in creation order (producer-1, consumer-1, kcl-1, esm-1), so a
 * scenario's later commands can refer to them.
 */
import { arr, bool, int, konst, num, obj, oneOfStrings, str, tagged, text, type SchemaNode } from './schemaDsl';
import { streamName, functionName, deliveryStreamName } from './awsShapes';
import { MAX_PRODUCER_RATE } from './limits';

const DAY = 86400000;
const recordsPerSecond = num(0, MAX_PRODUCER_RATE, 'Records per second.');

/** RateProfile: constant, periodic (daily/hourly wave), bursts, ramp. */
export const rateProfile: SchemaNode = tagged('kind', {
  constant: obj({ kind: konst('constant'), recordsPerSecond }, ['kind', 'recordsPerSecond']),
  periodic: obj(
    { kind: konst('periodic'), baseRecordsPerSecond: recordsPerSecond, amplitude: num(0, MAX_PRODUCER_RATE), periodMs: int(1000, 7 * DAY), phaseMs: int(0, 7 * DAY) },
    ['kind', 'baseRecordsPerSecond', 'amplitude', 'periodMs'],
  ),
  bursts: obj(
    {
      kind: konst('bursts'),
      baseRecordsPerSecond: recordsPerSecond,
      burstRecordsPerSecond: recordsPerSecond,
      everyMs: int(1000, 7 * DAY),
      durationMs: int(1, 7 * DAY),
      offsetMs: int(0, 7 * DAY),
    },
    ['kind', 'baseRecordsPerSecond', 'burstRecordsPerSecond', 'everyMs', 'durationMs'],
  ),
  ramp: obj({ kind: konst('ramp'), from: recordsPerSecond, to: recordsPerSecond, durationMs: int(1, 366 * DAY) }, ['kind', 'from', 'to', 'durationMs']),
});

/** KeyStrategyConfig. */
export const keyStrategy: SchemaNode = obj(
  {
    name: oneOfStrings(['device_id', 'customer_id', 'transaction_id', 'log_level', 'server_id', 'hostname_timestamp', 'constant', 'random', 'explicit_hash_key']),
    count: int(1, 10000000),
    zipfExponent: num(0, 10),
    key: str({ maxLength: 256 }),
  },
  ['name'],
);

/** ProducerConfig. */
export const producerShape: SchemaNode = obj(
  {
    name: text(64),
    streamName,
    // Where records go: a Kinesis stream (streamName, the default) or a Firehose delivery stream by Direct PUT.
    target: tagged('kind', {
      kinesis: obj({ kind: konst('kinesis') }, ['kind']),
      firehose: obj({ kind: konst('firehose'), deliveryStreamName }, ['kind', 'deliveryStreamName']),
    }),
    rate: rateProfile,
    keys: keyStrategy,
    record: obj({ template: str({ maxLength: 2000 }), sizeBytes: int(1, 10485760) }),
    writePath: oneOfStrings(['PutRecord', 'PutRecords', 'KPL']),
    kpl: obj({ aggregation: bool(), aggregationMaxSize: int(64, 1048576), recordMaxBufferedTimeMs: int(1, 600000), recordTtlMs: int(100, 3600000) }),
    maxRetries: int(0, 100),
    batchIntervalMs: int(1, 3600000),
    mode: oneOfStrings(['auto', 'exact', 'bulk']),
    enabled: bool(),
  },
  // streamName is required unless target is a Firehose delivery stream (the engine checks that pairing).
  ['rate', 'keys'],
  "A producer: sim.traffic.addProducer's ProducerConfig.",
);

/** updateProducer's patch: any ProducerConfig field, plus the producer's id. */
export const producerPatch: SchemaNode = (() => {
  const p = producerShape as Extract<SchemaNode, { kind: 'object' }>;
  return obj({ id: str({ maxLength: 64, pattern: '^producer-\\d+$', patternHint: 'a producer id such as producer-1' }), ...p.props }, ['id']);
})();

const initialPosition = oneOfStrings(['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP']);
const pace = { processingMsPerRecord: num(0, 600000), maxRecordsPerSecond: num(0, MAX_PRODUCER_RATE) };

/** ConsumerSpec: a polling loop, a KCL application, a Lambda event source mapping or an enhanced fan-out application. */
export const consumerShape: SchemaNode = tagged(
  'type',
  {
    polling: obj(
      { type: konst('polling'), name: text(64), streamName, intervalMs: int(200, 3600000), limit: int(1, 10000), initialPosition, timestamp: int(0, 253402300799999), stepMs: int(1, 3600000), ...pace },
      ['type', 'name', 'streamName'],
    ),
    kcl: obj(
      {
        type: konst('kcl'),
        name: text(64),
        streamName,
        workers: int(0, 100),
        failoverTimeMillis: int(1000, 3600000),
        idleTimeBetweenReadsInMillis: int(1, 3600000),
        maxRecords: int(1, 10000),
        initialPosition,
        initialPositionTimestamp: int(0, 253402300799999),
        stepMs: int(1, 3600000),
        ...pace,
      },
      ['type', 'name', 'streamName'],
    ),
    // Enhanced fan-out: RegisterStreamConsumer, then SubscribeToShard on every shard (its own 2 MiB/s per shard).
    efo: obj({ type: konst('efo'), name: text(64), streamName, initialPosition, timestamp: int(0, 253402300799999), stepMs: int(1, 3600000) }, ['type', 'name', 'streamName']),
    lambdaMapping: obj(
      {
        type: konst('lambdaMapping'),
        name: text(64),
        stepMs: int(1, 3600000),
        FunctionName: str({ maxLength: 170 }),
        EventSourceArn: str({ maxLength: 2048 }),
        BatchSize: int(1, 10000),
        MaximumBatchingWindowInSeconds: int(0, 300),
        ParallelizationFactor: int(1, 10),
        StartingPosition: initialPosition,
        StartingPositionTimestamp: int(0, 253402300799999),
        BisectBatchOnFunctionError: bool(),
        MaximumRetryAttempts: int(-1, 10000),
        MaximumRecordAgeInSeconds: int(-1, 604800),
        TumblingWindowInSeconds: int(0, 900),
        FunctionResponseTypes: arr(oneOfStrings(['ReportBatchItemFailures']), 1),
        DestinationConfig: obj({ OnFailure: obj({ Destination: str({ maxLength: 2048 }) }) }),
        materialiseRecords: bool(),
        pollIntervalMs: int(1, 3600000),
      },
      ['type', 'FunctionName', 'EventSourceArn', 'StartingPosition'],
    ),
  },
  "A consumer: sim.traffic.addConsumer's ConsumerSpec.",
);

/** updateConsumer's update, with the consumer's id. */
export const consumerUpdate: SchemaNode = obj(
  { id: str({ maxLength: 64, pattern: '^[a-z]+-\\d+$', patternHint: 'a consumer id such as consumer-1 or kcl-1' }), ...pace, addWorkers: int(0, 100), killWorkers: arr(str({ maxLength: 64 }), 100) },
  ['id'],
);

export { functionName };
