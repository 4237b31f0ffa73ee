/** Applying ParallelismConfiguration and CheckpointConfiguration (create and update share these) [BC-KA2]. */
import { AwsError } from '../../core/errors';
import type { AnalyticsContext } from '../context';
import type { ApplicationState } from '../applicationModel';
import { kpusOf } from '../applicationModel';
import { CHECKPOINT_INTERVAL_MS, DEFAULT_PARALLELISM, DEFAULT_PARALLELISM_PER_KPU, MAX_PARALLELISM_PER_KPU, MIN_PAUSE_BETWEEN_CHECKPOINTS_MS } from '../constants';
import type { CheckpointConfiguration, ParallelismConfiguration } from '../types';

/**
 * ConfigurationType must be CUSTOM for Parallelism, ParallelismPerKPU and
 * AutoScalingEnabled to take effect; DEFAULT means 1, 1 and on. KPUs beyond the
 * application's quota are LimitExceededException.
 */
export function applyParallelism(ctx: AnalyticsContext, app: ApplicationState, p: ParallelismConfiguration): void {
  if (p.ConfigurationType !== 'DEFAULT' && p.ConfigurationType !== 'CUSTOM') throw new AwsError('InvalidArgumentException', 'ParallelismConfiguration ConfigurationType must be DEFAULT or CUSTOM.');
  const custom = p.ConfigurationType === 'CUSTOM';
  const parallelism = custom ? p.Parallelism ?? app.parallelism.parallelism : DEFAULT_PARALLELISM;
  const perKpu = custom ? p.ParallelismPerKPU ?? app.parallelism.perKpu : DEFAULT_PARALLELISM_PER_KPU;
  if (!Number.isInteger(parallelism) || parallelism < 1) throw new AwsError('InvalidArgumentException', 'Parallelism must be at least 1.');
  if (!Number.isInteger(perKpu) || perKpu < 1 || perKpu > MAX_PARALLELISM_PER_KPU) throw new AwsError('InvalidArgumentException', `ParallelismPerKPU must be between 1 and ${MAX_PARALLELISM_PER_KPU}.`);
  const next = { configurationType: p.ConfigurationType, parallelism, perKpu, current: parallelism, autoScaling: custom ? p.AutoScalingEnabled ?? app.parallelism.autoScaling : true };
  const kpus = kpusOf({ ...app, parallelism: next });
  if (Math.ceil(parallelism / perKpu) > ctx.kpuQuota) {
    throw new AwsError('LimitExceededException', `Parallelism ${parallelism} with ParallelismPerKPU ${perKpu} needs ${kpus} KPUs; the application's limit is ${ctx.kpuQuota} KPUs.`);
  }
  app.parallelism = next;
}

/** DEFAULT forces checkpointing on, every 60 s, 5 s minimum pause [BC-KA2]. */
export function applyCheckpointing(app: ApplicationState, c: CheckpointConfiguration): void {
  if (c.ConfigurationType === 'DEFAULT') {
    app.checkpointing = { configurationType: 'DEFAULT', enabled: true, intervalMs: CHECKPOINT_INTERVAL_MS, minPauseMs: MIN_PAUSE_BETWEEN_CHECKPOINTS_MS };
    return;
  }
  if (c.ConfigurationType !== 'CUSTOM') throw new AwsError('InvalidArgumentException', 'CheckpointConfiguration ConfigurationType must be DEFAULT or CUSTOM.');
  const intervalMs = c.CheckpointInterval ?? app.checkpointing.intervalMs;
  const minPauseMs = c.MinPauseBetweenCheckpoints ?? app.checkpointing.minPauseMs;
  if (!Number.isInteger(intervalMs) || intervalMs < 1) throw new AwsError('InvalidArgumentException', 'CheckpointInterval must be at least 1 ms.');
  app.checkpointing = { configurationType: 'CUSTOM', enabled: c.CheckpointingEnabled ?? app.checkpointing.enabled, intervalMs, minPauseMs };
}
