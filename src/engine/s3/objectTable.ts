/**
 * A bucket's objects, as a Map would hold them (get, has, set, delete, size,
 * iteration in insertion order), laid out so checkpoints share most of them:
 * objects go into a tail of recent writes, and every OBJECT_CHUNK of them
 * the tail is sealed into a chunk that never changes again, which checkpoints
 * keep by reference (checkpoint/copyState.ts). A day of the default preset
 * delivers about 44,000 objects; each checkpoint then copies the tail, the
 * list of chunks and the few sealed objects changed since, not every object.
 *
 * A sealed object is frozen. Changing one (a read that makes a lazy size
 * exact, an overwrite) copies it into `patched`, at its place; deleting one
 * marks its place `dead`. An object that still changes by itself (an exact
 * object waiting for its compression, kept by reference in Firehose's bound
 * on unbuilt bytes) or whose lazy body refers to other objects is never
 * frozen: its place in the chunk holds it in `patched` instead.
 *
 * Which chunk holds a key is looked up in an index that is a pure cache: not
 * copied by checkpoints, rebuilt from the chunks when a restored world first
 * looks a key up.
 */
import type { S3ObjectState } from './s3Model';

/** Objects per sealed chunk (the tail a checkpoint copies holds fewer). */
export const OBJECT_CHUNK = 256;

/** OBJECT_CHUNK objects, sealed: keys and objects never change (a place whose object lives in `patched` holds undefined). */
export class ObjectChunk {
  static readonly checkpointShared = true;
  readonly sealed = true;
  constructor(
    readonly keys: readonly string[],
    readonly objs: ReadonlyArray<S3ObjectState | undefined>,
    /** Estimated bytes of the frozen objects (as copyState counts them). */
    private readonly bytes: number,
  ) {}

  heapBytes(): number {
    return this.bytes;
  }
}

/** Key -> place (chunk * OBJECT_CHUNK + index) of its latest sealed entry; a cache of what the chunks hold. */
export class ObjectIndex {
  static readonly checkpointCache = true;
  readonly places = new Map<string, number>();
  /** Chunks indexed so far, and the last of them (a restored table holds other chunk objects: the index starts over). */
  indexed = 0;
  last: ObjectChunk | undefined = undefined;
}

export class ObjectTable {
  private chunks: ObjectChunk[] = [];
  /** Recent objects, not yet sealed, in insertion order. */
  private tail = new Map<string, S3ObjectState>();
  /** Sealed places whose object changed (or never froze), by place. */
  private patched = new Map<number, S3ObjectState>();
  /** Sealed places deleted. */
  private dead = new Set<number>();
  private count = 0;
  private index = new ObjectIndex();

  get size(): number {
    return this.count;
  }

  get(key: string): S3ObjectState | undefined {
    const t = this.tail.get(key);
    if (t !== undefined) return t;
    const place = this.livePlace(key);
    return place === undefined ? undefined : this.at(place);
  }

  has(key: string): boolean {
    return this.tail.has(key) || this.livePlace(key) !== undefined;
  }

  /** Stores `obj` under `key`: in place when the key exists (as Map.set), else at the end. */
  set(key: string, obj: S3ObjectState): this {
    this.put(key, obj);
    return this;
  }

  /** set(), answering whether the key is new (one lookup where has() then set() would take two). */
  put(key: string, obj: S3ObjectState): boolean {
    if (this.tail.has(key)) {
      this.tail.set(key, obj);
      return false;
    }
    const place = this.livePlace(key);
    if (place !== undefined) {
      this.patched.set(place, obj);
      return false;
    }
    this.tail.set(key, obj);
    this.count++;
    if (this.tail.size >= OBJECT_CHUNK) this.seal();
    return true;
  }

  delete(key: string): boolean {
    if (this.tail.delete(key)) {
      this.count--;
      return true;
    }
    const place = this.livePlace(key);
    if (place === undefined) return false;
    this.dead.add(place);
    this.patched.delete(place);
    this.count--;
    return true;
  }

  /** The object under `key`, safe to change: a frozen one is first copied into its place. */
  writable(key: string): S3ObjectState | undefined {
    const t = this.tail.get(key);
    if (t !== undefined) return t;
    const place = this.livePlace(key);
    if (place === undefined) return undefined;
    const o = this.at(place)!;
    if (!Object.isFrozen(o)) return o;
    const copy: S3ObjectState = { ...o };
    if (o.lazy !== undefined) copy.lazy = { ...o.lazy };
    if (o.metadata !== undefined) copy.metadata = { ...o.metadata };
    this.patched.set(place, copy);
    return copy;
  }

  *entries(): IterableIterator<[string, S3ObjectState]> {
    for (let c = 0; c < this.chunks.length; c++) {
      const ch = this.chunks[c];
      for (let i = 0; i < ch.keys.length; i++) {
        const place = c * OBJECT_CHUNK + i;
        if (!this.dead.has(place)) yield [ch.keys[i], this.patched.get(place) ?? ch.objs[i]!];
      }
    }
    yield* this.tail.entries();
  }

  *keys(): IterableIterator<string> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): IterableIterator<S3ObjectState> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): IterableIterator<[string, S3ObjectState]> {
    return this.entries();
  }

  private at(place: number): S3ObjectState | undefined {
    return this.patched.get(place) ?? this.chunks[Math.floor(place / OBJECT_CHUNK)].objs[place % OBJECT_CHUNK];
  }

  /** The sealed place holding `key` now, if any (a key has one live entry at most: its latest). */
  private livePlace(key: string): number | undefined {
    const place = this.indexed().places.get(key);
    return place === undefined || this.dead.has(place) ? undefined : place;
  }

  private indexed(): ObjectIndex {
    let idx = this.index;
    if (idx.indexed > this.chunks.length || (idx.indexed > 0 && this.chunks[idx.indexed - 1] !== idx.last)) idx = this.index = new ObjectIndex();
    while (idx.indexed < this.chunks.length) {
      const c = idx.indexed++;
      const ch = this.chunks[c];
      for (let i = 0; i < ch.keys.length; i++) idx.places.set(ch.keys[i], c * OBJECT_CHUNK + i);
      idx.last = ch;
    }
    return idx;
  }

  /** Seals the tail into a chunk: objects that no longer change by themselves are frozen there, the rest kept in `patched`. */
  private seal(): void {
    const c = this.chunks.length;
    const keys: string[] = [];
    const objs: Array<S3ObjectState | undefined> = [];
    let bytes = 64;
    for (const [k, o] of this.tail) {
      const place = c * OBJECT_CHUNK + keys.length;
      keys.push(k);
      bytes += 16 + k.length + 8;
      if (freezable(o)) {
        objs.push(freeze(o));
        bytes += objectBytesEstimate(o, k);
      } else {
        objs.push(undefined);
        this.patched.set(place, o);
      }
    }
    this.chunks.push(new ObjectChunk(keys, objs, bytes));
    this.tail = new Map();
  }
}

/** Whether `o` can be frozen: its body is settled (not an exact object waiting for compression) and its lazy body is primitives only. */
function freezable(o: S3ObjectState): boolean {
  if (o.keepBody === true && o.body === undefined) return false;
  if (o.lazy !== undefined) for (const v of Object.values(o.lazy)) if (v !== null && typeof v === 'object') return false;
  if (o.metadata !== undefined) for (const v of Object.values(o.metadata)) if (typeof v !== 'string') return false;
  return true;
}

function freeze(o: S3ObjectState): S3ObjectState {
  if (o.lazy !== undefined) Object.freeze(o.lazy);
  if (o.metadata !== undefined) Object.freeze(o.metadata);
  return Object.freeze(o);
}

/** What copyState would count for `o` (fields, strings, the body's bytes), its key once (one string: the lazy body's entry name too). */
function objectBytesEstimate(o: S3ObjectState, key: string): number {
  let n = 0;
  const add = (v: object) => {
    n += 32;
    for (const x of Object.values(v)) {
      n += 8;
      if (typeof x === 'string') n += x === key ? 0 : 16 + x.length;
      else if (x instanceof Uint8Array) n += x.byteLength + 64;
      else if (x !== null && typeof x === 'object') add(x);
    }
  };
  add(o);
  return n;
}
