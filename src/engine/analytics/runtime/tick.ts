/**
 * The running application, one tick at a time (a data event): read each
 * source's shards with GetRecords on their shared read limits (the traffic
 * consumers' cursor code) or, for an enhanced fan-out source, through its own
 * subscriptions (efoSource.ts), turn records into rows, run the queries, fire the
 * windows that are complete, write the outputs, then meter: KPUs, KPU-hours,
 * MillisBehindLatest, CPU for autoscaling, and a checkpoint every interval.
 */
import type { AnalyticsContext } from '../context';
import type { ApplicationState } from '../applicationModel';
import { isSqlApp, kpusOf } from '../applicationModel';
import { FLINK_LEGACY_POLL_INTERVAL_MS, SCALE_DOWN_CPU, SCALE_DOWN_MINUTES, SCALE_UP_CPU, SCALE_UP_MINUTES, SQL_POLL_INTERVAL_MS } from '../constants';
import { createCursor, stepCursor } from '../../traffic/consumers/shardCursor';
import { initialIndex, parentsOf } from '../../traffic/consumers/shardLineage';
import { GET_RECORDS_MAX_RECORDS } from '../../kinesis/constants';
import { decodeUtf8 } from '../../core/utf8';
import { newQueryRun, fireAll, pushMark, runQuery, type Sink } from '../query/execute';
import type { Row } from '../query/values';
import { errorRow, flinkRow, sqlColumns, sqlRowOf } from './rows';
import { BACKPRESSURE_ROWS, flushOutputs, serialize } from './outputs';
import { checkpoint, restoreCheckpoint } from './checkpoints';
import type { AppCursor, RunState, SourceRun } from './runState';
import { beginAutoscale } from './lifecycle';
import { arnName } from '../configParse';
import { meterPaused, PAUSED_STATUSES } from './pausedLag';
import { ensureConsumer, stepEfo } from './efoSource';
import { efoOptionsOf } from '../efoOptions';
import { segmentPlanOf } from '../query/segmentPlan';
import { nextStepEnd, segmentStep } from './segmentAggregates';
import { newDense } from './denseGroups';

/**
 * Streams with this many open shards run eligible pumps on the aggregate path
 * by default: there a second-by-second exact read costs shards x seconds plus
 * every record, while a lesson's small stream keeps its per-second counters.
 */
export const AGGREGATE_MIN_SHARDS = 50;

/** A fresh run of the application's plan (cursors at the starting positions). */
export function createRun(ctx: AnalyticsContext, app: ApplicationState, generation: number): RunState {
  const plan = app.plan!;
  const sources: SourceRun[] = [];
  if (isSqlApp(app)) {
    app.inputs.forEach((i, n) => {
      if (i.kind !== 'kinesis') return;
      const names = Array.from({ length: i.parallelism }, (_, k) => `${i.namePrefix}_${String(k + 1).padStart(3, '0')}`.toUpperCase());
      const pos = i.startingPosition === 'TRIM_HORIZON' ? 'TRIM_HORIZON' : i.startingPosition === 'LAST_STOPPED_POINT' ? 'AT_INDEX' : 'LATEST';
      sources.push({ targets: names, streamName: i.sourceName, cursors: {}, order: [], startPosition: pos, inputIndex: n });
    });
  } else {
    plan.sources.forEach((s, n) => {
      const efo = app.program === undefined ? undefined : efoOptionsOf(app.program, plan, s.name);
      sources.push({
        targets: [s.name], streamName: s.stream, cursors: {}, order: [], startPosition: s.startPosition, inputIndex: n,
        ...(s.watermark !== undefined ? { watermarkDelayMs: s.watermark.delayMs, timeColumn: s.watermark.column } : {}),
        ...(efo !== undefined ? { efo: { ...efo, subscriptions: 0, records: 0, bytes: 0 } } : {}),
      });
    });
  }
  const outputs: RunState['outputs'] = isSqlApp(app)
    ? app.outputs.map((o) => ({ stream: o.name, kind: o.kind, target: arnName(o.resourceArn), format: o.format, pending: [], inflight: false, delivered: 0, failedAttempts: 0, seq: 0 }))
    : plan.sinks.map((s) => ({ stream: s.name, kind: s.kind, target: s.target, format: 'JSON' as const, pending: [], inflight: false, delivered: 0, failedAttempts: 0, seq: 0 }));
  const run: RunState = {
    generation, startedAt: ctx.core.now(), tickMs: isSqlApp(app) ? SQL_POLL_INTERVAL_MS : FLINK_LEGACY_POLL_INTERVAL_MS,
    sources, queries: plan.queries.map((q, i) => newQueryRun(q, Math.floor(ctx.core.random.fork(`analytics:${app.name}:${generation}`).next() * 0x7fffffff) + i)), outputs, watermark: -Infinity,
    counters: { numRecordsIn: 0, numRecordsOut: 0, numLateRecordsDropped: 0, errorRows: 0, duplicateRowsOut: 0, readThrottles: 0 },
    checkpointId: 0, rowsOutSinceCheckpoint: 0, replayDebt: 0, cpuMinutes: [], minuteProcessed: 0, minuteCapacity: 0, millisBehindLatest: 0,
    records: [], windows: [], outputRows: [],
  };
  for (const s of sources) {
    syncCursors(ctx, app, s, true);
    // The job registers its EFO consumer as it starts (or reuses one of that name) [FCA table/kinesis.md].
    const st = ctx.kinesis.streams.get(s.streamName);
    if (s.efo !== undefined && st !== undefined && !st.deleted) ensureConsumer(ctx, st, s.efo);
  }
  // Pumps whose windows the segments' recipes can compute run on the aggregate path.
  const big = (ctx.kinesis.streams.get(sources[0]?.streamName ?? '')?.open.length ?? 0) >= AGGREGATE_MIN_SHARDS;
  if (isSqlApp(app) && sources.length === 1 && (ctx.segmentAggregates === 'counts' || ctx.segmentAggregates === 'records' || (ctx.segmentAggregates === 'auto' && big))) {
    const sp = segmentPlanOf(plan, app.inputs[sources[0].inputIndex].schema, sources[0].targets);
    if ('queries' in sp) {
      run.segment = { plan: sp, lastStep: run.startedAt, lanes: {}, counts: ctx.segmentAggregates !== 'records' };
      if (run.segment.counts) for (const qi of sp.queries) run.queries[qi].dense = newDense(plan.queries[qi].aggFns.length);
    }
  }
  return run;
}

/** Schedules the next tick of this run. */
export function scheduleTick(ctx: AnalyticsContext, app: ApplicationState, run: RunState): void {
  const now = ctx.core.now();
  const delay = run.segment !== undefined ? nextStepEnd(run.segment, now, run.tickMs, run.startedAt) - now : run.tickMs;
  ctx.core.scheduleEvent(delay, 'analytics:tick', { app, generation: run.generation });
}

/** Registers the tick handler (once). */
export function registerTick(ctx: AnalyticsContext): void {
  ctx.core.registerHandler<{ app: ApplicationState; generation: number }>('analytics:tick', ({ app, generation }) => {
    const run = app.run;
    if (run === undefined || run.generation !== generation) return;
    if (PAUSED_STATUSES.includes(app.status)) {
      // Restarting (AUTOSCALING, UPDATING): nothing is read, the lag keeps growing.
      meterPaused(ctx, app, run, ctx.core.now());
      scheduleTick(ctx, app, run);
      return;
    }
    if (app.status !== 'RUNNING') return;
    if (run.segment !== undefined) segmentTick(ctx, app, run);
    else tick(ctx, app, run);
    scheduleTick(ctx, app, run);
  });
}

/** New shards get cursors (initial shards at the start position, children from their first record). */
function syncCursors(ctx: AnalyticsContext, app: ApplicationState, src: SourceRun, initial: boolean): void {
  const s = ctx.kinesis.streams.get(src.streamName);
  if (s === undefined || s.deleted) return;
  for (const sh of s.shards) {
    if (src.cursors[sh.shardId] !== undefined) continue;
    let pos: number;
    if (!initial) pos = sh.store.trimIndex;
    else if (src.startPosition === 'AT_INDEX') pos = app.lastStoppedPositions?.[`${src.streamName}/${sh.shardId}`] ?? initialIndex(ctx.kinesis, s, sh, 'LATEST');
    else pos = initialIndex(ctx.kinesis, s, sh, src.startPosition);
    const c = createCursor(ctx.kinesis, sh, pos) as AppCursor;
    c.maxEventTs = -Infinity;
    c.lastRecordAt = ctx.core.now();
    src.cursors[sh.shardId] = c;
    src.order.push(sh.shardId);
  }
}

function parentsDone(src: SourceRun, c: AppCursor): boolean {
  for (const p of parentsOf(c.shard)) {
    const pc = src.cursors[p];
    if (pc !== undefined && !pc.ended) return false;
  }
  return true;
}

/** One tick of a running application. */
export function tick(ctx: AnalyticsContext, app: ApplicationState, run: RunState): void {
  const now = ctx.core.now();
  const plan = app.plan!;
  const dt = run.tickMs;
  const workKpus = Math.ceil(app.parallelism.current / app.parallelism.perKpu);
  const capacity = (workKpus * (app.recordsPerKpuSecond ?? ctx.recordsPerKpuSecond) * dt) / 1000;
  const sink = makeSink(app, run, now);
  let processed = 0;
  const backedUp = run.outputs.some((o) => o.pending.length > BACKPRESSURE_ROWS);
  for (const src of run.sources) {
    const s = ctx.kinesis.streams.get(src.streamName);
    if (s === undefined || s.deleted) continue;
    syncCursors(ctx, app, src, false);
    const live = src.order.map((id) => src.cursors[id]).filter((c) => c !== undefined && !c.ended && parentsDone(src, c));
    const perShard = live.length === 0 ? 0 : (capacity / dt) * 1000 / live.length;
    // Enhanced fan-out reads only once the consumer is ACTIVE (the job waits on DescribeStreamConsumer).
    const efoReady = src.efo === undefined || ensureConsumer(ctx, s, src.efo);
    const schema = isSqlApp(app) ? app.inputs[src.inputIndex].schema : undefined;
    const columns = schema === undefined ? undefined : sqlColumns(schema);
    for (const c of live) {
      if (backedUp || !efoReady) {
        c.iteratorAgeMs = c.position < c.shard.store.nextIndex ? now - c.shard.store.arrivalAt(c.position) : 0;
        continue;
      }
      const r = src.efo !== undefined
        ? stepEfo(ctx, s, src, c, now, dt, perShard)
        : stepCursor(ctx.kinesis, s, c, now, dt, 1, { limit: GET_RECORDS_MAX_RECORDS, recordsPerSecond: perShard });
      run.counters.readThrottles += r.throttled;
      if (r.count === 0) continue;
      c.lastRecordAt = now;
      processed += r.count;
      const shardIndex = src.order.indexOf(c.shard.shardId);
      const target = src.targets[shardIndex % src.targets.length];
      // The records GetRecords returned (materialise's range), read from the store: rows need no sequence numbers.
      const store = c.shard.store;
      const end = Math.min(store.nextIndex, r.from + r.count);
      for (let ri = Math.max(r.from, store.trimIndex); ri < end; ri++) {
        const rec = store.read(ri);
        const meta = { rowtime: now, arrival: rec.arrival, partitionKey: rec.partitionKey, shardId: c.shard.shardId };
        const parsed = schema !== undefined ? sqlRowOf(schema, columns!, rec.data, meta) : flinkRow(plan.sources[src.inputIndex].columns, rec.data, meta);
        run.counters.numRecordsIn++;
        if ('error' in parsed) {
          sink.error(target, parsed.error, { __raw: decodeUtf8(rec.data) } as unknown as Row);
          continue;
        }
        let eventTs = meta.arrival;
        if (src.timeColumn !== undefined) {
          const v = parsed.row[src.timeColumn];
          if (v !== null && typeof v === 'object') eventTs = v.ts;
          if (eventTs > c.maxEventTs) c.maxEventTs = eventTs;
        }
        const mark = { key: '', eventTs, arrival: meta.arrival, rowtime: now, shardId: c.shard.shardId, late: false };
        feed(plan, run, target, parsed.row, now, sink, mark);
        pushMark(run.records, mark);
      }
    }
  }
  // Flink: the watermark is the minimum over the shards' watermarks; idle shards hold it back unless idleness is set.
  if (!isSqlApp(app)) run.watermark = Math.max(run.watermark, watermarkOf(plan.idleTimeoutMs, run, now));
  fireAll(plan, run.queries, now, run.watermark, sink);
  sink.finish();
  flushOutputs(ctx, app, run.outputs);
  meter(ctx, app, run, now, processed, capacity);
}

/** One step of the aggregate path: the same reading, outputs and metering as tick(), by counts. */
function segmentTick(ctx: AnalyticsContext, app: ApplicationState, run: RunState): void {
  const now = ctx.core.now();
  const dt = now - run.segment!.lastStep;
  const sink = makeSink(app, run, now);
  const backedUp = run.outputs.some((o) => o.pending.length > BACKPRESSURE_ROWS);
  const { processed, capacity } = segmentStep(ctx, app, run, sink, (src) => {
    syncCursors(ctx, app, src, false);
    const live = src.order.map((id) => src.cursors[id]).filter((c) => c !== undefined && !c.ended && parentsDone(src, c));
    if (!backedUp) return live;
    for (const c of live) c.iteratorAgeMs = c.position < c.shard.store.nextIndex ? now - c.shard.store.arrivalAt(c.position) : 0;
    return [];
  });
  sink.finish();
  flushOutputs(ctx, app, run.outputs);
  meter(ctx, app, run, now, processed, capacity, dt);
}

function watermarkOf(idleMs: number, run: RunState, now: number): number {
  let wm = Infinity;
  let any = false;
  for (const src of run.sources) {
    if (src.watermarkDelayMs === undefined) continue;
    for (const id of src.order) {
      const c = src.cursors[id];
      if (c.ended) continue;
      if (idleMs > 0 && now - c.lastRecordAt >= idleMs) continue;
      any = true;
      // BoundedOutOfOrderness emits max - delay - 1 ms [FLINK-WIN].
      wm = Math.min(wm, c.maxEventTs - src.watermarkDelayMs - 1);
    }
  }
  return any ? wm : run.watermark;
}

/** Feeds a row into every query reading `stream` (legacy pumps chain through in-application streams). */
function feed(plan: ApplicationState['plan'] & object, run: RunState, stream: string, row: Row, now: number, sink: Sink, mark?: typeof run.records[number]): void {
  plan.queries.forEach((q, i) => {
    if (q.from === stream) runQuery(plan, q, run.queries[i], row, now, run.watermark, sink, mark);
  });
}

/** Output rows the application's view shows (the newest). */
const OUTPUT_ROWS_SHOWN = 200;

function makeSink(app: ApplicationState, run: RunState, now: number): Sink & { finish(): void } {
  const plan = app.plan!;
  const recent: Row[] = [];
  const sink: Sink & { finish(): void } = {
    finish: () => {
      // Each shown row with its timestamps as numbers: a for-in copy (the same keys in the same order as
      // Object.fromEntries(Object.entries(row).map(...)), rows being plain objects), without the pair arrays.
      for (let i = Math.max(0, recent.length - OUTPUT_ROWS_SHOWN); i < recent.length; i++) {
        const row = recent[i];
        let shown: Record<string, unknown> = {};
        for (const k in row) {
          // A column named __proto__ would set the prototype where fromEntries defines a property: fromEntries then.
          if (k === '__proto__') {
            shown = Object.fromEntries(Object.entries(row).map(([n, v]) => [n, v !== null && typeof v === 'object' ? v.ts : v]));
            break;
          }
          const v = row[k];
          shown[k] = v !== null && typeof v === 'object' ? v.ts : v;
        }
        run.outputRows.push(shown);
      }
      if (run.outputRows.length > OUTPUT_ROWS_SHOWN) run.outputRows.splice(0, run.outputRows.length - OUTPUT_ROWS_SHOWN);
      recent.length = 0;
    },
    records: run.records,
    windows: run.windows,
    late: (n) => {
      run.counters.numLateRecordsDropped += n;
      app.metrics.put('numLateRecordsDropped', now, n);
    },
    readsStream: (stream) => plan.queries.some((q) => q.from === stream) || run.outputs.some((o) => o.stream.toUpperCase() === stream.toUpperCase()),
    countRows: (_stream, n) => {
      // insert's counters, n times (the rows are older than the ones the view keeps).
      run.counters.numRecordsOut += n;
      app.metrics.put('numRecordsOut', now, n, 'Sum', n);
      const dup = Math.min(n, run.replayDebt);
      run.replayDebt -= dup;
      run.counters.duplicateRowsOut += dup;
      run.rowsOutSinceCheckpoint += n;
    },
    insert: (stream, row) => {
      if (plan.queries.some((q) => q.from === stream)) feed(plan, run, stream, row, now, sink);
      for (const o of run.outputs) {
        if (o.stream.toUpperCase() !== stream.toUpperCase()) continue;
        o.pending.push(serialize(row, o.format));
      }
      run.counters.numRecordsOut++;
      app.metrics.put('numRecordsOut', now, 1);
      if (run.replayDebt > 0) {
        run.replayDebt--;
        run.counters.duplicateRowsOut++;
      }
      run.rowsOutSinceCheckpoint++;
      // The view keeps the newest 200 rows: they are copied once, at the end of the tick (finish).
      recent.push(row);
      if (recent.length > 2 * OUTPUT_ROWS_SHOWN) recent.splice(0, recent.length - OUTPUT_ROWS_SHOWN);
    },
    error: (pump, message, row) => {
      run.counters.errorRows++;
      app.metrics.put('ErrorRows', now, 1);
      const raw = (row as unknown as { __raw?: string }).__raw ?? JSON.stringify(row);
      const er = errorRow(now, 'Error', message, raw, pump, now);
      for (const o of run.outputs) if (o.stream.toLowerCase() === 'error_stream') o.pending.push(serialize(er, o.format));
    },
  };
  return sink;
}

function meter(ctx: AnalyticsContext, app: ApplicationState, run: RunState, now: number, processed: number, capacity: number, dt = run.tickMs): void {
  const kpus = kpusOf(app);
  app.kpuHours += (kpus * dt) / 3600000;
  let behind = 0;
  for (const src of run.sources) for (const id of src.order) behind = Math.max(behind, src.cursors[id].iteratorAgeMs);
  run.millisBehindLatest = behind;
  app.metrics.put('KPUs', now, kpus, 'Maximum');
  app.metrics.put('MillisBehindLatest', now, behind, 'Maximum');
  app.metrics.put('numRecordsIn', now, processed);
  run.minuteProcessed += processed;
  run.minuteCapacity += capacity;
  // Checkpoints every CheckpointInterval (60 s by default) [BC-KA2].
  if (app.checkpointing.enabled && now - (run.lastCheckpoint?.time ?? run.startedAt) >= app.checkpointing.intervalMs) checkpoint(ctx, app, run);
  if (Math.floor(now / 60000) !== Math.floor((now - dt) / 60000)) {
    // A 1-minute containerCPUUtilization point; a backlog counts as a busy CPU.
    const cpu = run.minuteCapacity > 0 ? Math.min(1, run.minuteProcessed / run.minuteCapacity) : 0;
    app.metrics.put('containerCPUUtilization', now, Math.round(cpu * 100), 'Maximum');
    run.cpuMinutes.push(cpu);
    if (run.cpuMinutes.length > SCALE_DOWN_MINUTES) run.cpuMinutes.shift();
    run.minuteProcessed = 0;
    run.minuteCapacity = 0;
    autoscale(ctx, app, run);
  }
}

/**
 * Scale up when CPU >= 75 % for 15 consecutive minutes (doubling parallelism),
 * down when < 10 % for 6 hours (halving, rounding up, not below Parallelism)
 * [LIVE managed-flink how-scaling-auto]. SQL applications scale by themselves too.
 */
function autoscale(ctx: AnalyticsContext, app: ApplicationState, run: RunState): void {
  const p = app.parallelism;
  if (!p.autoScaling) return;
  const last = (n: number) => run.cpuMinutes.slice(-n);
  const maxParallelism = ctx.kpuQuota * p.perKpu;
  if (run.cpuMinutes.length >= SCALE_UP_MINUTES && last(SCALE_UP_MINUTES).every((c) => c >= SCALE_UP_CPU) && p.current < maxParallelism) {
    beginAutoscale(ctx, app, Math.min(maxParallelism, p.current * 2));
    return;
  }
  if (run.cpuMinutes.length >= SCALE_DOWN_MINUTES && last(SCALE_DOWN_MINUTES).every((c) => c < SCALE_DOWN_CPU) && p.current > p.parallelism) {
    beginAutoscale(ctx, app, Math.max(p.parallelism, Math.ceil(p.current / 2)));
  }
}

/**
 * A fault (a simulator control, like Firehose's outage switch): the job
 * restarts from its last checkpoint, re-reads what came after it, and an
 * at-least-once sink writes those rows again.
 */
export function restartFromCheckpoint(ctx: AnalyticsContext, app: ApplicationState, reason: string): void {
  const run = app.run;
  if (run === undefined) return;
  const cp = run.lastCheckpoint;
  run.replayDebt += cp === undefined ? run.counters.numRecordsOut : run.rowsOutSinceCheckpoint;
  run.rowsOutSinceCheckpoint = 0;
  if (cp !== undefined) restoreCheckpoint(run, cp, app.plan!);
  else for (const src of run.sources) for (const id of src.order) src.cursors[id].position = src.cursors[id].shard.store.trimIndex;
  ctx.core.events.emit({ type: 'applicationRestarted', time: ctx.core.now(), application: app.name, reason, fromCheckpoint: cp?.id ?? 0 });
}
