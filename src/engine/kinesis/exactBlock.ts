/**
 * Records put through the API, stored exactly: payloads packed into one growing
 * byte arena per block and metadata in typed arrays, so a stored record costs
 * its payload plus about 20 bytes, not a JavaScript object each.
 */
import type { RecordBlock, StoredRecord } from './recordBlock';
import { utf8Length } from '../core/utf8';

/** Records per exact block. */
export const EXACT_BLOCK_RECORDS = 4096;
/** A block takes no new record once its arena passes this size. */
const ARENA_SOFT_LIMIT = 8 * 1024 * 1024;

export class ExactBlock implements RecordBlock {
  readonly kind = 'exact' as const;
  count = 0;
  bytes = 0;
  private arrivals: Float64Array;
  private offsets: Uint32Array; // offsets[i]..offsets[i+1] is record i's data
  private keyCum: Uint32Array; // keyCum[i+1]-keyCum[i] is record i's partition key size in UTF-8 bytes
  private keys: string[] = [];
  private arena: Uint8Array;
  private explicit?: Map<number, string>;

  /**
   * `sizeHint` is what the shard's previous block ended up using, so a busy
   * shard allocates a full-size block once instead of growing it step by step.
   */
  constructor(readonly firstIndex: number, firstRecordBytes = 0, sizeHint?: { records: number; bytes: number }) {
    const records = Math.min(EXACT_BLOCK_RECORDS, Math.max(16, sizeHint?.records ?? 16));
    this.arrivals = new Float64Array(records);
    this.offsets = new Uint32Array(records + 1);
    this.keyCum = new Uint32Array(records + 1);
    this.arena = new Uint8Array(Math.max(4096, firstRecordBytes, Math.min(ARENA_SOFT_LIMIT, sizeHint?.bytes ?? 0)));
  }

  /** Drops the arena's unused tail once the block takes no more records. */
  seal(): void {
    const used = this.offsets[this.count];
    if (this.arena.length > used) this.arena = this.arena.slice(0, used);
  }

  /** Records and payload bytes used so far (the hint for the shard's next block). */
  usage(): { records: number; bytes: number } {
    return { records: this.count, bytes: this.offsets[this.count] };
  }

  /** True when the block can take one more record of `dataBytes`. */
  hasRoom(dataBytes: number): boolean {
    if (this.count >= EXACT_BLOCK_RECORDS) return false;
    return this.count === 0 || this.offsets[this.count] + dataBytes <= ARENA_SOFT_LIMIT;
  }

  /** Appends a record; returns its index in the shard. */
  append(data: Uint8Array, partitionKey: string, arrival: number, explicitHashKey?: string, keyLength?: number): number {
    const i = this.count;
    if (i === this.arrivals.length) this.growMeta();
    const at = this.offsets[i];
    const end = at + data.length;
    if (end > this.arena.length) this.growArena(end);
    this.arena.set(data, at);
    this.offsets[i + 1] = end;
    this.arrivals[i] = arrival;
    const kb = keyLength ?? utf8Length(partitionKey);
    this.keyCum[i + 1] = this.keyCum[i] + kb;
    this.keys.push(partitionKey);
    if (explicitHashKey !== undefined) (this.explicit ??= new Map()).set(i, explicitHashKey);
    this.count = i + 1;
    this.bytes += data.length + kb;
    return this.firstIndex + i;
  }

  arrivalAt(index: number): number {
    return this.arrivals[index - this.firstIndex];
  }

  sizeAt(index: number): number {
    const i = index - this.firstIndex;
    return this.offsets[i + 1] - this.offsets[i] + this.keyCum[i + 1] - this.keyCum[i];
  }

  /** Bytes (data plus keys) of records [i, j) relative to the block. */
  private bytesBetween(i: number, j: number): number {
    return this.offsets[j] - this.offsets[i] + this.keyCum[j] - this.keyCum[i];
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
    const rec: StoredRecord = {
      index,
      // A copy, so a reader cannot change what the shard holds.
      data: this.arena.slice(this.offsets[i], this.offsets[i + 1]),
      partitionKey: this.keys[i],
      arrival: this.arrivals[i],
    };
    const ehk = this.explicit?.get(i);
    if (ehk !== undefined) rec.explicitHashKey = ehk;
    return rec;
  }

  heapBytes(): number {
    return this.arena.byteLength + this.arrivals.byteLength + this.offsets.byteLength + this.keyCum.byteLength + this.keys.length * 8;
  }

  private growMeta(): void {
    const n = Math.min(EXACT_BLOCK_RECORDS, this.arrivals.length * 4);
    const a = new Float64Array(n);
    a.set(this.arrivals);
    this.arrivals = a;
    const o = new Uint32Array(n + 1);
    o.set(this.offsets);
    this.offsets = o;
    const k = new Uint32Array(n + 1);
    k.set(this.keyCum);
    this.keyCum = k;
  }

  private growArena(minBytes: number): void {
    let n = this.arena.length * 2;
    while (n < minBytes) n *= 2;
    const a = new Uint8Array(n);
    a.set(this.arena.subarray(0, this.offsets[this.count]));
    this.arena = a;
  }
}
