/**
 * A Kinesis data stream as source [KDF-DG23 writing-with-kinesis-streams;
 * facts B1]: Firehose starts at LATEST and reads each shard once a second
 * like a polling consumer, through the shard's shared read limits (5 calls/s,
 * 2 MiB/s), follows closed shards to their children, de-aggregates KPL
 * records, and shows its lag as KinesisMillisBehindLatest. While deliveries
 * wait for a retry it stops reading, so data waits in the stream (up to its
 * retention) instead of in Firehose. When the shards hold bulk segments it
 * steps coarsely (kinesisBulkRead.ts): one step every few seconds stands for
 * the calls made over it, so the cost follows shards x steps, not records.
 */
import type { SimCore } from '../core/simCore';
import type { FirehoseContext } from './context';
import type { DeliveryStreamState } from './deliveryStreamModel';
import { readRange } from '../kinesis/operations/getRecords';
import { GET_RECORDS_MAX_BYTES, GET_RECORDS_MAX_RECORDS } from '../kinesis/constants';
import { admitRead, chargeRead } from '../kinesis/readLimits';
import type { StreamState } from '../kinesis/streamModel';
import { KINESIS_POLL_MS } from './constants';
import { ingestExact } from './pipeline';
import { bulkCapable, exactItems, readShardBulk } from './kinesisBulkRead';
import type { KinesisSourceState } from './stageState';

export type { KinesisSourceState } from './stageState';

/** Starts reading every open shard at LATEST. */
export function startKinesisSource(ctx: FirehoseContext, st: DeliveryStreamState, streamName: string, streamArn: string): void {
  const s = ctx.kinesis.streams.get(streamName);
  const src: KinesisSourceState = { streamName, streamArn, startedAt: ctx.core.now(), positions: new Map(), done: new Set(), lastPoll: ctx.core.now() };
  if (s !== undefined) for (const sh of s.open) src.positions.set(sh.shardId, sh.store.nextIndex);
  st.source = src;
  ctx.core.scheduleEvent(KINESIS_POLL_MS, POLL, { ctx, st, src }, `firehose:${st.name}:poll`);
}

const POLL = 'firehose:kinesisPoll';

/** Registers the source's poll as a data event (payload: the states it reads and writes). */
export function registerKinesisSourceEvents(core: SimCore): void {
  core.registerHandler<{ ctx: FirehoseContext; st: DeliveryStreamState; src: KinesisSourceState }>(POLL, (p) => {
    if (p.st.deleted) return;
    const next = poll(p.ctx, p.st, p.src);
    p.ctx.core.scheduleEvent(next, POLL, p, `firehose:${p.st.name}:poll`);
  });
}

/**
 * The bulk step: the context's setting, else 100 ms per shard read (1 s for
 * up to 10 shards, 50 s for 500) within 1..60 s, so a step costs about the
 * same simulated time per shard whatever the stream's size.
 */
export function bulkStepMs(ctx: FirehoseContext, shards: number): number {
  if (ctx.kinesisSourceBulkStepMs !== undefined) return Math.max(KINESIS_POLL_MS, ctx.kinesisSourceBulkStepMs);
  return Math.min(60000, Math.max(KINESIS_POLL_MS, Math.ceil(shards / 10) * 1000));
}

/** True when some shard being read ends in a segment block (bulk producers write it). */
function readsSegments(s: StreamState, src: KinesisSourceState): boolean {
  for (const shardId of src.positions.keys()) {
    const blocks = s.byId.get(shardId)?.store.blocks;
    if (blocks !== undefined && blocks.length > 0 && blocks[blocks.length - 1].kind === 'segment') return true;
  }
  return false;
}

/** One step of the source; returns the time until the next. */
function poll(ctx: FirehoseContext, st: DeliveryStreamState, src: KinesisSourceState): number {
  const s = ctx.kinesis.streams.get(src.streamName);
  const now = ctx.core.now();
  const windowMs = Math.max(KINESIS_POLL_MS, now - src.lastPoll);
  src.lastPoll = now;
  const bulk = s !== undefined && bulkCapable(st) && readsSegments(s, src);
  const next = bulk ? bulkStepMs(ctx, src.positions.size) : KINESIS_POLL_MS;
  if (s === undefined || s.deleted) return next;
  if (st.retryQueue.length > 0) {
    // Paused behind failed deliveries: the lag is the age of the oldest unread record.
    let lag = 0;
    for (const [shardId, pos] of src.positions) {
      const sh = s.byId.get(shardId);
      if (sh !== undefined && pos < sh.store.nextIndex) lag = Math.max(lag, now - sh.store.arrivalAt(Math.max(pos, sh.store.trimIndex)));
    }
    st.metrics.put('KinesisMillisBehindLatest', now, lag, 'Maximum');
    return next;
  }
  const polls = Math.max(1, Math.round(windowMs / KINESIS_POLL_MS));
  let behind = 0, kRecords = 0, kBytes = 0, records = 0, bytes = 0, throttled = 0;
  for (const [shardId, pos] of [...src.positions]) {
    const shard = s.byId.get(shardId);
    if (shard === undefined) { src.positions.delete(shardId); continue; }
    const store = shard.store;
    let to: number;
    if (bulk || polls > 1) {
      const r = readShardBulk(ctx, st, s, shard, pos, windowMs, polls);
      to = r.next;
      kRecords += r.kinesisRecords; kBytes += r.kinesisBytes; records += r.records; bytes += r.bytes; throttled += r.throttled;
    } else {
      // One GetRecords-equivalent call through the shard's token buckets, as the operation does.
      if (!admitRead(now, shard)) {
        shard.counters.readThrottledCalls++;
        throttled++;
        continue;
      }
      const read = readRange(ctx.kinesis, s, shard, pos, GET_RECORDS_MAX_RECORDS, GET_RECORDS_MAX_BYTES);
      chargeRead(shard, read.records.length, read.bytes);
      to = read.next;
      kRecords += read.records.length; kBytes += read.bytes;
      const items = exactItems(shardId, read.records);
      records += items.length;
      for (const it of items) bytes += it.data.length;
      ingestExact(ctx, st, items);
    }
    src.positions.set(shardId, to);
    if (to < store.nextIndex) behind = Math.max(behind, now - store.arrivalAt(to));
    // At the end of a closed shard, go on with its children [BC-K GetRecords ChildShards].
    if (shard.closedAt !== undefined && to >= store.nextIndex) {
      src.positions.delete(shardId);
      src.done.add(shardId);
      for (const child of shard.childShardIds ?? []) if (!src.positions.has(child) && !src.done.has(child) && s.byId.has(child)) src.positions.set(child, 0);
    }
  }
  if (throttled > 0) st.metrics.put('ThrottledGetRecords', now, throttled);
  st.metrics.put('DataReadFromKinesisStream.Records', now, kRecords);
  st.metrics.put('DataReadFromKinesisStream.Bytes', now, kBytes);
  st.metrics.put('IncomingRecords', now, records);
  st.metrics.put('IncomingBytes', now, bytes);
  st.metrics.put('KinesisMillisBehindLatest', now, behind, 'Maximum');
  return next;
}
