/**
 * What every analytics operation works with: the core, the services an
 * application reads from and writes to (through their own APIs, so reads and
 * writes are real traffic), and the applications of the account as plain data.
 */
import type { SimCore } from '../core/simCore';
import { AwsError } from '../core/errors';
import type { KinesisContext } from '../kinesis/context';
import type { KinesisApi } from '../kinesis/kinesisService';
import type { FirehoseApi } from '../firehose/firehoseService';
import type { LambdaApi } from '../lambda/lambdaService';
import type { ApplicationState } from './applicationModel';
import { DEFAULT_KPU_QUOTA, RECORDS_PER_KPU_SECOND } from './constants';

export interface AnalyticsOptions {
  /** KPUs per application (default 64, the current API text; 32 in the 2021-2023 docs). */
  analyticsKpuQuota?: number;
  /**
   * Records one KPU processes per second (default 10,000). AWS states no figure
   * (it depends on the query); lessons lower it to make an application fall behind.
   */
  analyticsRecordsPerKpuSecond?: number;
  /**
   * Applications whose pumps segment recipes can compute (query/segmentPlan.ts):
   * 'auto' (default) counts from the recipes when the source stream has at
   * least AGGREGATE_MIN_SHARDS open shards (a small stream keeps the exact
   * path's second-by-second reading); 'counts' always; 'records' reads the same
   * steps but materialises and parses every record (the exact path, to
   * compare); 'off' polls once a second as other applications do.
   */
  analyticsSegmentAggregates?: 'auto' | 'counts' | 'records' | 'off';
}

export interface AnalyticsContext {
  core: SimCore;
  kinesis: KinesisContext;
  kinesisApi: KinesisApi;
  firehoseApi: FirehoseApi;
  lambda: LambdaApi;
  /** The applications of the account, by name (plain data). */
  apps: Map<string, ApplicationState>;
  kpuQuota: number;
  recordsPerKpuSecond: number;
  /** See AnalyticsOptions.analyticsSegmentAggregates. */
  segmentAggregates: 'auto' | 'counts' | 'records' | 'off';
}

/** An analytics state with no applications. */
export function createAnalyticsContext(core: SimCore, kinesis: KinesisContext, kinesisApi: KinesisApi, firehoseApi: FirehoseApi, lambda: LambdaApi, opts: AnalyticsOptions = {}): AnalyticsContext {
  return { core, kinesis, kinesisApi, firehoseApi, lambda, apps: new Map(), kpuQuota: opts.analyticsKpuQuota ?? DEFAULT_KPU_QUOTA, recordsPerKpuSecond: opts.analyticsRecordsPerKpuSecond ?? RECORDS_PER_KPU_SECOND, segmentAggregates: opts.analyticsSegmentAggregates ?? 'auto' };
}

/** arn:aws:kinesisanalytics:<region>:<account>:application/<name> [BC-KA2]. */
export function applicationArn(ctx: AnalyticsContext, name: string): string {
  return ctx.core.arn('kinesisanalytics', `application/${name}`);
}

/** ResourceNotFoundException for a missing application. */
export function appNotFound(ctx: AnalyticsContext, name: unknown): AwsError {
  return new AwsError('ResourceNotFoundException', `Application ${String(name)} is not found in account ${ctx.core.accountId}.`);
}

/** The application by name, or ResourceNotFoundException. */
export function findApp(ctx: AnalyticsContext, name: unknown): ApplicationState {
  const app = typeof name === 'string' ? ctx.apps.get(name) : undefined;
  if (app === undefined || app.deleted) throw appNotFound(ctx, name);
  return app;
}

/**
 * Checks CurrentApplicationVersionId: a stale value is ConcurrentModificationException
 * [KDA-SQL19 how-it-works.md]. AWS requires it on every configuration change.
 */
export function checkVersion(app: ApplicationState, current: unknown): void {
  if (typeof current !== 'number') throw new AwsError('InvalidArgumentException', 'CurrentApplicationVersionId is required.');
  if (current !== app.versionId) {
    throw new AwsError('ConcurrentModificationException', `Provided application version id (${current}) does not match the current version id (${app.versionId}) of application ${app.name}.`);
  }
}

/** ResourceInUseException unless the application is in one of `allowed`. */
export function requireStatus(app: ApplicationState, allowed: readonly string[], action: string): void {
  if (!allowed.includes(app.status)) {
    throw new AwsError('ResourceInUseException', `Application ${app.name} is in ${app.status} status; ${action} is allowed only in ${allowed.join(' or ')} status.`);
  }
}

/** Records a configuration change: the version goes up by one [KDA-SQL19 how-it-works.md]. */
export function bumpVersion(ctx: AnalyticsContext, app: ApplicationState): void {
  app.versionId++;
  app.updatedAt = ctx.core.now();
}

/** Emits the status change as a typed event and sets it. */
export function setStatus(ctx: AnalyticsContext, app: ApplicationState, status: ApplicationState['status']): void {
  app.status = status;
  ctx.core.events.emit({ type: 'applicationStatus', time: ctx.core.now(), application: app.name, status });
}
