/**
 * Schema descriptions of the AWS request shapes a scenario carries:
 * CreateStream, CreateDeliveryStream, CreateBucket and the control-plane
 * commands. Bounds follow the AWS models [BC-K; BC-F] (see
 * ../shared/kinesis-facts.md); the engine still checks every rule when the
 * request runs, so these only need to keep hostile input out.
 */
import { arr, bool, int, map, obj, oneOfStrings, openObj, str, type SchemaNode } from './schemaDsl';
import { MAX_SHARDS } from './limits';

/** Stream names: 1..128 of [a-zA-Z0-9_.-] [BC-K StreamName]. */
export const streamName = str({ maxLength: 128, pattern: '^[a-zA-Z0-9_.-]+$', patternHint: 'letters, digits, "_", "." and "-"' });
/** Stream ARNs as the engine builds them. */
export const streamArn = str({ maxLength: 2048, pattern: '^arn:aws[\\w-]*:kinesis:[\\w-]+:\\d{12}:stream/[a-zA-Z0-9_.-]{1,128}$', patternHint: 'a Kinesis stream ARN' });
/** Any ARN (Lambda functions, buckets, roles). */
export const anyArn = str({ maxLength: 2048, pattern: '^arn:[\\w-]+:[\\w-]+:[\\w-]*:\\d{0,12}:\\S+$', patternHint: 'an ARN' });
/** Shard ids: 1..128 of [a-zA-Z0-9_.-] [BC-K ShardId]. */
export const shardId = str({ maxLength: 128, pattern: '^[a-zA-Z0-9_.-]+$', patternHint: 'a shard id such as shardId-000000000000' });
/** Hash keys: decimal 0..2^128-1 [BC-K HashKey]. */
export const hashKey = str({ maxLength: 39, pattern: '^(0|[1-9]\\d{0,38})$', patternHint: 'a decimal hash key' });
/** Delivery stream names: 1..64 of [a-zA-Z0-9_.-] [BC-F DeliveryStreamName]. */
export const deliveryStreamName = str({ maxLength: 64, pattern: '^[a-zA-Z0-9_.-]+$', patternHint: 'letters, digits, "_", "." and "-"' });
/** Bucket names: 3..63 lowercase letters, digits, dots and hyphens (S3 naming rules). */
export const bucketName = str({ minLength: 3, maxLength: 63, pattern: '^[a-z0-9][a-z0-9.-]*[a-z0-9]$', patternHint: 'a bucket name (lowercase letters, digits, "." and "-")' });
/** Lambda function names: 1..64 of [a-zA-Z0-9-_] [BC-L FunctionName]. */
export const functionName = str({ maxLength: 64, pattern: '^[a-zA-Z0-9_-]+$', patternHint: 'letters, digits, "_" and "-"' });
/** Tag maps: at most 50 tags, keys to 128 and values to 256 characters. */
export const tags = map(str({ minLength: 0, maxLength: 256 }), 50, 128);

const streamRef = { StreamName: streamName, StreamARN: streamArn };
/** Shard-level metric names and ALL [BC-K MetricsName]. */
const shardLevelMetric = oneOfStrings(['IncomingBytes', 'IncomingRecords', 'OutgoingBytes', 'OutgoingRecords', 'WriteProvisionedThroughputExceeded', 'ReadProvisionedThroughputExceeded', 'IteratorAgeMilliseconds', 'ALL']);

/** CreateStream's request [BC-K], with the scenario's shard cap. */
export const createStreamInput: SchemaNode = obj(
  {
    StreamName: streamName,
    ShardCount: int(1, MAX_SHARDS),
    StreamModeDetails: obj({ StreamMode: oneOfStrings(['PROVISIONED', 'ON_DEMAND']) }, ['StreamMode']),
    Tags: tags,
    MaxRecordSizeInKiB: int(1024, 10240),
    WarmThroughputMiBps: int(0, 2147483647),
  },
  ['StreamName'],
  'A CreateStream request.',
);

/** A bucket to create before anything delivers to it. */
export const createBucketInput: SchemaNode = obj({ Bucket: bucketName }, ['Bucket'], 'A CreateBucket request.');

const bufferingHints = obj({ SizeInMBs: int(1, 128), IntervalInSeconds: int(0, 900) });
const processors = arr(
  obj(
    {
      Type: oneOfStrings(['RecordDeAggregation', 'Decompression', 'CloudWatchLogProcessing', 'Lambda', 'MetadataExtraction', 'AppendDelimiterToRecord']),
      Parameters: arr(obj({ ParameterName: str({ maxLength: 64 }), ParameterValue: str({ maxLength: 5120 }) }, ['ParameterName', 'ParameterValue']), 20),
    },
    ['Type'],
  ),
  10,
);

/**
 * CreateDeliveryStream's request [BC-F]: the fields the simulator models are
 * described; the S3 destination's other settings (format conversion, backup)
 * pass through to the engine, which validates them.
 */
export const createDeliveryStreamInput: SchemaNode = obj(
  {
    DeliveryStreamName: deliveryStreamName,
    DeliveryStreamType: oneOfStrings(['DirectPut', 'KinesisStreamAsSource']),
    KinesisStreamSourceConfiguration: obj({ KinesisStreamARN: streamArn, RoleARN: anyArn }, ['KinesisStreamARN']),
    ExtendedS3DestinationConfiguration: openObj(
      {
        RoleARN: anyArn,
        BucketARN: anyArn,
        Prefix: str({ minLength: 0, maxLength: 1024 }),
        ErrorOutputPrefix: str({ minLength: 0, maxLength: 1024 }),
        BufferingHints: bufferingHints,
        CompressionFormat: oneOfStrings(['UNCOMPRESSED', 'GZIP', 'ZIP', 'Snappy', 'HADOOP_SNAPPY']),
        ProcessingConfiguration: obj({ Enabled: bool(), Processors: processors }),
        DynamicPartitioningConfiguration: obj({ Enabled: bool(), RetryOptions: obj({ DurationInSeconds: int(0, 7200) }) }),
        S3BackupMode: oneOfStrings(['Disabled', 'Enabled']),
        FileExtension: str({ minLength: 0, maxLength: 128 }),
        CustomTimeZone: str({ minLength: 0, maxLength: 50 }),
      },
      ['BucketARN'],
    ),
    Tags: arr(obj({ Key: str({ maxLength: 128 }), Value: str({ minLength: 0, maxLength: 256 }) }, ['Key']), 50),
  },
  ['DeliveryStreamName'],
  'A CreateDeliveryStream request.',
);

/** Per-command argument shapes for the Kinesis control plane [BC-K]. */
export const kinesisArgs = {
  createStream: createStreamInput,
  deleteStream: obj({ ...streamRef, EnforceConsumerDeletion: bool() }),
  splitShard: obj({ ...streamRef, ShardToSplit: shardId, NewStartingHashKey: hashKey }, ['ShardToSplit', 'NewStartingHashKey']),
  mergeShards: obj({ ...streamRef, ShardToMerge: shardId, AdjacentShardToMerge: shardId }, ['ShardToMerge', 'AdjacentShardToMerge']),
  updateShardCount: obj({ ...streamRef, TargetShardCount: int(1, MAX_SHARDS), ScalingType: oneOfStrings(['UNIFORM_SCALING']) }, ['TargetShardCount', 'ScalingType']),
  increaseStreamRetentionPeriod: obj({ ...streamRef, RetentionPeriodHours: int(1, 8760) }, ['RetentionPeriodHours']),
  decreaseStreamRetentionPeriod: obj({ ...streamRef, RetentionPeriodHours: int(1, 8760) }, ['RetentionPeriodHours']),
  updateStreamMode: obj({ StreamARN: streamArn, StreamModeDetails: obj({ StreamMode: oneOfStrings(['PROVISIONED', 'ON_DEMAND']) }, ['StreamMode']) }, ['StreamARN', 'StreamModeDetails']),
  updateStreamWarmThroughput: obj({ ...streamRef, WarmThroughputMiBps: int(0, 2147483647) }, ['WarmThroughputMiBps']),
  registerStreamConsumer: obj({ StreamARN: streamArn, ConsumerName: str({ maxLength: 128, pattern: '^[a-zA-Z0-9_.-]+$', patternHint: 'letters, digits, "_", "." and "-"' }) }, ['StreamARN', 'ConsumerName']),
  deregisterStreamConsumer: obj({ StreamARN: streamArn, ConsumerName: str({ maxLength: 128 }), ConsumerARN: anyArn }),
  enableEnhancedMonitoring: obj({ ...streamRef, ShardLevelMetrics: arr(shardLevelMetric, 8, 1) }, ['ShardLevelMetrics']),
  disableEnhancedMonitoring: obj({ ...streamRef, ShardLevelMetrics: arr(shardLevelMetric, 8, 1) }, ['ShardLevelMetrics']),
  startStreamEncryption: obj({ ...streamRef, EncryptionType: oneOfStrings(['KMS']), KeyId: str({ maxLength: 2048 }) }, ['EncryptionType', 'KeyId']),
  stopStreamEncryption: obj({ ...streamRef, EncryptionType: oneOfStrings(['KMS']), KeyId: str({ maxLength: 2048 }) }, ['EncryptionType', 'KeyId']),
  addTagsToStream: obj({ ...streamRef, Tags: tags }, ['Tags']),
  removeTagsFromStream: obj({ ...streamRef, TagKeys: arr(str({ maxLength: 128 }), 50, 1) }, ['TagKeys']),
  updateMaxRecordSize: obj({ StreamARN: streamArn, MaxRecordSizeInKiB: int(1024, 10240) }, ['MaxRecordSizeInKiB']),
  /** Data is base64, as on the AWS wire. */
  putRecord: obj({ ...streamRef, Data: str({ minLength: 0, maxLength: 4096 }), PartitionKey: str({ maxLength: 256 }), ExplicitHashKey: hashKey }, ['Data', 'PartitionKey']),
  putRecords: obj({ ...streamRef, Records: arr(obj({ Data: str({ minLength: 0, maxLength: 4096 }), PartitionKey: str({ maxLength: 256 }), ExplicitHashKey: hashKey }, ['Data', 'PartitionKey']), 500, 1) }, ['Records']),
} satisfies Record<string, SchemaNode>;

/** Per-command argument shapes for Firehose [BC-F]. */
export const firehoseArgs = {
  createDeliveryStream: createDeliveryStreamInput,
  deleteDeliveryStream: obj({ DeliveryStreamName: deliveryStreamName, AllowForceDelete: bool() }, ['DeliveryStreamName']),
  updateDestination: openObj({ DeliveryStreamName: deliveryStreamName, CurrentDeliveryStreamVersionId: str({ maxLength: 50 }), DestinationId: str({ maxLength: 100 }) }, ['DeliveryStreamName']),
  putRecord: obj({ DeliveryStreamName: deliveryStreamName, Record: obj({ Data: str({ minLength: 0, maxLength: 4096 }) }, ['Data']) }, ['DeliveryStreamName', 'Record']),
} satisfies Record<string, SchemaNode>;
