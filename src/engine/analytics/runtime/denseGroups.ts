/**
 * The aggregate path's tumbling groups, in columns (segmentAggregates.ts).
 * A minute of 10,000 keys is 10,000 groups: as objects in a string-keyed table
 * (execute.ts's QueryRun.groups) each costs a key string, a table entry, a rep
 * row and aggregate arrays that live a minute (old-space garbage), and a copy
 * of all of them in every 60 s checkpoint. Here a group key gets a slot once,
 * kept across windows (the same keys come back every window), and a window
 * holds its groups in typed arrays, in the order they opened: a checkpoint
 * copies a few arrays.
 *
 * The groups and the rows they fire are those of the table, in the same
 * order: a group opens with the first row (or count) of its key in its
 * window, its rep is that row (a counted lane's key row with the ROWTIME it
 * was read at), its aggregates take the same additions in the same order, and
 * fireDense emits due groups in opening order as fireDue does. Rows nobody
 * reads (no pump, no destination reads the stream) and the window view does
 * not keep are counted, not built, when building them cannot fail.
 */
import type { Expr } from '../sql/ast';
import type { QueryPlan } from '../query/plan';
import { AGG_FNS, type AggState } from '../query/aggregates';
import { evaluate, EvalError, type GroupScope } from '../query/evaluate';
import { keyOf, project, type Sink } from '../query/execute';
import { isTs, num, toJsonValue, type Row, type Value } from '../query/values';
import type { Group, QueryRun } from './runState';
import { VIEW_WINDOWS } from './runState';

/** One query's groups on the aggregate path. */
export interface DenseGroups {
  /**
   * The group key of each slot, and each key's slot. Append-only (a slot is
   * never reused or renumbered), so checkpoints share them: slots a restored
   * run holds beyond its windows' are never read.
   */
  keys: string[];
  slotOf: Record<string, number>;
  /** Open windows (usually one or two). */
  windows: DenseWindow[];
  /** Groups opened so far: orders the groups of several windows firing together, as the table's insertion order did. */
  opened: number;
  /** Aggregates per group (the query's aggregate slots). */
  aggs: number;
  /** The last fired window, emptied, for the next window to reuse (a window a minute would otherwise allocate its arrays anew). */
  spare?: DenseWindow;
}

/** One tumbling window's groups, in the order they opened. */
export interface DenseWindow {
  start: number;
  end: number;
  /** Groups in the window. */
  n: number;
  /** By slot: 1 + the group's index, 0 when the key has no group in this window. */
  at: Int32Array;
  /** By group: its slot, its opening number, its rep and the ROWTIME to give the rep (NaN: the rep is a whole row). */
  slot: Int32Array;
  order: Float64Array;
  reps: Row[];
  first: Float64Array;
  /** By group: [count, sum, min, max] per aggregate, as AggState holds them. */
  aggs: Float64Array;
}

/** Empty groups for a query with `aggs` aggregates. */
export function newDense(aggs: number): DenseGroups {
  return { keys: [], slotOf: {}, windows: [], opened: 0, aggs };
}

/** The slot of group key `key` (made on first use). */
export function slotFor(d: DenseGroups, key: string): number {
  const s = d.slotOf[key];
  if (s !== undefined) return s;
  d.keys.push(key);
  return (d.slotOf[key] = d.keys.length - 1);
}

/** The open window starting at `start` (made on first use). */
export function windowAt(d: DenseGroups, start: number, end: number): DenseWindow {
  const ws = d.windows;
  for (let i = 0; i < ws.length; i++) if (ws[i].start === start) return ws[i];
  const spare = d.spare;
  if (spare !== undefined) {
    d.spare = undefined;
    spare.start = start;
    spare.end = end;
    ws.push(spare);
    return spare;
  }
  // Sized for every key seen so far: a GROUP BY key window usually holds them all.
  const cap = Math.max(64, d.keys.length);
  const w: DenseWindow = {
    start, end, n: 0, at: new Int32Array(cap), slot: new Int32Array(cap), order: new Float64Array(cap),
    reps: new Array<Row>(cap), first: new Float64Array(cap), aggs: new Float64Array(cap * 4 * d.aggs),
  };
  ws.push(w);
  return w;
}

/** Empties a fired window for reuse (its slots' entries cleared; reps are overwritten as groups open). */
function recycle(d: DenseGroups, w: DenseWindow): void {
  for (let g = 0; g < w.n; g++) w.at[w.slot[g]] = 0;
  w.n = 0;
  d.spare = w;
}

/** The index of the group of `slot` in `w`, or -1. */
export function groupOf(w: DenseWindow, slot: number): number {
  return slot < w.at.length ? w.at[slot] - 1 : -1;
}

/** Opens the group of `slot` in `w` with rep `rep` (ROWTIME `first` added to it, or NaN: `rep` is whole); returns its index. */
export function openGroup(d: DenseGroups, w: DenseWindow, slot: number, rep: Row, first: number): number {
  if (slot >= w.at.length) w.at = grownInt(w.at, Math.max(slot + 1, d.keys.length));
  const g = w.n++;
  if (g >= w.slot.length) {
    const cap = Math.max(64, w.slot.length * 2);
    w.slot = grownInt(w.slot, cap);
    w.order = grownFloat(w.order, cap);
    w.first = grownFloat(w.first, cap);
    w.aggs = grownFloat(w.aggs, cap * 4 * d.aggs);
  }
  w.at[slot] = g + 1;
  w.slot[g] = slot;
  w.order[g] = d.opened++;
  w.reps[g] = rep;
  w.first[g] = first;
  for (let s = 0, o = g * 4 * d.aggs; s < d.aggs; s++, o += 4) {
    w.aggs[o] = 0;
    w.aggs[o + 1] = 0;
    w.aggs[o + 2] = Infinity;
    w.aggs[o + 3] = -Infinity;
  }
  return g;
}

function grownInt(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}
function grownFloat(a: Float64Array, n: number): Float64Array {
  const b = new Float64Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/** Adds value `v` (null: skipped), `c` times, to aggregate `s` of group `g` (addAgg c times; callers keep sums exact). */
export function addDense(d: DenseGroups, w: DenseWindow, g: number, s: number, v: number | null, c: number): void {
  if (v === null) return;
  const a = w.aggs;
  const o = (g * d.aggs + s) * 4;
  a[o] += c;
  a[o + 1] += v * c;
  if (v < a[o + 2]) a[o + 2] = v;
  if (v > a[o + 3]) a[o + 3] = v;
}

/** One row into a tumbling query's dense groups: runQuery's tumbling case, step for step (an error midway leaves what it added). */
export function denseRow(q: QueryPlan, d: DenseGroups, row: Row, rowtime: number, sink: Sink, mark?: { key: string }): void {
  try {
    if (q.select.where !== undefined && evaluate(q.select.where, row) !== true) return;
    const start = Math.floor(rowtime / q.stepMs!) * q.stepMs!;
    const key = keyOf(q.keys, row);
    const w = windowAt(d, start, start + q.stepMs!);
    const slot = slotFor(d, key);
    let g = groupOf(w, slot);
    if (g < 0) g = openGroup(d, w, slot, row, NaN);
    for (let s = 0; s < q.aggFns.length; s++) {
      const a = q.aggArgs[s];
      addDense(d, w, g, s, a === null ? 1 : num(evaluate(a, row)), 1);
    }
    if (mark !== undefined) mark.key = key;
  } catch (e) {
    if (e instanceof EvalError) sink.error(q.name, e.message, row);
    else throw e;
  }
}

/** The rep row of group `g` (a counted key's row gets the ROWTIME it opened at). */
function repOf(w: DenseWindow, g: number): Row {
  const f = w.first[g];
  if (Number.isNaN(f)) return w.reps[g];
  // { ...rep, ROWTIME: { ts: f } }, copied by for-in: the same keys in the same order (reps are plain rows, nothing
  // enumerable inherited), where V8's spread of these rows costs several times more (500 reps a minute).
  const rep = w.reps[g];
  const out: Row = {};
  for (const k in rep) {
    // A column named __proto__ would set the prototype where the spread defines a property: the spread then.
    if (k === '__proto__') return { ...rep, ROWTIME: { ts: f } };
    out[k] = rep[k];
  }
  out.ROWTIME = { ts: f };
  return out;
}

/** Loads group `g`'s aggregates into `scope` (scratch AggStates, read by evaluate only). */
function loadScope(d: DenseGroups, w: DenseWindow, g: number, scope: GroupScope): void {
  for (let s = 0, o = g * 4 * d.aggs; s < d.aggs; s++, o += 4) {
    const t = scope.aggs[s];
    t[0] = w.aggs[o];
    t[1] = w.aggs[o + 1];
    t[2] = w.aggs[o + 2];
    t[3] = w.aggs[o + 3];
  }
  scope.windowStart = w.start;
  scope.windowEnd = w.end;
}

/** Whether evaluating `e` can never throw EvalError (then a row nobody reads need not be built to know it is emitted). */
function cannotFail(e: Expr): boolean {
  switch (e.k) {
    case 'num': case 'str': case 'bool': case 'null': case 'interval': case 'col': return true;
    case 'not': case 'neg': case 'isNull': return cannotFail(e.e);
    case 'cast': return /^(VARCHAR|CHAR|STRING|TIMESTAMP)\b/.test(e.type) && cannotFail(e.e);
    case 'bin': return ['AND', 'OR', '||', '=', '<>', '<', '<=', '>', '>='].includes(e.op) && cannotFail(e.l) && cannotFail(e.r);
    case 'call':
      if (e.slot !== undefined) return AGG_FNS.has(e.fn);
      return ['STEP', 'FLOOR', 'CEIL', 'ABS', 'UPPER', 'LOWER', 'CHAR_LENGTH'].includes(e.fn) && e.args.every(cannotFail);
  }
}

/** Rows the view keeps of a tick's output (makeSink's OUTPUT_ROWS_SHOWN): later rows of the same tick push older ones out. */
const ROWS_SHOWN = 200;

/**
 * Emits the groups of every window whose end ROWTIME (`now`) has reached, in
 * the order they opened, as fireDue does for the table: HAVING, the select
 * list, the output row at the window's end, and a window-view mark for the
 * newest VIEW_WINDOWS.
 */
export function fireDense(q: QueryPlan, d: DenseGroups, now: number, sink: Sink): void {
  const due: DenseWindow[] = [];
  for (let i = 0; i < d.windows.length;) {
    if (d.windows[i].end <= now) due.push(d.windows.splice(i, 1)[0]);
    else i++;
  }
  if (due.length === 0) return;
  // The due groups in opening order: group i is gs[i] of ws[i] (one window, the usual case: group i of it).
  let ws: DenseWindow[] | undefined, gs: number[] | undefined;
  if (due.length > 1) {
    const all: Array<[DenseWindow, number]> = [];
    for (const w of due) for (let g = 0; g < w.n; g++) all.push([w, g]);
    all.sort((a, b) => a[0].order[a[1]] - b[0].order[b[1]]);
    ws = all.map((x) => x[0]);
    gs = all.map((x) => x[1]);
  }
  const one = due[0];
  const total = gs === undefined ? one.n : gs.length;
  const scope: GroupScope = { aggs: q.aggFns.map((): AggState => [0, 0, 0, 0]) };
  const having = q.select.having;
  const marks: Array<{ i: number; out: Row }> = [];
  // emitGroup for due group i: HAVING (unless known), the select list, the row at the window's end, a mark for the newest.
  const emit = (i: number, checkHaving: boolean): void => {
    const w = ws === undefined ? one : ws[i], g = gs === undefined ? i : gs[i];
    const rep = repOf(w, g);
    loadScope(d, w, g, scope);
    try {
      if (checkHaving && having !== undefined && evaluate(having, rep, scope) !== true) return;
      const out = project(q.select, q.columns, rep, scope);
      out.ROWTIME = { ts: w.end };
      sink.insert(q.into, out);
      if (i >= total - VIEW_WINDOWS) marks.push({ i, out });
    } catch (e) {
      if (e instanceof EvalError) sink.error(q.name, e.message, rep);
      else throw e;
    }
  };
  const countOnly = sink.countRows !== undefined && sink.readsStream !== undefined && !sink.readsStream(q.into) && q.select.items.every((it) => it.expr.k !== 'star' && cannotFail(it.expr));
  if (!countOnly) {
    for (let i = 0; i < total; i++) emit(i, true);
  } else {
    // Nothing reads the stream: only the view sees rows (marks for the newest VIEW_WINDOWS due groups, rows for
    // the newest ROWS_SHOWN emitted), so the older rows are counted. HAVING still decides each one (errors in order).
    const pass = new Uint8Array(total);
    for (let i = 0; i < total; i++) {
      if (having === undefined) { pass[i] = 1; continue; }
      const w = ws === undefined ? one : ws[i], g = gs === undefined ? i : gs[i];
      const rep = repOf(w, g);
      loadScope(d, w, g, scope);
      try {
        if (evaluate(having, rep, scope) === true) pass[i] = 1;
      } catch (e) {
        if (e instanceof EvalError) sink.error(q.name, e.message, rep);
        else throw e;
      }
    }
    let cut = Math.max(0, total - VIEW_WINDOWS);
    let seen = 0;
    for (let i = total - 1; i >= 0; i--) {
      if (pass[i] === 1 && ++seen === ROWS_SHOWN) { cut = Math.min(cut, i); break; }
    }
    if (seen < ROWS_SHOWN) cut = 0;
    let counted = 0;
    for (let i = 0; i < cut; i++) counted += pass[i];
    if (counted > 0) sink.countRows!(q.into, counted);
    for (let i = cut; i < total; i++) if (pass[i] === 1) emit(i, false);
  }
  // Marks are pushed as emitGroup pushes them (no insert above pushes one) and trimmed once.
  // toJsonValue, with each timestamp's text made once (a window's rows share their ROWTIME and window bounds).
  let lastTs = NaN, lastText = '';
  const json = (v: Value): unknown => {
    if (!isTs(v)) return v;
    if (v.ts !== lastTs) {
      lastTs = v.ts;
      lastText = toJsonValue(v) as string;
    }
    return lastText;
  };
  for (const { i, out } of marks) {
    const w = ws === undefined ? one : ws[i], g = gs === undefined ? i : gs[i];
    const row: Record<string, unknown> = {};
    for (const k in out) row[k] = json(out[k]);
    sink.windows.push({ query: q.name, key: d.keys[w.slot[g]], start: w.start, end: w.end, firedAt: w.end, row });
  }
  if (sink.windows.length > VIEW_WINDOWS) sink.windows.splice(0, sink.windows.length - VIEW_WINDOWS);
  recycle(d, due[due.length - 1]);
  if (d.keys.length > COMPACT_MIN_SLOTS) compact(d);
}

/** Slots kept before compact() looks at them (a day of 10,000 keys stays far below). */
const COMPACT_MIN_SLOTS = 1 << 17;

/**
 * Keys that stop coming back (records put with ever-new keys) would keep their
 * slots for ever: once the numbering holds four times the keys the open
 * windows use, it is made anew from those alone. A new keys array, so lane
 * facts number their keys again (LaneFacts.slotsFor) and checkpoints keep the
 * numbering they share.
 */
function compact(d: DenseGroups): void {
  let live = 0;
  for (const w of d.windows) live += w.n;
  if (d.keys.length <= 4 * live) return;
  const keys: string[] = [];
  const slotOf: Record<string, number> = {};
  const renumber = new Map<number, number>();
  // Slots in the open windows' opening order, so the new numbering is a function of the state alone.
  const all: Array<[DenseWindow, number]> = [];
  for (const w of d.windows) for (let g = 0; g < w.n; g++) all.push([w, g]);
  all.sort((a, b) => a[0].order[a[1]] - b[0].order[b[1]]);
  for (const [w, g] of all) {
    const old = w.slot[g];
    let slot = renumber.get(old);
    if (slot === undefined) {
      slot = keys.length;
      keys.push(d.keys[old]);
      slotOf[d.keys[old]] = slot;
      renumber.set(old, slot);
    }
    w.slot[g] = slot;
  }
  for (const w of d.windows) {
    w.at = new Int32Array(Math.max(64, keys.length));
    for (let g = 0; g < w.n; g++) w.at[w.slot[g]] = g + 1;
  }
  d.keys = keys;
  d.slotOf = slotOf;
  d.spare = undefined;
}

/**
 * A checkpoint's copy: the windows copied, the append-only slot numbering
 * shared, reps shared (rows are never changed once made). `into`, the copy
 * this one replaces (the previous periodic checkpoint, which nothing else
 * holds), lends its arrays where they are large enough: a minute's copy then
 * allocates nothing, and the ArrayBuffers a minute would make do not drive
 * the garbage collector.
 */
export function copyDense(d: DenseGroups, into?: DenseGroups): DenseGroups {
  return {
    keys: d.keys, slotOf: d.slotOf, opened: d.opened, aggs: d.aggs,
    windows: d.windows.map((w, i) => copyWindow(w, d.aggs, into?.aggs === d.aggs ? into.windows[i] : undefined)),
  };
}

function copyWindow(w: DenseWindow, aggs: number, old?: DenseWindow): DenseWindow {
  const n = w.n;
  if (old === undefined || old.at.length !== w.at.length || old.slot.length < n) {
    return { start: w.start, end: w.end, n, at: w.at.slice(), slot: w.slot.slice(0, n), order: w.order.slice(0, n), reps: w.reps.slice(0, n), first: w.first.slice(0, n), aggs: w.aggs.slice(0, n * 4 * aggs) };
  }
  old.start = w.start;
  old.end = w.end;
  old.n = n;
  old.at.set(w.at);
  old.slot.set(w.slot.subarray(0, n));
  old.order.set(w.order.subarray(0, n));
  old.first.set(w.first.subarray(0, n));
  old.aggs.set(w.aggs.subarray(0, n * 4 * aggs));
  const reps = old.reps;
  reps.length = n;
  for (let g = 0; g < n; g++) reps[g] = w.reps[g];
  return old;
}

/** The table's groups of a tumbling query moved into dense groups (insertion order kept), for a run that restored a checkpoint taken off the aggregate path. */
export function denseFromTable(run: QueryRun, aggs: number): DenseGroups {
  const d = newDense(aggs);
  for (const id in run.groups) {
    const t = run.groups[id];
    const w = windowAt(d, t.start, t.end);
    const g = openGroup(d, w, slotFor(d, t.key), t.rep, NaN);
    t.aggs.forEach((a, s) => w.aggs.set(a, (g * aggs + s) * 4));
  }
  run.groups = {};
  return d;
}

/** Dense groups back into the table (opening order kept), for a run off the aggregate path that restored a checkpoint taken on it. */
export function tableFromDense(run: QueryRun, d: DenseGroups): void {
  const all: Array<[DenseWindow, number]> = [];
  for (const w of d.windows) for (let g = 0; g < w.n; g++) all.push([w, g]);
  all.sort((a, b) => a[0].order[a[1]] - b[0].order[b[1]]);
  for (const [w, g] of all) {
    const key = d.keys[w.slot[g]];
    const aggs: AggState[] = [];
    for (let s = 0, o = g * 4 * d.aggs; s < d.aggs; s++, o += 4) aggs.push([w.aggs[o], w.aggs[o + 1], w.aggs[o + 2], w.aggs[o + 3]]);
    const group: Group = { start: w.start, end: w.end, rep: repOf(w, g), aggs, key };
    run.groups[`${w.start}\u0002${key}`] = group;
  }
}
