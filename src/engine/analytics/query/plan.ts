/**
 * From a parsed program to what runs: the in-application streams (legacy) or
 * tables (Flink), and one QueryPlan per pump or INSERT, classified by the kind
 * of window it uses. Plain data; semantic errors carry their place in the text.
 */
import type { ColumnDef, Expr, Loc, Program, Select, SqlError, WindowSpec } from '../sql/ast';
import { UNIT_MS } from '../sql/ast';
import { AGG_FNS } from './aggregates';

export type QueryKind = 'map' | 'rcf' | 'sliding' | 'tumbling' | 'stagger' | 'tvf' | 'session';

/** A Flink source table on a Kinesis stream. */
export interface SourceTable {
  name: string;
  stream: string;
  columns: ColumnDef[];
  watermark?: { column: string; delayMs: number };
  startPosition: 'LATEST' | 'TRIM_HORIZON';
  readerType: 'POLLING' | 'EFO';
}
/** A Flink sink table on a stream or delivery stream. */
export interface SinkTable { name: string; kind: 'kinesis' | 'firehose'; target: string; columns: ColumnDef[] }

export interface QueryPlan {
  name: string;
  into: string;
  from: string;
  kind: QueryKind;
  select: Select;
  /** Aggregate function per slot, and its argument (null: COUNT(*)). */
  aggFns: string[];
  aggArgs: Array<Expr | null>;
  /** GROUP BY / PARTITION BY expressions that are not the window itself. */
  keys: Expr[];
  /** Legacy tumbling: the ROWTIME step in ms. */
  stepMs?: number;
  /** Stagger: the window length. */
  rangeMs?: number;
  /** Flink window TVF. */
  tvf?: { fn: 'TUMBLE' | 'HOP' | 'CUMULATE'; timeCol: string; sizeMs: number; slideMs: number };
  /** Flink grouped SESSION. */
  session?: { timeCol: string; gapMs: number };
  /** Sliding windows by name ('' for an inline OVER (...)). */
  windows?: Record<string, WindowSpec>;
  /** RANDOM_CUT_FOREST parameters (numberOfTrees, subSampleSize, timeDecay, shingleSize). */
  rcf?: { trees: number; sampleSize: number; timeDecay: number; shingleSize: number };
  /** RANDOM_CUT_FOREST: the inner SELECT's column names (its alias, column name or EXPR$i). */
  innerColumns?: string[];
  /** Output column names, in order. */
  columns: string[];
}

export interface Plan {
  dialect: 'sql' | 'flink';
  streams: Record<string, ColumnDef[]>;
  sources: SourceTable[];
  sinks: SinkTable[];
  queries: QueryPlan[];
  /** Flink: idle sources are left out of the watermark after this long (table.exec.source.idle-timeout); 0 = never. */
  idleTimeoutMs: number;
}

/** RANDOM_CUT_FOREST defaults: 100 trees, 256 samples, time decay 100000, shingle 1 (the values AWS's examples pass). */
export const RCF_DEFAULTS = { trees: 100, sampleSize: 256, timeDecay: 100000, shingleSize: 1 };

class PlanError extends Error {
  constructor(readonly loc: Loc, message: string) {
    super(message);
  }
}

/** The plan, or the first semantic error. */
export function planProgram(p: Program, dialect: 'sql' | 'flink', inputStreams: string[]): { plan: Plan } | { error: SqlError } {
  try {
    return { plan: build(p, dialect, inputStreams) };
  } catch (e) {
    if (e instanceof PlanError) return { error: { line: e.loc.line, column: e.loc.column, message: e.message } };
    throw e;
  }
}

function build(p: Program, dialect: 'sql' | 'flink', inputStreams: string[]): Plan {
  const plan: Plan = { dialect, streams: {}, sources: [], sinks: [], queries: [], idleTimeoutMs: 0 };
  for (const n of inputStreams) plan.streams[n] = [];
  let n = 0;
  for (const st of p.statements) {
    if (st.k === 'createStream') {
      if (dialect !== 'sql') throw new PlanError(st.loc, 'CREATE STREAM is legacy SQL; Flink SQL uses CREATE TABLE ... WITH (...)');
      plan.streams[st.name] = st.columns;
    } else if (st.k === 'createTable') {
      if (dialect !== 'flink') throw new PlanError(st.loc, 'CREATE TABLE ... WITH is Flink SQL; SQL applications use CREATE OR REPLACE STREAM');
      const c = st.props.connector;
      if (c === 'kinesis' && st.props.stream !== undefined) {
        plan.sources.push({
          name: st.name, stream: st.props.stream, columns: st.columns, ...(st.watermark !== undefined ? { watermark: st.watermark } : {}),
          startPosition: (st.props['scan.stream.initpos'] ?? st.props['source.init.position']) === 'TRIM_HORIZON' ? 'TRIM_HORIZON' : 'LATEST',
          readerType: (st.props['scan.stream.recordpublisher'] ?? st.props['source.reader.type']) === 'EFO' ? 'EFO' : 'POLLING',
        });
        plan.sinks.push({ name: st.name, kind: 'kinesis', target: st.props.stream, columns: st.columns });
      } else if (c === 'firehose' && st.props['delivery-stream'] !== undefined) {
        plan.sinks.push({ name: st.name, kind: 'firehose', target: st.props['delivery-stream'], columns: st.columns });
      } else {
        throw new PlanError(st.loc, "WITH needs 'connector' = 'kinesis' with 'stream', or 'connector' = 'firehose' with 'delivery-stream'");
      }
      plan.streams[st.name] = st.columns;
    } else if (st.k === 'set') {
      if (st.key === 'table.exec.source.idle-timeout') plan.idleTimeoutMs = durationMs(st.value, st.loc);
    } else {
      const into = st.into;
      if (plan.streams[into] === undefined) throw new PlanError(st.loc, `${st.k === 'createPump' ? 'stream' : 'table'} "${into}" is not defined`);
      plan.queries.push(classify(st.k === 'createPump' ? st.name : `INSERT_${++n}`, into, st.select, plan));
    }
  }
  if (dialect === 'flink') {
    // A kinesis table read FROM is a source; one written INTO is a sink.
    plan.sources = plan.sources.filter((s) => plan.queries.some((q) => q.from === s.name));
    plan.sinks = plan.sinks.filter((s) => plan.queries.some((q) => q.into === s.name));
  }
  return plan;
}

function durationMs(v: string, loc: Loc): number {
  const m = /^(\d+)\s*(ms|s|min|h)?$/.exec(v.trim());
  if (m === null) throw new PlanError(loc, `cannot read duration '${v}' (use e.g. '10 s')`);
  return Number(m[1]) * ({ ms: 1, s: 1000, min: 60000, h: 3600000 } as Record<string, number>)[m[2] ?? 'ms'];
}

function classify(name: string, into: string, select: Select, plan: Plan): QueryPlan {
  const from = select.from;
  const q: QueryPlan = { name, into, from: '', kind: 'map', select, aggFns: [], aggArgs: [], keys: [], columns: [] };
  if (from.k === 'stream') q.from = from.name;
  else if (from.k === 'tvf') q.from = from.table;
  else if (from.inner.from.k === 'stream') q.from = from.inner.from.name;
  if (plan.streams[q.from] === undefined) throw new PlanError(from.k === 'rcf' ? from.inner.loc : from.loc, `stream or table "${q.from}" is not defined`);
  assignSlots(select, q);
  const into_ = plan.streams[into];
  q.columns = into_.length > 0 ? into_.map((c) => c.name) : select.items.map((it, i) => it.alias ?? (it.expr.k === 'col' ? it.expr.name : `EXPR$${i}`));
  if (from.k === 'rcf') {
    const [trees, sampleSize, timeDecay, shingleSize] = from.args;
    q.kind = 'rcf';
    q.rcf = { trees: trees ?? RCF_DEFAULTS.trees, sampleSize: sampleSize ?? RCF_DEFAULTS.sampleSize, timeDecay: timeDecay ?? RCF_DEFAULTS.timeDecay, shingleSize: shingleSize ?? RCF_DEFAULTS.shingleSize };
    q.innerColumns = from.inner.items.map((it, i) => it.alias ?? (it.expr.k === 'col' ? it.expr.name : `EXPR$${i}`));
    return q;
  }
  if (from.k === 'tvf') {
    if (plan.dialect !== 'flink') throw new PlanError(from.loc, `${from.fn} window functions are Flink SQL; legacy SQL uses GROUP BY STEP(ROWTIME BY INTERVAL ...)`);
    const [a, b] = from.intervals;
    const tvf = from.fn === 'TUMBLE' ? { sizeMs: a, slideMs: a } : { sizeMs: b ?? a, slideMs: a };
    if (from.fn !== 'TUMBLE' && b === undefined) throw new PlanError(from.loc, `${from.fn} needs a step and a size interval`);
    q.kind = 'tvf';
    q.tvf = { fn: from.fn, timeCol: from.timeCol, ...tvf };
    q.keys = (select.groupBy ?? []).filter((e) => !(e.k === 'col' && (e.name === 'WINDOW_START' || e.name === 'WINDOW_END')));
    return q;
  }
  if (select.stagger !== undefined) {
    q.kind = 'stagger';
    q.rangeMs = select.stagger.rangeMs;
    q.keys = select.stagger.partition;
    return q;
  }
  if (select.groupBy !== undefined) {
    const session = select.groupBy.find((e) => e.k === 'call' && e.fn === 'SESSION');
    if (session !== undefined && session.k === 'call') {
      const [col, gap] = session.args;
      if (col?.k !== 'col' || gap?.k !== 'interval') throw new PlanError(session.loc, 'SESSION needs a time column and an INTERVAL gap');
      q.kind = 'session';
      q.session = { timeCol: col.name, gapMs: gap.ms };
      q.keys = select.groupBy.filter((e) => e !== session);
      return q;
    }
    const tumble = select.groupBy.find((e) => e.k === 'call' && (e.fn === 'TUMBLE' || e.fn === 'HOP'));
    if (tumble !== undefined && tumble.k === 'call') {
      const [col, size] = tumble.args;
      if (col?.k !== 'col' || size?.k !== 'interval') throw new PlanError(tumble.loc, `${tumble.fn} needs a time column and an INTERVAL`);
      q.kind = 'tvf';
      q.tvf = { fn: 'TUMBLE', timeCol: col.name, sizeMs: size.ms, slideMs: size.ms };
      q.keys = select.groupBy.filter((e) => e !== tumble);
      return q;
    }
    if (plan.dialect === 'flink') throw new PlanError(select.loc, 'a streaming GROUP BY needs a window: TABLE(TUMBLE|HOP|CUMULATE(...)) or SESSION(ts, INTERVAL ...)');
    // Legacy SQL: a streaming GROUP BY needs a monotonic expression on ROWTIME (STEP or FLOOR) [KDA-SQL19 tumbling-window-concepts.md].
    const mono = select.groupBy.findIndex((e) => monotonicStep(e) !== undefined);
    if (mono < 0) throw new PlanError(select.loc, 'GROUP BY on a stream needs a monotonic expression: STEP("S".ROWTIME BY INTERVAL ...) or FLOOR("S".ROWTIME TO MINUTE)');
    q.kind = 'tumbling';
    q.stepMs = monotonicStep(select.groupBy[mono]);
    q.keys = select.groupBy.filter((_, i) => i !== mono);
    return q;
  }
  if (q.aggFns.length > 0) {
    q.kind = 'sliding';
    q.windows = select.windows;
    return q;
  }
  return q;
}

/** The step of STEP(ROWTIME BY i) / FLOOR(ROWTIME TO unit); undefined for other expressions. */
function monotonicStep(e: Expr): number | undefined {
  if (e.k !== 'call') return undefined;
  const a = e.args[0];
  if (a?.k !== 'col' || a.name !== 'ROWTIME') return undefined;
  if (e.fn === 'STEP' && e.by !== undefined) return e.by;
  if (e.fn === 'FLOOR' && e.to !== undefined) return UNIT_MS[e.to];
  return undefined;
}

/** Numbers each aggregate call in the select list and HAVING (the slot its state lives in). */
function assignSlots(select: Select, q: QueryPlan): void {
  const visit = (e: Expr): void => {
    if (e.k === 'call') {
      if (AGG_FNS.has(e.fn)) {
        e.slot = q.aggFns.length;
        q.aggFns.push(e.fn);
        q.aggArgs.push(e.star ? null : e.args[0] ?? null);
        if (typeof e.over === 'string' && select.windows[e.over] === undefined) throw new PlanError(e.loc, `window ${e.over} is not defined`);
        if (e.over !== undefined && typeof e.over !== 'string') select.windows[`$${e.slot}`] = e.over;
        return;
      }
      e.args.forEach(visit);
    } else if (e.k === 'bin') {
      visit(e.l);
      visit(e.r);
    } else if (e.k === 'not' || e.k === 'neg' || e.k === 'cast' || e.k === 'isNull') visit(e.e);
  };
  for (const it of select.items) if (it.expr.k !== 'star') visit(it.expr);
  if (select.having !== undefined) visit(select.having);
}
