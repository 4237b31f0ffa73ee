/**
 * The aggregate path: a legacy SQL application whose pumps segmentPlan.ts
 * accepts reads its shards in steps of up to a minute (each step standing for
 * one GetRecords poll a second, on the shards' shared read windows as the bulk
 * consumers read) and adds each segment's per-key counts (keySchedule.ts) to
 * the tumbling groups, without materialising a record. Records the recipes
 * cannot count (records put through the API, several producers on a shard,
 * KPL aggregates, a key that fails its column type) take the exact path, row
 * by row, in the same groups.
 *
 * The read model, the same for both paths: the step ends at the first poll at
 * or after a window boundary; a poll at time t sees the records written before
 * t; the reader takes what its processing capacity and the read limits allow
 * over the step (ShardCursor.stepCursor's bulk mode), the records the step's
 * earlier polls could take going to the window before the boundary and the
 * rest to the last poll's window. While the application keeps up this is the
 * read the once-a-second poller makes, record for record.
 */
import type { AnalyticsContext } from '../context';
import type { ApplicationState } from '../applicationModel';
import { stepCursor, materialise } from '../../traffic/consumers/shardCursor';
import { GET_RECORDS_MAX_RECORDS } from '../../kinesis/constants';
import { SegmentBlock } from '../../kinesis/segmentBlock';
import { addLaneKeyCounts, laneKeyAt, laneKeyCounter, type SegmentRecipe } from '../../kinesis/segmentRecipe';
import type { MaterialiserRegistry } from '../../core/materialisers';
import type { ShardState } from '../../kinesis/shardModel';
import { decodeUtf8 } from '../../core/utf8';
import { evaluate, EvalError } from '../query/evaluate';
import { fireAll, fireDue, keyOf, pushMark, runQuery, type Sink } from '../query/execute';
import type { QueryPlan } from '../query/plan';
import type { SegmentPlan } from '../query/segmentPlan';
import { num, type Row } from '../query/values';
import { coerce, sqlRow } from './rows';
import type { AppCursor, QueryRun, RecordMark, RunState, SourceRun } from './runState';
import { denseRow, fireDense, openGroup, slotFor, windowAt } from './denseGroups';

/** Per shard: what one lane's keys mean to the queries (plain data, rebuilt when a segment brings another recipe). */
export interface LaneFacts {
  /** The segment (its first index) these facts are for, and its one lane's recipe (later segments with the same recipe share them). */
  block: number;
  recipe: SegmentRecipe | undefined;
  /** False when the lane's records must be read one by one. */
  countable: boolean;
  keys: string[];
  /** The row every record of key k gives (ROWTIME aside). */
  rows: Row[];
  /** Per source query (SegmentPlan.queries order), per key: the group key, or null when WHERE drops it. */
  groups: Array<Array<string | null>>;
  /** ...and each aggregate argument's value (null: skipped, as a NULL is). */
  args: Array<Array<Array<number | null>>>;
  /** The same per query as one array, key-major ([k * aggregates + s], NaN for null): the counting loop reads no nested arrays. */
  argv: Float64Array[];
  /**
   * Per source query, per key: its group's slot in the query's dense groups
   * (-1 when WHERE drops it), and the slot numbering (DenseGroups.keys) they
   * are for: a run given other dense groups numbers its slots anew.
   */
  slots: Int32Array[];
  slotsFor: Array<string[] | undefined>;
}

/** The aggregate path's state in a run. */
export interface SegmentRunState {
  plan: SegmentPlan;
  /** End of the last step (the run's start before the first). */
  lastStep: number;
  lanes: Record<string, LaneFacts>;
  /** False: read the same steps record by record (the exact path, to compare). */
  counts: boolean;
}

/**
 * Scratch for a range's per-key counts, filled and read within one addCounts
 * (not state): one buffer for every lane, so it stays in cache where a buffer
 * per shard, touched once a minute, was a cache miss at each use.
 */
let scratchCounts = new Float64Array(256);

/** Records the window view marks per step, spread over the shards. */
const MARKS_PER_STEP = 16;

/** The end of the step after `from`: the first poll at or after the next window boundary. */
export function nextStepEnd(seg: SegmentRunState, from: number, pollMs: number, origin: number): number {
  const s = seg.plan.stepMs;
  const boundary = (Math.floor((from + pollMs - 1) / s) + 1) * s;
  // The polls fall on origin + k * pollMs.
  const k = Math.ceil((boundary - origin) / pollMs);
  const end = origin + k * pollMs;
  return end > from ? end : end + pollMs;
}

/** One step of an application on the aggregate path (the tick handler calls it instead of tick()). */
export function segmentStep(ctx: AnalyticsContext, app: ApplicationState, run: RunState, sink: Sink, live: (src: SourceRun) => AppCursor[]): { processed: number; capacity: number } {
  const seg = run.segment!;
  const now = ctx.core.now();
  const plan = app.plan!;
  const windowMs = now - seg.lastStep;
  seg.lastStep = now;
  const polls = Math.max(1, Math.round(windowMs / run.tickMs));
  const workKpus = Math.ceil(app.parallelism.current / app.parallelism.perKpu);
  const capacity = (workKpus * (app.recordsPerKpuSecond ?? ctx.recordsPerKpuSecond) * windowMs) / 1000;
  let processed = 0;
  let marked = 0;
  for (const src of run.sources) {
    const s = ctx.kinesis.streams.get(src.streamName);
    if (s === undefined || s.deleted) continue;
    const cursors = live(src);
    const perShard = cursors.length === 0 ? 0 : (capacity / windowMs) * 1000 / cursors.length;
    const every = Math.max(1, Math.ceil(cursors.length / MARKS_PER_STEP));
    for (let n = 0; n < cursors.length; n++) {
      const c = cursors[n];
      const store = c.shard.store;
      const visible = store.writtenBefore(now);
      const from = Math.max(c.position, store.trimIndex);
      const r = stepCursor(ctx.kinesis, s, c, now, windowMs, polls, { limit: GET_RECORDS_MAX_RECORDS, recordsPerSecond: perShard }, Math.max(0, visible - from));
      run.counters.readThrottles += r.throttled;
      if (r.count === 0) continue;
      c.lastRecordAt = now;
      processed += r.count;
      const end = r.from + r.count;
      // Records the polls before the last could take: those written before the previous poll, within their share of the step's room.
      let split = r.from;
      if (polls > 1) {
        split = Math.min(end, store.writtenBefore(now - run.tickMs));
        if (end < visible) split = Math.min(split, r.from + Math.floor((r.count * (polls - 1)) / polls));
      }
      // One in-application stream (InputParallelism 1, the default) takes every shard: no search for the shard's place.
      const target = src.targets.length === 1 ? src.targets[0] : src.targets[src.order.indexOf(c.shard.shardId) % src.targets.length];
      if (split > r.from) readRange(app, run, seg, src, c.shard, target, r.from, split, now - run.tickMs, sink);
      if (end > split) readRange(app, run, seg, src, c.shard, target, split, end, now, sink);
      if (n % every === 0 && marked < MARKS_PER_STEP) {
        marked++;
        markRecord(run, seg, c.shard, end - 1, now);
      }
    }
  }
  fireAll(plan, run.queries, now, run.watermark, sink, fireSegmentQuery);
  return { processed, capacity };
}

/** fireDue, with the source pumps' dense groups fired by fireDense. */
function fireSegmentQuery(q: QueryPlan, qr: QueryRun, now: number, watermark: number, sink: Sink): void {
  if (qr.dense !== undefined) fireDense(q, qr.dense, now, sink);
  else fireDue(q, qr, now, watermark, sink);
}

/** Feeds records [from, to) of a shard, read at `rowtime`, counting what the recipes can count. */
function readRange(app: ApplicationState, run: RunState, seg: SegmentRunState, src: SourceRun, shard: ShardState, target: string, from: number, to: number, rowtime: number, sink: Sink): void {
  const store = shard.store;
  let i = from;
  while (i < to) {
    const block = store.blockOf(i);
    const j = Math.min(to, block.firstIndex + block.count);
    const facts = seg.counts && block instanceof SegmentBlock ? factsOf(app, seg, shard, block) : undefined;
    if (facts !== undefined && facts.countable) addCounts(app, run, seg, facts, shard.store.mats!, (block as SegmentBlock).lanes[0], i, j, rowtime);
    else exactRecords(app, run, src, shard, target, i, j, rowtime, sink);
    i = j;
  }
}

/** The lane facts of a segment for this shard, built on the segment's first read. */
function factsOf(app: ApplicationState, seg: SegmentRunState, shard: ShardState, block: SegmentBlock): LaneFacts {
  const had = seg.lanes[shard.shardId];
  if (had !== undefined && had.block === block.firstIndex) return had;
  // A new segment of the same lane (a producer keeps its recipe while its rate and shards stay): the same facts.
  if (had !== undefined && block.lanes.length === 1 && had.recipe === block.lanes[0]) {
    had.block = block.firstIndex;
    return had;
  }
  const facts: LaneFacts = { block: block.firstIndex, recipe: block.lanes.length === 1 ? block.lanes[0] : undefined, countable: false, keys: [], rows: [], groups: [], args: [], argv: [], slots: [], slotsFor: [] };
  seg.lanes[shard.shardId] = facts;
  const lane = block.lanes.length === 1 && shard.store.mats !== undefined ? laneKeyCounter(shard.store.mats, block.lanes[0]) : undefined;
  const keys = lane?.keys;
  const fields = lane?.fields;
  if (lane === undefined || keys === undefined || fields === undefined) return facts;
  if (!seg.plan.keyColumns.every((c) => fields.includes(c.field))) return facts;
  const plan = app.plan!;
  try {
    for (const key of keys) {
      const row: Row = { PARTITION_KEY: key, SHARD_ID: shard.shardId };
      for (const c of seg.plan.keyColumns) {
        const v = coerce(key, c.sqlType);
        // A key its column cannot hold makes error_stream rows: the exact path writes them.
        if ('error' in v) return facts;
        row[c.name] = v.v;
      }
      facts.rows.push(row);
    }
    seg.plan.queries.forEach((qi, n) => {
      const q = plan.queries[qi];
      facts.groups[n] = facts.rows.map((row) => (q.select.where === undefined || evaluate(q.select.where, row) === true ? keyOf(q.keys, row) : null));
      facts.args[n] = facts.rows.map((row) => q.aggArgs.map((a) => (a === null ? 1 : num(evaluate(a, row)))));
    });
  } catch (e) {
    if (e instanceof EvalError) return facts; // the exact path sends these rows to error_stream
    throw e;
  }
  // Sums of non-integers depend on the order of the additions: those lanes are read one by one.
  if (facts.args.some((perKey) => perKey.some((vals) => vals.some((v) => v !== null && !Number.isInteger(v))))) return facts;
  facts.argv = facts.args.map((perKey) => Float64Array.from(perKey.flat(), (v) => (v === null ? NaN : v)));
  facts.keys = [...keys];
  facts.countable = true;
  return facts;
}

/** Adds the per-key counts of one lane's records [from, to) to every source query's groups. */
function addCounts(app: ApplicationState, run: RunState, seg: SegmentRunState, facts: LaneFacts, mats: MaterialiserRegistry, recipe: SegmentRecipe, from: number, to: number, rowtime: number): void {
  const plan = app.plan!;
  const nKeys = facts.keys.length;
  if (scratchCounts.length < nKeys) scratchCounts = new Float64Array(nKeys * 2);
  const counts = scratchCounts;
  counts.fill(0, 0, nKeys);
  // No cursor: a range of a length counted before is counted by rank lookups (keySchedule.ts's WeylPoints), from its own start.
  addLaneKeyCounts(mats, recipe, from, to, counts);
  run.counters.numRecordsIn += to - from;
  const queries = seg.plan.queries;
  for (let n = 0; n < queries.length; n++) {
    const qi = queries[n];
    const q = plan.queries[qi];
    const step = q.stepMs!;
    const start = Math.floor(rowtime / step) * step;
    const d = run.queries[qi].dense!;
    if (facts.slotsFor[n] !== d.keys) {
      facts.slots[n] = Int32Array.from(facts.groups[n], (gk) => (gk === null ? -1 : slotFor(d, gk)));
      facts.slotsFor[n] = d.keys;
    }
    const w = windowAt(d, start, start + step);
    const slots = facts.slots[n];
    const argv = facts.argv[n];
    const nAggs = d.aggs;
    for (let k = 0; k < nKeys; k++) {
      const c = counts[k];
      const slot = slots[k];
      if (c === 0 || slot < 0) continue;
      let g = slot < w.at.length ? w.at[slot] - 1 : -1;
      // A group opens with the key's first records in the window: its rep is the key's row at this read's ROWTIME.
      if (g < 0) g = openGroup(d, w, slot, facts.rows[k], rowtime);
      const a = w.aggs;
      for (let s = 0, o = g * 4 * nAggs, x = k * nAggs; s < nAggs; s++, o += 4, x++) {
        const v = argv[x];
        if (v !== v) continue; // NaN: a NULL argument
        // addAgg, c times (integers: the sum is exact in any order).
        a[o] += c;
        a[o + 1] += v * c;
        if (v < a[o + 2]) a[o + 2] = v;
        if (v > a[o + 3]) a[o + 3] = v;
      }
    }
  }
}

/** The exact path for records [from, to): materialised, parsed and fed row by row (as tick() does). */
function exactRecords(app: ApplicationState, run: RunState, src: SourceRun, shard: ShardState, target: string, from: number, to: number, rowtime: number, sink: Sink): void {
  const plan = app.plan!;
  const schema = app.inputs[src.inputIndex].schema;
  for (const rec of materialise(shard, from, to - from)) {
    const meta = { rowtime, arrival: rec.ApproximateArrivalTimestamp, partitionKey: rec.PartitionKey, shardId: shard.shardId };
    const parsed = sqlRow(schema, rec.Data, meta);
    run.counters.numRecordsIn++;
    if ('error' in parsed) {
      sink.error(target, parsed.error, { __raw: decodeUtf8(rec.Data) } as unknown as Row);
      continue;
    }
    const mark: RecordMark = { key: '', eventTs: meta.arrival, arrival: meta.arrival, rowtime, shardId: shard.shardId, late: false };
    plan.queries.forEach((q, i) => {
      if (q.from !== target) return;
      const dense = run.queries[i].dense;
      if (dense !== undefined) denseRow(q, dense, parsed.row, rowtime, sink, mark);
      else runQuery(plan, q, run.queries[i], parsed.row, rowtime, run.watermark, sink, mark);
    });
    pushMark(run.records, mark);
  }
}

/** One record for the window view (its key and clocks; a sample, the counts being what the query sees). */
function markRecord(run: RunState, seg: SegmentRunState, shard: ShardState, index: number, rowtime: number): void {
  const facts = seg.lanes[shard.shardId];
  const block = shard.store.blockOf(index);
  if (facts === undefined || !facts.countable || !(block instanceof SegmentBlock) || block.firstIndex !== facts.block) return;
  // The key and arrival the stored record has, without making its payload (the recipe's key schedule).
  const pk = laneKeyAt(shard.store.mats!, block.lanes[0], index) ?? shard.store.read(index).partitionKey;
  const arrival = block.arrivalAt(index);
  const k = facts.keys.indexOf(pk);
  const key = k < 0 ? pk : (facts.groups[0][k] ?? pk);
  pushMark(run.records, { key, eventTs: arrival, arrival, rowtime, shardId: shard.shardId, late: false });
}
