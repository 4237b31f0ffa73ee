/**
 * CreateApplication: a READY application, version 1 [BC-KA2]. SQL-1_0
 * applications take SQL in ApplicationCodeConfiguration.CodeContent.TextContent
 * with their SqlApplicationConfiguration inputs and outputs; Flink runtimes
 * take Flink SQL text the same way (the simulator runs Flink SQL as Studio
 * does, not a JAR). From 2025-10-15 AWS creates no new SQL applications, so on
 * the simulated clock a SQL-1_0 create after that date is refused.
 */
import { AwsError, ValidationErrors } from '../../core/errors';
import { checkEnum, checkString } from '../../kinesis/validation';
import { MetricsRing } from '../../metrics/metricsRing';
import { applicationArn, type AnalyticsContext } from '../context';
import type { ApplicationState } from '../applicationModel';
import { describeApp, isSqlApp } from '../applicationModel';
import {
  APP_NAME_MAX, APP_NAME_PATTERN, CHECKPOINT_INTERVAL_MS, DEFAULT_PARALLELISM, DEFAULT_PARALLELISM_PER_KPU, MAX_APPLICATIONS, MAX_INPUTS, MAX_OUTPUTS,
  MIN_PAUSE_BETWEEN_CHECKPOINTS_MS, RUNTIMES, SQL_NO_NEW_APPS_FROM, SQL_APPS_DELETED_FROM,
} from '../constants';
import { parseInput, parseOutput } from '../configParse';
import { compileCode, checkCodeSize } from '../compileCode';
import { applyParallelism, applyCheckpointing } from './configUpdates';
import type { ApplicationDetail, CreateApplicationInput } from '../types';

/** Validates an application name [BC-KA2]. */
export function checkApplicationName(v: ValidationErrors, name: unknown): void {
  checkString(v, name, 'applicationName', 1, APP_NAME_MAX, true, APP_NAME_PATTERN, '[a-zA-Z0-9_.-]+');
}

export function createApplication(ctx: AnalyticsContext, input: CreateApplicationInput): { ApplicationDetail: ApplicationDetail } {
  const v = new ValidationErrors();
  checkApplicationName(v, input.ApplicationName);
  checkEnum(v, input.RuntimeEnvironment, 'runtimeEnvironment', RUNTIMES, true);
  checkEnum(v, input.ApplicationMode, 'applicationMode', ['STREAMING', 'INTERACTIVE']);
  checkString(v, input.ApplicationDescription, 'applicationDescription', 0, 1024);
  v.throwIfAny();
  const now = ctx.core.now();
  if (input.RuntimeEnvironment === 'SQL-1_0' && now >= SQL_NO_NEW_APPS_FROM) {
    // AWS: "From October 15, 2025, you will not be able to create new Kinesis Data Analytics for SQL applications."
    throw new AwsError('UnsupportedOperationException', 'Kinesis Data Analytics for SQL applications is discontinued: new SQL applications cannot be created from October 15, 2025. Use Amazon Managed Service for Apache Flink.');
  }
  const existing = ctx.apps.get(input.ApplicationName);
  if (existing !== undefined && !existing.deleted) throw new AwsError('ResourceInUseException', `Application ${input.ApplicationName} already exists.`);
  if ([...ctx.apps.values()].filter((a) => !a.deleted).length >= MAX_APPLICATIONS) throw new AwsError('LimitExceededException', `The number of applications in this account has reached the limit of ${MAX_APPLICATIONS}.`);
  const cfg = input.ApplicationConfiguration ?? {};
  const code = cfg.ApplicationCodeConfiguration?.CodeContent?.TextContent ?? '';
  if (cfg.ApplicationCodeConfiguration !== undefined && cfg.ApplicationCodeConfiguration.CodeContentType !== 'PLAINTEXT') {
    throw new AwsError('InvalidArgumentException', 'The simulator runs SQL text: CodeContentType must be PLAINTEXT (a Flink JAR cannot run here).');
  }
  checkCodeSize(code);
  const mode = input.ApplicationMode ?? (input.RuntimeEnvironment.startsWith('ZEPPELIN') ? 'INTERACTIVE' : 'STREAMING');
  const app: ApplicationState = {
    name: input.ApplicationName, arn: applicationArn(ctx, input.ApplicationName), runtime: input.RuntimeEnvironment, mode,
    status: 'READY', versionId: 1, createdAt: now, updatedAt: now, code, inputs: [], outputs: [], nextInputId: 1, nextOutputId: 1,
    parallelism: { configurationType: 'DEFAULT', parallelism: DEFAULT_PARALLELISM, perKpu: DEFAULT_PARALLELISM_PER_KPU, current: DEFAULT_PARALLELISM, autoScaling: true },
    checkpointing: { configurationType: 'DEFAULT', enabled: true, intervalMs: CHECKPOINT_INTERVAL_MS, minPauseMs: MIN_PAUSE_BETWEEN_CHECKPOINTS_MS },
    snapshotsEnabled: false, snapshots: [], snapshotData: new Map(), tags: new Map(), deleted: false, metrics: new MetricsRing(), kpuHours: 0,
  };
  if (input.ApplicationDescription !== undefined) app.description = input.ApplicationDescription;
  if (input.ServiceExecutionRole !== undefined) app.role = input.ServiceExecutionRole;
  const sql = cfg.SqlApplicationConfiguration;
  if (sql !== undefined && !isSqlApp(app)) throw new AwsError('InvalidArgumentException', 'SqlApplicationConfiguration is only valid for RuntimeEnvironment SQL-1_0.');
  if ((sql?.Inputs?.length ?? 0) > MAX_INPUTS) throw new AwsError('LimitExceededException', `An application can have at most ${MAX_INPUTS} streaming input.`);
  if ((sql?.Outputs?.length ?? 0) > MAX_OUTPUTS) throw new AwsError('LimitExceededException', `An application can have at most ${MAX_OUTPUTS} outputs.`);
  for (const i of sql?.Inputs ?? []) app.inputs.push(parseInput(ctx, app, i));
  for (const o of sql?.Outputs ?? []) app.outputs.push(parseOutput(ctx, app, o));
  const flink = cfg.FlinkApplicationConfiguration;
  if (flink !== undefined && isSqlApp(app)) throw new AwsError('InvalidArgumentException', 'FlinkApplicationConfiguration is not valid for RuntimeEnvironment SQL-1_0.');
  if (flink?.ParallelismConfiguration !== undefined) applyParallelism(ctx, app, flink.ParallelismConfiguration);
  if (flink?.CheckpointConfiguration !== undefined) applyCheckpointing(app, flink.CheckpointConfiguration);
  if (cfg.ApplicationSnapshotConfiguration !== undefined) app.snapshotsEnabled = cfg.ApplicationSnapshotConfiguration.SnapshotsEnabled === true;
  compileCode(app);
  for (const t of input.Tags ?? []) app.tags.set(t.Key, t.Value ?? '');
  ctx.apps.set(app.name, app);
  // From 2026-01-27 AWS deletes SQL applications: schedule that moment on the simulated clock.
  if (isSqlApp(app)) ctx.core.scheduleEventAt(SQL_APPS_DELETED_FROM, 'analytics:sqlRetired', { app });
  return { ApplicationDetail: describeApp(app) };
}
