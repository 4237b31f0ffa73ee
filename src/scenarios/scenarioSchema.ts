/**
 * The scenario document's schema: seed, start time, topology and timed
 * commands. Validation (validateScenario.ts) and the published JSON Schema
 * (public/scenario.schema.json) both come from this description.
 */
import { arr, int, json, konst, num, obj, oneOfStrings, str, text, union, type SchemaNode } from './schemaDsl';
import { consumerShape, consumerUpdate, producerPatch, producerShape } from './trafficShapes';
import { analyticsArgs } from './analyticsShapes';
import { videoArgs } from './videoShapes';
import { glueArgs, glueTableSpec, MAX_GLUE_TABLES } from './glueShapes';
import { bucketName, createBucketInput, createDeliveryStreamInput, createStreamInput, firehoseArgs, functionName, kinesisArgs } from './awsShapes';
import {
  MAX_BUCKETS,
  MAX_COMMANDS,
  MAX_CONSUMERS,
  MAX_DELIVERY_STREAMS,
  MAX_DESCRIPTION_CHARS,
  MAX_LAMBDAS,
  MAX_NAME_CHARS,
  MAX_OFFSET_MS,
  MAX_PRODUCERS,
  MAX_START_TIME,
  MAX_STREAMS,
  SCENARIO_VERSION,
} from './limits';

/** A producer (sim.traffic.addProducer's config); see trafficShapes.ts. */
export const producerConfig: SchemaNode = producerShape;
/** A consumer (sim.traffic.addConsumer's spec); see trafficShapes.ts. */
export const consumerConfig: SchemaNode = consumerShape;

/**
 * A Lambda function: the simulated Lambda service's CreateFunction fields,
 * with the handler named from the built-in functions (code never travels in
 * a scenario).
 */
export const lambdaConfig: SchemaNode = obj(
  {
    FunctionName: functionName,
    builtin: str({ maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', patternHint: 'the name of a built-in function' }),
    options: json('Options for the built-in function.'),
    durationMs: int(0, 900000),
    errorRate: num(0, 1),
    Timeout: int(1, 900),
    MemorySize: int(128, 10240),
    ReservedConcurrentExecutions: int(0, 1000),
    Description: text(256),
  },
  ['FunctionName', 'builtin'],
  'A Lambda function from the built-in catalogue.',
);

const removeParticipant = obj({ id: str({ maxLength: 64, pattern: '^[a-z]+-\\d+$', patternHint: 'an id such as producer-1 or consumer-1' }) }, ['id']);

/** The allow-list: every command a scenario may run, with its argument shape. */
export const commandArgs: Record<string, SchemaNode> = {
  ...prefixed('kinesis', kinesisArgs),
  ...prefixed('firehose', firehoseArgs),
  ...prefixed('analytics', analyticsArgs),
  ...prefixed('glue', glueArgs),
  's3.createBucket': createBucketInput,
  's3.deleteBucket': obj({ Bucket: bucketName }, ['Bucket']),
  'lambda.createFunction': lambdaConfig,
  'lambda.updateFunctionConfiguration': obj(
    { FunctionName: functionName, durationMs: int(0, 900000), errorRate: num(0, 1), Timeout: int(1, 900), MemorySize: int(128, 10240), ReservedConcurrentExecutions: int(0, 1000) },
    ['FunctionName'],
  ),
  'lambda.deleteFunction': obj({ FunctionName: functionName }, ['FunctionName']),
  'traffic.addProducer': producerConfig,
  'traffic.updateProducer': producerPatch,
  'traffic.removeProducer': removeParticipant,
  'traffic.addConsumer': consumerConfig,
  'traffic.updateConsumer': consumerUpdate,
  'traffic.removeConsumer': removeParticipant,
  ...videoArgs,
};

/** Command names in the allow-list, sorted. */
export const COMMAND_OPS: readonly string[] = Object.keys(commandArgs).sort();

function prefixed(service: string, args: Record<string, SchemaNode>): Record<string, SchemaNode> {
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [`${service}.${k}`, v]));
}

/** A timed command; its `args` are checked against commandArgs[op] (validateScenario.ts). */
export const commandSchema: SchemaNode = obj(
  {
    at: int(0, MAX_OFFSET_MS, 'Milliseconds after the start.'),
    op: oneOfStrings(COMMAND_OPS),
    args: json('The operation\'s request (see commandArgs).'),
    note: text(200, 'Why the command is there, shown in the timeline.'),
  },
  ['at', 'op', 'args'],
);

export const topologySchema: SchemaNode = obj({
  streams: arr(createStreamInput, MAX_STREAMS),
  enhancedMonitoring: arr(kinesisArgs.enableEnhancedMonitoring, MAX_STREAMS),
  producers: arr(producerConfig, MAX_PRODUCERS),
  consumers: arr(consumerConfig, MAX_CONSUMERS),
  deliveryStreams: arr(createDeliveryStreamInput, MAX_DELIVERY_STREAMS),
  lambdas: arr(lambdaConfig, MAX_LAMBDAS),
  buckets: arr(createBucketInput, MAX_BUCKETS),
  glueTables: arr(glueTableSpec, MAX_GLUE_TABLES),
});

/** The whole document. */
export const scenarioSchema: SchemaNode = obj(
  {
    version: konst(SCENARIO_VERSION, 'The format version.'),
    name: text(MAX_NAME_CHARS),
    description: text(MAX_DESCRIPTION_CHARS),
    seed: union([int(0, 4294967295), str({ maxLength: 64 })], 'The seed of the simulation\'s generator.'),
    startTime: int(0, MAX_START_TIME, 'Simulated epoch milliseconds at the start.'),
    topology: topologySchema,
    commands: arr(commandSchema, MAX_COMMANDS),
    presetId: str({ maxLength: 64, pattern: '^[a-z0-9-]+$', patternHint: 'a preset id' }),
  },
  ['version', 'name', 'seed', 'startTime', 'topology', 'commands'],
  'A Kinesis Simulator scenario: seed, start time, topology and timed commands.',
);
