/**
 * Amazon Data Firehose request shapes (firehose 2015-08-04), top-level
 * members in the model's order. Nested destination configurations are
 * declared as open structures' main members; the engine validates the rest.
 * Interim declaration on branch w14 until w10d's shapes land; theirs win.
 */
import { s, type OperationShape, type StructureShape } from '../../core/shape';

const name = s.string({ min: 1, max: 64, pattern: '[a-zA-Z0-9._-]+' });
const arn = s.string({ min: 1, max: 512 });
const record = s.structure({ Data: s.blob(0, 1024000) }, ['Data']);
const tags = s.list(s.structure({ Key: s.string({ min: 1, max: 128 }), Value: s.string({ min: 0, max: 256 }) }, ['Key']), 1, 50);
const bufferingHints = s.structure({ SizeInMBs: s.integer(1, 128), IntervalInSeconds: s.integer(0, 900) });
const extendedS3 = s.structure(
  {
    RoleARN: arn,
    BucketARN: arn,
    Prefix: s.string({ min: 0, max: 1024 }),
    ErrorOutputPrefix: s.string({ min: 0, max: 1024 }),
    BufferingHints: bufferingHints,
    CompressionFormat: s.enum(['UNCOMPRESSED', 'GZIP', 'ZIP', 'Snappy', 'HADOOP_SNAPPY']),
    FileExtension: s.string({ min: 0, max: 128 }),
    CustomTimeZone: s.string({ min: 0, max: 50 }),
  },
  ['RoleARN', 'BucketARN'],
);
const encryptionInput = s.structure({ KeyARN: arn, KeyType: s.enum(['AWS_OWNED_CMK', 'CUSTOMER_MANAGED_CMK']) }, ['KeyType']);
const op = (input: StructureShape, emptyOutput = false): OperationShape => (emptyOutput ? { input, emptyOutput } : { input });

/** Every simulated Firehose operation's request shape, by AWS operation name. */
export const firehoseShapes: Record<string, OperationShape> = {
  CreateDeliveryStream: op(
    s.structure(
      {
        DeliveryStreamName: name,
        DeliveryStreamType: s.enum(['DirectPut', 'KinesisStreamAsSource', 'MSKAsSource', 'DatabaseAsSource']),
        KinesisStreamSourceConfiguration: s.structure({ KinesisStreamARN: arn, RoleARN: arn }, ['KinesisStreamARN', 'RoleARN']),
        DeliveryStreamEncryptionConfigurationInput: encryptionInput,
        ExtendedS3DestinationConfiguration: extendedS3,
        Tags: tags,
      },
      ['DeliveryStreamName'],
    ),
  ),
  DeleteDeliveryStream: op(s.structure({ DeliveryStreamName: name, AllowForceDelete: s.boolean() }, ['DeliveryStreamName']), true),
  DescribeDeliveryStream: op(s.structure({ DeliveryStreamName: name, Limit: s.integer(1, 10000), ExclusiveStartDestinationId: s.string({ min: 1, max: 100 }) }, ['DeliveryStreamName'])),
  ListDeliveryStreams: op(s.structure({ Limit: s.integer(1, 10000), DeliveryStreamType: s.enum(['DirectPut', 'KinesisStreamAsSource', 'MSKAsSource', 'DatabaseAsSource']), ExclusiveStartDeliveryStreamName: name })),
  PutRecord: op(s.structure({ DeliveryStreamName: name, Record: record }, ['DeliveryStreamName', 'Record'])),
  PutRecordBatch: op(s.structure({ DeliveryStreamName: name, Records: s.list(record, 1, 500) }, ['DeliveryStreamName', 'Records'])),
  StartDeliveryStreamEncryption: op(s.structure({ DeliveryStreamName: name, DeliveryStreamEncryptionConfigurationInput: encryptionInput }, ['DeliveryStreamName']), true),
  StopDeliveryStreamEncryption: op(s.structure({ DeliveryStreamName: name }, ['DeliveryStreamName']), true),
  TagDeliveryStream: op(s.structure({ DeliveryStreamName: name, Tags: tags }, ['DeliveryStreamName', 'Tags']), true),
  UpdateDestination: op(
    s.structure(
      { DeliveryStreamName: name, CurrentDeliveryStreamVersionId: s.string({ min: 1, max: 50 }), DestinationId: s.string({ min: 1, max: 100 }), ExtendedS3DestinationUpdate: extendedS3 },
      ['DeliveryStreamName', 'CurrentDeliveryStreamVersionId', 'DestinationId'],
    ),
    true,
  ),
};
