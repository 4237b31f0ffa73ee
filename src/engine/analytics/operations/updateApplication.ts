/**
 * UpdateApplication: code, parallelism, checkpointing, snapshots and SQL
 * inputs/outputs, with CurrentApplicationVersionId or ConditionalToken (only
 * ApplicationName is required by the API model); the version goes up by one. A running application goes UPDATING and restarts with the new
 * configuration (from a snapshot when snapshots are on) [BC-KA2; KDA-FL23 how-fault-snapshot.md].
 */
import { AwsError, ValidationErrors } from '../../core/errors';
import { bumpVersion, findApp, requireStatus, type AnalyticsContext } from '../context';
import { checkVersionOrToken } from '../versionLock';
import { describeApp, isSqlApp } from '../applicationModel';
import { checkCodeSize, compileCode } from '../compileCode';
import { resolveStreamArn } from '../configParse';
import { beginUpdate } from '../runtime/lifecycle';
import { applyCheckpointing, applyParallelism } from './configUpdates';
import { checkApplicationName } from './createApplication';
import type { ApplicationDetail, CheckpointConfiguration, DestinationSchema, SourceSchema } from '../types';

export interface UpdateApplicationInput {
  ApplicationName: string;
  /** One of CurrentApplicationVersionId and ConditionalToken is required (the optimistic lock) [BC-KA2]. */
  CurrentApplicationVersionId?: number;
  ConditionalToken?: string;
  ApplicationConfigurationUpdate?: {
    ApplicationCodeConfigurationUpdate?: { CodeContentTypeUpdate?: string; CodeContentUpdate?: { TextContentUpdate?: string } };
    SqlApplicationConfigurationUpdate?: {
      InputUpdates?: Array<{ InputId: string; NamePrefixUpdate?: string; InputParallelismUpdate?: { CountUpdate: number }; InputSchemaUpdate?: { RecordColumnUpdates?: SourceSchema['RecordColumns']; RecordFormatUpdate?: SourceSchema['RecordFormat'] }; KinesisStreamsInputUpdate?: { ResourceARNUpdate: string } }>;
      OutputUpdates?: Array<{ OutputId: string; NameUpdate?: string; DestinationSchemaUpdate?: DestinationSchema }>;
    };
    FlinkApplicationConfigurationUpdate?: {
      ParallelismConfigurationUpdate?: { ConfigurationTypeUpdate: 'DEFAULT' | 'CUSTOM'; ParallelismUpdate?: number; ParallelismPerKPUUpdate?: number; AutoScalingEnabledUpdate?: boolean };
      CheckpointConfigurationUpdate?: { ConfigurationTypeUpdate: 'DEFAULT' | 'CUSTOM'; CheckpointingEnabledUpdate?: boolean; CheckpointIntervalUpdate?: number; MinPauseBetweenCheckpointsUpdate?: number };
    };
    ApplicationSnapshotConfigurationUpdate?: { SnapshotsEnabledUpdate: boolean };
  };
}

export function updateApplication(ctx: AnalyticsContext, input: UpdateApplicationInput): { ApplicationDetail: ApplicationDetail } {
  const v = new ValidationErrors();
  checkApplicationName(v, input.ApplicationName);
  v.throwIfAny();
  const app = findApp(ctx, input.ApplicationName);
  requireStatus(app, ['READY', 'RUNNING'], 'UpdateApplication');
  checkVersionOrToken(app, input.CurrentApplicationVersionId, input.ConditionalToken);
  const u = input.ApplicationConfigurationUpdate;
  if (u === undefined) throw new AwsError('InvalidArgumentException', 'At least one configuration update is required.');
  // Work on a copy so a refused update changes nothing.
  const next = { ...app, inputs: app.inputs.map((i) => ({ ...i })), outputs: app.outputs.map((o) => ({ ...o })), parallelism: { ...app.parallelism }, checkpointing: { ...app.checkpointing } };
  const code = u.ApplicationCodeConfigurationUpdate?.CodeContentUpdate?.TextContentUpdate;
  if (code !== undefined) {
    checkCodeSize(code);
    next.code = code;
  }
  const sql = u.SqlApplicationConfigurationUpdate;
  if (sql !== undefined && !isSqlApp(app)) throw new AwsError('InvalidArgumentException', 'SqlApplicationConfigurationUpdate is only valid for SQL-1_0 applications.');
  for (const iu of sql?.InputUpdates ?? []) {
    const i = next.inputs.find((x) => x.inputId === iu.InputId);
    if (i === undefined) throw new AwsError('ResourceNotFoundException', `Input ${iu.InputId} does not exist in application ${app.name}.`);
    if (iu.NamePrefixUpdate !== undefined) i.namePrefix = iu.NamePrefixUpdate;
    if (iu.InputParallelismUpdate !== undefined) i.parallelism = iu.InputParallelismUpdate.CountUpdate;
    if (iu.InputSchemaUpdate?.RecordColumnUpdates !== undefined) i.schema = { ...i.schema, RecordColumns: iu.InputSchemaUpdate.RecordColumnUpdates };
    if (iu.InputSchemaUpdate?.RecordFormatUpdate !== undefined) i.schema = { ...i.schema, RecordFormat: iu.InputSchemaUpdate.RecordFormatUpdate };
    if (iu.KinesisStreamsInputUpdate !== undefined) {
      i.sourceName = resolveStreamArn(ctx, iu.KinesisStreamsInputUpdate.ResourceARNUpdate);
      i.resourceArn = iu.KinesisStreamsInputUpdate.ResourceARNUpdate;
    }
  }
  for (const ou of sql?.OutputUpdates ?? []) {
    const o = next.outputs.find((x) => x.outputId === ou.OutputId);
    if (o === undefined) throw new AwsError('ResourceNotFoundException', `Output ${ou.OutputId} does not exist in application ${app.name}.`);
    if (ou.NameUpdate !== undefined) o.name = ou.NameUpdate;
    if (ou.DestinationSchemaUpdate !== undefined) o.format = ou.DestinationSchemaUpdate.RecordFormatType;
  }
  const flink = u.FlinkApplicationConfigurationUpdate;
  if (flink !== undefined && isSqlApp(app)) throw new AwsError('InvalidArgumentException', 'FlinkApplicationConfigurationUpdate is not valid for SQL-1_0 applications.');
  const pu = flink?.ParallelismConfigurationUpdate;
  if (pu !== undefined) {
    applyParallelism(ctx, next, { ConfigurationType: pu.ConfigurationTypeUpdate, Parallelism: pu.ParallelismUpdate, ParallelismPerKPU: pu.ParallelismPerKPUUpdate, AutoScalingEnabled: pu.AutoScalingEnabledUpdate });
  }
  const cu = flink?.CheckpointConfigurationUpdate;
  if (cu !== undefined) {
    const c: CheckpointConfiguration = { ConfigurationType: cu.ConfigurationTypeUpdate, CheckpointingEnabled: cu.CheckpointingEnabledUpdate, CheckpointInterval: cu.CheckpointIntervalUpdate, MinPauseBetweenCheckpoints: cu.MinPauseBetweenCheckpointsUpdate };
    applyCheckpointing(next, c);
  }
  if (u.ApplicationSnapshotConfigurationUpdate !== undefined) next.snapshotsEnabled = u.ApplicationSnapshotConfigurationUpdate.SnapshotsEnabledUpdate === true;
  compileCode(next);
  const wasRunning = app.status === 'RUNNING';
  Object.assign(app, { code: next.code, program: next.program, plan: next.plan, inputs: next.inputs, outputs: next.outputs, parallelism: next.parallelism, checkpointing: next.checkpointing, snapshotsEnabled: next.snapshotsEnabled });
  bumpVersion(ctx, app);
  if (wasRunning) beginUpdate(ctx, app);
  return { ApplicationDetail: describeApp(app) };
}
