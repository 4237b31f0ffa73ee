/**
 * The request shape of every Firehose operation, declared once as the AWS API
 * model (firehose-2015-08-04) declares it [BC-F]: members in the model's order,
 * required members, lengths, ranges, patterns and enums. The destination
 * configurations list the members the simulator models (S3 and extended S3 in
 * full, the rest by name so the type pass knows them); members the shape does
 * not list are checked by the operation itself. apiModels.ts lists only the
 * operations the service serves.
 */
import { s, type OperationShape, type Shape, type StructureShape } from '../../core/shape';

const DeliveryStreamName = s.string({ min: 1, max: 64, pattern: '[a-zA-Z0-9._-]+' });
const RoleARN = s.string({ min: 1, max: 512, pattern: 'arn:.*' });
const BucketARN = s.string({ min: 1, max: 2048, pattern: 'arn:.*' });
const KinesisStreamARN = s.string({ min: 1, max: 512, pattern: 'arn:.*' });
const Prefix = s.string({ min: 0, max: 1024 });
const DeliveryStreamType = s.enum(['DirectPut', 'KinesisStreamAsSource', 'MSKAsSource', 'DatabaseAsSource']);
const BufferingHints = s.structure({ SizeInMBs: s.integer(1, 128), IntervalInSeconds: s.integer(0, 900) });
const CompressionFormat = s.enum(['UNCOMPRESSED', 'GZIP', 'ZIP', 'Snappy', 'HADOOP_SNAPPY']);
const CloudWatchLoggingOptions = s.structure({ Enabled: s.boolean(), LogGroupName: s.string({ min: 0, max: 512 }), LogStreamName: s.string({ min: 0, max: 512 }) });
const EncryptionConfiguration = s.structure({
  NoEncryptionConfig: s.enum(['NoEncryption']),
  KMSEncryptionConfig: s.structure({ AWSKMSKeyARN: s.string({ min: 1, max: 512, pattern: 'arn:.*' }) }, ['AWSKMSKeyARN']),
});
const ProcessorParameterName = s.enum([
  'LambdaArn', 'NumberOfRetries', 'MetadataExtractionQuery', 'JsonParsingEngine', 'RoleArn', 'BufferSizeInMBs', 'BufferIntervalInSeconds', 'SubRecordType', 'Delimiter', 'CompressionFormat', 'DataMessageExtraction',
]);
const ProcessingConfiguration = s.structure({
  Enabled: s.boolean(),
  Processors: s.list(
    s.structure(
      {
        Type: s.enum(['RecordDeAggregation', 'Decompression', 'CloudWatchLogProcessing', 'Lambda', 'MetadataExtraction', 'AppendDelimiterToRecord']),
        Parameters: s.list(s.structure({ ParameterName: ProcessorParameterName, ParameterValue: s.string({ min: 1, max: 5120, pattern: '^(?!\\s*$).+' }) }, ['ParameterName', 'ParameterValue'])),
      },
      ['Type'],
    ),
  ),
});
const S3DestinationConfiguration = s.structure(
  { RoleARN, BucketARN, Prefix, ErrorOutputPrefix: Prefix, BufferingHints, CompressionFormat, EncryptionConfiguration, CloudWatchLoggingOptions },
  ['RoleARN', 'BucketARN'],
);
const DataFormatConversionConfiguration = s.structure({
  SchemaConfiguration: s.structure({
    RoleARN: s.string({ min: 1, max: 1024, pattern: '^\\S+$' }),
    CatalogId: s.string({ min: 1, max: 1024, pattern: '^\\S+$' }),
    DatabaseName: s.string({ min: 1, max: 1024, pattern: '^\\S+$' }),
    TableName: s.string({ min: 1, max: 1024, pattern: '^\\S+$' }),
    Region: s.string({ min: 1, max: 1024, pattern: '^\\S+$' }),
    VersionId: s.string({ min: 1, max: 1024, pattern: '^\\S+$' }),
  }),
  InputFormatConfiguration: s.structure({ Deserializer: s.structure({}) }),
  OutputFormatConfiguration: s.structure({ Serializer: s.structure({}) }),
  Enabled: s.boolean(),
});
const DynamicPartitioningConfiguration = s.structure({ RetryOptions: s.structure({ DurationInSeconds: s.integer(0, 7200) }), Enabled: s.boolean() });
const extendedS3Members = {
  RoleARN,
  BucketARN,
  Prefix,
  ErrorOutputPrefix: Prefix,
  BufferingHints,
  CompressionFormat,
  EncryptionConfiguration,
  CloudWatchLoggingOptions,
  ProcessingConfiguration,
  S3BackupMode: s.enum(['Disabled', 'Enabled']),
  S3BackupConfiguration: S3DestinationConfiguration,
  DataFormatConversionConfiguration,
  DynamicPartitioningConfiguration,
  FileExtension: s.string({ min: 0, max: 128, pattern: '^$|\\.[0-9a-z!\\-_.*\'()]+' }),
  CustomTimeZone: s.string({ min: 0, max: 50 }),
} satisfies Record<string, Shape>;
const ExtendedS3DestinationConfiguration = s.structure(extendedS3Members, ['RoleARN', 'BucketARN']);
/** The Update form: the same members, none required. */
const ExtendedS3DestinationUpdate = s.structure({ ...extendedS3Members, S3BackupUpdate: s.structure(S3DestinationConfiguration.members) });
const Tags = s.list(s.structure({ Key: s.string({ min: 1, max: 128, pattern: '^(?!aws:)[\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@%]*$' }), Value: s.string({ min: 0, max: 256, pattern: '^[\\p{L}\\p{Z}\\p{N}_.:\\/=+\\-@%]*$' }) }, ['Key']), 1, 50);
const Record_ = s.structure({ Data: s.blob(0, 1024000) }, ['Data']);
const otherDestination = s.structure({});

const op = (members: StructureShape['members'], required: readonly string[] = [], emptyOutput = false): OperationShape => ({
  input: s.structure(members, required),
  ...(emptyOutput ? { emptyOutput } : {}),
});
const VOID = true;

/** Every Firehose operation's request shape, by AWS name. */
export const firehoseShapes = {
  CreateDeliveryStream: op(
    {
      DeliveryStreamName,
      DeliveryStreamType,
      DirectPutSourceConfiguration: s.structure({ ThroughputHintInMBs: s.integer(1, 100) }, ['ThroughputHintInMBs']),
      KinesisStreamSourceConfiguration: s.structure({ KinesisStreamARN, RoleARN }, ['KinesisStreamARN', 'RoleARN']),
      DeliveryStreamEncryptionConfigurationInput: s.structure({ KeyARN: s.string({ min: 1, max: 512, pattern: 'arn:.*' }), KeyType: s.enum(['AWS_OWNED_CMK', 'CUSTOMER_MANAGED_CMK']) }, ['KeyType']),
      S3DestinationConfiguration,
      ExtendedS3DestinationConfiguration,
      RedshiftDestinationConfiguration: otherDestination,
      ElasticsearchDestinationConfiguration: otherDestination,
      AmazonopensearchserviceDestinationConfiguration: otherDestination,
      SplunkDestinationConfiguration: otherDestination,
      HttpEndpointDestinationConfiguration: otherDestination,
      Tags,
    },
    ['DeliveryStreamName'],
  ),
  DeleteDeliveryStream: op({ DeliveryStreamName, AllowForceDelete: s.boolean() }, ['DeliveryStreamName'], VOID),
  DescribeDeliveryStream: op({ DeliveryStreamName, Limit: s.integer(1, 10000), ExclusiveStartDestinationId: s.string({ min: 1, max: 100, pattern: '[a-zA-Z0-9-]+' }) }, ['DeliveryStreamName']),
  ListDeliveryStreams: op({ Limit: s.integer(1, 10000), DeliveryStreamType, ExclusiveStartDeliveryStreamName: DeliveryStreamName }),
  ListTagsForDeliveryStream: op({ DeliveryStreamName, ExclusiveStartTagKey: s.string({ min: 1, max: 128 }), Limit: s.integer(1, 50) }, ['DeliveryStreamName']),
  PutRecord: op({ DeliveryStreamName, Record: Record_ }, ['DeliveryStreamName', 'Record']),
  PutRecordBatch: op({ DeliveryStreamName, Records: s.list(Record_, 1, 500) }, ['DeliveryStreamName', 'Records']),
  StartDeliveryStreamEncryption: op(
    {
      DeliveryStreamName,
      DeliveryStreamEncryptionConfigurationInput: s.structure({ KeyARN: s.string({ min: 1, max: 512, pattern: 'arn:.*' }), KeyType: s.enum(['AWS_OWNED_CMK', 'CUSTOMER_MANAGED_CMK']) }, ['KeyType']),
    },
    ['DeliveryStreamName'],
    VOID,
  ),
  StopDeliveryStreamEncryption: op({ DeliveryStreamName }, ['DeliveryStreamName'], VOID),
  TagDeliveryStream: op({ DeliveryStreamName, Tags }, ['DeliveryStreamName', 'Tags'], VOID),
  UntagDeliveryStream: op({ DeliveryStreamName, TagKeys: s.list(s.string({ min: 1, max: 128 }), 1, 50) }, ['DeliveryStreamName', 'TagKeys'], VOID),
  UpdateDestination: op(
    {
      DeliveryStreamName,
      CurrentDeliveryStreamVersionId: s.string({ min: 1, max: 50, pattern: '[0-9]+' }),
      DestinationId: s.string({ min: 1, max: 100, pattern: '[a-zA-Z0-9-]+' }),
      S3DestinationUpdate: s.structure(S3DestinationConfiguration.members),
      ExtendedS3DestinationUpdate,
    },
    ['DeliveryStreamName', 'CurrentDeliveryStreamVersionId', 'DestinationId'],
    VOID,
  ),
} as const satisfies Record<string, OperationShape>;

/** An operation name the Firehose shape table declares. */
export type FirehoseShapeName = keyof typeof firehoseShapes;
