/**
 * Records put through the API, stored exactly: payloads packed into byte pages
 * and metadata in typed arrays, so a stored record costs its payload plus about
 * 30 bytes, not a JavaScript object each. Pages are never copied to grow: a
 * full page is followed by a new one (doubling from 4 KiB to 64 KiB), so a busy
 * shard does not pay for re-copying its payloads, and a quiet one holds little.
 */
import type { RecordBlock, StoredRecord } from './recordBlock';
import { utf8Length } from '../core/utf8';

/** Records per exact block. */
export const EXACT_BLOCK_RECORDS = 4096;
const FIRST_PAGE = 4 * 1024;
const MAX_PAGE = 64 * 1024;
/** Payload bytes per block stay under 2^31 so cumulative sizes fit 32-bit arrays. */
const MAX_BLOCK_BYTES = 2 ** 31;

/** Records put through the API, payloads in byte pages and metadata in typed arrays. */
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
  private arrivals: Float64Array;
  private dataCum: Uint32Array; // dataCum[i+1]-dataCum[i] is record i's data size
  private keyCum: Uint32Array; // likewise for its partition key's UTF-8 size
  private pageOf: Uint16Array;
  private posOf: Uint32Array;
  private keys: string[] = [];
  private pages: Uint8Array[] = [];
  private page: Uint8Array;
  private used = 0;
  private explicit?: Map<number, string>;

  /** `sizeHint` is what the shard's previous block used, so a busy shard sizes its metadata once. */
  constructor(readonly firstIndex: number, firstRecordBytes = 0, sizeHint?: { records: number; bytes: number }) {
    const records = Math.min(EXACT_BLOCK_RECORDS, Math.max(16, sizeHint?.records ?? 16));
    this.arrivals = new Float64Array(records);
    this.dataCum = new Uint32Array(records + 1);
    this.keyCum = new Uint32Array(records + 1);
    this.pageOf = new Uint16Array(records);
    this.posOf = new Uint32Array(records);
    const first = sizeHint !== undefined && sizeHint.bytes > FIRST_PAGE ? MAX_PAGE : FIRST_PAGE;
    this.page = new Uint8Array(Math.max(first, firstRecordBytes));
    this.pages.push(this.page);
  }

  /** True when the block can take one more record of `dataBytes` (sizes stay within 32 bits). */
  hasRoom(dataBytes: number): boolean {
    return this.count < EXACT_BLOCK_RECORDS && this.dataCum[this.count] + dataBytes < MAX_BLOCK_BYTES;
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
    return { records: this.count, bytes: this.dataCum[this.count] };
  }

  /** Appends a record; returns its index in the shard. */
  append(data: Uint8Array, partitionKey: string, arrival: number, explicitHashKey?: string, keyLength?: number): number {
    const i = this.count;
    if (i === this.arrivals.length) this.growMeta();
    const n = data.length;
    if (this.used + n > this.page.length) {
      const size = Math.max(n, Math.min(MAX_PAGE, this.page.length * 2));
      this.page = new Uint8Array(size);
      this.pages.push(this.page);
      this.used = 0;
    }
    this.page.set(data, this.used);
    this.pageOf[i] = this.pages.length - 1;
    this.posOf[i] = this.used;
    this.used += n;
    this.dataCum[i + 1] = this.dataCum[i] + n;
    this.arrivals[i] = arrival;
    const kb = keyLength ?? utf8Length(partitionKey);
    this.keyCum[i + 1] = this.keyCum[i] + kb;
    this.keys.push(partitionKey);
    if (explicitHashKey !== undefined) (this.explicit ??= new Map()).set(i, explicitHashKey);
    this.count = i + 1;
    this.bytes += n + kb;
    return this.firstIndex + i;
  }

  arrivalAt(index: number): number {
    return this.arrivals[index - this.firstIndex];
  }

  sizeAt(index: number): number {
    const i = index - this.firstIndex;
    return this.bytesBetween(i, i + 1);
  }

  /** Bytes (data plus keys) of records [i, j) relative to the block. */
  private bytesBetween(i: number, j: number): number {
    return this.dataCum[j] - this.dataCum[i] + this.keyCum[j] - this.keyCum[i];
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
    const at = this.posOf[i];
    const rec: StoredRecord = {
      index,
      // A copy, so a reader cannot change what the shard holds.
      data: this.pages[this.pageOf[i]].slice(at, at + this.dataCum[i + 1] - this.dataCum[i]),
      partitionKey: this.keys[i],
      arrival: this.arrivals[i],
    };
    const ehk = this.explicit?.get(i);
    if (ehk !== undefined) rec.explicitHashKey = ehk;
    return rec;
  }

  heapBytes(): number {
    let n = this.arrivals.byteLength + this.dataCum.byteLength + this.keyCum.byteLength + this.pageOf.byteLength + this.posOf.byteLength + this.keys.length * 8;
    for (const p of this.pages) n += p.byteLength;
    return n;
  }

  private growMeta(): void {
    const n = Math.min(EXACT_BLOCK_RECORDS, this.arrivals.length * 4);
    this.arrivals = grow(this.arrivals, new Float64Array(n));
    this.dataCum = grow(this.dataCum, new Uint32Array(n + 1));
    this.keyCum = grow(this.keyCum, new Uint32Array(n + 1));
    this.pageOf = grow(this.pageOf, new Uint16Array(n));
    this.posOf = grow(this.posOf, new Uint32Array(n));
  }
}

function grow<T extends Float64Array | Uint16Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
