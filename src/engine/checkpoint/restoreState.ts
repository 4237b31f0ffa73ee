/**
 * Restores a state copy (copyState) into a freshly built simulation. Where the
 * fresh world has an object of the same kind at the same place, that object
 * is kept and filled in, so the handlers and facades bound to it at creation
 * see the restored state; elsewhere new objects are made. A Binding takes the
 * fresh function at its place; one the fresh world lacks makes the restore
 * fail (NotCheckpointableError) rather than run with a stale closure.
 */
import { Binding, NotCheckpointableError, skippedKeys } from './copyState';

/** Fills `fresh` with the state held by `copy` (which stays unchanged, so it can be restored again). */
export function restoreState(copy: object, fresh: object): void {
  const pairs = pairByPlace(copy, fresh);
  const memo = new Map<object, unknown>();
  const unresolved: string[] = [];
  const restore = (c: unknown, f: unknown): unknown => {
    if (c === null || typeof c !== 'object') return c;
    if (c instanceof Binding) {
      if (typeof f === 'function') return f;
      unresolved.push(c.path);
      return undefined;
    }
    const seen = memo.get(c);
    if (seen !== undefined) return seen;
    if (ArrayBuffer.isView(c)) {
      const t = (c as unknown as { slice(): ArrayBufferView }).slice();
      memo.set(c, t);
      return t;
    }
    if (c instanceof ArrayBuffer) {
      const b = c.slice(0);
      memo.set(c, b);
      return b;
    }
    const mine = pairs.get(c);
    if (c instanceof Map) {
      const m = (mine as Map<unknown, unknown> | undefined) ?? new Map();
      memo.set(c, m);
      const entries: [unknown, unknown][] = [];
      for (const [k, x] of c) entries.push([restore(k, undefined), restore(x, typeof k === 'object' || mine === undefined ? undefined : m.get(k))]);
      m.clear();
      for (const [k, x] of entries) m.set(k, x);
      return m;
    }
    if (c instanceof Set) {
      const s = (mine as Set<unknown> | undefined) ?? new Set();
      memo.set(c, s);
      const items = [...c].map((x) => restore(x, undefined));
      s.clear();
      for (const x of items) s.add(x);
      return s;
    }
    if (Array.isArray(c)) {
      const a = (mine as unknown[] | undefined) ?? [];
      memo.set(c, a);
      const n = c.length;
      const old = mine === undefined ? undefined : a.slice();
      a.length = 0;
      a.length = n;
      for (let i = 0; i < n; i++) if (i in c) a[i] = restore(c[i], old?.[i]);
      return a;
    }
    const o = (mine as Record<string, unknown> | undefined) ?? (Object.create(Object.getPrototypeOf(c) as object | null) as Record<string, unknown>);
    memo.set(c, o);
    const src = c as Record<string, unknown>;
    const old = mine === undefined ? undefined : { ...o };
    const keys = Object.keys(src);
    for (const k of keys) o[k] = restore(src[k], old?.[k]);
    const skip = skippedKeys(o);
    if (old !== undefined) {
      for (const k of Object.keys(old)) if (!Object.prototype.hasOwnProperty.call(src, k) && !skip?.includes(k)) delete o[k];
      // A fresh object filled in keeps its own key order; the state's is the copy's (a queued event's
      // payload paired with another event's, a field deleted and set again), so the restored world
      // is the copied one field for field, in order.
      if (!inOrder(o, keys, skip)) reorder(o, keys, skip);
    }
    return o;
  };
  restore(copy, fresh);
  if (unresolved.length > 0) throw new NotCheckpointableError(unresolved.map((p) => `${p}: a function the fresh simulation does not have`));
}

/** True when `o`'s own keys, skipped ones aside, are `keys` in that order. */
function inOrder(o: Record<string, unknown>, keys: readonly string[], skip: readonly string[] | undefined): boolean {
  let i = 0;
  for (const k of Object.keys(o)) {
    if (skip?.includes(k)) continue;
    if (k !== keys[i++]) return false;
  }
  return i === keys.length;
}

/** Re-inserts `o`'s fields in the order of `keys`, then the skipped (kept) ones. */
function reorder(o: Record<string, unknown>, keys: readonly string[], skip: readonly string[] | undefined): void {
  const values = keys.map((k) => o[k]);
  const kept = (skip ?? []).filter((k) => Object.prototype.hasOwnProperty.call(o, k)).map((k) => [k, o[k]] as const);
  for (const k of Object.keys(o)) delete o[k];
  keys.forEach((k, i) => (o[k] = values[i]));
  for (const [k, v] of kept) o[k] = v;
}

function kindOf(v: object): unknown {
  return v instanceof Map ? Map : v instanceof Set ? Set : Array.isArray(v) ? Array : Object.getPrototypeOf(v);
}

/**
 * Pairs each object of the copy with the fresh object at the same place,
 * breadth first, so an object reachable in several ways is paired by its
 * shortest path (sim.kinesisContext before a queued event's payload).
 */
function pairByPlace(copy: object, fresh: object): Map<object, object> {
  const pairs = new Map<object, object>();
  const used = new Set<object>();
  let queue: [unknown, unknown][] = [[copy, fresh]];
  while (queue.length > 0) {
    const next: [unknown, unknown][] = [];
    for (const [c, f] of queue) {
      if (c === null || typeof c !== 'object' || f === null || typeof f !== 'object') continue;
      if (c instanceof Binding || ArrayBuffer.isView(c) || c instanceof ArrayBuffer) continue;
      if (pairs.has(c) || used.has(f) || kindOf(c) !== kindOf(f)) continue;
      pairs.set(c, f);
      used.add(f);
      if (c instanceof Map) {
        const fm = f as Map<unknown, unknown>;
        for (const [k, x] of c) if (k === null || typeof k !== 'object') next.push([x, fm.get(k)]);
      } else if (c instanceof Set) continue;
      else if (Array.isArray(c)) c.forEach((x, i) => next.push([x, (f as unknown[])[i]]));
      else for (const k of Object.keys(c)) next.push([(c as Record<string, unknown>)[k], (f as Record<string, unknown>)[k]]);
    }
    queue = next;
  }
  return pairs;
}
