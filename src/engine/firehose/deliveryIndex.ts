/**
 * Which S3 object holds a record read from a Kinesis shard: a small, bounded
 * index filled as Firehose writes objects. Firehose reads each shard in order
 * and delivers batches in order [facts B1], so the records of one shard in one
 * object form a contiguous run of record indexes; the index keeps one entry
 * per (object, shard) with the first and last index, not one per record.
 * The record inspector asks it where a record landed.
 */
import type { DeliveryStreamState } from './deliveryStreamModel';
import type { BufferItem } from './bulkTypes';
import { decodeSequenceNumber } from '../kinesis/sequenceNumber';
import type { DeliveredRun } from './stageState';

export type { DeliveredRun } from './stageState';

/** Runs kept per delivery stream (oldest dropped first): enough for hours of objects at a few shards. */
export const DELIVERY_INDEX_CAPACITY = 4096;

/** Notes the shard runs of a stored object (items without Kinesis metadata, such as Direct PUT, are skipped). */
export function indexDelivery(st: DeliveryStreamState, bucket: string, key: string, target: string, items: readonly BufferItem[], time: number): void {
  let runs: Map<string, { first: number; last: number }> | undefined;
  for (const it of items) {
    const meta = (it as { meta?: { shardId: string; sequenceNumber: string } }).meta;
    if (meta === undefined) continue;
    const idx = decodeSequenceNumber(meta.sequenceNumber)?.index;
    if (idx === undefined) continue;
    runs ??= new Map();
    const r = runs.get(meta.shardId);
    if (r === undefined) runs.set(meta.shardId, { first: idx, last: idx });
    else {
      if (idx < r.first) r.first = idx;
      if (idx > r.last) r.last = idx;
    }
  }
  if (runs === undefined) return;
  const list = (st.deliveredRuns ??= []);
  for (const [shardId, r] of runs) list.push({ bucket, key, target, shardId, firstIndex: r.first, lastIndex: r.last, time });
  if (list.length > DELIVERY_INDEX_CAPACITY) list.splice(0, list.length - DELIVERY_INDEX_CAPACITY);
}

/**
 * The object that holds record `sequenceNumber` of `shardId`, newest first
 * (a transform may have dropped the record itself; the run still covers it).
 * Undefined when it has not been delivered or was delivered too long ago.
 */
export function findDeliveredRecord(st: DeliveryStreamState, shardId: string, sequenceNumber: string): DeliveredRun | undefined {
  const list = st.deliveredRuns;
  const idx = decodeSequenceNumber(sequenceNumber)?.index;
  if (list === undefined || idx === undefined) return undefined;
  for (let i = list.length - 1; i >= 0; i--) {
    const r = list[i];
    if (r.shardId === shardId && r.firstIndex <= idx && idx <= r.lastIndex && r.target !== 'backup') return r;
  }
  return undefined;
}
