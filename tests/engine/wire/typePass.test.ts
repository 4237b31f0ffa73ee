/**
 * The wire's type pass and the typed API's constraint pass on every served
 * operation: one wrong-type request (SerializationException, namespaced, with
 * `Message`, as AWS's JSON 1.1 services answer) and one constraint failure
 * (AWS's "N validation errors detected: ..." form) each, exact bodies.
 */
import { describe, expect, it } from 'vitest';
import { apiModels, createSimulation } from '../../../src/engine';

const SER = 'com.amazon.coral.service#SerializationException';
const STR = 'class java.math.BigDecimal can not be converted to an String';
const ARN = 'arn:aws:kinesis:us-east-1:123456789012:stream/s';
const NAME_PATTERN = 'Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+';
const FH_NAME_PATTERN = 'Member must satisfy regular expression pattern: [a-zA-Z0-9._-]+';
const v1 = (value: string, at: string, constraint: string) => `1 validation error detected: Value ${value} at '${at}' failed to satisfy constraint: Member must ${constraint}`;

/** [operation, wrong-type request, its Message, constraint-failing request, its message] */
type Row = [string, unknown, string, unknown, string];

const kinesisRows: Row[] = [
  ['CreateStream', { StreamName: 's', ShardCount: '1' }, 'class java.lang.String can not be converted to an Integer', { StreamName: 's', ShardCount: 0 }, v1("'0'", 'shardCount', 'have value greater than or equal to 1')],
  ['DescribeStream', { StreamName: 7 }, STR, { StreamName: 's', Limit: 10001 }, v1("'10001'", 'limit', 'have value less than or equal to 10000')],
  ['PutRecord', { StreamName: 's', Data: 'AAA', PartitionKey: 'k' }, "'AAA' can not be converted to a Blob: Base64 encoded length is expected a multiple of 4 bytes but found: 3", { StreamName: 's', Data: 'AA==', PartitionKey: '' }, v1("''", 'partitionKey', 'have length greater than or equal to 1')],
  ['PutRecords', { StreamName: 's', Records: { Data: 'AA==' } }, 'Start of structure or map found where not expected.', { StreamName: 's', Records: [] }, v1("'[]'", 'records', 'have length greater than or equal to 1')],
  ['GetShardIterator', { StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'AT_TIMESTAMP', Timestamp: '1' }, 'class java.lang.String can not be converted to milliseconds since epoch', { StreamName: 's', ShardId: 'shardId-000000000000', ShardIteratorType: 'FIRST' }, v1("'FIRST'", 'shardIteratorType', 'satisfy enum value set: [AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER, TRIM_HORIZON, LATEST, AT_TIMESTAMP]')],
  ['GetRecords', { ShardIterator: ['x'] }, 'Start of list found where not expected', { ShardIterator: 'x', Limit: 0 }, v1("'0'", 'limit', 'have value greater than or equal to 1')],
  ['SplitShard', { StreamName: 's', ShardToSplit: true, NewStartingHashKey: '1' }, 'class java.lang.Boolean can not be converted to an String', { StreamName: 's', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '01' }, v1("'01'", 'newStartingHashKey', 'satisfy regular expression pattern: 0|([1-9]\\d{0,38})')],
  ['MergeShards', { StreamName: 's', ShardToMerge: 1, AdjacentShardToMerge: 'b' }, STR, { StreamName: 's', ShardToMerge: 'a b', AdjacentShardToMerge: 'b' }, v1("'a b'", 'shardToMerge', NAME_PATTERN.slice('Member must '.length))],
  ['DeleteStream', { StreamName: 's', EnforceConsumerDeletion: 'yes' }, "'YES' can not be converted to an Boolean", { StreamName: 'bad name' }, v1("'bad name'", 'streamName', NAME_PATTERN.slice('Member must '.length))],
  ['ListStreams', { Limit: true }, 'class java.lang.Boolean can not be converted to an Integer', { Limit: 0 }, v1("'0'", 'limit', 'have value greater than or equal to 1')],
  ['DescribeStreamSummary', { StreamARN: {} }, 'Start of structure or map found where not expected.', { StreamARN: 'arn:aws:s3:::bucket' }, v1("'arn:aws:s3:::bucket'", 'streamARN', 'satisfy regular expression pattern: arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+')],
  ['ListShards', { StreamName: 's', ShardFilter: 'AT_LATEST' }, 'Expected null', { StreamName: 's', MaxResults: 10001 }, v1("'10001'", 'maxResults', 'have value less than or equal to 10000')],
  ['UpdateShardCount', { StreamName: 's', TargetShardCount: '2', ScalingType: 'UNIFORM_SCALING' }, 'class java.lang.String can not be converted to an Integer', { StreamName: 's', TargetShardCount: 2, ScalingType: 'EVEN' }, v1("'EVEN'", 'scalingType', 'satisfy enum value set: [UNIFORM_SCALING]')],
  ['IncreaseStreamRetentionPeriod', { StreamName: 's', RetentionPeriodHours: '48' }, 'class java.lang.String can not be converted to an Integer', { StreamName: 's', RetentionPeriodHours: 0 }, v1("'0'", 'retentionPeriodHours', 'have value greater than or equal to 1')],
  ['DecreaseStreamRetentionPeriod', { StreamName: 's', RetentionPeriodHours: false }, 'class java.lang.Boolean can not be converted to an Integer', { StreamName: 's' }, v1('null', 'retentionPeriodHours', 'not be null')],
  ['UpdateStreamMode', { StreamARN: ARN, StreamModeDetails: ['ON_DEMAND'] }, 'Start of list found where not expected', { StreamARN: ARN, StreamModeDetails: { StreamMode: 'FAST' } }, v1("'FAST'", 'streamModeDetails.streamMode', 'satisfy enum value set: [PROVISIONED, ON_DEMAND]')],
  ['RegisterStreamConsumer', { StreamARN: ARN, ConsumerName: 1 }, STR, { StreamARN: ARN, ConsumerName: 'c'.repeat(129) }, v1(`'${'c'.repeat(129)}'`, 'consumerName', 'have length less than or equal to 128')],
  ['DescribeStreamConsumer', { ConsumerARN: 5 }, STR, { ConsumerARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/s' }, v1("'arn:aws:kinesis:us-east-1:123456789012:stream/s'", 'consumerARN', 'satisfy regular expression pattern: ^(arn):aws.*:kinesis:.*:\\d{12}:.*stream\\/[a-zA-Z0-9_.-]+\\/consumer\\/[a-zA-Z0-9_.-]+:[0-9]+')],
  ['ListStreamConsumers', { StreamARN: ARN, MaxResults: '5' }, 'class java.lang.String can not be converted to an Integer', { MaxResults: 5 }, v1('null', 'streamARN', 'not be null')],
  ['DeregisterStreamConsumer', { StreamARN: ARN, ConsumerName: [] }, 'Start of list found where not expected', { StreamARN: ARN, ConsumerName: 'a b' }, v1("'a b'", 'consumerName', NAME_PATTERN.slice('Member must '.length))],
  ['SubscribeToShard', { ConsumerARN: 'x', ShardId: 'x', StartingPosition: 'LATEST' }, 'Expected null', { ConsumerARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/s/consumer/c:1', ShardId: 'shardId-000000000000', StartingPosition: {} }, v1('null', 'startingPosition.type', 'not be null')],
  // The operations w10c added (tags, encryption, monitoring, limits, account settings, policies).
  ['AddTagsToStream', { StreamName: 7, Tags: { k: 'v' } }, STR, { StreamName: 's' }, v1('null', 'tags', 'not be null')],
  ['ListTagsForStream', { StreamName: 7 }, STR, { StreamName: 's', Limit: 0 }, v1("'0'", 'limit', 'have value greater than or equal to 1')],
  ['RemoveTagsFromStream', { StreamName: 7, TagKeys: ['k'] }, STR, { StreamName: 's' }, v1('null', 'tagKeys', 'not be null')],
  ['TagResource', { ResourceARN: 7, Tags: { k: 'v' } }, STR, { ResourceARN: ARN }, v1('null', 'tags', 'not be null')],
  ['UntagResource', { ResourceARN: 7, TagKeys: ['k'] }, STR, { ResourceARN: ARN }, v1('null', 'tagKeys', 'not be null')],
  ['ListTagsForResource', { ResourceARN: 7 }, STR, { ResourceARN: 'arn:aws:s3:::bucket' }, v1("'arn:aws:s3:::bucket'", 'resourceARN', 'satisfy regular expression pattern: arn:aws.*:kinesis:.*:\\d{12}:.*stream/\\S+')],
  ['EnableEnhancedMonitoring', { StreamName: 7, ShardLevelMetrics: ['ALL'] }, STR, { StreamName: 's' }, v1('null', 'shardLevelMetrics', 'not be null')],
  ['DisableEnhancedMonitoring', { StreamName: 7, ShardLevelMetrics: ['ALL'] }, STR, { StreamName: 's', ShardLevelMetrics: ['Bytes'] }, v1("'[Bytes]'", 'shardLevelMetrics', 'satisfy constraint: [Member must satisfy enum value set: [IncomingBytes, IncomingRecords, OutgoingBytes, OutgoingRecords, WriteProvisionedThroughputExceeded, ReadProvisionedThroughputExceeded, IteratorAgeMilliseconds, ALL]]')],
  ['StartStreamEncryption', { StreamName: 7, EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' }, STR, { StreamName: 's', EncryptionType: 'KMS' }, v1('null', 'keyId', 'not be null')],
  ['StopStreamEncryption', { StreamName: 7, EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' }, STR, { StreamName: 's', KeyId: 'alias/aws/kinesis' }, v1('null', 'encryptionType', 'not be null')],
  ['GetResourcePolicy', { ResourceARN: 7 }, STR, {}, v1('null', 'resourceARN', 'not be null')],
  ['DeleteResourcePolicy', { ResourceARN: 7 }, STR, {}, v1('null', 'resourceARN', 'not be null')],
  ['PutResourcePolicy', { ResourceARN: 7, Policy: '{}' }, STR, { ResourceARN: ARN }, v1('null', 'policy', 'not be null')],
  ['UpdateAccountSettings', { MinimumThroughputBillingCommitment: { Status: 1 } }, STR, {}, v1('null', 'minimumThroughputBillingCommitment', 'not be null')],
  ['UpdateMaxRecordSize', { StreamARN: ARN, MaxRecordSizeInKiB: '2048' }, 'class java.lang.String can not be converted to an Integer', { StreamARN: ARN }, v1('null', 'maxRecordSizeInKiB', 'not be null')],
  ['UpdateStreamWarmThroughput', { StreamARN: ARN, WarmThroughputMiBps: '5' }, 'class java.lang.String can not be converted to an Integer', { StreamARN: ARN }, v1('null', 'warmThroughputMiBps', 'not be null')],
];

/** Operations with no request members: nothing to mistype or break. */
const MEMBERLESS = ['DescribeAccountSettings', 'DescribeLimits'];

const firehoseRows: Row[] = [
  ['CreateDeliveryStream', { DeliveryStreamName: 'd', DeliveryStreamType: 1 }, STR, { DeliveryStreamName: 'd', DeliveryStreamType: 'Direct' }, v1("'Direct'", 'deliveryStreamType', 'satisfy enum value set: [DirectPut, KinesisStreamAsSource, MSKAsSource, DatabaseAsSource]')],
  ['DeleteDeliveryStream', { DeliveryStreamName: 'd', AllowForceDelete: 1 }, 'class java.math.BigDecimal can not be converted to an Boolean', { DeliveryStreamName: 'd'.repeat(65) }, v1(`'${'d'.repeat(65)}'`, 'deliveryStreamName', 'have length less than or equal to 64')],
  ['DescribeDeliveryStream', { DeliveryStreamName: 'd', Limit: '1' }, 'class java.lang.String can not be converted to an Integer', { DeliveryStreamName: 'd', Limit: 0 }, v1("'0'", 'limit', 'have value greater than or equal to 1')],
  ['ListDeliveryStreams', { Limit: [] }, 'Start of list found where not expected', { Limit: 10001 }, v1("'10001'", 'limit', 'have value less than or equal to 10000')],
  ['PutRecord', { DeliveryStreamName: 'd', Record: { Data: 'AA=A' } }, "'AA=A' can not be converted to a Blob: Invalid Base64 character: '='", { DeliveryStreamName: 'd' }, v1('null', 'record', 'not be null')],
  ['PutRecordBatch', { DeliveryStreamName: 'd', Records: 'x' }, 'Expected list or null', { DeliveryStreamName: 'd', Records: [] }, v1("'[]'", 'records', 'have length greater than or equal to 1')],
  ['UpdateDestination', { DeliveryStreamName: 'd', CurrentDeliveryStreamVersionId: 1, DestinationId: 'x' }, STR, { DeliveryStreamName: 'd', CurrentDeliveryStreamVersionId: 'v1', DestinationId: 'destinationId-000000000001' }, v1("'v1'", 'currentDeliveryStreamVersionId', 'satisfy regular expression pattern: [0-9]+')],
  ['StartDeliveryStreamEncryption', { DeliveryStreamName: 'd', DeliveryStreamEncryptionConfigurationInput: { KeyType: true } }, 'class java.lang.Boolean can not be converted to an String', { DeliveryStreamName: 'd', DeliveryStreamEncryptionConfigurationInput: { KeyType: 'MINE' } }, v1("'MINE'", 'deliveryStreamEncryptionConfigurationInput.keyType', 'satisfy enum value set: [AWS_OWNED_CMK, CUSTOMER_MANAGED_CMK]')],
  ['StopDeliveryStreamEncryption', { DeliveryStreamName: {} }, 'Start of structure or map found where not expected.', { DeliveryStreamName: 'a/b' }, v1("'a/b'", 'deliveryStreamName', FH_NAME_PATTERN.slice('Member must '.length))],
  ['TagDeliveryStream', { DeliveryStreamName: 'd', Tags: { Key: 'k' } }, 'Start of structure or map found where not expected.', { DeliveryStreamName: 'd', Tags: [] }, v1("'[]'", 'tags', 'have length greater than or equal to 1')],
];

const services = [
  { cli: 'kinesis', prefix: 'Kinesis_20131202', rows: kinesisRows },
  { cli: 'firehose', prefix: 'Firehose_20150804', rows: firehoseRows },
];

describe.each(services)('$cli: the type pass and the constraint pass', ({ cli, prefix, rows }) => {
  it('has a row for every operation the service serves', () => {
    const ops = apiModels.find((m) => m.cli === cli)?.operations ?? {};
    const memberless = Object.keys(ops).filter((op) => Object.keys(ops[op].input.members).length === 0);
    expect(memberless).toEqual(cli === 'kinesis' ? MEMBERLESS : []);
    const served = Object.keys(ops).filter((op) => !memberless.includes(op));
    expect(rows.map((r) => r[0]).sort()).toEqual(served.sort());
  });

  it.each(rows)('%s: a wrong JSON type is SerializationException', (op, body, message) => {
    const sim = createSimulation({ seed: 1 });
    expect(sim.handleAwsJson(`${prefix}.${op}`, JSON.stringify(body))).toEqual({ status: 400, body: JSON.stringify({ __type: SER, Message: message }) });
  });

  it.each(rows)('%s: a broken constraint is AWS\'s ValidationException text', (op, _b, _m, body, message) => {
    const sim = createSimulation({ seed: 1 });
    expect(sim.handleAwsJson(`${prefix}.${op}`, JSON.stringify(body))).toEqual({ status: 400, body: JSON.stringify({ __type: 'ValidationException', message }) });
  });
});

describe('the constraint pass counts, orders and caps failures as AWS does', () => {
  it('joins several failures in AWS\'s order with "; "', () => {
    const sim = createSimulation({ seed: 1 });
    const res = sim.handleAwsJson('Kinesis_20131202.GetRecords', JSON.stringify({ ShardIterator: '', Limit: 0 }));
    expect(JSON.parse(res.body)).toEqual({
      __type: 'ValidationException',
      message:
        "2 validation errors detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1; Value '' at 'shardIterator' failed to satisfy constraint: Member must have length greater than or equal to 1",
    });
  });

  it('reports at most 10 failures', () => {
    const sim = createSimulation({ seed: 1 });
    const Records = Array.from({ length: 12 }, () => ({ Data: 'AA==', PartitionKey: '' }));
    const message = JSON.parse(sim.handleAwsJson('Kinesis_20131202.PutRecords', JSON.stringify({ StreamName: 's', Records })).body).message as string;
    expect(message.startsWith('10 validation errors detected: ')).toBe(true);
    expect(message.split('; ')).toHaveLength(10);
    expect(message.split('; ')[9]).toBe("Value '' at 'records.10.member.partitionKey' failed to satisfy constraint: Member must have length greater than or equal to 1");
  });

  it('answers void operations with an empty body', () => {
    const sim = createSimulation({ seed: 1 });
    expect(sim.handleAwsJson('Kinesis_20131202.CreateStream', JSON.stringify({ StreamName: 's', ShardCount: 1 }))).toEqual({ status: 200, body: '' });
  });
});
