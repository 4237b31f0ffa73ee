/**
 * Where the slices of bulk-delivered S3 objects live: one column store per
 * delivery stream, in chunks of typed arrays (first and start as doubles;
 * count, recordBytes, end - start and the item's entry in the store's table
 * as 32-bit integers, per slice), so an object keeps only where its slices
 * start and how many there are. A day of a 500-shard stream delivers about
 * 58,000 objects of about 11 slices each: a per-object typed array and item
 * array cost over a kilobyte each, these columns 32 bytes a slice (a slice
 * whose numbers do not fit is kept whole aside). Recipes (one entry per recipe) and exact items
 * (records put through the API, one entry each) are kept by reference in the
 * table.
 *
 * A full chunk is never written again and holds numbers only, so checkpoints
 * share it by reference (checkpoint/copyState.ts): a day of checkpoints holds
 * each slice once, and copies only the table and the chunk being filled.
 */
import { isSlice, type BufferItem, type ExactItem, type RecordRecipe, type SliceItem } from './bulkTypes';

/** Slices per chunk: 4,096 slices, 128 KiB of columns (the chunk being filled is what each checkpoint copies). */
const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;
/** Doubles per slice (first, start) and 32-bit integers per slice (count, recordBytes, end - start, table entry). */
const WD = 2, WI = 4;
/** A table entry that marks a slice kept whole in `wide`. */
const WIDE = 0xffffffff;

/** One chunk of slice columns; sealed once full, then shared by checkpoints. */
export class SliceChunk {
  static readonly checkpointShared = true;
  /** True once the chunk is full: it never changes again. */
  sealed = false;
  readonly doubles = new Float64Array(CHUNK * WD);
  readonly ints = new Uint32Array(CHUNK * WI);

  heapBytes(): number {
    return this.doubles.byteLength + this.ints.byteLength + 128;
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
      const d = chunk.doubles, n = chunk.ints, kd = o * WD, ki = o * WI;
      const it = items[i];
      if (isSlice(it)) {
        let e = this.entryOf.get(it.recipe);
        if (e === undefined) {
          e = this.table.push(it.recipe) - 1;
          this.entryOf.set(it.recipe, e);
        }
        if (fits(it.count) && fits(it.recordBytes) && fits(it.end - it.start) && it.start + (it.end - it.start) === it.end && fits(e)) {
          d[kd] = it.first;
          d[kd + 1] = it.start;
          n[ki] = it.count;
          n[ki + 1] = it.recordBytes;
          n[ki + 2] = it.end - it.start;
          n[ki + 3] = e;
        } else {
          this.wide.set(this.n, { recipe: it.recipe, first: it.first, count: it.count, recordBytes: it.recordBytes, start: it.start, end: it.end });
          n[ki + 3] = WIDE;
        }
      } else n[ki + 3] = this.table.push(it) - 1;
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
      const d = ch.doubles, n = ch.ints, kd = o * WD, ki = o * WI;
      const e = n[ki + 3];
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
      const start = d[kd + 1];
      out.push({ recipe: r, first: d[kd], count: n[ki], recordBytes: n[ki + 1], start, end: start + n[ki + 2] });
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
