/**
 * Request and response shapes of kinesisanalyticsv2 (2018-05-23) that the
 * simulator serves, with AWS's field names [BC-KA2]. Timestamps are epoch ms
 * in the engine (epoch seconds on the wire).
 */

/** ApplicationStatus [BC-KA2]. */
export type ApplicationStatus =
  | 'DELETING' | 'STARTING' | 'STOPPING' | 'READY' | 'RUNNING' | 'UPDATING' | 'AUTOSCALING'
  | 'FORCE_STOPPING' | 'ROLLING_BACK' | 'MAINTENANCE' | 'ROLLED_BACK';

export interface RecordColumn { Name: string; Mapping?: string; SqlType: string }
export interface RecordFormat {
  RecordFormatType: 'JSON' | 'CSV';
  MappingParameters?: {
    JSONMappingParameters?: { RecordRowPath: string };
    CSVMappingParameters?: { RecordRowDelimiter: string; RecordColumnDelimiter: string };
  };
}
export interface SourceSchema { RecordFormat: RecordFormat; RecordEncoding?: string; RecordColumns: RecordColumn[] }

export interface Input {
  NamePrefix: string;
  KinesisStreamsInput?: { ResourceARN: string };
  KinesisFirehoseInput?: { ResourceARN: string };
  InputParallelism?: { Count?: number };
  InputSchema: SourceSchema;
}
export interface InputDescription {
  InputId: string;
  NamePrefix: string;
  InAppStreamNames: string[];
  KinesisStreamsInputDescription?: { ResourceARN: string };
  KinesisFirehoseInputDescription?: { ResourceARN: string };
  InputSchema: SourceSchema;
  InputParallelism: { Count: number };
  InputStartingPositionConfiguration?: { InputStartingPosition?: InputStartingPosition };
}
export type InputStartingPosition = 'NOW' | 'TRIM_HORIZON' | 'LAST_STOPPED_POINT';

export interface DestinationSchema { RecordFormatType: 'JSON' | 'CSV' }
export interface Output {
  Name: string;
  KinesisStreamsOutput?: { ResourceARN: string };
  KinesisFirehoseOutput?: { ResourceARN: string };
  LambdaOutput?: { ResourceARN: string };
  DestinationSchema: DestinationSchema;
}
export interface OutputDescription {
  OutputId: string;
  Name: string;
  KinesisStreamsOutputDescription?: { ResourceARN: string };
  KinesisFirehoseOutputDescription?: { ResourceARN: string };
  LambdaOutputDescription?: { ResourceARN: string };
  DestinationSchema: DestinationSchema;
}

export interface ParallelismConfiguration {
  ConfigurationType: 'DEFAULT' | 'CUSTOM';
  Parallelism?: number;
  ParallelismPerKPU?: number;
  AutoScalingEnabled?: boolean;
}
export interface CheckpointConfiguration {
  ConfigurationType: 'DEFAULT' | 'CUSTOM';
  CheckpointingEnabled?: boolean;
  CheckpointInterval?: number;
  MinPauseBetweenCheckpoints?: number;
}
export interface ApplicationCodeConfiguration {
  CodeContent?: { TextContent?: string };
  CodeContentType: 'PLAINTEXT' | 'ZIPFILE';
}

export interface ApplicationConfiguration {
  ApplicationCodeConfiguration?: ApplicationCodeConfiguration;
  SqlApplicationConfiguration?: { Inputs?: Input[]; Outputs?: Output[] };
  FlinkApplicationConfiguration?: {
    ParallelismConfiguration?: ParallelismConfiguration;
    CheckpointConfiguration?: CheckpointConfiguration;
  };
  ApplicationSnapshotConfiguration?: { SnapshotsEnabled: boolean };
  /** Simulator extension for Flink SQL apps: their sources and sinks are the tables their CREATE TABLE statements name. */
  EnvironmentProperties?: { PropertyGroups: Array<{ PropertyGroupId: string; PropertyMap: Record<string, string> }> };
}

export interface CreateApplicationInput {
  ApplicationName: string;
  ApplicationDescription?: string;
  RuntimeEnvironment: string;
  ServiceExecutionRole?: string;
  ApplicationConfiguration?: ApplicationConfiguration;
  ApplicationMode?: 'STREAMING' | 'INTERACTIVE';
  Tags?: Array<{ Key: string; Value?: string }>;
}

export interface ApplicationDetail {
  ApplicationARN: string;
  ApplicationDescription?: string;
  ApplicationName: string;
  RuntimeEnvironment: string;
  ServiceExecutionRole?: string;
  ApplicationStatus: ApplicationStatus;
  ApplicationVersionId: number;
  CreateTimestamp: number;
  LastUpdateTimestamp: number;
  ApplicationMode: 'STREAMING' | 'INTERACTIVE';
  ApplicationConfigurationDescription: {
    ApplicationCodeConfigurationDescription?: { CodeContentType: string; CodeContentDescription?: { TextContent?: string } };
    SqlApplicationConfigurationDescription?: { InputDescriptions: InputDescription[]; OutputDescriptions: OutputDescription[] };
    FlinkApplicationConfigurationDescription?: {
      ParallelismConfigurationDescription: {
        ConfigurationType: string; Parallelism: number; ParallelismPerKPU: number; CurrentParallelism: number; AutoScalingEnabled: boolean;
      };
      CheckpointConfigurationDescription: {
        ConfigurationType: string; CheckpointingEnabled: boolean; CheckpointInterval: number; MinPauseBetweenCheckpoints: number;
      };
    };
    ApplicationSnapshotConfigurationDescription?: { SnapshotsEnabled: boolean };
  };
  /** The optimistic-lock token UpdateApplication takes instead of CurrentApplicationVersionId [BC-KA2]. */
  ConditionalToken?: string;
}

export interface ApplicationSummary {
  ApplicationName: string;
  ApplicationARN: string;
  ApplicationStatus: ApplicationStatus;
  ApplicationVersionId: number;
  RuntimeEnvironment: string;
  ApplicationMode: 'STREAMING' | 'INTERACTIVE';
}

export interface SnapshotDetails {
  SnapshotName: string;
  SnapshotStatus: 'CREATING' | 'READY' | 'DELETING' | 'FAILED';
  ApplicationVersionId: number;
  SnapshotCreationTimestamp: number;
  RuntimeEnvironment: string;
}

export interface RunConfiguration {
  SqlRunConfigurations?: Array<{ InputId: string; InputStartingPositionConfiguration: { InputStartingPosition: InputStartingPosition } }>;
  FlinkRunConfiguration?: { AllowNonRestoredState?: boolean };
  ApplicationRestoreConfiguration?: {
    ApplicationRestoreType: 'SKIP_RESTORE_FROM_SNAPSHOT' | 'RESTORE_FROM_LATEST_SNAPSHOT' | 'RESTORE_FROM_CUSTOM_SNAPSHOT';
    SnapshotName?: string;
  };
}
