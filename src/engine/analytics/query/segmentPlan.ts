/**
 * Which applications can be run from segment recipes (counts per key) instead
 * of records (runtime/segmentAggregates.ts). A legacy SQL application
 * qualifies when every pump reading its source stream is a tumbling GROUP BY
 * (STEP or FLOOR on ROWTIME) whose WHERE, GROUP BY keys, select list and
 * HAVING read only columns the partition key determines (schema columns mapped
 * to payload fields that hold the key, PARTITION_KEY, SHARD_ID) and whose
 * aggregates are COUNT/SUM/AVG/MIN/MAX over those (or COUNT(*)). Everything
 * else needs exact records: sliding windows (a row per record), RANDOM_CUT_FOREST,
 * stagger windows (they open at a record's ROWTIME), Flink event-time windows
 * (the event time is in the payload), CSV input, or any column the key does not
 * determine. Pumps reading in-application streams take the rows the source
 * pumps emit, so they may be anything. Plain data; computed when a run starts.
 */
import type { Expr } from '../sql/ast';
import { UNIT_MS } from '../sql/ast';
import type { SourceSchema } from '../types';
import type { Plan } from './plan';

/** How an application runs from recipes. */
export interface SegmentPlan {
  /** Indexes (in plan.queries) of the pumps that read the source stream. */
  queries: number[];
  /** The read step: every window boundary of those pumps is a step boundary (at most 60 s). */
  stepMs: number;
  /** Schema columns (upper case) and the payload field each maps to. */
  keyColumns: Array<{ name: string; field: string; sqlType: string }>;
}

/** Metadata columns every legacy row has that the record's key and shard determine. */
const META_COLUMNS = new Set(['PARTITION_KEY', 'SHARD_ID']);
/** The longest read step (one a minute, as the bulk consumers step). */
const MAX_STEP_MS = 60000;

/** The recipe plan of `plan`, or why its queries need exact records. */
export function segmentPlanOf(plan: Plan, schema: SourceSchema | undefined, sourceStreams: readonly string[]): SegmentPlan | { reason: string } {
  if (plan.dialect !== 'sql') return { reason: 'Flink windows run on an event time read from the payload' };
  if (schema === undefined || schema.RecordFormat.RecordFormatType !== 'JSON') return { reason: 'only JSON input is read from recipes' };
  const root = schema.RecordFormat.MappingParameters?.JSONMappingParameters?.RecordRowPath ?? '$';
  if (root !== '$') return { reason: 'RecordRowPath other than $' };
  const keyColumns: SegmentPlan['keyColumns'] = [];
  for (const c of schema.RecordColumns) {
    const m = /^\$\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(c.Mapping ?? `$.${c.Name}`);
    if (m === null) return { reason: `column ${c.Name}: mapping ${c.Mapping} is not a top-level field` };
    if (!/^(VARCHAR|CHAR)\b/i.test(c.SqlType.trim())) return { reason: `column ${c.Name} (${c.SqlType}) is not the partition key` };
    keyColumns.push({ name: c.Name.toUpperCase(), field: m[1], sqlType: c.SqlType });
  }
  const known = new Set([...keyColumns.map((c) => c.name), ...META_COLUMNS]);
  const queries: number[] = [];
  let step = 0;
  for (let i = 0; i < plan.queries.length; i++) {
    const q = plan.queries[i];
    if (!sourceStreams.includes(q.from)) continue;
    if (q.kind !== 'tumbling' || q.stepMs === undefined) return { reason: `${q.name} is a ${q.kind} query` };
    const ok = (e: Expr | undefined): boolean => e === undefined || determined(e, known, q.stepMs!);
    for (const it of q.select.items) if (it.expr.k === 'star' || !ok(it.expr)) return { reason: `${q.name}: a selected value the key does not determine` };
    if (!ok(q.select.where)) return { reason: `${q.name}: WHERE reads a column the key does not determine` };
    if (!ok(q.select.having)) return { reason: `${q.name}: HAVING reads a column the key does not determine` };
    for (const k of q.keys) if (!ok(k)) return { reason: `${q.name}: GROUP BY a column the key does not determine` };
    for (const a of q.aggArgs) if (a !== null && !ok(a)) return { reason: `${q.name}: an aggregate over a column the key does not determine` };
    step = step === 0 ? q.stepMs : gcd(step, q.stepMs);
    queries.push(i);
  }
  if (queries.length === 0) return { reason: 'no pump reads the source stream' };
  if (step > MAX_STEP_MS) step = gcd(step, MAX_STEP_MS);
  if (step % 1000 !== 0) return { reason: 'a window step that is not whole seconds' };
  return { queries, stepMs: step, keyColumns };
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * True when `e` has one value for all rows of a key within one window:
 * literals, determined columns, aggregates (their arguments checked by the
 * caller), and STEP/FLOOR of ROWTIME to a multiple of the window step.
 */
function determined(e: Expr, known: Set<string>, stepMs: number): boolean {
  switch (e.k) {
    case 'num': case 'str': case 'bool': case 'null': case 'interval': return true;
    case 'col': return known.has(e.name);
    case 'bin': return determined(e.l, known, stepMs) && determined(e.r, known, stepMs);
    case 'not': case 'neg': case 'isNull': case 'cast': return determined(e.e, known, stepMs);
    case 'call': {
      if (e.slot !== undefined) return e.over === undefined;
      const a = e.args[0];
      if ((e.fn === 'STEP' || e.fn === 'FLOOR') && a?.k === 'col' && a.name === 'ROWTIME') {
        const unit = e.fn === 'STEP' ? e.by : e.to !== undefined ? UNIT_MS[e.to] : undefined;
        return unit !== undefined && unit > 0 && unit % stepMs === 0;
      }
      return e.args.every((x) => determined(x, known, stepMs));
    }
  }
}
