/**
 * Where the slices of bulk-delivered S3 objects live: one column store per
 * delivery stream, in chunks of typed arrays (first, count, recordBytes,
 * start, end and the item's entry in the store's table, per slice), so an
 * object keeps only where its slices start and how many there are. A day of
 * a 500-shard stream delivers about 58,000 objects of about 11 slices each:
 * a per-object typed array and item array cost over a kilobyte each, these
 * columns 48 bytes a slice. Recipes (one entry per recipe) and exact items
 * (records put through the API, one entry each) are kept by reference in the
 * table.
 *
 * A full chunk is never written again and holds numbers only, so checkpoints
 * share it by reference (checkpoint/copyState.ts): a day of checkpoints holds
 * each slice once, and copies only the table and the chunk being filled.
 */
import { isSlice, type BufferItem, type ExactItem, type RecordRecipe } from './bulkTypes';

/** Slices per chunk: 4,096 slices, 192 KiB of columns (the chunk being filled is what each checkpoint copies). */
const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;
/** Numbers per slice: first, count, recordBytes, start, end, table entry. */
const W = 6;

/** One chunk of slice columns; sealed once full, then shared by checkpoints. */
export class SliceChunk {
  static readonly checkpointShared = true;
  /** True once the chunk is full: it never changes again. */
  sealed = false;
  readonly cols = new Float64Array(CHUNK * W);

  heapBytes(): number {
    return this.cols.byteLength + 64;
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
  private n = 0;

  /** Appends the items; returns where they start (pass it with their count to unpack). */
  pack(items: readonly BufferItem[]): number {
    const start = this.n;
    for (let i = 0; i < items.length; i++) {
      const c = this.n >>> CHUNK_BITS, o = this.n & (CHUNK - 1);
      if (c === this.chunks.length) this.chunks.push(new SliceChunk());
      const chunk = this.chunks[c];
      const col = chunk.cols, k = o * W;
      const it = items[i];
      if (isSlice(it)) {
        let e = this.entryOf.get(it.recipe);
        if (e === undefined) {
          e = this.table.push(it.recipe) - 1;
          this.entryOf.set(it.recipe, e);
        }
        col[k] = it.first;
        col[k + 1] = it.count;
        col[k + 2] = it.recordBytes;
        col[k + 3] = it.start;
        col[k + 4] = it.end;
        col[k + 5] = e;
      } else col[k + 5] = this.table.push(it) - 1;
      this.n++;
      if (o === CHUNK - 1) chunk.sealed = true;
    }
    return start;
  }

  /** The `count` items packed at `start`, as they were. */
  unpack(start: number, count: number): BufferItem[] {
    const out: BufferItem[] = [];
    for (let i = start; i < start + count; i++) {
      const col = this.chunks[i >>> CHUNK_BITS].cols, k = (i & (CHUNK - 1)) * W;
      const r = this.table[col[k + 5]];
      if ('data' in r) {
        out.push(r);
        continue;
      }
      out.push({ recipe: r, first: col[k], count: col[k + 1], recordBytes: col[k + 2], start: col[k + 3], end: col[k + 4] });
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
