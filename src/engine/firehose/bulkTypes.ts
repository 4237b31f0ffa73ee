/**
 * Bulk traffic for Firehose: a segment stands for many records without
 * holding them. Each run in a segment is a homogeneous group (same recipe,
 * same record size, same partition keys); records are materialised from the
 * recipe, deterministically, only when a delivered object is read.
 */

/** Produces record number `index` of a traffic source; the same index always gives the same bytes. */
export interface RecordRecipe {
  /** A stable name (diagnostics; slices of the same recipe with contiguous indexes merge). */
  readonly id: string;
  /** The record's bytes; must be exactly the run's `recordBytes` long. */
  record(index: number): Uint8Array;
  /** Recipes with the same family make alike records (one compression ratio is measured per family). */
  readonly family?: object;
  /** This recipe with "\n" after each record (AppendDelimiterToRecord), made on first use by pipeline.ts. */
  newline?: RecordRecipe;
}

/** A run of records: indexes [firstIndex, firstIndex + count) of a recipe. */
export interface BulkRun {
  recipe: RecordRecipe;
  firstIndex: number;
  count: number;
  /** Size of every record in bytes (data only, as Firehose counts it). */
  recordBytes: number;
  /** Partition keys of every record in the run (as `!{partitionKeyFromQuery:k}` sees them). */
  partitionKeys?: Record<string, string>;
}

/** A segment: runs whose records arrived evenly over [start, end] (simulated epoch ms). */
export interface Segment {
  start: number;
  end: number;
  runs: BulkRun[];
  /** PutRecordBatch calls the producer made for it (default: ceil(records / 500)). */
  requests?: number;
}

/** A run that sits in a buffer or an object: a slice of a recipe with its arrival interval. */
export interface SliceItem {
  recipe: RecordRecipe;
  first: number;
  count: number;
  recordBytes: number;
  /** Arrival of the first and last record; arrivals in between are interpolated linearly. */
  start: number;
  end: number;
}

/** A record held byte for byte (put through the API or read from a Kinesis shard). */
export interface ExactItem {
  data: Uint8Array;
  arrival: number;
  /** Where a record read from a Kinesis shard came from (for the Lambda event). */
  meta?: { shardId: string; partitionKey: string; sequenceNumber: string; subsequenceNumber?: number; approximateArrivalTimestamp: number };
}

export type BufferItem = ExactItem | SliceItem;

/** Whether a buffered item is a bulk slice (has a recipe) rather than an exact record. */
export function isSlice(item: BufferItem): item is SliceItem {
  return (item as SliceItem).recipe !== undefined;
}

/** Arrival time of the k-th record (0-based) of a slice. */
export function sliceArrival(s: SliceItem, k: number): number {
  return s.count <= 1 ? s.start : s.start + Math.floor(((s.end - s.start) * k) / (s.count - 1));
}

/** Splits a slice after `k` records: [head, tail]. */
export function splitSlice(s: SliceItem, k: number): [SliceItem, SliceItem] {
  const head: SliceItem = { recipe: s.recipe, first: s.first, count: k, recordBytes: s.recordBytes, start: s.start, end: sliceArrival(s, k - 1) };
  const tail: SliceItem = { recipe: s.recipe, first: s.first + k, count: s.count - k, recordBytes: s.recordBytes, start: sliceArrival(s, k), end: s.end };
  return [head, tail];
}

/** Writes every record of the items, in order, into one byte array (with an optional delimiter after each). */
export function materialise(items: readonly BufferItem[], totalBytes: number, delimiter?: Uint8Array): Uint8Array {
  const out = new Uint8Array(totalBytes);
  let o = 0;
  const put = (d: Uint8Array) => {
    out.set(d, o);
    o += d.length;
    if (delimiter !== undefined) { out.set(delimiter, o); o += delimiter.length; }
  };
  for (const it of items) {
    if (isSlice(it)) for (let i = 0; i < it.count; i++) put(it.recipe.record(it.first + i));
    else put(it.data);
  }
  return o === out.length ? out : out.subarray(0, o);
}
