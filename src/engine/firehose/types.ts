/**
 * Firehose request and response shapes, with AWS's field names [BC-F].
 * Timestamps are simulated epoch ms in the typed API (the wire sends epoch
 * seconds); blobs are Uint8Array. Destination configurations keep AWS's
 * nested shapes; only the fields the simulator acts on are listed.
 */
export type DeliveryStreamStatus = 'CREATING' | 'CREATING_FAILED' | 'DELETING' | 'DELETING_FAILED' | 'ACTIVE';
export type DeliveryStreamType = 'DirectPut' | 'KinesisStreamAsSource' | 'MSKAsSource';

export interface BufferingHints { SizeInMBs?: number; IntervalInSeconds?: number }
export interface ProcessorParameter { ParameterName: string; ParameterValue: string }
export interface Processor { Type: string; Parameters?: ProcessorParameter[] }
export interface ProcessingConfiguration { Enabled?: boolean; Processors?: Processor[] }
export interface CloudWatchLoggingOptions { Enabled?: boolean; LogGroupName?: string; LogStreamName?: string }

export interface S3DestinationConfiguration {
  RoleARN: string;
  BucketARN: string;
  Prefix?: string;
  ErrorOutputPrefix?: string;
  BufferingHints?: BufferingHints;
  CompressionFormat?: string;
  EncryptionConfiguration?: Record<string, unknown>;
  CloudWatchLoggingOptions?: CloudWatchLoggingOptions;
}

export interface DynamicPartitioningConfiguration { Enabled?: boolean; RetryOptions?: { DurationInSeconds?: number } }

export interface DataFormatConversionConfiguration {
  Enabled?: boolean;
  SchemaConfiguration?: Record<string, unknown>;
  InputFormatConfiguration?: Record<string, unknown>;
  OutputFormatConfiguration?: { Serializer?: { ParquetSerDe?: Record<string, unknown>; OrcSerDe?: Record<string, unknown> } };
}

export interface ExtendedS3DestinationConfiguration extends S3DestinationConfiguration {
  ProcessingConfiguration?: ProcessingConfiguration;
  S3BackupMode?: 'Disabled' | 'Enabled';
  S3BackupConfiguration?: S3DestinationConfiguration;
  DataFormatConversionConfiguration?: DataFormatConversionConfiguration;
  DynamicPartitioningConfiguration?: DynamicPartitioningConfiguration;
  FileExtension?: string;
  CustomTimeZone?: string;
}

export interface KinesisStreamSourceConfiguration { KinesisStreamARN: string; RoleARN: string }
export interface DeliveryStreamEncryptionConfigurationInput { KeyARN?: string; KeyType: 'AWS_OWNED_CMK' | 'CUSTOMER_MANAGED_CMK' }
export interface Tag { Key: string; Value?: string }

/** Redshift, OpenSearch, Splunk and HTTP endpoint configurations, in AWS's shapes (loosely typed). */
export type OtherDestinationConfiguration = Record<string, unknown>;

export interface CreateDeliveryStreamInput {
  DeliveryStreamName: string;
  DeliveryStreamType?: DeliveryStreamType;
  KinesisStreamSourceConfiguration?: KinesisStreamSourceConfiguration;
  DeliveryStreamEncryptionConfigurationInput?: DeliveryStreamEncryptionConfigurationInput;
  S3DestinationConfiguration?: S3DestinationConfiguration;
  ExtendedS3DestinationConfiguration?: ExtendedS3DestinationConfiguration;
  RedshiftDestinationConfiguration?: OtherDestinationConfiguration;
  AmazonopensearchserviceDestinationConfiguration?: OtherDestinationConfiguration;
  ElasticsearchDestinationConfiguration?: OtherDestinationConfiguration;
  SplunkDestinationConfiguration?: OtherDestinationConfiguration;
  HttpEndpointDestinationConfiguration?: OtherDestinationConfiguration;
  Tags?: Tag[];
}
export interface CreateDeliveryStreamOutput { DeliveryStreamARN: string }

export interface DeliveryStreamNameInput { DeliveryStreamName: string }
export interface DeleteDeliveryStreamInput extends DeliveryStreamNameInput { AllowForceDelete?: boolean }
export interface DescribeDeliveryStreamInput extends DeliveryStreamNameInput { Limit?: number; ExclusiveStartDestinationId?: string }

export interface DestinationDescription {
  DestinationId: string;
  S3DestinationDescription?: Record<string, unknown>;
  ExtendedS3DestinationDescription?: Record<string, unknown>;
  RedshiftDestinationDescription?: Record<string, unknown>;
  AmazonopensearchserviceDestinationDescription?: Record<string, unknown>;
  SplunkDestinationDescription?: Record<string, unknown>;
  HttpEndpointDestinationDescription?: Record<string, unknown>;
}

export interface DeliveryStreamDescription {
  DeliveryStreamName: string;
  DeliveryStreamARN: string;
  DeliveryStreamStatus: DeliveryStreamStatus;
  DeliveryStreamEncryptionConfiguration?: { KeyARN?: string; KeyType?: string; Status: 'ENABLED' | 'ENABLING' | 'DISABLED' | 'DISABLING' | 'ENABLING_FAILED' | 'DISABLING_FAILED' };
  DeliveryStreamType: DeliveryStreamType;
  VersionId: string;
  CreateTimestamp: number;
  LastUpdateTimestamp?: number;
  Source?: { KinesisStreamSourceDescription?: { KinesisStreamARN: string; RoleARN: string; DeliveryStartTimestamp: number } };
  Destinations: DestinationDescription[];
  HasMoreDestinations: boolean;
}
export interface DescribeDeliveryStreamOutput { DeliveryStreamDescription: DeliveryStreamDescription }

export interface ListDeliveryStreamsInput { Limit?: number; DeliveryStreamType?: DeliveryStreamType; ExclusiveStartDeliveryStreamName?: string }
export interface ListDeliveryStreamsOutput { DeliveryStreamNames: string[]; HasMoreDeliveryStreams: boolean }

export interface FirehoseRecord { Data: Uint8Array }
export interface PutRecordInput extends DeliveryStreamNameInput { Record: FirehoseRecord }
export interface PutRecordOutput { RecordId: string; Encrypted: boolean }
export interface PutRecordBatchInput extends DeliveryStreamNameInput { Records: FirehoseRecord[] }
export interface PutRecordBatchResponseEntry { RecordId?: string; ErrorCode?: string; ErrorMessage?: string }
export interface PutRecordBatchOutput { FailedPutCount: number; Encrypted: boolean; RequestResponses: PutRecordBatchResponseEntry[] }

export interface UpdateDestinationInput extends DeliveryStreamNameInput {
  CurrentDeliveryStreamVersionId: string;
  DestinationId: string;
  S3DestinationUpdate?: Partial<S3DestinationConfiguration>;
  ExtendedS3DestinationUpdate?: Partial<ExtendedS3DestinationConfiguration>;
  RedshiftDestinationUpdate?: OtherDestinationConfiguration;
  AmazonopensearchserviceDestinationUpdate?: OtherDestinationConfiguration;
  SplunkDestinationUpdate?: OtherDestinationConfiguration;
  HttpEndpointDestinationUpdate?: OtherDestinationConfiguration;
}

export interface StartDeliveryStreamEncryptionInput extends DeliveryStreamNameInput { DeliveryStreamEncryptionConfigurationInput?: DeliveryStreamEncryptionConfigurationInput }
export interface TagDeliveryStreamInput extends DeliveryStreamNameInput { Tags: Tag[] }
