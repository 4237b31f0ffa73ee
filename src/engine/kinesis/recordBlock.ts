/**
 * A shard stores its records as an ordered list of blocks, each covering a
 * contiguous range of record indexes. An exact block holds records written
 * through the API byte for byte; a segment block (bulk traffic) holds only
 * counts and a recipe, and materialises records deterministically when read.
 * Either way a record is addressed by its index in the shard.
 */
import type { MaterialiserRegistry } from '../core/materialisers';

export interface StoredRecord {
  index: number;
  data: Uint8Array;
  partitionKey: string;
  arrival: number;
  explicitHashKey?: string;
}

/** A contiguous run of records in a shard. */
export interface RecordBlock {
  readonly kind: 'exact' | 'segment';
  /** Index of the block's first record in its shard. */
  readonly firstIndex: number;
  /** Number of records in the block (may grow while the block is the shard's last). */
  readonly count: number;
  /** Total bytes (data plus partition keys) in the block. */
  readonly bytes: number;
  /** Arrival time (simulated epoch ms) of record `index`. */
  arrivalAt(index: number): number;
  /** Size in bytes (data plus partition key) of record `index`; counts against read limits. */
  sizeAt(index: number): number;
  /**
   * How many records from `from` (inside this block) fit within `maxRecords` and
   * `maxBytes`, and their bytes, without materialising them (bulk readers use
   * this). At least one record is taken when any remains, even if it alone
   * exceeds `maxBytes` (GetRecords always returns a record it can).
   */
  take(from: number, maxRecords: number, maxBytes: number): { count: number; bytes: number };
  /** The record at `index` (a segment block makes it with the lane recipe's materialiser from `mats`). */
  read(index: number, mats: MaterialiserRegistry): StoredRecord;
  /** Heap bytes the block holds (for memory figures). */
  heapBytes(): number;
}
