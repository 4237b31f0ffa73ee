/**
 * The one list of modelled error texts is the engine's truth: every entry of
 * MODELLED_ERRORS is driven through the wire here, and the engine answers
 * exactly that exception with a message the entry's template matches (each
 * `<...>` stands for the varying part). An entry without a case fails, so the
 * list and the engine cannot drift apart.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../../../src/engine';
import { MODELLED_ERRORS } from '../../../src/engine/kinesis/modelledErrors';

type Answer = [type: string, message: string];

function call(sim: Simulation, target: string, input: unknown): Answer | Record<string, unknown> {
  const res = sim.handleAwsJson(target, JSON.stringify(input));
  const body = res.body === '' ? {} : (JSON.parse(res.body) as Record<string, unknown>);
  if (res.status === 200) return body;
  return [String(body.__type), String(body.message ?? body.Message)];
}
const K = (sim: Simulation, op: string, input: unknown) => call(sim, `Kinesis_20131202.${op}`, input);
const F = (sim: Simulation, op: string, input: unknown) => call(sim, `Firehose_20150804.${op}`, input);
const G = (sim: Simulation, op: string, input: unknown) => call(sim, `AWSGlue.${op}`, input);
const ok = (r: Answer | Record<string, unknown>) => {
  if (Array.isArray(r)) throw new Error(`unexpected ${r.join(': ')}`);
  return r;
};

const ACCOUNT = '123456789012';
const arn = (name: string) => `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/${name}`;
const ROLE = `arn:aws:iam::${ACCOUNT}:role/firehose`;
const LAMBDA = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:f`;
function fresh(): Simulation {
  const sim = createSimulation({ seed: 7 });
  sim.s3.createBucket({ Bucket: 'lake' });
  return sim;
}

function active(sim: Simulation, name = 's', extra: Record<string, unknown> = { ShardCount: 2 }): Simulation {
  ok(K(sim, 'CreateStream', { StreamName: name, ...extra }));
  sim.advanceSync(60_000);
  return sim;
}
const onDemand = (sim: Simulation, name = 's') => active(sim, name, { StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
const s3 = (extra: Record<string, unknown> = {}) => ({ RoleARN: ROLE, BucketARN: 'arn:aws:s3:::lake', ...extra });
const lambda = (params: Record<string, string>) => ({
  ProcessingConfiguration: { Enabled: true, Processors: [{ Type: 'Lambda', Parameters: Object.entries(params).map(([ParameterName, ParameterValue]) => ({ ParameterName, ParameterValue })) }] },
});
const createFh = (sim: Simulation, dest: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  F(sim, 'CreateDeliveryStream', { DeliveryStreamName: 'd', ExtendedS3DestinationConfiguration: dest, ...extra });
const dynamicDest = s3({
  DynamicPartitioningConfiguration: { Enabled: true },
  ProcessingConfiguration: {
    Enabled: true,
    Processors: [{ Type: 'MetadataExtraction', Parameters: [{ ParameterName: 'MetadataExtractionQuery', ParameterValue: '{k:.k}' }, { ParameterName: 'JsonParsingEngine', ParameterValue: 'JQ-1.6' }] }],
  },
  Prefix: 'p/!{partitionKeyFromQuery:k}/',
  ErrorOutputPrefix: 'e/',
  BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 60 },
});
const conversion = {
  Enabled: true,
  SchemaConfiguration: { Columns: [{ Name: 'id', Type: 'int' }] },
  InputFormatConfiguration: { Deserializer: { OpenXJsonSerDe: {} } },
  OutputFormatConfiguration: { Serializer: { ParquetSerDe: {} } },
};

function updateDestination(sim: Simulation, update: Record<string, unknown>) {
  sim.advanceSync(60_000);
  const d = ok(F(sim, 'DescribeDeliveryStream', { DeliveryStreamName: 'd' })).DeliveryStreamDescription as Record<string, unknown>;
  const dest = (d.Destinations as Array<{ DestinationId: string }>)[0];
  return F(sim, 'UpdateDestination', { DeliveryStreamName: 'd', CurrentDeliveryStreamVersionId: d.VersionId, DestinationId: dest.DestinationId, ExtendedS3DestinationUpdate: update });
}

function expiredToken(sim: Simulation, op: 'ListShards' | 'ListStreamConsumers', first: Record<string, unknown>) {
  const page = ok(K(sim, op, { ...first, MaxResults: 1 }));
  sim.advanceSync(301_000);
  return K(sim, op, op === 'ListShards' ? { NextToken: page.NextToken } : { ...first, NextToken: page.NextToken });
}

function registerConsumers(sim: Simulation, n: number, settle: boolean) {
  for (let i = 0; i < n; i++) {
    ok(K(sim, 'RegisterStreamConsumer', { StreamARN: arn('s'), ConsumerName: `c${i}` }));
    if (settle && i % 5 === 4) sim.advanceSync(60_000);
  }
}

const tags = (n: number, prefix = 'k') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, 'v']));

/** How to make the engine answer each listed message, keyed by the list's template. */
const cases: Record<string, () => Answer | Record<string, unknown>> = {
  'ShardCount is required for streams in PROVISIONED mode.': () => K(fresh(), 'CreateStream', { StreamName: 's', StreamModeDetails: { StreamMode: 'PROVISIONED' } }),
  'ShardCount must not be specified for streams in ON_DEMAND mode.': () => K(fresh(), 'CreateStream', { StreamName: 's', ShardCount: 1, StreamModeDetails: { StreamMode: 'ON_DEMAND' } }),
  'Only 5 streams can be in the CREATING state at once for the account <account>.': () => {
    const sim = fresh();
    for (let i = 0; i < 5; i++) ok(K(sim, 'CreateStream', { StreamName: `s${i}`, ShardCount: 1 }));
    return K(sim, 'CreateStream', { StreamName: 's5', ShardCount: 1 });
  },
  'Account <account> already has <n> streams in ON_DEMAND capacity mode, the most allowed (50).': () => {
    const sim = fresh();
    for (let i = 0; i < 50; i++) {
      ok(K(sim, 'CreateStream', { StreamName: `s${i}`, StreamModeDetails: { StreamMode: 'ON_DEMAND' } }));
      if (i % 5 === 4) sim.advanceSync(60_000);
    }
    return K(sim, 'CreateStream', { StreamName: 'one-more', StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
  },
  'WarmThroughputMiBps can only be specified for streams in ON_DEMAND mode.': () => K(fresh(), 'CreateStream', { StreamName: 's', ShardCount: 1, WarmThroughputMiBps: 10 }),
  'WarmThroughputMiBps <n> exceeds the on-demand write throughput limit of <max> MiBps for this Region.': () =>
    K(fresh(), 'CreateStream', { StreamName: 's', StreamModeDetails: { StreamMode: 'ON_DEMAND' }, WarmThroughputMiBps: 1_000_000 }),
  'Stream <name> under account <account> is in PROVISIONED capacity mode. UpdateStreamWarmThroughput is only supported for data streams with the on-demand capacity mode.': () =>
    K(active(fresh()), 'UpdateStreamWarmThroughput', { StreamName: 's', WarmThroughputMiBps: 10 }),
  'WarmThroughputMiBps <n> for stream <name> under account <account> exceeds the on-demand write throughput limit of <max> MiBps for this Region.': () =>
    K(onDemand(fresh()), 'UpdateStreamWarmThroughput', { StreamName: 's', WarmThroughputMiBps: 1_000_000 }),
  'Stream <name> under account <account> is already in <mode> capacity mode.': () => K(active(fresh()), 'UpdateStreamMode', { StreamARN: arn('s'), StreamModeDetails: { StreamMode: 'PROVISIONED' } }),
  'Stream <name> under account <account> has already switched capacity mode <n> times in the last 24 hours. The capacity mode can be switched at most 2 times per rolling 24-hour period.': () => {
    const sim = active(fresh());
    for (const mode of ['ON_DEMAND', 'PROVISIONED']) {
      ok(K(sim, 'UpdateStreamMode', { StreamARN: arn('s'), StreamModeDetails: { StreamMode: mode } }));
      sim.advanceSync(60_000);
    }
    return K(sim, 'UpdateStreamMode', { StreamARN: arn('s'), StreamModeDetails: { StreamMode: 'ON_DEMAND' } });
  },
  '<Operation> is not supported for stream <name> under account <account> because it is in ON_DEMAND capacity mode.': () =>
    K(onDemand(fresh()), 'UpdateShardCount', { StreamName: 's', TargetShardCount: 8, ScalingType: 'UNIFORM_SCALING' }),
  'StreamARN <arn> is not a valid stream ARN.': () => K(fresh(), 'DescribeStreamSummary', { StreamARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/bad!name' }),
  'ShardId must be supplied in a ShardFilter with a Type of AFTER_SHARD_ID.': () => K(active(fresh()), 'ListShards', { StreamName: 's', ShardFilter: { Type: 'AFTER_SHARD_ID' } }),
  'Timestamp must be supplied in a ShardFilter with a Type of <type>.': () => K(active(fresh()), 'ListShards', { StreamName: 's', ShardFilter: { Type: 'AT_TIMESTAMP' } }),
  'NextToken expired. It was issued at <time> and NextTokens expire after 300 seconds.': () => expiredToken(active(fresh()), 'ListShards', { StreamName: 's' }),
  'The NextToken has expired. <rest>': () => {
    const sim = active(fresh());
    registerConsumers(sim, 2, true);
    return expiredToken(sim, 'ListStreamConsumers', { StreamARN: arn('s') });
  },
  'Stream <name> under account <account> already has <n> registered consumers. Limit: 20.': () => {
    const sim = active(fresh());
    registerConsumers(sim, 20, true);
    sim.advanceSync(60_000);
    return K(sim, 'RegisterStreamConsumer', { StreamARN: arn('s'), ConsumerName: 'one-more' });
  },
  'Only 5 consumers can be in the CREATING state at once for the account <account>.': () => {
    const sim = active(fresh());
    registerConsumers(sim, 5, false);
    return K(sim, 'RegisterStreamConsumer', { StreamARN: arn('s'), ConsumerName: 'one-more' });
  },
  'Consumer <name> under stream <arn> already exists.': () => {
    const sim = active(fresh());
    registerConsumers(sim, 1, false);
    return K(sim, 'RegisterStreamConsumer', { StreamARN: arn('s'), ConsumerName: 'c0' });
  },
  'Either ConsumerARN or both ConsumerName and StreamARN must be provided.': () => K(active(fresh()), 'DescribeStreamConsumer', { ConsumerName: 'c' }),
  'Consumer <arn> under account <account> is not ACTIVE, instead in state <status>.': () => {
    const sim = active(fresh());
    const c = ok(K(sim, 'RegisterStreamConsumer', { StreamARN: arn('s'), ConsumerName: 'c' })).Consumer as { ConsumerARN: string };
    return K(sim, 'SubscribeToShard', { ConsumerARN: c.ConsumerARN, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'LATEST' } });
  },
  'Stream <name> under account <account> not ACTIVE, instead in state <status>': () => {
    const sim = fresh();
    ok(K(sim, 'CreateStream', { StreamName: 's', ShardCount: 1 }));
    return K(sim, 'AddTagsToStream', { StreamName: 's', Tags: { a: 'b' } });
  },
  'Failed to add tags to stream <name> under account <account> because a given request cannot have more than 10 tags.': () => K(active(fresh()), 'AddTagsToStream', { StreamName: 's', Tags: tags(11) }),
  'Failed to add tags to <resource> because a given resource cannot have more than 50 tags associated with it.': () => {
    const sim = active(fresh());
    for (let i = 0; i < 5; i++) ok(K(sim, 'AddTagsToStream', { StreamName: 's', Tags: tags(10, `k${i}-`) }));
    return K(sim, 'AddTagsToStream', { StreamName: 's', Tags: { extra: 'v' } });
  },
  'Tag key <key> uses the reserved prefix aws:, which is reserved for AWS use.': () => K(active(fresh()), 'AddTagsToStream', { StreamName: 's', Tags: { 'aws:team': 'x' } }),
  'Invalid keyId <keyId>': () => K(active(fresh()), 'StartStreamEncryption', { StreamName: 's', EncryptionType: 'KMS', KeyId: 'no-such-key' }),
  'Stream <name> under account <account> has already <change> <n> times in the last 24 hours. The limit is 25.': () => {
    const sim = active(fresh());
    for (let i = 0; i < 25; i++) {
      ok(K(sim, 'StartStreamEncryption', { StreamName: 's', EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' }));
      sim.advanceSync(60_000);
    }
    return K(sim, 'StartStreamEncryption', { StreamName: 's', EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' });
  },
  'The policy is not valid JSON: it must be a JSON object.': () => K(active(fresh()), 'PutResourcePolicy', { ResourceARN: arn('s'), Policy: '[]' }),
  'No resource policy found for resource <arn>.': () => K(active(fresh()), 'DeleteResourcePolicy', { ResourceARN: arn('s') }),
  // Amazon Data Firehose
  'Processor parameter <name> value <value> is out of range; it must be between <min> and <max>.': () => createFh(fresh(), s3(lambda({ LambdaArn: LAMBDA, BufferSizeInMBs: '4' }))),
  'Processor parameter <name> is not valid for processor type Lambda.': () => createFh(fresh(), s3(lambda({ LambdaArn: LAMBDA, Delimiter: 'x' }))),
  'LambdaArn is a required parameter for processor type Lambda.': () => createFh(fresh(), s3(lambda({ NumberOfRetries: '3' }))),
  'BufferingHints.IntervalInSeconds must be at least 60 when dynamic partitioning is enabled.': () => createFh(fresh(), { ...dynamicDest, BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 30 } }),
  'ErrorOutputPrefix cannot be null or empty when Prefix contains expressions.': () => createFh(fresh(), { ...dynamicDest, ErrorOutputPrefix: undefined }),
  'When dynamic partitioning is enabled, Prefix must contain at least one partitionKeyFromQuery or partitionKeyFromLambda expression.': () => createFh(fresh(), { ...dynamicDest, Prefix: 'p/' }),
  'BufferingHints.SizeInMBs must be at least 64 when data format conversion is enabled.': () => createFh(fresh(), s3({ BufferingHints: { SizeInMBs: 5, IntervalInSeconds: 60 }, CompressionFormat: 'UNCOMPRESSED', DataFormatConversionConfiguration: conversion })),
  'CustomTimeZone <zone> is not supported by the simulator (<supported zones>).': () => createFh(fresh(), s3({ CustomTimeZone: 'America/New_York' })),
  'MSKAsSource is not simulated.': () => createFh(fresh(), s3(), { DeliveryStreamType: 'MSKAsSource' }),
  'Dynamic partitioning cannot be disabled once it is enabled.': () => {
    const sim = fresh();
    ok(createFh(sim, dynamicDest));
    return updateDestination(sim, { DynamicPartitioningConfiguration: { Enabled: false } });
  },
  'Dynamic partitioning can only be enabled when the Firehose stream is created.': () => {
    const sim = fresh();
    ok(createFh(sim, s3()));
    return updateDestination(sim, { DynamicPartitioningConfiguration: { Enabled: true }, Prefix: 'p/', ErrorOutputPrefix: 'e/', BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 60 } });
  },
  'This operation is not permitted on KinesisStreamAsSource type delivery stream <name> under account <account>. (<operation>)': () => {
    const sim = active(fresh());
    ok(createFh(sim, s3(), { DeliveryStreamType: 'KinesisStreamAsSource', KinesisStreamSourceConfiguration: { KinesisStreamARN: arn('s'), RoleARN: ROLE } }));
    sim.advanceSync(60_000);
    return F(sim, 'PutRecord', { DeliveryStreamName: 'd', Record: { Data: 'eA==' } });
  },
  'Table <table> in database <database> was not found in the AWS Glue Data Catalog.': () =>
    createFh(fresh(), s3({ BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 60 }, CompressionFormat: 'UNCOMPRESSED', DataFormatConversionConfiguration: { ...conversion, SchemaConfiguration: { DatabaseName: 'web', TableName: 'clicks', RoleARN: ROLE } } })),
  'SchemaConfiguration must name a Glue table with DatabaseName and TableName (or, in the simulator, list Columns).': () =>
    createFh(fresh(), s3({ BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 60 }, CompressionFormat: 'UNCOMPRESSED', DataFormatConversionConfiguration: { ...conversion, SchemaConfiguration: { RoleARN: ROLE } } })),
  // AWS Glue
  'Database <database> not found.': () => G(fresh(), 'GetTable', { DatabaseName: 'web', Name: 'clicks' }),
  'Database already exists.': () => {
    const sim = fresh();
    ok(G(sim, 'CreateDatabase', { DatabaseInput: { Name: 'web' } }));
    return G(sim, 'CreateDatabase', { DatabaseInput: { Name: 'Web' } });
  },
  'Table already exists.': () => {
    const sim = fresh();
    ok(G(sim, 'CreateDatabase', { DatabaseInput: { Name: 'web' } }));
    ok(G(sim, 'CreateTable', { DatabaseName: 'web', TableInput: { Name: 'clicks' } }));
    return G(sim, 'CreateTable', { DatabaseName: 'web', TableInput: { Name: 'clicks' } });
  },
};

/** The template as a whole-string pattern: literal text, `<...>` as any non-empty run. */
function templatePattern(template: string): RegExp {
  const parts = template.split(/<[^>]+>/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+?')}$`, 's');
}

describe('MODELLED_ERRORS, the one list of modelled texts', () => {
  it('has one case here per entry, and no case for a text the list does not hold', () => {
    expect(MODELLED_ERRORS.map((e) => e.message).filter((m) => cases[m] === undefined)).toEqual([]);
    expect(Object.keys(cases).filter((m) => !MODELLED_ERRORS.some((e) => e.message === m))).toEqual([]);
  });

  for (const e of MODELLED_ERRORS) {
    it(`${e.service} ${e.operation}: ${e.exception} "${e.message}"`, () => {
      const run = cases[e.message];
      if (run === undefined) return expect.fail(`no case for ${e.message}`);
      const answer = run();
      expect(Array.isArray(answer)).toBe(true);
      const [type, message] = answer as Answer;
      expect(type).toBe(e.exception);
      expect(message).toMatch(templatePattern(e.message));
    });
  }
});
