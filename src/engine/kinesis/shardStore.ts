/**
 * The records of one shard, in index order, across exact and segment blocks,
 * with retention trimming. Record indexes start at 0 and never repeat; the
 * trim index is the first record still retained.
 */
import { ExactBlock } from './exactBlock';
import { SegmentBlock } from './segmentBlock';
import type { RecordBlock, StoredRecord } from './recordBlock';
import type { MaterialiserRegistry } from '../core/materialisers';

/** One shard's records in index order across exact and segment blocks, trimmed by retention. */
export class ShardStore {
  readonly blocks: RecordBlock[] = [];
  /** Index the next record will get. */
  nextIndex = 0;
  /** First index still retained (records below it are past retention). */
  trimIndex = 0;
  private tail?: ExactBlock;
  /** The simulation's materialisers, which make segment blocks' records (set when the first segment block arrives). */
  mats?: MaterialiserRegistry;

  /** Appends one exact record; returns its index. */
  append(data: Uint8Array, partitionKey: string, arrival: number, explicitHashKey?: string, keyLength?: number): number {
    let tail = this.tail;
    if (tail === undefined || !tail.hasRoom(data.length)) {
      const hint = this.tail?.usage();
      this.tail?.seal();
      tail = new ExactBlock(this.nextIndex, data.length, hint);
      this.blocks.push(tail);
      this.tail = tail;
    }
    const index = tail.append(data, partitionKey, arrival, explicitHashKey, keyLength);
    this.nextIndex = index + 1;
    return index;
  }

  /** Appends a bulk segment block that starts at `nextIndex`; `mats` makes its records when read. */
  appendBlock(block: RecordBlock, mats: MaterialiserRegistry): void {
    this.mats = mats;
    if (block.firstIndex !== this.nextIndex) throw new Error(`segment starts at ${block.firstIndex}, expected ${this.nextIndex}`);
    this.tail?.seal();
    this.blocks.push(block);
    this.tail = undefined;
    this.nextIndex = block.firstIndex + block.count;
  }

  /** Re-reads the last block's count after a segment block grew in place. */
  syncTail(): void {
    const last = this.blocks[this.blocks.length - 1];
    if (last !== undefined) this.nextIndex = last.firstIndex + last.count;
  }

  /** Number of retained records. */
  get size(): number {
    return this.nextIndex - this.trimIndex;
  }

  /** The block that holds `index` (which must be retained). */
  blockOf(index: number): RecordBlock {
    const b = this.blocks;
    // Most lookups are at either end: a caught-up reader's position and the writer are in the
    // last block, retention's trim index in the first. Checking those two first saves a search
    // through a day of blocks (the same answer: blocks are in firstIndex order).
    const n = b.length;
    if (n > 0 && b[n - 1].firstIndex <= index) return b[n - 1];
    if (n > 1 && index < b[1].firstIndex) return b[0];
    let lo = 0, hi = b.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (b[mid].firstIndex <= index) lo = mid;
      else hi = mid - 1;
    }
    return b[lo];
  }

  arrivalAt(index: number): number {
    return this.blockOf(index).arrivalAt(index);
  }

  sizeAt(index: number): number {
    return this.blockOf(index).sizeAt(index);
  }

  read(index: number): StoredRecord {
    const block = this.blockOf(index);
    if (block.kind === 'segment' && this.mats === undefined) throw new Error('ShardStore: a segment block without materialisers');
    return block.read(index, this.mats!);
  }

  /**
   * Counts the records from `from` that fit within `maxRecords` and `maxBytes`
   * across blocks, without materialising them: the bulk read path. The first
   * record is always taken when one remains.
   */
  measure(from: number, maxRecords: number, maxBytes: number): { count: number; bytes: number; next: number } {
    let i = Math.max(from, this.trimIndex);
    let count = 0;
    let bytes = 0;
    while (i < this.nextIndex && count < maxRecords) {
      const block = this.blockOf(i);
      const budget = count === 0 ? maxBytes : maxBytes - bytes;
      if (count > 0 && budget <= 0) break;
      const t = block.take(i, maxRecords - count, count === 0 ? maxBytes : budget);
      if (t.count === 0 || (count > 0 && t.bytes > budget)) break;
      count += t.count;
      bytes += t.bytes;
      i += t.count;
      if (i < block.firstIndex + block.count) break; // stopped inside the block: a limit was reached
    }
    return { count, bytes, next: i };
  }

  /**
   * The index after the last record written before `time`: what a reader
   * polling at `time` can see (records put at `time` itself come after the
   * poll, as a poll scheduled earlier runs first). A segment's records are
   * written at their tick's time, an exact record at its arrival.
   */
  writtenBefore(time: number): number {
    for (let i = this.blocks.length - 1; i >= 0; i--) {
      const b = this.blocks[i];
      const first = b instanceof SegmentBlock ? b.firstTickTime : b.count > 0 ? b.arrivalAt(b.firstIndex) : Infinity;
      if (first >= time) continue;
      const n = b instanceof SegmentBlock ? b.writtenBefore(time) : (b as ExactBlock).writtenBefore(time);
      return Math.max(this.trimIndex, n);
    }
    return this.trimIndex;
  }

  /** First retained index whose arrival is at or after `time` (nextIndex if none). */
  firstIndexAtOrAfter(time: number): number {
    let lo = this.trimIndex, hi = this.nextIndex;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.arrivalAt(mid) >= time) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Drops every record that arrived before `cutoff` (retention), whole blocks at a time where possible. */
  trimBefore(cutoff: number): void {
    if (this.trimIndex >= this.nextIndex || this.arrivalAt(this.trimIndex) >= cutoff) return;
    this.trimIndex = this.firstIndexAtOrAfter(cutoff);
    let drop = 0;
    while (drop < this.blocks.length) {
      const b = this.blocks[drop];
      if (b.firstIndex + b.count > this.trimIndex) break;
      drop++;
    }
    if (drop > 0) {
      if (this.blocks[drop - 1] === this.tail) this.tail = undefined;
      this.blocks.splice(0, drop);
    }
  }

  /** Heap bytes held by this shard's records. */
  heapBytes(): number {
    let n = 0;
    for (const b of this.blocks) n += b.heapBytes();
    return n;
  }
}
