/**
 * The request shape of every Kinesis Data Streams operation, declared once as
 * the AWS API model (kinesis-2013-12-02) declares it: members in the model's
 * order with their types, required members, lengths, ranges, patterns and
 * enums, as the API reference prints them [BC-K]. The wire's type pass, the
 * typed API's constraint pass, the scenario allow-list and the CLI console read
 * these; nothing else restates them. Shapes for operations the engine does not
 * serve yet may stand here; apiModels.ts lists only what the service serves.
 */
import { s, type OperationShape, type StructureShape } from '../../core/shape';

const StreamName = s.string({ min: 1, max: 128, pattern: '[a-zA-Z0-9_.-]+' });
const StreamARN = s.string({ min: 1, max: 2048, pattern: 'arn:aws.*:kinesis:.*:\\d{12}:stream/\\S+' });
const ConsumerARN = s.string({ min: 1, max: 2048, pattern: '^(arn):aws.*:kinesis:.*:\\d{12}:.*stream\\/[a-zA-Z0-9_.-]+\\/consumer\\/[a-zA-Z0-9_.-]+:[0-9]+' });
const ConsumerName = s.string({ min: 1, max: 128, pattern: '[a-zA-Z0-9_.-]+' });
const ResourceARN = s.string({ min: 1, max: 2048, pattern: 'arn:aws.*:kinesis:.*:\\d{12}:.*' });
/** The tagging operations take a stream or consumer ARN [BC-K TagResource ResourceARN]. */
const TaggableARN = s.string({ min: 1, max: 2048, pattern: 'arn:aws.*:kinesis:.*:\\d{12}:.*stream/\\S+' });
const ShardId = s.string({ min: 1, max: 128, pattern: '[a-zA-Z0-9_.-]+' });
const HashKey = s.string({ pattern: '0|([1-9]\\d{0,38})' });
const SequenceNumber = s.string({ pattern: '0|([1-9]\\d{0,128})' });
const PartitionKey = s.string({ min: 1, max: 256 });
/** 10 MiB since the larger-records launch; the stream's own MaxRecordSizeInKiB still applies. */
const Data = s.blob(0, 10485760);
const PositiveIntegerObject = s.integer(1, 100000);
const NaturalIntegerObject = s.integer(0, 1000000);
/** The model bounds it below only; the 24..8760 range is the operation's InvalidArgumentException. */
const RetentionPeriodHours = s.integer(1);
const NextToken = s.string({ min: 1, max: 1048576 });
const TagKey = s.string({ min: 1, max: 128 });
const TagValue = s.string({ min: 0, max: 256 });
const TagMap = s.map(TagKey, TagValue, 0, 200);
const TagKeyList = s.list(TagKey, 0, 200);
const StreamModeDetails = s.structure({ StreamMode: s.enum(['PROVISIONED', 'ON_DEMAND']) }, ['StreamMode']);
const MaxRecordSizeInKiB = s.integer(1024, 10240);
const MetricsNameList = s.list(
  s.enum(['IncomingBytes', 'IncomingRecords', 'OutgoingBytes', 'OutgoingRecords', 'WriteProvisionedThroughputExceeded', 'ReadProvisionedThroughputExceeded', 'IteratorAgeMilliseconds', 'ALL']),
  1,
  7,
);
const ShardIteratorType = s.enum(['AT_SEQUENCE_NUMBER', 'AFTER_SEQUENCE_NUMBER', 'TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP']);

const op = (members: Record<string, StructureShape['members'][string]>, required: readonly string[] = [], emptyOutput = false): OperationShape => ({
  input: s.structure(members, required),
  ...(emptyOutput ? { emptyOutput } : {}),
});
const VOID = true;

/** Every Kinesis operation's request shape, by AWS name. */
export const kinesisShapes = {
  AddTagsToStream: op({ StreamName, Tags: s.map(TagKey, TagValue, 1, 200), StreamARN }, ['Tags'], VOID),
  CreateStream: op({ StreamName, ShardCount: PositiveIntegerObject, StreamModeDetails, Tags: TagMap, WarmThroughputMiBps: NaturalIntegerObject, MaxRecordSizeInKiB }, ['StreamName'], VOID),
  DecreaseStreamRetentionPeriod: op({ StreamName, RetentionPeriodHours, StreamARN }, ['RetentionPeriodHours'], VOID),
  DeleteResourcePolicy: op({ ResourceARN }, ['ResourceARN'], VOID),
  DeleteStream: op({ StreamName, EnforceConsumerDeletion: s.boolean(), StreamARN }, [], VOID),
  DeregisterStreamConsumer: op({ StreamARN, ConsumerName, ConsumerARN }, [], VOID),
  DescribeAccountSettings: op({}),
  DescribeLimits: op({}),
  DescribeStream: op({ StreamName, Limit: s.integer(1, 10000), ExclusiveStartShardId: ShardId, StreamARN }),
  DescribeStreamConsumer: op({ StreamARN, ConsumerName, ConsumerARN }),
  DescribeStreamSummary: op({ StreamName, StreamARN }),
  DisableEnhancedMonitoring: op({ StreamName, ShardLevelMetrics: MetricsNameList, StreamARN }, ['ShardLevelMetrics']),
  EnableEnhancedMonitoring: op({ StreamName, ShardLevelMetrics: MetricsNameList, StreamARN }, ['ShardLevelMetrics']),
  // AWS reports Limit before ShardIterator (kinesalite's tests against AWS).
  GetRecords: op({ Limit: s.integer(1, 10000), ShardIterator: s.string({ min: 1, max: 512 }), StreamARN }, ['ShardIterator']),
  GetResourcePolicy: op({ ResourceARN }, ['ResourceARN']),
  GetShardIterator: op({ StreamName, ShardId, ShardIteratorType, StartingSequenceNumber: SequenceNumber, Timestamp: s.timestamp(), StreamARN }, ['ShardId', 'ShardIteratorType']),
  IncreaseStreamRetentionPeriod: op({ StreamName, RetentionPeriodHours, StreamARN }, ['RetentionPeriodHours'], VOID),
  ListShards: op({
    StreamName,
    NextToken,
    ExclusiveStartShardId: ShardId,
    MaxResults: s.integer(1, 10000),
    StreamCreationTimestamp: s.timestamp(),
    ShardFilter: s.structure({ Type: s.enum(['AFTER_SHARD_ID', 'AT_TRIM_HORIZON', 'FROM_TRIM_HORIZON', 'AT_LATEST', 'AT_TIMESTAMP', 'FROM_TIMESTAMP']), ShardId, Timestamp: s.timestamp() }, ['Type']),
    StreamARN,
  }),
  ListStreamConsumers: op({ StreamARN, NextToken, MaxResults: s.integer(1, 10000), StreamCreationTimestamp: s.timestamp() }, ['StreamARN']),
  ListStreams: op({ Limit: s.integer(1, 10000), ExclusiveStartStreamName: StreamName, NextToken }),
  ListTagsForResource: op({ ResourceARN: TaggableARN }, ['ResourceARN']),
  ListTagsForStream: op({ StreamName, ExclusiveStartTagKey: TagKey, Limit: s.integer(1, 50), StreamARN }),
  MergeShards: op({ StreamName, ShardToMerge: ShardId, AdjacentShardToMerge: ShardId, StreamARN }, ['ShardToMerge', 'AdjacentShardToMerge'], VOID),
  PutRecord: op({ StreamName, Data, PartitionKey, ExplicitHashKey: HashKey, SequenceNumberForOrdering: SequenceNumber, StreamARN }, ['Data', 'PartitionKey']),
  PutRecords: op({ Records: s.list(s.structure({ Data, ExplicitHashKey: HashKey, PartitionKey }, ['Data', 'PartitionKey']), 1, 500), StreamName, StreamARN }, ['Records']),
  PutResourcePolicy: op({ ResourceARN, Policy: s.string() }, ['ResourceARN', 'Policy'], VOID),
  RegisterStreamConsumer: op({ StreamARN, ConsumerName, Tags: TagMap }, ['StreamARN', 'ConsumerName']),
  RemoveTagsFromStream: op({ StreamName, TagKeys: s.list(TagKey, 1, 50), StreamARN }, ['TagKeys'], VOID),
  SplitShard: op({ StreamName, ShardToSplit: ShardId, NewStartingHashKey: HashKey, StreamARN }, ['ShardToSplit', 'NewStartingHashKey'], VOID),
  StartStreamEncryption: op({ StreamName, EncryptionType: s.enum(['NONE', 'KMS']), KeyId: s.string({ min: 1, max: 2048 }), StreamARN }, ['EncryptionType', 'KeyId'], VOID),
  StopStreamEncryption: op({ StreamName, EncryptionType: s.enum(['NONE', 'KMS']), KeyId: s.string({ min: 1, max: 2048 }), StreamARN }, ['EncryptionType', 'KeyId'], VOID),
  SubscribeToShard: op(
    {
      ConsumerARN,
      ShardId,
      StartingPosition: s.structure({ Type: s.enum(['AT_SEQUENCE_NUMBER', 'AFTER_SEQUENCE_NUMBER', 'TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP']), SequenceNumber, Timestamp: s.timestamp() }, ['Type']),
    },
    ['ConsumerARN', 'ShardId', 'StartingPosition'],
  ),
  TagResource: op({ Tags: TagMap, ResourceARN: TaggableARN }, ['Tags', 'ResourceARN'], VOID),
  UntagResource: op({ TagKeys: TagKeyList, ResourceARN: TaggableARN }, ['TagKeys', 'ResourceARN'], VOID),
  UpdateAccountSettings: op({ MinimumThroughputBillingCommitment: s.structure({ Status: s.enum(['ENABLED', 'DISABLED']) }, ['Status']) }, ['MinimumThroughputBillingCommitment']),
  UpdateMaxRecordSize: op({ StreamARN, MaxRecordSizeInKiB }, ['MaxRecordSizeInKiB'], VOID),
  UpdateShardCount: op({ StreamName, TargetShardCount: PositiveIntegerObject, ScalingType: s.enum(['UNIFORM_SCALING']), StreamARN }, ['TargetShardCount', 'ScalingType']),
  UpdateStreamMode: op({ StreamARN, StreamModeDetails, WarmThroughputMiBps: NaturalIntegerObject }, ['StreamARN', 'StreamModeDetails'], VOID),
  UpdateStreamWarmThroughput: op({ StreamARN, StreamName, WarmThroughputMiBps: NaturalIntegerObject }, ['WarmThroughputMiBps']),
} as const satisfies Record<string, OperationShape>;

/** An operation name the Kinesis shape table declares. */
export type KinesisShapeName = keyof typeof kinesisShapes;
