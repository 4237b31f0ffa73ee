/**
 * One analytics application as plain data: its configuration as the API
 * describes it, its status and version, its snapshots, and (while it runs)
 * its run state. Checkpoints of the simulation copy it as it is.
 */
import type { ApplicationDetail, ApplicationStatus, ApplicationSummary, DestinationSchema, InputStartingPosition, SnapshotDetails, SourceSchema } from './types';
import type { RunState } from './runtime/runState';
import type { Program } from './sql/ast';
import type { Plan } from './query/plan';
import type { MetricsRing } from '../metrics/metricsRing';
import { conditionalTokenOf } from './versionLock';

/** One streaming input of an application. */
export interface InputState {
  inputId: string;
  namePrefix: string;
  kind: 'kinesis' | 'firehose';
  resourceArn: string;
  /** The source's name (stream or delivery stream). */
  sourceName: string;
  parallelism: number;
  schema: SourceSchema;
  startingPosition?: InputStartingPosition;
}

/** One destination: an in-application stream (or Flink sink table) written to a stream, a delivery stream or a function. */
export interface OutputState {
  outputId: string;
  /** In-application stream name (legacy SQL) or sink table name (Flink SQL). */
  name: string;
  kind: 'kinesis' | 'firehose' | 'lambda';
  resourceArn: string;
  format: DestinationSchema['RecordFormatType'];
}

/** ParallelismConfiguration as the application holds it. */
export interface ParallelismState {
  configurationType: 'DEFAULT' | 'CUSTOM';
  parallelism: number;
  perKpu: number;
  current: number;
  autoScaling: boolean;
}

/** The application, as plain data. */
export interface ApplicationState {
  name: string;
  arn: string;
  description?: string;
  runtime: string;
  role?: string;
  mode: 'STREAMING' | 'INTERACTIVE';
  status: ApplicationStatus;
  versionId: number;
  createdAt: number;
  updatedAt: number;
  code: string;
  /** The parsed code (plain data), or undefined when it does not parse. */
  program?: Program;
  /** What the code runs (plain data), when it parses and checks. */
  plan?: Plan;
  /** CloudWatch-named metrics at 1-second resolution (AWS/KinesisAnalytics): the one source views read. */
  metrics: MetricsRing;
  /** KPU-hours used so far (billed hourly on the average KPUs) [KDA-SQL19 monitoring-metrics.md]. */
  kpuHours: number;
  inputs: InputState[];
  outputs: OutputState[];
  /** Next id suffix for inputs and outputs ("1.1", "1.2", ...). */
  nextInputId: number;
  nextOutputId: number;
  parallelism: ParallelismState;
  /**
   * Records one KPU of this application processes per second, when a lesson sets
   * it (sim.analytics.setRecordsPerKpuSecond); else the simulation's figure. AWS
   * gives no number: it depends on the query.
   */
  recordsPerKpuSecond?: number;
  checkpointing: { configurationType: 'DEFAULT' | 'CUSTOM'; enabled: boolean; intervalMs: number; minPauseMs: number };
  snapshotsEnabled: boolean;
  snapshots: SnapshotDetails[];
  /** Position and query state each snapshot holds, by snapshot name. */
  snapshotData: Map<string, unknown>;
  tags: Map<string, string>;
  deleted: boolean;
  /** Set while the application runs (STARTING..STOPPING). */
  run?: RunState;
  /** Where the last stop left each shard (LAST_STOPPED_POINT). */
  lastStoppedPositions?: Record<string, number>;
}

/** True for legacy SQL applications (RuntimeEnvironment SQL-1_0). */
export function isSqlApp(app: ApplicationState): boolean {
  return app.runtime === 'SQL-1_0';
}

/** True for Studio notebooks (ApplicationMode INTERACTIVE / ZEPPELIN runtimes). */
export function isStudio(app: ApplicationState): boolean {
  return app.mode === 'INTERACTIVE' || app.runtime.startsWith('ZEPPELIN');
}

/**
 * KPUs the application uses: ceil(CurrentParallelism / ParallelismPerKPU) plus
 * one orchestration KPU, plus two more for Studio [KDA-FL23 how-scaling.md; LIVE how-pricing].
 * SQL applications are billed on their KPUs alone.
 */
export function kpusOf(app: ApplicationState): number {
  const work = Math.ceil(app.parallelism.current / app.parallelism.perKpu);
  if (isSqlApp(app)) return work;
  return work + 1 + (isStudio(app) ? 2 : 0);
}

/** The ApplicationDetail shape of DescribeApplication. */
export function describeApp(app: ApplicationState): ApplicationDetail {
  const code = { CodeContentType: 'PLAINTEXT', CodeContentDescription: { TextContent: app.code } };
  const cfg: ApplicationDetail['ApplicationConfigurationDescription'] = { ApplicationCodeConfigurationDescription: code };
  if (isSqlApp(app)) {
    cfg.SqlApplicationConfigurationDescription = {
      InputDescriptions: app.inputs.map((i) => ({
        InputId: i.inputId,
        NamePrefix: i.namePrefix,
        InAppStreamNames: Array.from({ length: i.parallelism }, (_, n) => `${i.namePrefix}_${String(n + 1).padStart(3, '0')}`),
        ...(i.kind === 'kinesis' ? { KinesisStreamsInputDescription: { ResourceARN: i.resourceArn } } : { KinesisFirehoseInputDescription: { ResourceARN: i.resourceArn } }),
        InputSchema: i.schema,
        InputParallelism: { Count: i.parallelism },
        ...(i.startingPosition !== undefined ? { InputStartingPositionConfiguration: { InputStartingPosition: i.startingPosition } } : {}),
      })),
      OutputDescriptions: app.outputs.map((o) => ({
        OutputId: o.outputId,
        Name: o.name,
        ...(o.kind === 'kinesis' ? { KinesisStreamsOutputDescription: { ResourceARN: o.resourceArn } } : {}),
        ...(o.kind === 'firehose' ? { KinesisFirehoseOutputDescription: { ResourceARN: o.resourceArn } } : {}),
        ...(o.kind === 'lambda' ? { LambdaOutputDescription: { ResourceARN: o.resourceArn } } : {}),
        DestinationSchema: { RecordFormatType: o.format },
      })),
    };
  } else {
    const p = app.parallelism;
    cfg.FlinkApplicationConfigurationDescription = {
      ParallelismConfigurationDescription: { ConfigurationType: p.configurationType, Parallelism: p.parallelism, ParallelismPerKPU: p.perKpu, CurrentParallelism: p.current, AutoScalingEnabled: p.autoScaling },
      CheckpointConfigurationDescription: {
        ConfigurationType: app.checkpointing.configurationType,
        CheckpointingEnabled: app.checkpointing.enabled,
        CheckpointInterval: app.checkpointing.intervalMs,
        MinPauseBetweenCheckpoints: app.checkpointing.minPauseMs,
      },
    };
    cfg.ApplicationSnapshotConfigurationDescription = { SnapshotsEnabled: app.snapshotsEnabled };
  }
  return {
    ApplicationARN: app.arn,
    ...(app.description !== undefined ? { ApplicationDescription: app.description } : {}),
    ApplicationName: app.name,
    RuntimeEnvironment: app.runtime,
    ...(app.role !== undefined ? { ServiceExecutionRole: app.role } : {}),
    ApplicationStatus: app.status,
    ApplicationVersionId: app.versionId,
    CreateTimestamp: app.createdAt,
    LastUpdateTimestamp: app.updatedAt,
    ApplicationMode: app.mode,
    ApplicationConfigurationDescription: cfg,
    ConditionalToken: conditionalTokenOf(app),
  };
}

/** The ApplicationSummary shape of ListApplications. */
export function summarizeApp(app: ApplicationState): ApplicationSummary {
  return { ApplicationName: app.name, ApplicationARN: app.arn, ApplicationStatus: app.status, ApplicationVersionId: app.versionId, RuntimeEnvironment: app.runtime, ApplicationMode: app.mode };
}
