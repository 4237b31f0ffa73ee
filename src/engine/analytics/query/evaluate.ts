/**
 * Evaluates an expression over a row (and, for grouped output, the group's
 * aggregate slots and window bounds). An error (division by zero, a bad cast)
 * throws EvalError, which the runtime turns into an error_stream row as AWS
 * does [KDA-SQL19 error-handling.md].
 */
import type { Expr } from '../sql/ast';
import { UNIT_MS } from '../sql/ast';
import { isTs, num, type Row, type Value } from './values';
import type { AggState } from './aggregates';
import { aggResult } from './aggregates';

/** A runtime error in a row: goes to error_stream. */
export class EvalError extends Error {}

/** What grouped output adds to a row: aggregate results by slot and the window's bounds. */
export interface GroupScope { aggs: AggState[]; windowStart?: number; windowEnd?: number }

/** The value of `e` for `row`. */
export function evaluate(e: Expr, row: Row, g?: GroupScope): Value {
  switch (e.k) {
    case 'num': return e.v;
    case 'str': return e.v;
    case 'bool': return e.v;
    case 'null': return null;
    case 'interval': return e.ms;
    case 'col': {
      if (g !== undefined && (e.name === 'WINDOW_START' || e.name === 'WINDOW_END' || e.name === 'WINDOW_TIME')) {
        if (e.name === 'WINDOW_START' && g.windowStart !== undefined) return { ts: g.windowStart };
        if (e.name === 'WINDOW_END' && g.windowEnd !== undefined) return { ts: g.windowEnd };
        if (e.name === 'WINDOW_TIME' && g.windowEnd !== undefined) return { ts: g.windowEnd - 1 };
      }
      const v = row[e.name];
      return v === undefined ? null : v;
    }
    case 'neg': {
      const v = num(evaluate(e.e, row, g));
      return v === null ? null : -v;
    }
    case 'not': {
      const v = evaluate(e.e, row, g);
      return v === null ? null : !v;
    }
    case 'isNull': {
      const v = evaluate(e.e, row, g);
      return e.negated ? v !== null : v === null;
    }
    case 'cast': return cast(evaluate(e.e, row, g), e.type);
    case 'bin': return binary(e.op, evaluate(e.l, row, g), evaluate(e.r, row, g));
    case 'call': return call(e, row, g);
  }
}

function binary(op: string, l: Value, r: Value): Value {
  if (op === 'AND') return l === false || r === false ? false : l === null || r === null ? null : true;
  if (op === 'OR') return l === true || r === true ? true : l === null || r === null ? null : false;
  if (l === null || r === null) return null;
  if (op === '||') return String(isTs(l) ? l.ts : l) + String(isTs(r) ? r.ts : r);
  if (op === '=' || op === '<>' || op === '<' || op === '<=' || op === '>' || op === '>=') {
    const a = typeof l === 'string' && typeof r === 'string' ? l : num(l);
    const b = typeof l === 'string' && typeof r === 'string' ? r : num(r);
    if (a === null || b === null) return null;
    switch (op) {
      case '=': return a === b;
      case '<>': return a !== b;
      case '<': return a < b;
      case '<=': return a <= b;
      case '>': return a > b;
      default: return a >= b;
    }
  }
  const a = num(l), b = num(r);
  if (a === null || b === null) throw new EvalError(`Cannot apply ${op} to '${String(l)}' and '${String(r)}'`);
  switch (op) {
    case '+': return isTs(l) ? { ts: a + b } : isTs(r) ? { ts: a + b } : a + b;
    case '-': return isTs(l) && !isTs(r) ? { ts: a - b } : a - b;
    case '*': return a * b;
    case '/':
      if (b === 0) throw new EvalError('Division by zero');
      return a / b;
    case '%':
      if (b === 0) throw new EvalError('Division by zero');
      return a % b;
  }
  throw new EvalError(`Unknown operator ${op}`);
}

function call(e: Extract<Expr, { k: 'call' }>, row: Row, g?: GroupScope): Value {
  if (e.slot !== undefined) {
    if (g === undefined) throw new EvalError(`${e.fn} needs a GROUP BY, a WINDOW or an OVER clause`);
    return aggResult(e.fn, g.aggs[e.slot]);
  }
  const a = e.args.map((x) => evaluate(x, row, g));
  switch (e.fn) {
    case 'STEP': {
      // STEP(ts BY INTERVAL 'n' unit) rounds down to a multiple of the interval [KDA-SQL19 tumbling-window-concepts.md].
      const v = a[0];
      if (v === null || e.by === undefined) return null;
      const t = num(v)!;
      const r = Math.floor(t / e.by) * e.by;
      return isTs(v) ? { ts: r } : r;
    }
    case 'FLOOR': {
      const v = a[0];
      if (v === null) return null;
      if (e.to !== undefined) {
        const u = UNIT_MS[e.to];
        return { ts: Math.floor(num(v)! / u) * u };
      }
      return Math.floor(num(v)!);
    }
    case 'CEIL': return a[0] === null ? null : Math.ceil(num(a[0])!);
    case 'ABS': return a[0] === null ? null : Math.abs(num(a[0])!);
    case 'UPPER': return a[0] === null ? null : String(a[0]).toUpperCase();
    case 'LOWER': return a[0] === null ? null : String(a[0]).toLowerCase();
    case 'CHAR_LENGTH': return a[0] === null ? null : String(a[0]).length;
    case 'TUMBLE_START': case 'HOP_START': case 'SESSION_START': return g?.windowStart !== undefined ? { ts: g.windowStart } : null;
    case 'TUMBLE_END': case 'HOP_END': case 'SESSION_END': return g?.windowEnd !== undefined ? { ts: g.windowEnd } : null;
    case 'TUMBLE_ROWTIME': return g?.windowEnd !== undefined ? { ts: g.windowEnd - 1 } : null;
  }
  throw new EvalError(`Unknown function ${e.fn}`);
}

/** CAST(v AS type) for the numeric, text and timestamp types. */
export function cast(v: Value, type: string): Value {
  if (v === null) return null;
  const t = type.replace(/\(.*/, '');
  if (t === 'VARCHAR' || t === 'CHAR' || t === 'STRING') return isTs(v) ? String(v.ts) : String(v);
  if (t === 'TIMESTAMP') return isTs(v) ? v : { ts: num(v) ?? 0 };
  const n = num(v);
  if (n === null) throw new EvalError(`Cannot cast '${String(v)}' to ${type}`);
  if (t === 'INTEGER' || t === 'INT' || t === 'BIGINT' || t === 'SMALLINT' || t === 'TINYINT') return Math.trunc(n);
  return n;
}
