/**
 * A Kinesis data stream as source [KDF-DG23 writing-with-kinesis-streams;
 * facts B1]: Firehose starts at LATEST and reads each shard once a second
 * like a polling consumer, through the shard's shared read limits (5 calls/s,
 * 2 MiB/s), follows closed shards to their children, de-aggregates KPL
 * records, and shows its lag as KinesisMillisBehindLatest. While deliveries
 * wait for a retry it stops reading, so data waits in the stream (up to its
 * retention) instead of in Firehose.
 */
import type { FirehoseContext } from './context';
import type { DeliveryStreamState } from './deliveryStreamModel';
import { readRange } from '../kinesis/operations/getRecords';
import { GET_RECORDS_MAX_BYTES, GET_RECORDS_MAX_RECORDS, READ_THROTTLE_PENALTY_MS } from '../kinesis/constants';
import type { ShardState } from '../kinesis/shardModel';
import { KINESIS_POLL_MS } from './constants';
import { deaggregate } from './kplDeaggregate';
import { ingestExact } from './pipeline';
import type { ExactItem } from './bulkTypes';

export interface KinesisSourceState {
  streamName: string;
  streamArn: string;
  startedAt: number;
  /** Next record index to read, per shard being read. */
  positions: Map<string, number>;
  /** Shards read to their end (a merged child is started once, after its first parent ends). */
  done: Set<string>;
}

/** Starts reading every open shard at LATEST. */
export function startKinesisSource(ctx: FirehoseContext, st: DeliveryStreamState, streamName: string, streamArn: string): void {
  const s = ctx.kinesis.streams.get(streamName);
  const src: KinesisSourceState = { streamName, streamArn, startedAt: ctx.core.now(), positions: new Map(), done: new Set() };
  if (s !== undefined) for (const sh of s.open) src.positions.set(sh.shardId, sh.store.nextIndex);
  st.source = src;
  const tick = () => {
    if (st.deleted) return;
    poll(ctx, st, src);
    ctx.core.schedule(KINESIS_POLL_MS, `firehose:${st.name}:poll`, tick);
  };
  ctx.core.schedule(KINESIS_POLL_MS, `firehose:${st.name}:poll`, tick);
}

/** The shard's read admission, as GetRecords applies it (a throttle blocks reads for 1 s). */
function admit(now: number, shard: ShardState): boolean {
  shard.readCalls.refill(now);
  shard.readBytes.refill(now);
  if (now < shard.readBlockedUntil || shard.readCalls.level < 1 || shard.readBytes.level <= 0) {
    shard.readBlockedUntil = now + READ_THROTTLE_PENALTY_MS;
    shard.counters.readThrottledCalls++;
    return false;
  }
  shard.readCalls.level -= 1;
  return true;
}

function poll(ctx: FirehoseContext, st: DeliveryStreamState, src: KinesisSourceState): void {
  const s = ctx.kinesis.streams.get(src.streamName);
  if (s === undefined || s.deleted) return;
  const now = ctx.core.now();
  if (st.retryQueue.length > 0) {
    // Paused behind failed deliveries: the lag is the age of the oldest unread record.
    let lag = 0;
    for (const [shardId, pos] of src.positions) {
      const sh = s.byId.get(shardId);
      if (sh !== undefined && pos < sh.store.nextIndex) lag = Math.max(lag, now - sh.store.arrivalAt(Math.max(pos, sh.store.trimIndex)));
    }
    st.metrics.put('KinesisMillisBehindLatest', now, lag, 'Maximum');
    return;
  }
  let behind = 0;
  for (const [shardId, pos] of [...src.positions]) {
    const shard = s.byId.get(shardId);
    if (shard === undefined) { src.positions.delete(shardId); continue; }
    if (!admit(now, shard)) {
      st.metrics.put('ThrottledGetRecords', now, 1);
      continue;
    }
    const { records, next, bytes } = readRange(ctx.kinesis, s, shard, pos, GET_RECORDS_MAX_RECORDS, GET_RECORDS_MAX_BYTES);
    shard.readBytes.level -= bytes;
    shard.counters.readCalls++;
    shard.counters.readRecords += records.length;
    shard.counters.readBytes += bytes;
    src.positions.set(shardId, next);
    const store = shard.store;
    if (next < store.nextIndex) behind = Math.max(behind, now - store.arrivalAt(next));
    st.metrics.put('DataReadFromKinesisStream.Records', now, records.length);
    st.metrics.put('DataReadFromKinesisStream.Bytes', now, bytes);
    const items: ExactItem[] = [];
    for (const r of records) {
      const meta = { shardId, partitionKey: r.PartitionKey, sequenceNumber: r.SequenceNumber, approximateArrivalTimestamp: r.ApproximateArrivalTimestamp };
      const users = deaggregate(r.Data);
      if (users === undefined) items.push({ data: r.Data, arrival: r.ApproximateArrivalTimestamp, meta });
      else for (const u of users) items.push({ data: u.data, arrival: r.ApproximateArrivalTimestamp, meta: { ...meta, partitionKey: u.partitionKey, subsequenceNumber: u.subsequenceNumber } });
    }
    st.metrics.put('IncomingRecords', now, items.length);
    st.metrics.put('IncomingBytes', now, items.reduce((n, it) => n + it.data.length, 0));
    ingestExact(ctx, st, items);
    // At the end of a closed shard, go on with its children [BC-K GetRecords ChildShards].
    if (shard.closedAt !== undefined && next >= store.nextIndex) {
      src.positions.delete(shardId);
      src.done.add(shardId);
      for (const child of shard.childShardIds ?? []) if (!src.positions.has(child) && !src.done.has(child) && s.byId.has(child)) src.positions.set(child, 0);
    }
  }
  st.metrics.put('KinesisMillisBehindLatest', now, behind, 'Maximum');
}
