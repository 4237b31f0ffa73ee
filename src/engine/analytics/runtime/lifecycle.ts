/**
 * Status changes on the simulated clock, as data events: STARTING -> RUNNING,
 * STOPPING -> READY, UPDATING -> RUNNING (a restart with the new
 * configuration), DELETING -> gone; and, for SQL applications, the
 * 2026-01-27 retirement that deletes them.
 */
import type { AnalyticsContext } from '../context';
import { setStatus } from '../context';
import type { ApplicationState } from '../applicationModel';
import { isSqlApp } from '../applicationModel';
import { DELETE_DELAY_MS, START_DELAY_MS, STOP_DELAY_MS, UPDATE_DELAY_MS } from '../constants';
import type { RunConfiguration } from '../types';
import { createRun, scheduleTick } from './tick';
import { restoreCheckpoint, takeSnapshot } from './checkpoints';
import type { Checkpoint } from './runState';
import { lagNow } from './pausedLag';
import { releaseConsumers } from './efoSource';

type Payload = { app: ApplicationState; restore?: RunConfiguration['ApplicationRestoreConfiguration'] };

/** Registers the lifecycle handlers (once, at service creation). */
export function registerLifecycle(ctx: AnalyticsContext): void {
  ctx.core.registerHandler<Payload>('analytics:started', ({ app, restore }) => {
    if (app.deleted || app.status !== 'STARTING') return;
    startRunning(ctx, app, restore);
  });
  ctx.core.registerHandler<Payload>('analytics:stopped', ({ app }) => {
    if (app.deleted) return;
    setStatus(ctx, app, 'READY');
  });
  ctx.core.registerHandler<Payload>('analytics:updated', ({ app }) => {
    if (app.deleted || (app.status !== 'UPDATING' && app.status !== 'AUTOSCALING')) return;
    // Restart with the new configuration from the snapshot just taken (or the last checkpoint).
    const from = app.run?.lastCheckpoint;
    startRunning(ctx, app, undefined, from);
  });
  ctx.core.registerHandler<Payload>('analytics:deleted', ({ app }) => {
    app.deleted = true;
    app.run = undefined;
    if (ctx.apps.get(app.name) === app) ctx.apps.delete(app.name);
    ctx.core.events.emit({ type: 'applicationStatus', time: ctx.core.now(), application: app.name, status: 'DELETED' });
  });
  ctx.core.registerHandler<Payload>('analytics:sqlRetired', ({ app }) => {
    // From 2026-01-27 AWS deletes SQL applications [LIVE kinesisanalytics/latest/dev].
    if (app.deleted) return;
    app.run = undefined;
    setStatus(ctx, app, 'DELETING');
    ctx.core.scheduleEvent(DELETE_DELAY_MS, 'analytics:deleted', { app });
  });
}

function startRunning(ctx: AnalyticsContext, app: ApplicationState, restore?: Payload['restore'], from?: Checkpoint): void {
  const old = app.run;
  const run = createRun(ctx, app, (old?.generation ?? 0) + 1);
  if (from !== undefined) restoreCheckpoint(run, from, app.plan!);
  else if (restore?.ApplicationRestoreType === 'RESTORE_FROM_CUSTOM_SNAPSHOT' || restore?.ApplicationRestoreType === 'RESTORE_FROM_LATEST_SNAPSHOT' || (restore === undefined && !isSqlApp(app) && app.snapshotsEnabled)) {
    const name = restore?.ApplicationRestoreType === 'RESTORE_FROM_CUSTOM_SNAPSHOT' ? restore.SnapshotName : app.snapshots.filter((s) => s.SnapshotStatus === 'READY').at(-1)?.SnapshotName;
    const cp = name === undefined ? undefined : (app.snapshotData.get(name) as Checkpoint | undefined);
    if (cp !== undefined) restoreCheckpoint(run, cp, app.plan!);
  }
  if (old !== undefined) run.counters = old.counters;
  // The restored cursors' lag until the first tick reads (not 0: nothing has been read yet).
  run.millisBehindLatest = lagNow(ctx, run, ctx.core.now());
  app.run = run;
  setStatus(ctx, app, 'RUNNING');
  scheduleTick(ctx, app, run);
}

/** StartApplication: STARTING now, RUNNING after the start delay. */
export function beginStart(ctx: AnalyticsContext, app: ApplicationState, restore?: Payload['restore']): void {
  setStatus(ctx, app, 'STARTING');
  ctx.core.scheduleEvent(START_DELAY_MS, 'analytics:started', { app, restore });
}

/** StopApplication: a snapshot first when snapshots are on (not with Force), then READY. */
export function beginStop(ctx: AnalyticsContext, app: ApplicationState, force: boolean): void {
  if (!force && !isSqlApp(app) && app.snapshotsEnabled && app.run !== undefined) takeSnapshot(ctx, app, `stop-${app.versionId}-${ctx.core.now()}`);
  // A graceful stop runs the connector's shutdown: a job-managed EFO consumer is deregistered. A forced stop
  // ends the job without it, and the consumer stays for the next start to reuse [FCA datastream/kinesis.md].
  if (!force) releaseConsumers(ctx, app);
  if (app.run !== undefined) {
    app.lastStoppedPositions = {};
    for (const s of app.run.sources) for (const [id, c] of Object.entries(s.cursors)) app.lastStoppedPositions[`${s.streamName}/${id}`] = c.position;
  }
  app.run = undefined;
  setStatus(ctx, app, force ? 'FORCE_STOPPING' : 'STOPPING');
  ctx.core.scheduleEvent(STOP_DELAY_MS, 'analytics:stopped', { app });
}

/** UpdateApplication on a running application: UPDATING (snapshot), then RUNNING again. */
export function beginUpdate(ctx: AnalyticsContext, app: ApplicationState): void {
  if (!isSqlApp(app) && app.snapshotsEnabled && app.run !== undefined) takeSnapshot(ctx, app, `update-${app.versionId}-${ctx.core.now()}`);
  if (app.run !== undefined) app.run.lastCheckpoint = captureNow(app);
  setStatus(ctx, app, 'UPDATING');
  ctx.core.scheduleEvent(UPDATE_DELAY_MS, 'analytics:updated', { app });
}

/** Autoscaling: AUTOSCALING (a restart from a snapshot), then RUNNING with the new parallelism. */
export function beginAutoscale(ctx: AnalyticsContext, app: ApplicationState, to: number): void {
  const from = app.parallelism.current;
  app.parallelism.current = to;
  if (app.run !== undefined) app.run.lastCheckpoint = captureNow(app);
  setStatus(ctx, app, 'AUTOSCALING');
  ctx.core.events.emit({ type: 'applicationScaled', time: ctx.core.now(), application: app.name, from, to });
  ctx.core.scheduleEvent(UPDATE_DELAY_MS, 'analytics:updated', { app });
}

import { captureCheckpoint } from './checkpoints';
function captureNow(app: ApplicationState): Checkpoint {
  const run = app.run!;
  return captureCheckpoint(run, run.checkpointId, run.startedAt);
}

/** DeleteApplication: DELETING, then gone. */
export function beginDelete(ctx: AnalyticsContext, app: ApplicationState): void {
  releaseConsumers(ctx, app);
  app.run = undefined;
  setStatus(ctx, app, 'DELETING');
  ctx.core.scheduleEvent(DELETE_DELAY_MS, 'analytics:deleted', { app });
}
