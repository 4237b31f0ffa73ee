/**
 * Records put through the API, stored exactly: payloads packed into byte pages
 * and metadata in an array of unboxed doubles, so a stored record costs its payload plus about
 * 24 bytes (16 of metadata, 8 for its key's reference), not a JavaScript object
 * each. Pages are never copied to grow: a full page is followed by a new one
 * (doubling from 4 KiB to 64 KiB), so a busy shard does not pay for re-copying
 * its payloads, and a quiet one holds little.
 */
import type { RecordBlock, StoredRecord } from './recordBlock';
import { utf8Length } from '../core/utf8';

/** Records per exact block. */
export const EXACT_BLOCK_RECORDS = 4096;
const FIRST_PAGE = 4 * 1024;
const MAX_PAGE = 64 * 1024;
/**
 * Payload bytes per block stay under 2^30, and key bytes under KEY_SPAN (4,096
 * keys of at most 256 characters are at most 4 MiB of UTF-8), so a record's two
 * cumulative sizes pack into one double exactly: data * KEY_SPAN + keys < 2^53.
 */
const MAX_BLOCK_BYTES = 2 ** 30;
const KEY_SPAN = 2 ** 23;

/** Record metadata per record in `meta`: arrival, then cumulative data and key bytes after the record, packed (see KEY_SPAN). */
const M_ARRIVAL = 0, M_ENDS = 1, M_STRIDE = 2;

/** Records put through the API, payloads in byte pages and metadata in one array of doubles. */
export class ExactBlock implements RecordBlock {
  /**
   * A sealed block never changes again (only the shard's tail block takes
   * records), so checkpoints keep it by reference instead of copying its
   * pages: a day of checkpoints holds each record once (checkpoint/copyState.ts).
   */
  static readonly checkpointShared = true;
  readonly kind = 'exact' as const;
  /** True once the block takes no more records (the shard started another). */
  sealed = false;
  count = 0;
  bytes = 0;
  /** Data bytes of the records so far (bytes minus their keys): the next record's cumulative start. */
  private dataBytes = 0;
  /**
   * M_STRIDE numbers per record, side by side, so a put writes one stretch of
   * memory (a put lands on any of hundreds of shards, and separate arrays per
   * field were as many cache misses): 16 bytes a record, where the two byte
   * counts in doubles of their own took 24.
   */
  private meta: number[];
  /** Partition keys by record, sized with `meta`, so a put fills a slot instead of growing the array. */
  private keys: string[];
  private pages: Uint8Array[] = [];
  /** Cumulative data bytes before each page's first record: a record's place in its page is its start minus its page's base. */
  private pageBase: number[] = [0];
  private page: Uint8Array;
  private used = 0;
  private explicit?: Map<number, string>;

  /** `sizeHint` is what the shard's previous block used, so a busy shard sizes its metadata once. */
  constructor(readonly firstIndex: number, firstRecordBytes = 0, sizeHint?: { records: number; bytes: number }) {
    const records = Math.min(EXACT_BLOCK_RECORDS, Math.max(16, sizeHint?.records ?? 16));
    this.meta = doubles(records * M_STRIDE);
    this.keys = new Array<string>(records);
    const first = sizeHint !== undefined && sizeHint.bytes > FIRST_PAGE ? MAX_PAGE : FIRST_PAGE;
    this.page = new Uint8Array(Math.max(first, firstRecordBytes));
    this.pages.push(this.page);
  }

  /** Cumulative data bytes of records [0, i) relative to the block. */
  private dataBefore(i: number): number {
    return i === 0 ? 0 : Math.floor(this.meta[(i - 1) * M_STRIDE + M_ENDS] / KEY_SPAN);
  }

  /** Cumulative key bytes of records [0, i). */
  private keysBefore(i: number): number {
    if (i === 0) return 0;
    const ends = this.meta[(i - 1) * M_STRIDE + M_ENDS];
    return ends - Math.floor(ends / KEY_SPAN) * KEY_SPAN;
  }

  /** True when the block can take one more record of `dataBytes` (its packed sizes stay exact). */
  hasRoom(dataBytes: number): boolean {
    return this.count < EXACT_BLOCK_RECORDS && this.dataBytes + dataBytes < MAX_BLOCK_BYTES;
  }

  /** Drops the last page's unused tail once the block takes no more records. */
  seal(): void {
    this.sealed = true;
    if (this.page.length > this.used) {
      this.page = this.page.slice(0, this.used);
      this.pages[this.pages.length - 1] = this.page;
    }
  }

  /** Records and payload bytes used (the hint for the shard's next block). */
  usage(): { records: number; bytes: number } {
    return { records: this.count, bytes: this.dataBytes };
  }

  /** Appends a record; returns its index in the shard. */
  append(data: Uint8Array, partitionKey: string, arrival: number, explicitHashKey?: string, keyLength?: number): number {
    const i = this.count;
    let meta = this.meta;
    if (i * M_STRIDE === meta.length) meta = this.growMeta();
    const n = data.length;
    const dataStart = this.dataBytes;
    if (this.used + n > this.page.length) {
      const size = Math.max(n, Math.min(MAX_PAGE, this.page.length * 2));
      this.page = new Uint8Array(size);
      this.pages.push(this.page);
      this.pageBase.push(dataStart);
      this.used = 0;
    }
    this.page.set(data, this.used);
    this.used += n;
    const kb = keyLength ?? utf8Length(partitionKey);
    const o = i * M_STRIDE;
    meta[o + M_ARRIVAL] = arrival;
    meta[o + M_ENDS] = (dataStart + n) * KEY_SPAN + (this.bytes - dataStart + kb);
    this.keys[i] = partitionKey;
    if (explicitHashKey !== undefined) (this.explicit ??= new Map()).set(i, explicitHashKey);
    this.count = i + 1;
    this.dataBytes = dataStart + n;
    this.bytes += n + kb;
    return this.firstIndex + i;
  }

  arrivalAt(index: number): number {
    return this.meta[(index - this.firstIndex) * M_STRIDE + M_ARRIVAL];
  }

  /** The shard index after the last record that arrived (was put) before `time`. */
  writtenBefore(time: number): number {
    let lo = 0, hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.meta[mid * M_STRIDE + M_ARRIVAL] < time) lo = mid + 1;
      else hi = mid;
    }
    return this.firstIndex + lo;
  }

  sizeAt(index: number): number {
    const i = index - this.firstIndex;
    return this.bytesBetween(i, i + 1);
  }

  /** Bytes (data plus keys) of records [i, j) relative to the block. */
  private bytesBetween(i: number, j: number): number {
    return this.dataBefore(j) - this.dataBefore(i) + this.keysBefore(j) - this.keysBefore(i);
  }

  take(from: number, maxRecords: number, maxBytes: number): { count: number; bytes: number } {
    const i = from - this.firstIndex;
    const last = Math.min(this.count, i + Math.max(0, maxRecords));
    if (last <= i) return { count: 0, bytes: 0 };
    // Largest j in (i, last] with bytes(i, j) <= maxBytes, but at least one record.
    let lo = i + 1, hi = last;
    if (this.bytesBetween(i, lo) > maxBytes) return { count: 1, bytes: this.bytesBetween(i, lo) };
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.bytesBetween(i, mid) <= maxBytes) lo = mid;
      else hi = mid - 1;
    }
    return { count: lo - i, bytes: this.bytesBetween(i, lo) };
  }

  read(index: number): StoredRecord {
    const i = index - this.firstIndex;
    const start = this.dataBefore(i), n = this.dataBefore(i + 1) - start;
    let data: Uint8Array;
    if (n === 0) data = new Uint8Array(0);
    else {
      const p = this.pageAt(start);
      const at = start - this.pageBase[p];
      // A copy, so a reader cannot change what the shard holds.
      data = this.pages[p].slice(at, at + n);
    }
    const rec: StoredRecord = { index, data, partitionKey: this.keys[i], arrival: this.meta[i * M_STRIDE + M_ARRIVAL] };
    const ehk = this.explicit?.get(i);
    if (ehk !== undefined) rec.explicitHashKey = ehk;
    return rec;
  }

  /**
   * The page holding a non-empty record that starts at cumulative byte `start`:
   * the last page whose base is at or before it (a page is opened only for a
   * record with bytes, which it then holds, so no later page shares its base).
   */
  private pageAt(start: number): number {
    const base = this.pageBase;
    let lo = 0, hi = base.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (base[mid] <= start) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  heapBytes(): number {
    let n = this.meta.length * 8 + this.keys.length * 8 + this.pageBase.length * 8;
    for (const p of this.pages) n += p.byteLength;
    return n;
  }

  /** Grows the metadata and the key slots fourfold (up to a whole block), copying what they hold. */
  private growMeta(): number[] {
    const n = Math.min(EXACT_BLOCK_RECORDS, (this.meta.length / M_STRIDE) * 4);
    const meta = doubles(n * M_STRIDE);
    const old = this.meta;
    for (let k = 0; k < old.length; k++) meta[k] = old[k];
    this.meta = meta;
    const keys = new Array<string>(n);
    for (let i = 0; i < this.count; i++) keys[i] = this.keys[i];
    this.keys = keys;
    return meta;
  }
}

/**
 * `n` zeros in a plain array that holds unboxed doubles: 8 bytes each like a
 * Float64Array, but in the JavaScript heap. A typed array's buffer lives outside
 * it, and V8 starts a full collection for every ~64 MB of such outside memory
 * allocated, so metadata there added to the payload pages' count of full
 * collections (each marking everything the page holds).
 */
function doubles(n: number): number[] {
  const a = new Array<number>(n).fill(0);
  // Storing a non-integer once makes the array hold raw doubles, as the packed sizes and times need.
  if (n > 0) {
    a[0] = 0.5;
    a[0] = 0;
  }
  return a;
}
