/**
 * The analytics service of a simulation: the typed API `sim.analytics.<op>`
 * (kinesisanalyticsv2 operations in camelCase), the wire service
 * `KinesisAnalytics_20180523`, and simulator controls (fault injection, the
 * SQL checker for the editor, the window view and metrics).
 */
import { AwsError } from '../core/errors';
import type { SimCore } from '../core/simCore';
import type { WireService } from '../wire/awsJson';
import type { MetricsRing } from '../metrics/metricsRing';
import { createAnalyticsContext, findApp, type AnalyticsContext, type AnalyticsOptions } from './context';
import { analyticsOperations } from './operations';
import { TARGET_PREFIX } from './constants';
import { registerLifecycle } from './runtime/lifecycle';
import { registerTick, restartFromCheckpoint } from './runtime/tick';
import { registerOutputEvents } from './runtime/outputs';
import { snapshotReady } from './runtime/checkpoints';
import { checkSql } from './compileCode';
import { formatSqlError, type SqlError } from './sql/ast';
import { kpusOf } from './applicationModel';
import type { RecordMark, RunCounters, WindowMark } from './runtime/runState';
import type { KinesisContext } from '../kinesis/context';
import type { KinesisApi } from '../kinesis/kinesisService';
import type { FirehoseApi } from '../firehose/firehoseService';
import type { LambdaApi } from '../lambda/lambdaService';
import { analyticsShapes } from './operations/shapes';

type Ops = typeof analyticsOperations;
type LowerFirst<S extends string> = S extends `${infer H}${infer T}` ? `${Lowercase<H>}${T}` : S;

/** What the window view and the node show of a running application (engine figures, one source). */
export interface AnalyticsRunView {
  status: string;
  kpus: number;
  kpuHours: number;
  watermark: number | null;
  millisBehindLatest: number;
  counters: RunCounters;
  records: RecordMark[];
  windows: WindowMark[];
  outputRows: Array<Record<string, unknown>>;
  pendingOutput: number;
  /** Flink sources: how each reads (GetRecords polling or enhanced fan-out), and why an EFO reader waits. */
  readers: Array<{ stream: string; reader: 'POLLING' | 'EFO'; consumerName?: string; waiting?: string; subscriptions?: number }>;
}

/** The typed analytics API plus the simulator's controls. */
export type AnalyticsApi = {
  [K in keyof Ops as LowerFirst<K & string>]: (input: Parameters<Ops[K]>[1]) => ReturnType<Ops[K]>;
} & {
  /** Checks SQL text as the editor types: undefined when it is fine, else the located error. */
  checkCode(code: string, dialect: 'sql' | 'flink', inputStreams?: string[]): (SqlError & { text: string }) | undefined;
  /** A fault: the application restarts from its last checkpoint (at-least-once sinks duplicate). */
  injectFault(applicationName: string): void;
  /** Simulator control: what one KPU of the application processes per second (AWS gives no figure; lessons lower it to make an application fall behind). */
  setRecordsPerKpuSecond(applicationName: string, recordsPerSecond: number): void;
  /** The running application as the views draw it. */
  view(applicationName: string): AnalyticsRunView;
  /** The application's CloudWatch-named metrics. */
  metrics(applicationName: string): MetricsRing;
};

export interface AnalyticsService {
  context: AnalyticsContext;
  api: AnalyticsApi;
  wire: WireService;
}

/** Builds sim.analytics over one context; registers its data-event handlers once. */
export function createAnalyticsService(core: SimCore, kinesis: KinesisContext, kinesisApi: KinesisApi, firehoseApi: FirehoseApi, lambda: LambdaApi, opts: AnalyticsOptions = {}): AnalyticsService {
  const context = createAnalyticsContext(core, kinesis, kinesisApi, firehoseApi, lambda, opts);
  registerLifecycle(context);
  registerTick(context);
  registerOutputEvents(core);
  core.registerHandler('analytics:snapshotReady', snapshotReady);
  const ops: Record<string, (input: unknown) => unknown> = {};
  const api: Record<string, unknown> = {};
  for (const [name, op] of Object.entries(analyticsOperations)) {
    const f = (input: unknown) => (op as (c: AnalyticsContext, i: unknown) => unknown)(context, input ?? {});
    ops[name] = f;
    api[name[0].toLowerCase() + name.slice(1)] = f;
  }
  Object.assign(api, {
    checkCode: (code: string, dialect: 'sql' | 'flink', inputStreams: string[] = ['SOURCE_SQL_STREAM_001']) => {
      const r = checkSql(code, dialect, inputStreams);
      return 'error' in r ? { ...r.error, text: formatSqlError(r.error) } : undefined;
    },
    injectFault: (name: string) => restartFromCheckpoint(context, findApp(context, name), 'injected fault'),
    setRecordsPerKpuSecond: (name: string, recordsPerSecond: number) => {
      if (!Number.isFinite(recordsPerSecond) || recordsPerSecond < 1) throw new AwsError('InvalidArgumentException', 'RecordsPerKpuSecond must be a number of at least 1.');
      findApp(context, name).recordsPerKpuSecond = recordsPerSecond;
    },
    view: (name: string): AnalyticsRunView => {
      const app = findApp(context, name);
      const run = app.run;
      return {
        status: app.status,
        kpus: run === undefined ? 0 : kpusOf(app),
        kpuHours: app.kpuHours,
        watermark: run === undefined || !Number.isFinite(run.watermark) ? null : run.watermark,
        millisBehindLatest: run?.millisBehindLatest ?? 0,
        counters: run?.counters ?? { numRecordsIn: 0, numRecordsOut: 0, numLateRecordsDropped: 0, errorRows: 0, duplicateRowsOut: 0, readThrottles: 0 },
        records: run?.records ?? [],
        windows: run?.windows ?? [],
        outputRows: run?.outputRows ?? [],
        pendingOutput: run?.outputs.reduce((n, o) => n + o.pending.length, 0) ?? 0,
        readers: (app.plan?.sources ?? []).map((s, i) => {
          const efo = run?.sources[i]?.efo;
          return { stream: s.stream, reader: s.readerType, ...(efo !== undefined ? { consumerName: efo.consumerName, subscriptions: efo.subscriptions, ...(efo.waiting !== undefined ? { waiting: efo.waiting } : {}) } : {}) };
        }),
      };
    },
    metrics: (name: string) => findApp(context, name).metrics,
  });
  const wire: WireService = {
    targetPrefix: TARGET_PREFIX,
    operations: ops,
    // The wire checks JSON types against the declared shapes (a string where a number belongs is SerializationException).
    shapes: analyticsShapes,
    blobFields: new Set(),
    isTimestampField: (n) => n.endsWith('Timestamp'),
  };
  return { context, api: api as AnalyticsApi, wire };
}
