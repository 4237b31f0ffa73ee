/**
 * Kinesis Data Streams request shapes, as the AWS API model (kinesis
 * 2013-12-02) declares them: member names, order and constraints. The CLI
 * console reads parameter names and types from here (apiModels.ts).
 * Interim declaration on branch w14 until w10d's shapes land; theirs win.
 */
import { s, type OperationShape, type StructureShape } from '../../core/shape';

const streamName = s.string({ min: 1, max: 128, pattern: '[a-zA-Z0-9_.-]+' });
const streamArn = s.string({ min: 1, max: 2048 });
const shardId = s.string({ min: 1, max: 128, pattern: '[a-zA-Z0-9_.-]+' });
const hashKey = s.string({ pattern: '0|([1-9]\\d{0,38})' });
const sequenceNumber = s.string({ pattern: '0|([1-9]\\d{0,128})' });
const consumerName = s.string({ min: 1, max: 128, pattern: '[a-zA-Z0-9_.-]+' });
const consumerArn = s.string({ min: 1, max: 2048 });
const nextToken = s.string({ min: 1, max: 1048576 });
const streamModeDetails = s.structure({ StreamMode: s.enum(['PROVISIONED', 'ON_DEMAND']) }, ['StreamMode']);
const tagMap = s.map(s.string({ min: 1, max: 128 }), s.string({ min: 0, max: 256 }), 1, 200);
const ref = { StreamName: streamName };
const op = (input: StructureShape, emptyOutput = false): OperationShape => (emptyOutput ? { input, emptyOutput } : { input });

/** Every simulated Kinesis operation's request shape, by AWS operation name. */
export const kinesisShapes: Record<string, OperationShape> = {
  CreateStream: op(s.structure({ StreamName: streamName, ShardCount: s.integer(1), StreamModeDetails: streamModeDetails, Tags: tagMap, MaxRecordSizeInKiB: s.integer(1024, 10240) }, ['StreamName']), true),
  DecreaseStreamRetentionPeriod: op(s.structure({ ...ref, RetentionPeriodHours: s.integer(), StreamARN: streamArn }, ['RetentionPeriodHours']), true),
  DeleteStream: op(s.structure({ ...ref, EnforceConsumerDeletion: s.boolean(), StreamARN: streamArn }), true),
  DeregisterStreamConsumer: op(s.structure({ StreamARN: streamArn, ConsumerName: consumerName, ConsumerARN: consumerArn }), true),
  DescribeStream: op(s.structure({ ...ref, Limit: s.integer(1, 10000), ExclusiveStartShardId: shardId, StreamARN: streamArn })),
  DescribeStreamConsumer: op(s.structure({ StreamARN: streamArn, ConsumerName: consumerName, ConsumerARN: consumerArn })),
  DescribeStreamSummary: op(s.structure({ ...ref, StreamARN: streamArn })),
  GetRecords: op(s.structure({ ShardIterator: s.string({ min: 1, max: 512 }), Limit: s.integer(1, 10000), StreamARN: streamArn }, ['ShardIterator'])),
  GetShardIterator: op(
    s.structure(
      { ...ref, ShardId: shardId, ShardIteratorType: s.enum(['AT_SEQUENCE_NUMBER', 'AFTER_SEQUENCE_NUMBER', 'TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP']), StartingSequenceNumber: sequenceNumber, Timestamp: s.timestamp(), StreamARN: streamArn },
      ['ShardId', 'ShardIteratorType'],
    ),
  ),
  IncreaseStreamRetentionPeriod: op(s.structure({ ...ref, RetentionPeriodHours: s.integer(), StreamARN: streamArn }, ['RetentionPeriodHours']), true),
  ListShards: op(
    s.structure({
      ...ref,
      NextToken: nextToken,
      ExclusiveStartShardId: shardId,
      MaxResults: s.integer(1, 10000),
      StreamCreationTimestamp: s.timestamp(),
      ShardFilter: s.structure({ Type: s.enum(['AFTER_SHARD_ID', 'AT_TRIM_HORIZON', 'FROM_TRIM_HORIZON', 'AT_LATEST', 'AT_TIMESTAMP', 'FROM_TIMESTAMP']), ShardId: shardId, Timestamp: s.timestamp() }, ['Type']),
      StreamARN: streamArn,
    }),
  ),
  ListStreamConsumers: op(s.structure({ StreamARN: streamArn, NextToken: nextToken, MaxResults: s.integer(1, 10000), StreamCreationTimestamp: s.timestamp() }, ['StreamARN'])),
  ListStreams: op(s.structure({ Limit: s.integer(1, 10000), ExclusiveStartStreamName: streamName, NextToken: nextToken })),
  MergeShards: op(s.structure({ ...ref, ShardToMerge: shardId, AdjacentShardToMerge: shardId, StreamARN: streamArn }, ['ShardToMerge', 'AdjacentShardToMerge']), true),
  PutRecord: op(
    s.structure({ ...ref, Data: s.blob(0, 1048576), PartitionKey: s.string({ min: 1, max: 256 }), ExplicitHashKey: hashKey, SequenceNumberForOrdering: sequenceNumber, StreamARN: streamArn }, ['Data', 'PartitionKey']),
  ),
  PutRecords: op(
    s.structure(
      { Records: s.list(s.structure({ Data: s.blob(0, 1048576), ExplicitHashKey: hashKey, PartitionKey: s.string({ min: 1, max: 256 }) }, ['Data', 'PartitionKey']), 1, 500), ...ref, StreamARN: streamArn },
      ['Records'],
    ),
  ),
  RegisterStreamConsumer: op(s.structure({ StreamARN: streamArn, ConsumerName: consumerName, Tags: tagMap }, ['StreamARN', 'ConsumerName'])),
  SplitShard: op(s.structure({ ...ref, ShardToSplit: shardId, NewStartingHashKey: hashKey, StreamARN: streamArn }, ['ShardToSplit', 'NewStartingHashKey']), true),
  SubscribeToShard: op(
    s.structure(
      {
        ConsumerARN: consumerArn,
        ShardId: shardId,
        StartingPosition: s.structure({ Type: s.enum(['AT_SEQUENCE_NUMBER', 'AFTER_SEQUENCE_NUMBER', 'TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP']), SequenceNumber: sequenceNumber, Timestamp: s.timestamp() }, ['Type']),
      },
      ['ConsumerARN', 'ShardId', 'StartingPosition'],
    ),
  ),
  UpdateShardCount: op(s.structure({ ...ref, TargetShardCount: s.integer(1), ScalingType: s.enum(['UNIFORM_SCALING']), StreamARN: streamArn }, ['TargetShardCount', 'ScalingType'])),
  UpdateStreamMode: op(s.structure({ StreamARN: streamArn, StreamModeDetails: streamModeDetails }, ['StreamARN', 'StreamModeDetails']), true),
};
