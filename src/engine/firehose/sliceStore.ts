/**
 * Where the slices of bulk-delivered S3 objects live: one column store per
 * delivery stream, in chunks of 32-bit integer columns (first, count,
 * recordBytes, end - start, the item's entry in the store's table, and start
 * less the chunk's first start, per slice), so an object keeps only where its
 * slices start and how many there are. A day of a 500-shard stream delivers
 * about 58,000 objects of about 11 slices each: a per-object typed array and
 * item array cost over a kilobyte each, these columns 24 bytes a slice (a
 * slice whose numbers do not fit is kept whole aside). Recipes (one entry per recipe) and exact items
 * (records put through the API, one entry each) are kept by reference in the
 * table.
 *
 * A full chunk is never written again and holds numbers only, so checkpoints
 * share it by reference (checkpoint/copyState.ts): a day of checkpoints holds
 * each slice once, and copies only the table and the chunk being filled.
 */
import { isSlice, type BufferItem, type ExactItem, type RecordRecipe, type SliceItem } from './bulkTypes';

/** Slices per chunk: 4,096 slices, 96 KiB of columns (the chunk being filled is what each checkpoint copies). */
const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;
/** Unsigned 32-bit integers per slice: first, count, recordBytes, end - start, table entry. */
const WI = 5;
/** A table entry that marks a slice kept whole in `wide`. */
const WIDE = 0xffffffff;

/** One chunk of slice columns; sealed once full, then shared by checkpoints. */
export class SliceChunk {
  static readonly checkpointShared = true;
  /** True once the chunk is full: it never changes again. */
  sealed = false;
  readonly ints = new Uint32Array(CHUNK * WI);
  /** Each slice's start less `base`, signed. */
  readonly starts = new Int32Array(CHUNK);
  /** The first slice's start (epoch ms): the others' starts are kept relative to it. */
  base = NaN;

  heapBytes(): number {
    return this.ints.byteLength + this.starts.byteLength + 128;
  }
}

/** Column store of one delivery stream's bulk object slices, addressed by (start, count). */
export class SliceStore {
  /** `id` is the store's place in FirehoseContext.sliceStores. */
  constructor(readonly id = 0) {}

  private chunks: SliceChunk[] = [];
  /** Recipes and exact items the slices refer to, by entry number. */
  private table: Array<RecordRecipe | ExactItem> = [];
  /** Each recipe's entry in `table` (exact items get one entry each and are not looked up). */
  private entryOf = new Map<RecordRecipe, number>();
  /** Format conversion configurations of the objects, by number (their lazy bodies name them by number). */
  private configs: unknown[] = [];
  private configOf = new Map<unknown, number>();
  /** Slices whose numbers do not fit the columns, by position (none in practice: kept so any slice comes back exact). */
  private wide = new Map<number, SliceItem>();
  private n = 0;

  /** Appends the items; returns where they start (pass it with their count to unpack). */
  pack(items: readonly BufferItem[]): number {
    const start = this.n;
    for (let i = 0; i < items.length; i++) {
      const c = this.n >>> CHUNK_BITS, o = this.n & (CHUNK - 1);
      if (c === this.chunks.length) this.chunks.push(new SliceChunk());
      const chunk = this.chunks[c];
      const n = chunk.ints, ki = o * WI;
      const it = items[i];
      if (isSlice(it)) {
        if (chunk.base !== chunk.base) chunk.base = it.start;
        let e = this.entryOf.get(it.recipe);
        if (e === undefined) {
          e = this.table.push(it.recipe) - 1;
          this.entryOf.set(it.recipe, e);
        }
        const rel = it.start - chunk.base, span = it.end - it.start;
        if (fits(it.first) && fits(it.count) && fits(it.recordBytes) && fits(span) && fits(e) && Number.isInteger(rel) && rel >= -(2 ** 31) && rel < 2 ** 31
          && chunk.base + rel === it.start && it.start + span === it.end) {
          n[ki] = it.first;
          n[ki + 1] = it.count;
          n[ki + 2] = it.recordBytes;
          n[ki + 3] = span;
          n[ki + 4] = e;
          chunk.starts[o] = rel;
        } else {
          this.wide.set(this.n, { recipe: it.recipe, first: it.first, count: it.count, recordBytes: it.recordBytes, start: it.start, end: it.end });
          n[ki + 4] = WIDE;
        }
      } else n[ki + 4] = this.table.push(it) - 1;
      this.n++;
      if (o === CHUNK - 1) chunk.sealed = true;
    }
    return start;
  }

  /** The `count` items packed at `start`, as they were. */
  unpack(start: number, count: number): BufferItem[] {
    const out: BufferItem[] = [];
    for (let i = start; i < start + count; i++) {
      const ch = this.chunks[i >>> CHUNK_BITS], o = i & (CHUNK - 1);
      const n = ch.ints, ki = o * WI;
      const e = n[ki + 4];
      if (e === WIDE) {
        const w = this.wide.get(i)!;
        out.push({ ...w });
        continue;
      }
      const r = this.table[e];
      if ('data' in r) {
        out.push(r);
        continue;
      }
      const start = ch.base + ch.starts[o];
      out.push({ recipe: r, first: n[ki], count: n[ki + 1], recordBytes: n[ki + 2], start, end: start + n[ki + 3] });
    }
    return out;
  }

  /** The number of format conversion configuration `cfg` in this store (added on first use, by identity; -1 for none). */
  config(cfg: unknown): number {
    if (cfg === undefined) return -1;
    let e = this.configOf.get(cfg);
    if (e === undefined) {
      e = this.configs.push(cfg) - 1;
      this.configOf.set(cfg, e);
    }
    return e;
  }

  /** The configuration numbered `e` by config(). */
  configAt(e: number): unknown {
    return e < 0 ? undefined : this.configs[e];
  }

  /** Slices held. */
  get size(): number {
    return this.n;
  }
}

/** Whether `v` is an integer a 32-bit column holds exactly (below the WIDE marker). */
function fits(v: number): boolean {
  return Number.isInteger(v) && v >= 0 && v < WIDE;
}
