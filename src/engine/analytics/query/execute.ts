/**
 * Runs rows through the queries. Legacy SQL windows run on ROWTIME (the time
 * a row entered the application): tumbling groups close when ROWTIME passes
 * their end, stagger windows open with the first row of a key and close a
 * fixed length later, sliding windows emit one row per input row. Flink
 * windows run on event time and close when the watermark passes end - 1 ms;
 * a record all of whose windows have closed is late and dropped (allowed
 * lateness 0) [KDA-SQL19 *-window-concepts.md; FLINK-WIN windows.md, window-tvf.md].
 */
import type { Expr, Select } from '../sql/ast';
import type { Plan, QueryPlan } from './plan';
import { evaluate, EvalError, type GroupScope } from './evaluate';
import { addAgg, mergeAgg, newAgg, type AggState } from './aggregates';
import { newPartition, slide } from './slidingWindow';
import { createForest, rowPoint, scoreBatch } from './rcf';
import { isTs, num, toJsonValue, type Row, type Value } from './values';
import type { Group, QueryRun, RecordMark, WindowMark } from '../runtime/runState';
import { VIEW_RECORDS, VIEW_WINDOWS } from '../runtime/runState';

/** Where query output goes: a named stream's next queries and its destinations. */
export interface Sink {
  /** A row inserted into `stream` (ROWTIME carried along). */
  insert(stream: string, row: Row): void;
  /** A row that failed: goes to error_stream. */
  error(pump: string, message: string, row: Row): void;
  /** The window view's marks. */
  records: RecordMark[];
  windows: WindowMark[];
  late(n: number): void;
  /** Whether a pump or a destination reads `stream` (false: its rows only feed counters and the view). */
  readsStream?(stream: string): boolean;
  /** `n` rows inserted into `stream` that nothing reads and the view does not keep: their counters only. */
  countRows?(stream: string, n: number): void;
}

/** Empty per-query state. */
export function newQueryRun(q: QueryPlan, seed: number): QueryRun {
  const run: QueryRun = { groups: {}, sessions: {}, slides: {} };
  if (q.rcf !== undefined) run.forest = createForest(q.rcf.trees, q.rcf.sampleSize, q.rcf.timeDecay, q.rcf.shingleSize, seed);
  return run;
}

/** The group key of a row: its GROUP BY / PARTITION BY values joined (the aggregate path builds the same keys). */
export function keyOf(exprs: Expr[], row: Row): string {
  if (exprs.length === 0) return '';
  if (exprs.length === 1) return keyPart(evaluate(exprs[0], row));
  return exprs.map((e) => keyPart(evaluate(e, row))).join('\u0001');
}
function keyPart(v: Value): string {
  return isTs(v) ? `t${v.ts}` : String(v);
}

function truthy(e: Expr | undefined, row: Row, g?: GroupScope): boolean {
  return e === undefined || evaluate(e, row, g) === true;
}

/** The select list applied to a row (and a group's aggregates). */
export function project(select: Select, columns: string[], row: Row, g?: GroupScope): Row {
  const out: Row = {};
  let i = 0;
  for (const it of select.items) {
    if (it.expr.k === 'star') {
      for (const [k, v] of Object.entries(row)) if (k !== 'ROWTIME' || columns.includes('ROWTIME')) out[columns[i++] ?? k] = v;
      continue;
    }
    out[columns[i] ?? it.alias ?? `EXPR$${i}`] = evaluate(it.expr, row, g);
    i++;
  }
  if (row.ROWTIME !== undefined) out.ROWTIME = row.ROWTIME;
  return out;
}

function addRow(q: QueryPlan, aggs: GroupScope['aggs'], row: Row): void {
  for (let s = 0; s < q.aggFns.length; s++) {
    const a = q.aggArgs[s];
    addAgg(aggs[s], a === null ? 1 : num(evaluate(a, row)));
  }
}

/** One row into one query. `rowtime` is the row's ROWTIME, `eventTs` its event time for the view. */
export function runQuery(plan: Plan, q: QueryPlan, run: QueryRun, row: Row, rowtime: number, watermark: number, sink: Sink, mark?: RecordMark): void {
  try {
    if (q.kind === 'rcf') return runRcf(q, run, row);
    if (!truthy(q.select.where, row)) return;
    switch (q.kind) {
      case 'map': {
        sink.insert(q.into, project(q.select, q.columns, row));
        return;
      }
      case 'sliding': return runSliding(q, run, row, rowtime, sink);
      case 'tumbling': {
        const start = Math.floor(rowtime / q.stepMs!) * q.stepMs!;
        const key = `${start}\u0002${keyOf(q.keys, row)}`;
        const g = (run.groups[key] ??= { start, end: start + q.stepMs!, rep: row, aggs: q.aggFns.map(newAgg), key: keyOf(q.keys, row) });
        addRow(q, g.aggs, row);
        if (mark !== undefined) mark.key = g.key;
        return;
      }
      case 'stagger': {
        // A window opens with the first row of a partition key and closes range later [KDA-SQL19 stagger-window-concepts.md].
        const key = keyOf(q.keys, row);
        const g = (run.groups[key] ??= { start: rowtime, end: rowtime + q.rangeMs!, rep: row, aggs: q.aggFns.map(newAgg), key });
        addRow(q, g.aggs, row);
        if (mark !== undefined) mark.key = key;
        return;
      }
      case 'tvf': return runTvf(q, run, row, watermark, sink, mark);
      case 'session': return runSession(q, run, row, watermark, sink, mark);
    }
  } catch (e) {
    if (e instanceof EvalError) sink.error(q.name, e.message, row);
    else throw e;
  }
}

/**
 * A RANDOM_CUT_FOREST row: its inner SELECT now (errors go to error_stream
 * now), its point taken in row order (shingles), its score later, when the
 * tick's rows are scored together (drainRcf). The points wait in one flat
 * array, not an array per row.
 */
function runRcf(q: QueryPlan, run: QueryRun, row: Row): void {
  const inner = (q.select.from as Extract<Select['from'], { k: 'rcf' }>).inner;
  if (!truthy(inner.where, row)) return;
  const projected = project(inner, q.innerColumns ?? inner.items.map((it, i) => it.alias ?? (it.expr.k === 'col' ? it.expr.name : `EXPR$${i}`)), row);
  // Only numeric columns count [LIVE sqlref RANDOM_CUT_FOREST].
  const vec: number[] = [];
  for (const k in projected) {
    const v = projected[k];
    if (k !== 'ROWTIME' && typeof v === 'number') vec.push(v);
  }
  const point = vec.length === 0 ? undefined : rowPoint(run.forest!, vec);
  // The score's column, in its place after the inner columns (drainRcf writes it).
  projected.ANOMALY_SCORE = 0;
  (run.rcfPending ??= []).push(projected);
  (run.rcfScored ??= []).push(point !== undefined);
  if (point !== undefined) {
    const flat = (run.rcfPoints ??= []);
    for (let i = 0; i < point.length; i++) flat.push(point[i]);
  }
}

/** Rows scored per batch: bounds the batch's scratch arrays. */
const RCF_BATCH = 8192;

/** Scores the waiting RANDOM_CUT_FOREST rows in batches and emits them in arrival order; false when none waited. */
export function drainRcf(q: QueryPlan, run: QueryRun, sink: Sink): boolean {
  const pending = run.rcfPending;
  if (pending === undefined || pending.length === 0) return false;
  const scored = run.rcfScored ?? [];
  const flat = run.rcfPoints ?? [];
  run.rcfPending = [];
  run.rcfScored = [];
  run.rcfPoints = [];
  const f = run.forest!;
  const d = f.dim, total = d === 0 ? 0 : flat.length / d;
  const pts = Float64Array.from(flat);
  const scores = new Float64Array(total);
  for (let at = 0; at < total; at += RCF_BATCH) scoreBatch(f, pts.subarray(at * d), Math.min(RCF_BATCH, total - at), scores.subarray(at));
  let j = 0;
  for (let i = 0; i < pending.length; i++) {
    // The inner row is this query's own (made by project above): the score goes on it in place.
    const withScore = pending[i];
    withScore.ANOMALY_SCORE = scored[i] ? scores[j++] : 0;
    try {
      if (!truthy(q.select.where, withScore)) continue;
      sink.insert(q.into, project(q.select, q.columns, withScore));
    } catch (e) {
      if (e instanceof EvalError) sink.error(q.name, e.message, withScore);
      else throw e;
    }
  }
  return true;
}

/**
 * The end of a tick's reading: RANDOM_CUT_FOREST batches scored, complete
 * windows fired (see fireDue; the aggregate path passes its own, which fires
 * its dense groups), and any rows those sent to a forest scored too.
 */
export function fireAll(plan: Plan, runs: QueryRun[], now: number, watermark: number, sink: Sink, fire: typeof fireDue = fireDue): void {
  drainAll(plan, runs, sink);
  plan.queries.forEach((q, i) => fire(q, runs[i], now, watermark, sink));
  drainAll(plan, runs, sink);
  trimMarks(sink.records);
}

function drainAll(plan: Plan, runs: QueryRun[], sink: Sink): void {
  // A forest's output may feed another forest's input: repeat until none waits.
  for (let again = true; again;) {
    again = false;
    plan.queries.forEach((q, i) => {
      if (q.kind === 'rcf' && drainRcf(q, runs[i], sink)) again = true;
    });
  }
}

function runSliding(q: QueryPlan, run: QueryRun, row: Row, rowtime: number, sink: Sink): void {
  const aggs: AggState[] = new Array(q.aggFns.length);
  // Each aggregate slot has its window; slots sharing one window share a partition.
  const bySlot = (run.slideSlots ??= slotWindows(q));
  for (const wname in bySlot) {
    const slots = bySlot[wname];
    const spec = q.windows![wname];
    const pkey = `${wname}\u0002${keyOf(spec.partition, row)}`;
    const fns = slots.map((s) => q.aggFns[s]);
    const p = (run.slides[pkey] ??= newPartition(fns));
    const vals = slots.map((s) => (q.aggArgs[s] === null ? 1 : num(evaluate(q.aggArgs[s]!, row))));
    slide(p, fns, rowtime, vals, spec);
    // The partition's states are read right away by the projection below, before any other row moves them.
    for (let i = 0; i < slots.length; i++) aggs[slots[i]] = p.aggs[i];
  }
  for (let s = 0; s < aggs.length; s++) aggs[s] ??= newAgg();
  // One output row per input row, even before a window is full [KDA-SQL19 sliding-window-concepts.md].
  sink.insert(q.into, project(q.select, q.columns, row, { aggs }));
}

function slotWindows(q: QueryPlan): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  const visit = (e: Expr): void => {
    if (e.k === 'call' && e.slot !== undefined) {
      const w = typeof e.over === 'string' ? e.over : `$${e.slot}`;
      (out[w] ??= []).push(e.slot);
    } else if (e.k === 'call') e.args.forEach(visit);
    else if (e.k === 'bin') { visit(e.l); visit(e.r); }
    else if (e.k === 'not' || e.k === 'neg' || e.k === 'cast' || e.k === 'isNull') visit(e.e);
  };
  for (const it of q.select.items) if (it.expr.k !== 'star') visit(it.expr);
  return out;
}

function eventTime(q: QueryPlan, row: Row, col: string): number {
  const v = row[col];
  const t = num(v === undefined ? null : v);
  if (t === null) throw new EvalError(`Event time column ${col} is null`);
  return t;
}

function runTvf(q: QueryPlan, run: QueryRun, row: Row, watermark: number, sink: Sink, mark?: RecordMark): void {
  const w = q.tvf!;
  const t = eventTime(q, row, w.timeCol);
  const starts: Array<[number, number]> = [];
  if (w.fn === 'TUMBLE') {
    const s = Math.floor(t / w.sizeMs) * w.sizeMs;
    starts.push([s, s + w.sizeMs]);
  } else if (w.fn === 'HOP') {
    for (let s = Math.floor(t / w.slideMs) * w.slideMs; s > t - w.sizeMs; s -= w.slideMs) starts.push([s, s + w.sizeMs]);
  } else {
    // CUMULATE(step, size): windows [base, base + k*step) for every k whose end is past t.
    const base = Math.floor(t / w.sizeMs) * w.sizeMs;
    for (let e = base + w.slideMs; e <= base + w.sizeMs; e += w.slideMs) if (e > t) starts.push([base, e]);
  }
  const k = keyOf(q.keys, row);
  if (mark !== undefined) mark.key = k;
  let accepted = 0;
  for (const [s, e] of starts) {
    if (e - 1 <= watermark) continue; // this window has fired: the record is late for it
    const key = `${s}\u0002${e}\u0002${k}`;
    const g = (run.groups[key] ??= { start: s, end: e, rep: row, aggs: q.aggFns.map(newAgg), key: k });
    addRow(q, g.aggs, row);
    accepted++;
  }
  if (accepted === 0) {
    sink.late(1);
    if (mark !== undefined) mark.late = true;
  }
}

function runSession(q: QueryPlan, run: QueryRun, row: Row, watermark: number, sink: Sink, mark?: RecordMark): void {
  const { timeCol, gapMs } = q.session!;
  const t = eventTime(q, row, timeCol);
  const k = keyOf(q.keys, row);
  if (mark !== undefined) mark.key = k;
  const list = (run.sessions[k] ??= []);
  // A session covers [start, lastEvent + gap); an element within gap of one joins (and may merge) them.
  const touching = list.filter((g) => t >= g.start - gapMs && t < g.end);
  if (touching.length === 0) {
    if (t + gapMs - 1 <= watermark) {
      sink.late(1);
      if (mark !== undefined) mark.late = true;
      return;
    }
    const g: Group = { start: t, end: t + gapMs, rep: row, aggs: q.aggFns.map(newAgg), key: k };
    addRow(q, g.aggs, row);
    list.push(g);
    list.sort((a, b) => a.start - b.start);
    return;
  }
  const into = touching[0];
  for (const other of touching.slice(1)) {
    other.aggs.forEach((a, i) => mergeAgg(into.aggs[i], a));
    into.start = Math.min(into.start, other.start);
    into.end = Math.max(into.end, other.end);
    list.splice(list.indexOf(other), 1);
  }
  into.start = Math.min(into.start, t);
  into.end = Math.max(into.end, t + gapMs);
  addRow(q, into.aggs, row);
}

/**
 * Emits every window that is complete: legacy windows when ROWTIME (`now`)
 * reaches their end, Flink windows when the watermark reaches end - 1 ms.
 */
export function fireDue(q: QueryPlan, run: QueryRun, now: number, watermark: number, sink: Sink): void {
  if (q.kind === 'tumbling' || q.kind === 'stagger') {
    const due: Group[] = [];
    for (const key in run.groups) {
      const g = run.groups[key];
      if (g.end > now) continue;
      delete run.groups[key];
      due.push(g);
    }
    // The window view keeps the newest VIEW_WINDOWS marks: only those are built (a minute of 10,000 keys fires 10,000 rows).
    for (let i = 0; i < due.length; i++) emitGroup(q, due[i], due[i].end, sink, i >= due.length - VIEW_WINDOWS);
  } else if (q.kind === 'tvf') {
    const due = Object.entries(run.groups).filter(([, g]) => g.end - 1 <= watermark).sort((a, b) => a[1].end - b[1].end || a[1].start - b[1].start);
    for (const [key, g] of due) {
      delete run.groups[key];
      emitGroup(q, g, g.end - 1, sink);
    }
  } else if (q.kind === 'session') {
    // Sessions fire in the order their end-of-window timers do.
    const due: Group[] = [];
    for (const [k, list] of Object.entries(run.sessions)) {
      while (list.length > 0 && list[0].end - 1 <= watermark) due.push(list.shift()!);
      if (list.length === 0) delete run.sessions[k];
    }
    due.sort((a, b) => a.end - b.end || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const g of due) emitGroup(q, g, g.end - 1, sink);
  }
}

function emitGroup(q: QueryPlan, g: Group, rowtime: number, sink: Sink, mark = true): void {
  const scope: GroupScope = { aggs: g.aggs, windowStart: g.start, windowEnd: g.end };
  // Group expressions (STEP(ROWTIME ...)) take the group's value; the output row's ROWTIME is when it is emitted.
  const rep = g.rep;
  try {
    if (!truthy(q.select.having, rep, scope)) return;
    const out = project(q.select, q.columns, rep, scope);
    out.ROWTIME = { ts: rowtime };
    sink.insert(q.into, out);
    if (!mark) return;
    sink.windows.push({ query: q.name, key: g.key, start: g.start, end: g.end, firedAt: rowtime, row: Object.fromEntries(Object.entries(out).map(([k, v]) => [k, toJsonValue(v)])) });
    if (sink.windows.length > VIEW_WINDOWS) sink.windows.splice(0, sink.windows.length - VIEW_WINDOWS);
  } catch (e) {
    if (e instanceof EvalError) sink.error(q.name, e.message, rep);
    else throw e;
  }
}

/**
 * Keeps the view's record marks bounded: trimmed to the newest VIEW_RECORDS
 * once they reach twice that (a shift per record would move them all), and
 * exactly at the end of every tick (fireAll), before anyone looks.
 */
export function pushMark(marks: RecordMark[], m: RecordMark): void {
  marks.push(m);
  if (marks.length >= 2 * VIEW_RECORDS) trimMarks(marks);
}

function trimMarks(marks: RecordMark[]): void {
  if (marks.length > VIEW_RECORDS) marks.splice(0, marks.length - VIEW_RECORDS);
}

