/**
 * The bulk side of Firehose's Kinesis-stream source. When a shard's records
 * are segment blocks (bulk producers), one step stands for the once-a-second
 * GetRecords calls Firehose makes over the step [facts B1]: it advances by
 * counts and bytes through the shard's shared read limits (readWindow: the
 * same budget the traffic engine's bulk readers share; ShardStore-style
 * `take`, nothing materialised) and hands each producer lane's part of the
 * span to the buffers as one bulk slice (recipe + first ordinal + count +
 * payload size). Bytes are produced only when an S3 object is read.
 *
 * Within one step's span, a shard's records are grouped by producer lane
 * (each lane's records stay in order, and a partition key belongs to one
 * lane, so per-key order holds; across producers Firehose gives no order).
 * Exact blocks (records put through the API) are read record by record, as
 * the exact path does; so are the lanes whose payload sizes cannot be counted
 * (partition keys of varying length) and KPL-aggregated lanes (which must be
 * de-aggregated): those lanes are materialised as they are read.
 */
import type { FirehoseContext } from './context';
import type { DeliveryStreamState } from './deliveryStreamModel';
import type { ExactItem, RecordRecipe } from './bulkTypes';
import { ingestExact, ingestSlice } from './pipeline';
import { deaggregate } from './kplDeaggregate';
import { readRange } from '../kinesis/operations/getRecords';
import { readWindow } from '../kinesis/readLimits';
import { GET_RECORDS_MAX_BYTES, GET_RECORDS_MAX_RECORDS } from '../kinesis/constants';
import { SegmentBlock, type SegmentRecipe } from '../kinesis/segmentBlock';
import type { StreamState } from '../kinesis/streamModel';
import { shardSequenceNumber, type ShardState } from '../kinesis/shardModel';
import type { KinesisRecord } from '../kinesis/types';

/** What one bulk step read from one shard. */
export interface BulkStepResult {
  next: number;
  /** Kinesis records and bytes (data plus keys) charged to the shard's read limits. */
  kinesisRecords: number;
  kinesisBytes: number;
  /** Firehose records and payload bytes ingested (after de-aggregation). */
  records: number;
  bytes: number;
  /** Calls refused by the shard's read limits. */
  throttled: number;
}

/** Payload bytes of every record of a lane, or undefined when the lane cannot be read in bulk. */
function laneDataBytes(lane: SegmentRecipe): number | undefined {
  let kb = lane.bulkKeyBytes;
  if (kb === undefined) {
    kb = lane.keyBytes?.() ?? null;
    if (kb !== null && kb >= lane.recordBytes) kb = null;
    lane.bulkKeyBytes = kb;
  }
  return kb === null ? undefined : lane.recordBytes - kb;
}

/**
 * Firehose's recipe for lane `l` of a block: record number j is the lane's
 * j-th record's payload. A class (its method on the prototype), so a slice
 * that holds it is plain data for checkpoints.
 */
class LaneRecipe implements RecordRecipe {
  readonly id: string;
  /** Lanes of one producer make alike records: one compression sample serves them all. */
  readonly family: object;
  newline?: RecordRecipe;
  private readonly lane: SegmentRecipe;
  /** A block of one lane numbers its records straight through. */
  private readonly single: boolean;

  constructor(
    private readonly block: SegmentBlock,
    private readonly l: number,
    shardId: string,
  ) {
    this.lane = block.lanes[l];
    this.single = block.lanes.length === 1;
    this.id = `${shardId}@${block.firstIndex}:lane${l}`;
    this.family = this.lane.family ?? this.lane;
  }

  record(j: number): Uint8Array {
    const { block, l } = this;
    const index = this.single ? block.firstIndex + j : block.laneIndex(l, j);
    return this.lane.materialise(index, block.arrivalAt(index)).data;
  }
}

function laneRecipe(block: SegmentBlock, l: number, shardId: string): RecordRecipe {
  const rs = (block.readerRecipes ??= []) as RecordRecipe[];
  return (rs[l] ??= new LaneRecipe(block, l, shardId));
}

/**
 * Reads one shard for a step of `windowMs` ending now, in which Firehose
 * makes `polls` calls (one a second). Returns the new position and what was read.
 */
export function readShardBulk(ctx: FirehoseContext, st: DeliveryStreamState, s: StreamState, shard: ShardState, position: number, windowMs: number, polls: number): BulkStepResult {
  const now = ctx.core.now();
  const store = shard.store;
  let pos = Math.max(position, store.trimIndex);
  const w = readWindow(shard, now, windowMs);
  const admitted = Math.min(polls, Math.max(0, Math.floor(w.calls)));
  w.calls -= admitted;
  const out: BulkStepResult = { next: pos, kinesisRecords: 0, kinesisBytes: 0, records: 0, bytes: 0, throttled: polls - admitted };
  const maxRecords = admitted * GET_RECORDS_MAX_RECORDS;
  const maxBytes = Math.min(w.bytes, admitted * GET_RECORDS_MAX_BYTES);
  while (pos < store.nextIndex && out.kinesisRecords < maxRecords && out.kinesisBytes < maxBytes) {
    const block = store.blockOf(pos);
    const budget = maxBytes - out.kinesisBytes;
    const t = block.take(pos, maxRecords - out.kinesisRecords, budget);
    if (t.count === 0 || (out.kinesisRecords > 0 && t.bytes > budget)) break;
    if (block instanceof SegmentBlock) ingestLanes(ctx, st, shard, block, pos, pos + t.count, out);
    else ingestExactSpan(ctx, st, s, shard, pos, t.count, out);
    out.kinesisRecords += t.count;
    out.kinesisBytes += t.bytes;
    pos += t.count;
  }
  if (admitted > 0) w.bytes -= out.kinesisBytes;
  const c = shard.counters;
  c.readCalls += admitted;
  c.readRecords += out.kinesisRecords;
  c.readBytes += out.kinesisBytes;
  c.readThrottledCalls += out.throttled;
  out.next = pos;
  return out;
}

/** Hands records [from, to) of a segment block to the buffers, one slice per lane. */
function ingestLanes(ctx: FirehoseContext, st: DeliveryStreamState, shard: ShardState, block: SegmentBlock, from: number, to: number, out: BulkStepResult): void {
  const lanes = block.lanes;
  for (let l = 0; l < lanes.length; l++) {
    let a: number, b: number, first: number, last: number;
    if (lanes.length === 1) {
      a = from - block.firstIndex; b = to - block.firstIndex; first = from; last = to - 1;
    } else {
      a = block.laneOrdinal(from, l);
      b = block.laneOrdinal(to, l);
      if (b <= a) continue;
      first = block.laneIndex(l, a);
      last = block.laneIndex(l, b - 1);
    }
    const size = laneDataBytes(lanes[l]);
    const count = b - a;
    if (size === undefined) {
      ingestLaneExactly(ctx, st, shard, block, l, a, b, out);
      continue;
    }
    ingestSlice(ctx, st, { recipe: laneRecipe(block, l, shard.shardId), first: a, count, recordBytes: size, start: block.arrivalAt(first), end: block.arrivalAt(last) });
    out.records += count;
    out.bytes += count * size;
  }
}

/** Materialises lane `l`'s records [a, b) of a block (keys of varying length, KPL aggregates) and ingests them exactly. */
function ingestLaneExactly(ctx: FirehoseContext, st: DeliveryStreamState, shard: ShardState, block: SegmentBlock, l: number, a: number, b: number, out: BulkStepResult): void {
  const single = block.lanes.length === 1;
  const records: KinesisRecord[] = [];
  for (let j = a; j < b; j++) {
    const r = block.read(single ? block.firstIndex + j : block.laneIndex(l, j));
    records.push({ SequenceNumber: shardSequenceNumber(shard, r.index), ApproximateArrivalTimestamp: r.arrival, Data: r.data, PartitionKey: r.partitionKey, EncryptionType: 'NONE' });
  }
  const items = exactItems(shard.shardId, records);
  for (const it of items) out.bytes += it.data.length;
  out.records += items.length;
  ingestExact(ctx, st, items);
}

/** Reads `count` records from `from` one by one (exact blocks, or lanes that cannot be counted). */
function ingestExactSpan(ctx: FirehoseContext, st: DeliveryStreamState, s: StreamState, shard: ShardState, from: number, count: number, out: BulkStepResult): void {
  const items = exactItems(shard.shardId, readRange(ctx.kinesis, s, shard, from, count, Infinity).records);
  for (const it of items) out.bytes += it.data.length;
  out.records += items.length;
  ingestExact(ctx, st, items);
}

/** Kinesis records as Firehose items, KPL aggregates de-aggregated into their user records. */
export function exactItems(shardId: string, records: readonly KinesisRecord[]): ExactItem[] {
  const items: ExactItem[] = [];
  for (const r of records) {
    const meta = { shardId, partitionKey: r.PartitionKey, sequenceNumber: r.SequenceNumber, approximateArrivalTimestamp: r.ApproximateArrivalTimestamp };
    const users = deaggregate(r.Data);
    if (users === undefined) items.push({ data: r.Data, arrival: r.ApproximateArrivalTimestamp, meta });
    else for (const u of users) items.push({ data: u.data, arrival: r.ApproximateArrivalTimestamp, meta: { ...meta, partitionKey: u.partitionKey, subsequenceNumber: u.subsequenceNumber } });
  }
  return items;
}

/** True when the stream's records can go to the buffers as slices (no transform, no content-based partitioning). */
export function bulkCapable(st: DeliveryStreamState): boolean {
  return st.other !== undefined || (st.s3.lambda === undefined && !st.s3.dynamicPartitioning);
}
