/**
 * The request shape of every kinesisanalyticsv2 operation the simulator serves,
 * declared once as the AWS API model (kinesisanalyticsv2 2018-05-23) declares it
 * [BC-KA2]: members in the model's order (as the official SDK's schema lists
 * them), required members, lengths, ranges, patterns and enums. apiModels.ts
 * reads it for the CLI console and the scenario allow-list; the operations
 * still check their own inputs (the messages AWS gives).
 */
import { s, type OperationShape, type StructureShape } from '../../core/shape';
import { MAX_CODE_CHARS, RUNTIMES } from '../constants';
import type { analyticsOperations } from './index';

const ApplicationName = s.string({ min: 1, max: 128, pattern: '[a-zA-Z0-9_.-]+' });
const RuntimeEnvironment = s.enum(RUNTIMES);
const RoleARN = s.string({ min: 1, max: 2048, pattern: 'arn:.*' });
const ResourceARN = s.string({ min: 1, max: 2048, pattern: 'arn:.*' });
const BucketARN = s.string({ min: 1, max: 2048, pattern: 'arn:.*' });
const DatabaseARN = s.string({ min: 1, max: 2048, pattern: 'arn:.*' });
const LogStreamARN = s.string({ min: 1, max: 2048, pattern: 'arn:.*' });
const ApplicationDescription = s.string({ min: 0, max: 1024 });
const ApplicationVersionId = s.long(1, 999999999);
const ApplicationMode = s.enum(['STREAMING', 'INTERACTIVE']);
const SnapshotName = s.string({ min: 1, max: 256, pattern: '[a-zA-Z0-9_.-]+' });
const Limit = s.integer(1, 50);
const NextToken = s.string({ min: 1, max: 512 });
const ConditionalToken = s.string({ min: 1, max: 512 });
/** Input, output, reference and option ids [BC-KA2 Id]. */
const Id = s.string({ min: 1, max: 50, pattern: '[a-zA-Z0-9_.-]+' });
/** In-application stream names and prefixes [BC-KA2 InAppStreamName]. */
const InAppStreamName = s.string({ min: 1, max: 32, pattern: '[^-\\s<>&]*' });
const InAppTableName = s.string({ min: 1, max: 32 });
const RecordColumnName = s.string({ min: 1, max: 256 });
const RecordColumnSqlType = s.string({ min: 1, max: 100 });
const RecordColumnMapping = s.string({ min: 0, max: 65535 });
const RecordRowPath = s.string({ min: 1, max: 65535 });
const RecordRowDelimiter = s.string({ min: 1, max: 1024 });
const RecordColumnDelimiter = s.string({ min: 1, max: 1024 });
const RecordEncoding = s.string({ min: 5, max: 5, pattern: 'UTF-8' });
const RecordFormatType = s.enum(['JSON', 'CSV']);
const FileKey = s.string({ min: 1, max: 1024 });
const CodeContentType = s.enum(['PLAINTEXT', 'ZIPFILE']);
const TextContent = s.string({ min: 0, max: MAX_CODE_CHARS });
const ConfigurationType = s.enum(['DEFAULT', 'CUSTOM']);
const Parallelism = s.integer(1);
const ParallelismPerKPU = s.integer(1);
const CheckpointInterval = s.long(1);
const MinPauseBetweenCheckpoints = s.long(0);
const MetricsLevel = s.enum(['APPLICATION', 'TASK', 'OPERATOR', 'PARALLELISM']);
const LogLevel = s.enum(['INFO', 'WARN', 'ERROR', 'DEBUG']);
const InputParallelismCount = s.integer(1, 64);
const InputStartingPosition = s.enum(['NOW', 'TRIM_HORIZON', 'LAST_STOPPED_POINT']);
const ApplicationRestoreType = s.enum(['SKIP_RESTORE_FROM_SNAPSHOT', 'RESTORE_FROM_LATEST_SNAPSHOT', 'RESTORE_FROM_CUSTOM_SNAPSHOT']);
const KeyType = s.enum(['AWS_OWNED_KEY', 'CUSTOMER_MANAGED_KEY']);
const ArtifactType = s.enum(['UDF', 'DEPENDENCY_JAR']);
const TagKey = s.string({ min: 1, max: 128 });
const TagValue = s.string({ min: 0, max: 256 });

const JSONMappingParameters: StructureShape = s.structure({ RecordRowPath: RecordRowPath }, ['RecordRowPath']);
const CSVMappingParameters: StructureShape = s.structure({ RecordRowDelimiter: RecordRowDelimiter, RecordColumnDelimiter: RecordColumnDelimiter }, ['RecordRowDelimiter', 'RecordColumnDelimiter']);
const MappingParameters: StructureShape = s.structure({ JSONMappingParameters: JSONMappingParameters, CSVMappingParameters: CSVMappingParameters });
const RecordFormat: StructureShape = s.structure({ RecordFormatType: RecordFormatType, MappingParameters: MappingParameters }, ['RecordFormatType']);
const RecordColumn: StructureShape = s.structure({ Name: RecordColumnName, SqlType: RecordColumnSqlType, Mapping: RecordColumnMapping }, ['Name', 'SqlType']);
const SourceSchema: StructureShape = s.structure({ RecordFormat: RecordFormat, RecordColumns: s.list(RecordColumn), RecordEncoding: RecordEncoding }, ['RecordFormat', 'RecordColumns']);
const InputLambdaProcessor: StructureShape = s.structure({ ResourceARN: ResourceARN }, ['ResourceARN']);
const InputProcessingConfiguration: StructureShape = s.structure({ InputLambdaProcessor: InputLambdaProcessor }, ['InputLambdaProcessor']);
const KinesisStreamsInput: StructureShape = s.structure({ ResourceARN: ResourceARN }, ['ResourceARN']);
const KinesisFirehoseInput: StructureShape = s.structure({ ResourceARN: ResourceARN }, ['ResourceARN']);
const InputParallelism: StructureShape = s.structure({ Count: InputParallelismCount });
const Input: StructureShape = s.structure({
  NamePrefix: InAppStreamName,
  InputSchema: SourceSchema,
  InputProcessingConfiguration: InputProcessingConfiguration,
  KinesisStreamsInput: KinesisStreamsInput,
  KinesisFirehoseInput: KinesisFirehoseInput,
  InputParallelism: InputParallelism,
}, ['NamePrefix', 'InputSchema']);
const DestinationSchema: StructureShape = s.structure({ RecordFormatType: RecordFormatType }, ['RecordFormatType']);
const KinesisStreamsOutput: StructureShape = s.structure({ ResourceARN: ResourceARN }, ['ResourceARN']);
const KinesisFirehoseOutput: StructureShape = s.structure({ ResourceARN: ResourceARN }, ['ResourceARN']);
const LambdaOutput: StructureShape = s.structure({ ResourceARN: ResourceARN }, ['ResourceARN']);
const Output: StructureShape = s.structure({
  Name: InAppStreamName,
  DestinationSchema: DestinationSchema,
  KinesisStreamsOutput: KinesisStreamsOutput,
  KinesisFirehoseOutput: KinesisFirehoseOutput,
  LambdaOutput: LambdaOutput,
}, ['Name', 'DestinationSchema']);
const S3ReferenceDataSource: StructureShape = s.structure({ BucketARN: BucketARN, FileKey: FileKey });
const ReferenceDataSource: StructureShape = s.structure({ TableName: InAppTableName, ReferenceSchema: SourceSchema, S3ReferenceDataSource: S3ReferenceDataSource }, ['TableName', 'ReferenceSchema']);
const SqlApplicationConfiguration: StructureShape = s.structure({ Inputs: s.list(Input), Outputs: s.list(Output), ReferenceDataSources: s.list(ReferenceDataSource) });
const CheckpointConfiguration: StructureShape = s.structure({ ConfigurationType: ConfigurationType, CheckpointingEnabled: s.boolean(), CheckpointInterval: CheckpointInterval, MinPauseBetweenCheckpoints: MinPauseBetweenCheckpoints }, ['ConfigurationType']);
const MonitoringConfiguration: StructureShape = s.structure({ ConfigurationType: ConfigurationType, MetricsLevel: MetricsLevel, LogLevel: LogLevel }, ['ConfigurationType']);
const ParallelismConfiguration: StructureShape = s.structure({ ConfigurationType: ConfigurationType, Parallelism: Parallelism, ParallelismPerKPU: ParallelismPerKPU, AutoScalingEnabled: s.boolean() }, ['ConfigurationType']);
const FlinkApplicationConfiguration: StructureShape = s.structure({ CheckpointConfiguration: CheckpointConfiguration, MonitoringConfiguration: MonitoringConfiguration, ParallelismConfiguration: ParallelismConfiguration });
const PropertyGroup: StructureShape = s.structure({ PropertyGroupId: s.string(), PropertyMap: s.map(s.string(), s.string()) }, ['PropertyGroupId', 'PropertyMap']);
const EnvironmentProperties: StructureShape = s.structure({ PropertyGroups: s.list(PropertyGroup) }, ['PropertyGroups']);
const S3ContentLocation: StructureShape = s.structure({ BucketARN: BucketARN, FileKey: FileKey, ObjectVersion: s.string() }, ['BucketARN', 'FileKey']);
const CodeContent: StructureShape = s.structure({ TextContent: TextContent, ZipFileContent: s.blob(0, 52428800), S3ContentLocation: S3ContentLocation });
const ApplicationCodeConfiguration: StructureShape = s.structure({ CodeContentType: CodeContentType, CodeContent: CodeContent }, ['CodeContentType']);
const ApplicationSnapshotConfiguration: StructureShape = s.structure({ SnapshotsEnabled: s.boolean() }, ['SnapshotsEnabled']);
const ApplicationSystemRollbackConfiguration: StructureShape = s.structure({ RollbackEnabled: s.boolean() }, ['RollbackEnabled']);
const VpcConfiguration: StructureShape = s.structure({ SubnetIds: s.list(s.string()), SecurityGroupIds: s.list(s.string()) }, ['SubnetIds', 'SecurityGroupIds']);
const ZeppelinMonitoringConfiguration: StructureShape = s.structure({ LogLevel: LogLevel }, ['LogLevel']);
const GlueDataCatalogConfiguration: StructureShape = s.structure({ DatabaseARN: DatabaseARN }, ['DatabaseARN']);
const CatalogConfiguration: StructureShape = s.structure({ GlueDataCatalogConfiguration: GlueDataCatalogConfiguration }, ['GlueDataCatalogConfiguration']);
const S3ContentBaseLocation: StructureShape = s.structure({ BucketARN: BucketARN, BasePath: s.string() }, ['BucketARN']);
const DeployAsApplicationConfiguration: StructureShape = s.structure({ S3ContentLocation: S3ContentBaseLocation }, ['S3ContentLocation']);
const MavenReference: StructureShape = s.structure({ GroupId: s.string(), ArtifactId: s.string(), Version: s.string() }, ['GroupId', 'ArtifactId', 'Version']);
const CustomArtifactConfiguration: StructureShape = s.structure({ ArtifactType: ArtifactType, S3ContentLocation: S3ContentLocation, MavenReference: MavenReference }, ['ArtifactType']);
const ZeppelinApplicationConfiguration: StructureShape = s.structure({ MonitoringConfiguration: ZeppelinMonitoringConfiguration, CatalogConfiguration: CatalogConfiguration, DeployAsApplicationConfiguration: DeployAsApplicationConfiguration, CustomArtifactsConfiguration: s.list(CustomArtifactConfiguration) });
const ApplicationEncryptionConfiguration: StructureShape = s.structure({ KeyType: KeyType, KeyId: s.string() }, ['KeyType']);
const ApplicationConfiguration: StructureShape = s.structure({
  SqlApplicationConfiguration: SqlApplicationConfiguration,
  FlinkApplicationConfiguration: FlinkApplicationConfiguration,
  EnvironmentProperties: EnvironmentProperties,
  ApplicationCodeConfiguration: ApplicationCodeConfiguration,
  ApplicationSnapshotConfiguration: ApplicationSnapshotConfiguration,
  ApplicationSystemRollbackConfiguration: ApplicationSystemRollbackConfiguration,
  VpcConfigurations: s.list(VpcConfiguration),
  ZeppelinApplicationConfiguration: ZeppelinApplicationConfiguration,
  ApplicationEncryptionConfiguration: ApplicationEncryptionConfiguration,
});
const CloudWatchLoggingOption: StructureShape = s.structure({ LogStreamARN: LogStreamARN }, ['LogStreamARN']);
const Tag: StructureShape = s.structure({ Key: TagKey, Value: TagValue }, ['Key']);
const CreateApplicationRequest: StructureShape = s.structure({
  ApplicationName: ApplicationName,
  RuntimeEnvironment: RuntimeEnvironment,
  ServiceExecutionRole: RoleARN,
  ApplicationDescription: ApplicationDescription,
  ApplicationConfiguration: ApplicationConfiguration,
  CloudWatchLoggingOptions: s.list(CloudWatchLoggingOption),
  Tags: s.list(Tag),
  ApplicationMode: ApplicationMode,
}, ['ApplicationName', 'RuntimeEnvironment', 'ServiceExecutionRole']);
const DescribeApplicationRequest: StructureShape = s.structure({ ApplicationName: ApplicationName, IncludeAdditionalDetails: s.boolean() }, ['ApplicationName']);
const ListApplicationsRequest: StructureShape = s.structure({ Limit: Limit, NextToken: NextToken });
const FlinkRunConfiguration: StructureShape = s.structure({ AllowNonRestoredState: s.boolean() });
const InputStartingPositionConfiguration: StructureShape = s.structure({ InputStartingPosition: InputStartingPosition });
const SqlRunConfiguration: StructureShape = s.structure({ InputId: Id, InputStartingPositionConfiguration: InputStartingPositionConfiguration }, ['InputId', 'InputStartingPositionConfiguration']);
const ApplicationRestoreConfiguration: StructureShape = s.structure({ ApplicationRestoreType: ApplicationRestoreType, SnapshotName: SnapshotName }, ['ApplicationRestoreType']);
const RunConfiguration: StructureShape = s.structure({ FlinkRunConfiguration: FlinkRunConfiguration, SqlRunConfigurations: s.list(SqlRunConfiguration), ApplicationRestoreConfiguration: ApplicationRestoreConfiguration });
const StartApplicationRequest: StructureShape = s.structure({ ApplicationName: ApplicationName, RunConfiguration: RunConfiguration }, ['ApplicationName']);
const StopApplicationRequest: StructureShape = s.structure({ ApplicationName: ApplicationName, Force: s.boolean() }, ['ApplicationName']);
const InputLambdaProcessorUpdate: StructureShape = s.structure({ ResourceARNUpdate: ResourceARN }, ['ResourceARNUpdate']);
const InputProcessingConfigurationUpdate: StructureShape = s.structure({ InputLambdaProcessorUpdate: InputLambdaProcessorUpdate }, ['InputLambdaProcessorUpdate']);
const KinesisStreamsInputUpdate: StructureShape = s.structure({ ResourceARNUpdate: ResourceARN }, ['ResourceARNUpdate']);
const KinesisFirehoseInputUpdate: StructureShape = s.structure({ ResourceARNUpdate: ResourceARN }, ['ResourceARNUpdate']);
const InputSchemaUpdate: StructureShape = s.structure({ RecordFormatUpdate: RecordFormat, RecordEncodingUpdate: RecordEncoding, RecordColumnUpdates: s.list(RecordColumn) });
const InputParallelismUpdate: StructureShape = s.structure({ CountUpdate: InputParallelismCount }, ['CountUpdate']);
const InputUpdate: StructureShape = s.structure({
  InputId: Id,
  NamePrefixUpdate: InAppStreamName,
  InputProcessingConfigurationUpdate: InputProcessingConfigurationUpdate,
  KinesisStreamsInputUpdate: KinesisStreamsInputUpdate,
  KinesisFirehoseInputUpdate: KinesisFirehoseInputUpdate,
  InputSchemaUpdate: InputSchemaUpdate,
  InputParallelismUpdate: InputParallelismUpdate,
}, ['InputId']);
const KinesisStreamsOutputUpdate: StructureShape = s.structure({ ResourceARNUpdate: ResourceARN }, ['ResourceARNUpdate']);
const KinesisFirehoseOutputUpdate: StructureShape = s.structure({ ResourceARNUpdate: ResourceARN }, ['ResourceARNUpdate']);
const LambdaOutputUpdate: StructureShape = s.structure({ ResourceARNUpdate: ResourceARN }, ['ResourceARNUpdate']);
const OutputUpdate: StructureShape = s.structure({
  OutputId: Id,
  NameUpdate: InAppStreamName,
  KinesisStreamsOutputUpdate: KinesisStreamsOutputUpdate,
  KinesisFirehoseOutputUpdate: KinesisFirehoseOutputUpdate,
  LambdaOutputUpdate: LambdaOutputUpdate,
  DestinationSchemaUpdate: DestinationSchema,
}, ['OutputId']);
const S3ReferenceDataSourceUpdate: StructureShape = s.structure({ BucketARNUpdate: BucketARN, FileKeyUpdate: FileKey });
const ReferenceDataSourceUpdate: StructureShape = s.structure({ ReferenceId: Id, TableNameUpdate: InAppTableName, S3ReferenceDataSourceUpdate: S3ReferenceDataSourceUpdate, ReferenceSchemaUpdate: SourceSchema }, ['ReferenceId']);
const SqlApplicationConfigurationUpdate: StructureShape = s.structure({ InputUpdates: s.list(InputUpdate), OutputUpdates: s.list(OutputUpdate), ReferenceDataSourceUpdates: s.list(ReferenceDataSourceUpdate) });
const S3ContentLocationUpdate: StructureShape = s.structure({ BucketARNUpdate: BucketARN, FileKeyUpdate: FileKey, ObjectVersionUpdate: s.string() });
const CodeContentUpdate: StructureShape = s.structure({ TextContentUpdate: TextContent, ZipFileContentUpdate: s.blob(0, 52428800), S3ContentLocationUpdate: S3ContentLocationUpdate });
const ApplicationCodeConfigurationUpdate: StructureShape = s.structure({ CodeContentTypeUpdate: CodeContentType, CodeContentUpdate: CodeContentUpdate });
const CheckpointConfigurationUpdate: StructureShape = s.structure({ ConfigurationTypeUpdate: ConfigurationType, CheckpointingEnabledUpdate: s.boolean(), CheckpointIntervalUpdate: CheckpointInterval, MinPauseBetweenCheckpointsUpdate: MinPauseBetweenCheckpoints });
const MonitoringConfigurationUpdate: StructureShape = s.structure({ ConfigurationTypeUpdate: ConfigurationType, MetricsLevelUpdate: MetricsLevel, LogLevelUpdate: LogLevel });
const ParallelismConfigurationUpdate: StructureShape = s.structure({ ConfigurationTypeUpdate: ConfigurationType, ParallelismUpdate: Parallelism, ParallelismPerKPUUpdate: ParallelismPerKPU, AutoScalingEnabledUpdate: s.boolean() });
const FlinkApplicationConfigurationUpdate: StructureShape = s.structure({ CheckpointConfigurationUpdate: CheckpointConfigurationUpdate, MonitoringConfigurationUpdate: MonitoringConfigurationUpdate, ParallelismConfigurationUpdate: ParallelismConfigurationUpdate });
const EnvironmentPropertyUpdates: StructureShape = s.structure({ PropertyGroups: s.list(PropertyGroup) }, ['PropertyGroups']);
const ApplicationSnapshotConfigurationUpdate: StructureShape = s.structure({ SnapshotsEnabledUpdate: s.boolean() }, ['SnapshotsEnabledUpdate']);
const ApplicationSystemRollbackConfigurationUpdate: StructureShape = s.structure({ RollbackEnabledUpdate: s.boolean() }, ['RollbackEnabledUpdate']);
const VpcConfigurationUpdate: StructureShape = s.structure({ VpcConfigurationId: Id, SubnetIdUpdates: s.list(s.string()), SecurityGroupIdUpdates: s.list(s.string()) }, ['VpcConfigurationId']);
const ZeppelinMonitoringConfigurationUpdate: StructureShape = s.structure({ LogLevelUpdate: LogLevel }, ['LogLevelUpdate']);
const GlueDataCatalogConfigurationUpdate: StructureShape = s.structure({ DatabaseARNUpdate: DatabaseARN }, ['DatabaseARNUpdate']);
const CatalogConfigurationUpdate: StructureShape = s.structure({ GlueDataCatalogConfigurationUpdate: GlueDataCatalogConfigurationUpdate }, ['GlueDataCatalogConfigurationUpdate']);
const S3ContentBaseLocationUpdate: StructureShape = s.structure({ BucketARNUpdate: BucketARN, BasePathUpdate: s.string() });
const DeployAsApplicationConfigurationUpdate: StructureShape = s.structure({ S3ContentLocationUpdate: S3ContentBaseLocationUpdate });
const ZeppelinApplicationConfigurationUpdate: StructureShape = s.structure({ MonitoringConfigurationUpdate: ZeppelinMonitoringConfigurationUpdate, CatalogConfigurationUpdate: CatalogConfigurationUpdate, DeployAsApplicationConfigurationUpdate: DeployAsApplicationConfigurationUpdate, CustomArtifactsConfigurationUpdate: s.list(CustomArtifactConfiguration) });
const ApplicationEncryptionConfigurationUpdate: StructureShape = s.structure({ KeyTypeUpdate: KeyType, KeyIdUpdate: s.string() }, ['KeyTypeUpdate']);
const ApplicationConfigurationUpdate: StructureShape = s.structure({
  SqlApplicationConfigurationUpdate: SqlApplicationConfigurationUpdate,
  ApplicationCodeConfigurationUpdate: ApplicationCodeConfigurationUpdate,
  FlinkApplicationConfigurationUpdate: FlinkApplicationConfigurationUpdate,
  EnvironmentPropertyUpdates: EnvironmentPropertyUpdates,
  ApplicationSnapshotConfigurationUpdate: ApplicationSnapshotConfigurationUpdate,
  ApplicationSystemRollbackConfigurationUpdate: ApplicationSystemRollbackConfigurationUpdate,
  VpcConfigurationUpdates: s.list(VpcConfigurationUpdate),
  ZeppelinApplicationConfigurationUpdate: ZeppelinApplicationConfigurationUpdate,
  ApplicationEncryptionConfigurationUpdate: ApplicationEncryptionConfigurationUpdate,
});
const RunConfigurationUpdate: StructureShape = s.structure({ FlinkRunConfiguration: FlinkRunConfiguration, ApplicationRestoreConfiguration: ApplicationRestoreConfiguration });
const CloudWatchLoggingOptionUpdate: StructureShape = s.structure({ CloudWatchLoggingOptionId: Id, LogStreamARNUpdate: LogStreamARN }, ['CloudWatchLoggingOptionId']);
const UpdateApplicationRequest: StructureShape = s.structure({
  ApplicationName: ApplicationName,
  CurrentApplicationVersionId: ApplicationVersionId,
  ApplicationConfigurationUpdate: ApplicationConfigurationUpdate,
  ServiceExecutionRoleUpdate: RoleARN,
  RunConfigurationUpdate: RunConfigurationUpdate,
  CloudWatchLoggingOptionUpdates: s.list(CloudWatchLoggingOptionUpdate),
  ConditionalToken: ConditionalToken,
  RuntimeEnvironmentUpdate: RuntimeEnvironment,
}, ['ApplicationName']);
const DeleteApplicationRequest: StructureShape = s.structure({ ApplicationName: ApplicationName, CreateTimestamp: s.timestamp() }, ['ApplicationName', 'CreateTimestamp']);
const AddApplicationInputRequest: StructureShape = s.structure({ ApplicationName: ApplicationName, CurrentApplicationVersionId: ApplicationVersionId, Input: Input }, ['ApplicationName', 'CurrentApplicationVersionId', 'Input']);
const AddApplicationOutputRequest: StructureShape = s.structure({ ApplicationName: ApplicationName, CurrentApplicationVersionId: ApplicationVersionId, Output: Output }, ['ApplicationName', 'CurrentApplicationVersionId', 'Output']);
const DeleteApplicationOutputRequest: StructureShape = s.structure({ ApplicationName: ApplicationName, CurrentApplicationVersionId: ApplicationVersionId, OutputId: Id }, ['ApplicationName', 'CurrentApplicationVersionId', 'OutputId']);
const CreateApplicationSnapshotRequest: StructureShape = s.structure({ ApplicationName: ApplicationName, SnapshotName: SnapshotName }, ['ApplicationName', 'SnapshotName']);
const ListApplicationSnapshotsRequest: StructureShape = s.structure({ ApplicationName: ApplicationName, Limit: Limit, NextToken: NextToken }, ['ApplicationName']);
const DeleteApplicationSnapshotRequest: StructureShape = s.structure({ ApplicationName: ApplicationName, SnapshotName: SnapshotName, SnapshotCreationTimestamp: s.timestamp() }, ['ApplicationName', 'SnapshotName', 'SnapshotCreationTimestamp']);
const S3Configuration: StructureShape = s.structure({ BucketARN: BucketARN, FileKey: FileKey }, ['BucketARN', 'FileKey']);
const DiscoverInputSchemaRequest: StructureShape = s.structure({
  ServiceExecutionRole: RoleARN,
  ResourceARN: ResourceARN,
  InputStartingPositionConfiguration: InputStartingPositionConfiguration,
  S3Configuration: S3Configuration,
  InputProcessingConfiguration: InputProcessingConfiguration,
}, ['ServiceExecutionRole']);

/** The request shape of each kinesisanalyticsv2 operation the simulator serves (one entry per operation, none missing). */
export const analyticsShapes = {
  CreateApplication: { input: CreateApplicationRequest },
  DescribeApplication: { input: DescribeApplicationRequest },
  ListApplications: { input: ListApplicationsRequest },
  StartApplication: { input: StartApplicationRequest },
  StopApplication: { input: StopApplicationRequest },
  UpdateApplication: { input: UpdateApplicationRequest },
  DeleteApplication: { input: DeleteApplicationRequest, emptyOutput: true },
  AddApplicationInput: { input: AddApplicationInputRequest },
  AddApplicationOutput: { input: AddApplicationOutputRequest },
  DeleteApplicationOutput: { input: DeleteApplicationOutputRequest },
  CreateApplicationSnapshot: { input: CreateApplicationSnapshotRequest },
  ListApplicationSnapshots: { input: ListApplicationSnapshotsRequest },
  DeleteApplicationSnapshot: { input: DeleteApplicationSnapshotRequest, emptyOutput: true },
  DiscoverInputSchema: { input: DiscoverInputSchemaRequest },
} satisfies Record<keyof typeof analyticsOperations, OperationShape>;

