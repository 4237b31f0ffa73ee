/**
 * Where the slices of bulk-delivered S3 objects live: one column store per
 * delivery stream, in chunks of typed arrays (first, count, recordBytes,
 * start, end per slice) plus one array of recipe references, so an object
 * keeps only where its slices start and how many there are. A day of a
 * 500-shard stream delivers about 58,000 objects of about 11 slices each:
 * a per-object typed array and item array cost over a kilobyte each, these
 * columns about 50 bytes a slice. Exact items (records put through the API)
 * are kept by reference in the recipe column.
 */
import { isSlice, type BufferItem, type ExactItem, type RecordRecipe } from './bulkTypes';

/** Slices per chunk (a chunk is never copied or grown: 64k slices, 2.5 MiB of columns). */
const CHUNK = 65536;
const W = 5;

/** Column store of one delivery stream's bulk object slices, addressed by (start, count). */
export class SliceStore {
  private cols: Float64Array[] = [];
  private refs: Array<RecordRecipe | ExactItem>[] = [];
  private n = 0;

  /** Appends the items; returns where they start (pass it with their count to unpack). */
  pack(items: readonly BufferItem[]): number {
    const start = this.n;
    for (let i = 0; i < items.length; i++) {
      const c = this.n >>> 16, o = this.n & (CHUNK - 1);
      if (c === this.cols.length) {
        this.cols.push(new Float64Array(CHUNK * W));
        this.refs.push([]);
      }
      const it = items[i];
      const refs = this.refs[c];
      if (isSlice(it)) {
        refs.push(it.recipe);
        const col = this.cols[c], k = o * W;
        col[k] = it.first;
        col[k + 1] = it.count;
        col[k + 2] = it.recordBytes;
        col[k + 3] = it.start;
        col[k + 4] = it.end;
      } else refs.push(it);
      this.n++;
    }
    return start;
  }

  /** The `count` items packed at `start`, as they were. */
  unpack(start: number, count: number): BufferItem[] {
    const out: BufferItem[] = [];
    for (let i = start; i < start + count; i++) {
      const c = i >>> 16, o = i & (CHUNK - 1);
      const r = this.refs[c][o];
      if ('data' in r) {
        out.push(r);
        continue;
      }
      const col = this.cols[c], k = o * W;
      out.push({ recipe: r, first: col[k], count: col[k + 1], recordBytes: col[k + 2], start: col[k + 3], end: col[k + 4] });
    }
    return out;
  }

  /** Slices held. */
  get size(): number {
    return this.n;
  }
}
