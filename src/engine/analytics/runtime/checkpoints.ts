/**
 * Checkpoints and snapshots. A checkpoint (every 60 s by default) records each
 * shard position and every query's windows; a restart replays from it, so an
 * at-least-once sink writes the rows since then again, and the counter
 * duplicateRowsOut shows how many [BC-KA2 CheckpointConfiguration; FCA
 * KinesisStreamsSink is at-least-once; KDA-SQL19 failover-checkpoint.md].
 * Snapshots (savepoints) hold the same data under a name.
 */
import type { AnalyticsContext } from '../context';
import type { ApplicationState } from '../applicationModel';
import type { Checkpoint, QueryRun, RunState } from './runState';
import type { Plan } from '../query/plan';
import { copyDense, denseFromTable, tableFromDense } from './denseGroups';

/** A deep copy of plain data (objects, arrays, Maps, typed arrays). */
export function copyData<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(copyData) as T;
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [k, copyData(x)])) as T;
  if (ArrayBuffer.isView(v)) return (v as unknown as { slice(): T }).slice();
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = copyData(x);
  return out as T;
}

/** A copy of the queries' state: dense groups by copyDense (their slot numbering shared), the rest deep. */
function copyQueries(queries: QueryRun[], into?: QueryRun[]): QueryRun[] {
  return queries.map((q, i) => {
    if (q.dense === undefined) return copyData(q);
    const { dense, ...rest } = q;
    return { ...copyData(rest), dense: copyDense(dense, into?.[i]?.dense) };
  });
}

/**
 * A restored run keeps its groups where it counts them: a checkpoint taken
 * off the aggregate path (another run's, before an update) brings a table,
 * one taken on it dense groups.
 */
function placeGroups(run: RunState, plan: Plan): void {
  const seg = run.segment;
  run.queries.forEach((q, i) => {
    const dense = seg !== undefined && seg.counts && seg.plan.queries.includes(i);
    if (dense && q.dense === undefined) q.dense = denseFromTable(q, plan.queries[i].aggFns.length);
    else if (!dense && q.dense !== undefined) {
      tableFromDense(q, q.dense);
      delete q.dense;
    }
  });
}

/** The run's positions and window state now. */
export function captureCheckpoint(run: RunState, id: number, time: number, replaces?: Checkpoint): Checkpoint {
  const positions: Checkpoint['positions'] = {};
  const maxEventTs: Checkpoint['maxEventTs'] = {};
  run.sources.forEach((s, i) => {
    positions[i] = {};
    maxEventTs[i] = {};
    // s.order lists the cursors as they were made (the cursors object's own order), without an entries array a minute.
    for (const id2 of s.order) {
      const c = s.cursors[id2];
      positions[i][id2] = c.position;
      maxEventTs[i][id2] = c.maxEventTs;
    }
  });
  return { id, time, positions, maxEventTs, queries: copyQueries(run.queries, replaces?.queries), watermark: run.watermark, rowsOut: run.counters.numRecordsOut };
}

/** Takes the periodic checkpoint. */
export function checkpoint(ctx: AnalyticsContext, app: ApplicationState, run: RunState): void {
  run.checkpointId++;
  // The previous periodic checkpoint is dropped here (restores and snapshots copy from theirs): its arrays serve the new one.
  run.lastCheckpoint = captureCheckpoint(run, run.checkpointId, ctx.core.now(), run.lastCheckpoint);
  run.rowsOutSinceCheckpoint = 0;
  app.metrics.put('lastCheckpointDuration', ctx.core.now(), 0, 'Maximum');
  ctx.core.events.emit({ type: 'applicationCheckpoint', time: ctx.core.now(), application: app.name, checkpointId: run.checkpointId });
}

/** Restores positions and windows from a checkpoint: what was read since is read again. */
export function restoreCheckpoint(run: RunState, cp: Checkpoint, plan: Plan): void {
  run.sources.forEach((s, i) => {
    for (const [id, c] of Object.entries(s.cursors)) {
      const p = cp.positions[i]?.[id];
      if (p !== undefined) {
        c.position = Math.max(p, c.shard.store.trimIndex);
        c.ended = false;
        c.maxEventTs = cp.maxEventTs[i]?.[id] ?? -Infinity;
      }
    }
  });
  run.queries = copyQueries(cp.queries);
  placeGroups(run, plan);
  run.watermark = cp.watermark;
}

/** CreateApplicationSnapshot (or a service snapshot on stop/update/scale): CREATING, then READY a few seconds later. */
export function takeSnapshot(ctx: AnalyticsContext, app: ApplicationState, name: string): void {
  const run = app.run;
  app.snapshots.push({ SnapshotName: name, SnapshotStatus: 'CREATING', ApplicationVersionId: app.versionId, SnapshotCreationTimestamp: ctx.core.now(), RuntimeEnvironment: app.runtime });
  if (run !== undefined) app.snapshotData.set(name, captureCheckpoint(run, -1, ctx.core.now()));
  ctx.core.scheduleEvent(SNAPSHOT_MS, 'analytics:snapshotReady', { app, name });
}

/** Simulated time a snapshot takes (AWS gives none; a few seconds for small state). */
export const SNAPSHOT_MS = 5000;

/** The data-event handler: the snapshot becomes READY. */
export function snapshotReady(p: { app: ApplicationState; name: string }): void {
  const s = p.app.snapshots.find((x) => x.SnapshotName === p.name);
  if (s !== undefined && s.SnapshotStatus === 'CREATING') s.SnapshotStatus = 'READY';
}
