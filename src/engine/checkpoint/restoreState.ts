/**
 * Restores a state copy (copyState) into a freshly built simulation. Where the
 * fresh world has an object of the same kind at the same place, that object
 * is kept and filled in, so the handlers and facades bound to it at creation
 * see the restored state; elsewhere new objects are made. A Binding takes the
 * fresh function at its place; one the fresh world lacks makes the restore
 * fail (NotCheckpointableError) rather than run with a stale closure.
 */
import { RunLengthF64 } from './runLength';
import { Binding, isCache, isEvent, isSharedImmutable, NotCheckpointableError, skippedKeys } from './copyState';

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
    // Sealed, immutable: the restored world holds the very object the copy shares.
    if (!(c instanceof Map) && !(c instanceof Set) && !Array.isArray(c) && !ArrayBuffer.isView(c) && isSharedImmutable(c)) return c;
    if (c instanceof RunLengthF64) {
      const t = c.decode();
      memo.set(c, t);
      return t;
    }
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
      let dense = true;
      for (let i = 0; i < n && dense; i++) dense = i in c;
      if (dense) {
        // Filled in place or by push, never by setting a length first: a long array made holey that way
        // turns into a slow dictionary (the key-hash cache's 65,536 slots), for the restore and the replay after.
        if (mine !== undefined && a.length === n) for (let i = 0; i < n; i++) a[i] = restore(c[i], a[i]);
        else {
          const old = mine === undefined ? undefined : a.slice();
          a.length = 0;
          for (let i = 0; i < n; i++) a.push(restore(c[i], old?.[i]));
        }
        return a;
      }
      const old = mine === undefined ? undefined : a.slice();
      a.length = 0;
      a.length = n;
      for (let i = 0; i < n; i++) if (i in c) a[i] = restore(c[i], old?.[i]);
      return a;
    }
    // A cache the fresh world lacks at this place starts empty (its class builds it without arguments).
    if (mine === undefined && isCache(c)) {
      const empty = new (c.constructor as new () => object)();
      memo.set(c, empty);
      return empty;
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
      // A fresh object built another way (a program parsed before an update) may hold the keys in another
      // order: put them in the copy's, so the restored world is the copied one key for key.
      if (!sameOrder(Object.keys(o), keys, skip)) {
        const vals = keys.map((k) => o[k]);
        const kept = skip?.filter((k) => Object.prototype.hasOwnProperty.call(o, k)).map((k) => [k, o[k]] as const) ?? [];
        for (const k of Object.keys(o)) delete o[k];
        keys.forEach((k, i) => (o[k] = vals[i]));
        for (const [k, v] of kept) o[k] = v;
      }
    }
    return o;
  };
  restore(copy, fresh);
  if (unresolved.length > 0) throw new NotCheckpointableError(unresolved.map((p) => `${p}: a function the fresh simulation does not have`));
}

/** Whether `actual` (less the skipped keys) lists `want` in the same order. */
function sameOrder(actual: readonly string[], want: readonly string[], skip: readonly string[] | undefined): boolean {
  let j = 0;
  for (const k of actual) {
    if (skip?.includes(k)) continue;
    if (want[j++] !== k) return false;
  }
  return j === want.length;
}

function kindOf(v: object): unknown {
  return v instanceof Map ? Map : v instanceof Set ? Set : Array.isArray(v) ? Array : Object.getPrototypeOf(v);
}

/**
 * Pairs each object of the copy with the fresh object at the same place,
 * breadth first, so an object reachable in several ways is paired by its
 * shortest path (sim.kinesisContext before a queued event's payload).
 * Queued events are not places: the fresh queue's i-th event is another
 * event, and pairing through it would give one reader's payload another
 * reader's bound functions. An object reachable only from events is made anew.
 */
function pairByPlace(copy: object, fresh: object): Map<object, object> {
  const pairs = new Map<object, object>();
  const used = new Set<object>();
  let queue: [unknown, unknown][] = [[copy, fresh]];
  while (queue.length > 0) {
    const next: [unknown, unknown][] = [];
    for (const [c, f] of queue) {
      if (c === null || typeof c !== 'object' || f === null || typeof f !== 'object') continue;
      if (c instanceof Binding || c instanceof RunLengthF64 || ArrayBuffer.isView(c) || c instanceof ArrayBuffer) continue;
      if (!(c instanceof Map) && !(c instanceof Set) && !Array.isArray(c) && (isEvent(c) || isSharedImmutable(c))) continue;
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
