/**
 * Deep copies of the simulation's plain-data state, for checkpoints. Objects
 * keep their prototypes (class instances that hold data keep their methods),
 * shared references and cycles stay shared, typed arrays and Maps are copied.
 * A function is not state: the copy records where it was (a Binding), and a
 * restore takes the function found at the same place in a freshly built
 * simulation (its services' facades and handlers, bound to the fresh objects
 * that the restore then fills in).
 */
import type { ScheduledEvent } from '../core/eventQueue';
import { encodeRuns } from './runLength';

/** A function seen at `path` while copying: re-bound, not copied, on restore. */
export class Binding {
  constructor(readonly path: string) {}
}

/** Why a simulation cannot be checkpointed now: closure events or unsupported values, by path. */
export class NotCheckpointableError extends Error {
  constructor(readonly blockers: readonly string[]) {
    super(`cannot checkpoint: ${blockers.length} value(s) are not plain data (${blockers.slice(0, 5).join('; ')}${blockers.length > 5 ? '; ...' : ''})`);
    this.name = 'NotCheckpointableError';
  }
}

/**
 * Fields a class declares not to be state (`static checkpointSkip`): a restore
 * keeps the fresh object's. A class declaring `static checkpointCache = true`
 * is a pure cache (results never depend on what it holds): none of its fields
 * are copied, a restore keeps the fresh world's, which refills as it runs.
 */
export function skippedKeys(v: object): readonly string[] | undefined {
  const c = v.constructor as { checkpointSkip?: readonly string[]; checkpointCache?: boolean } | undefined;
  return c?.checkpointCache === true ? Object.keys(v) : c?.checkpointSkip;
}

/** Whether `v` is a pure cache (`static checkpointCache = true`): see skippedKeys. */
export function isCache(v: object): boolean {
  return (v.constructor as { checkpointCache?: boolean } | undefined)?.checkpointCache === true;
}

/**
 * An immutable object checkpoints share instead of copying: an instance of a
 * class declaring `static checkpointShared = true` once its `sealed` is true.
 * It must reference only objects reachable through it alone (its own arrays),
 * so keeping it by reference keeps every identity; a restored world holds the
 * same object, which neither world changes again.
 */
export function isSharedImmutable(v: object): boolean {
  return (v.constructor as { checkpointShared?: boolean } | undefined)?.checkpointShared === true && (v as { sealed?: unknown }).sealed === true;
}

/** Whether `v` is a scheduled event (its payload is not a place: see restoreState's pairByPlace). */
export function isEvent(v: object): v is ScheduledEvent {
  const e = v as Partial<ScheduledEvent>;
  return typeof e.order === 'number' && typeof e.time === 'number' && typeof e.label === 'string' && typeof e.cancelled === 'boolean';
}

/**
 * Copies `root`; returns the copy, an estimate of its bytes, the immutable
 * objects it shares by reference (with their heap bytes, which the copy's own
 * `bytes` leaves out: several checkpoints share them) and the blockers met
 * (a function as an event's payload, promises).
 */
export function copyState(root: object): { copy: object; bytes: number; shared: Map<object, number>; blockers: string[] } {
  const memo = new Map<object, unknown>();
  const blockers: string[] = [];
  const shared = new Map<object, number>();
  let bytes = 0;
  const copy = (v: unknown, path: string): unknown => {
    if (typeof v === 'function') return new Binding(path);
    if (v === null || typeof v !== 'object') {
      if (typeof v === 'string') bytes += 16 + v.length;
      return v;
    }
    const seen = memo.get(v);
    if (seen !== undefined) return seen;
    if (ArrayBuffer.isView(v)) {
      // A long Float64Array of few runs (a metrics ring) is held as its runs (runLength.ts).
      const runs = v instanceof Float64Array ? encodeRuns(v) : undefined;
      if (runs !== undefined) {
        bytes += runs.bytes();
        memo.set(v, runs);
        return runs;
      }
      const t = (v as unknown as { slice(): ArrayBufferView }).slice();
      bytes += v.byteLength + 64;
      memo.set(v, t);
      return t;
    }
    if (v instanceof ArrayBuffer) {
      bytes += v.byteLength + 64;
      const b = v.slice(0);
      memo.set(v, b);
      return b;
    }
    if (v instanceof Promise || v instanceof WeakMap || v instanceof WeakSet) {
      blockers.push(`${path}: ${v.constructor.name}`);
      return undefined;
    }
    if (v instanceof Map) {
      const m = new Map();
      memo.set(v, m);
      bytes += 64;
      for (const [k, x] of v) {
        bytes += 32;
        m.set(copy(k, `${path}<key>`), copy(x, `${path}<${typeof k === 'object' ? 'object' : String(k)}>`));
      }
      return m;
    }
    if (v instanceof Set) {
      const s = new Set();
      memo.set(v, s);
      bytes += 64;
      let i = 0;
      for (const x of v) {
        bytes += 16;
        s.add(copy(x, `${path}{${i++}}`));
      }
      return s;
    }
    if (Array.isArray(v)) {
      const a: unknown[] = new Array(v.length);
      memo.set(v, a);
      bytes += 32 + 8 * v.length;
      // Holes stay holes (a sparse array is not an array of undefined).
      for (let i = 0; i < v.length; i++) if (i in v) a[i] = copy(v[i], `${path}[${i}]`);
      return a;
    }
    if (isSharedImmutable(v)) {
      memo.set(v, v);
      shared.set(v, (v as { heapBytes?(): number }).heapBytes?.() ?? 0);
      return v;
    }
    const o = Object.create(Object.getPrototypeOf(v)) as Record<string, unknown>;
    memo.set(v, o);
    bytes += 32;
    const skip = skippedKeys(v);
    // Events are data (eventQueue.ts); a function as an event's payload is a closure smuggled in, not state.
    if (isEvent(v) && typeof v.payload === 'function' && !v.cancelled) blockers.push(`${path}: closure event '${v.label}'`);
    for (const k of Object.keys(v)) {
      if (skip !== undefined && skip.includes(k)) continue;
      const x = (v as Record<string, unknown>)[k];
      bytes += 8;
      o[k] = copy(x, `${path}.${k}`);
    }
    return o;
  };
  const c = copy(root, '') as object;
  return { copy: c, bytes, shared, blockers };
}
