/**
 * The exact write path: records go through the same PutRecord and PutRecords
 * operations a learner calls, so each one is stored byte for byte with a real
 * sequence number. PutRecord throws ProvisionedThroughputExceededException per
 * record; PutRecords reports it per entry (FailedRecordCount) [BC-K]; the KPL
 * aggregates user records per shard, collects aggregates into PutRecords calls
 * of up to 500, and retries failures [facts A11].
 */
import { isAwsError } from '../../core/errors';
import type { KinesisContext } from '../../kinesis/context';
import { putRecord } from '../../kinesis/operations/putRecord';
import { putRecords } from '../../kinesis/operations/putRecords';
import { routeRecord } from '../../kinesis/write';
import { utf8Length } from '../../core/utf8';
import { PUT_RECORDS_MAX_ENTRIES } from '../../kinesis/constants';
import type { ProducerCounts } from '../bulkSource';
import { encodeAggregatedRecord } from './kplFormat';

/** A user record waiting to be sent (or re-sent). */
export interface PendingRecord {
  partitionKey: string;
  data: Uint8Array;
  explicitHashKey?: string;
  attempts: number;
  firstAt: number;
}

/** Outcome of one send: records to retry next time. */
export interface SendOptions {
  streamName: string;
  maxRetries: number;
  /** KPL: AggregationMaxSize (0 = no aggregation) and RecordTtl. */
  aggregationMaxSize?: number;
  recordTtlMs?: number;
}

/** Retry bookkeeping for a failed record: queue it again, or drop it. */
export function failed(r: PendingRecord, opts: SendOptions, now: number, counts: ProducerCounts, retry: PendingRecord[], users = 1): void {
  counts.throttled += users;
  r.attempts++;
  const ttlOver = opts.recordTtlMs !== undefined && now - r.firstAt >= opts.recordTtlMs;
  if (r.attempts > opts.maxRetries || ttlOver) counts.dropped += users;
  else retry.push(r);
}

function isThrottle(e: unknown): boolean {
  return isAwsError(e) && e.type === 'ProvisionedThroughputExceededException';
}

/** PutRecord for each record in turn. Returns the records to retry. */
export function sendPutRecord(ctx: KinesisContext, records: PendingRecord[], opts: SendOptions, counts: ProducerCounts): PendingRecord[] {
  const retry: PendingRecord[] = [];
  const now = ctx.core.now();
  for (const r of records) {
    if (r.attempts > 0) counts.retried++;
    counts.calls++;
    try {
      putRecord(ctx, { StreamName: opts.streamName, PartitionKey: r.partitionKey, Data: r.data, ...(r.explicitHashKey !== undefined ? { ExplicitHashKey: r.explicitHashKey } : {}) });
      counts.sent++;
      counts.kinesisRecords++;
      counts.bytes += r.data.length + utf8Length(r.partitionKey);
    } catch (e) {
      if (!isThrottle(e)) {
        counts.dropped++;
        continue;
      }
      failed(r, opts, now, counts, retry);
    }
  }
  return retry;
}

/** PutRecords in batches of up to 500. `users[i]` is the user records inside record i (KPL aggregates). */
export function sendPutRecords(ctx: KinesisContext, records: PendingRecord[], opts: SendOptions, counts: ProducerCounts, users?: number[], members?: PendingRecord[][]): PendingRecord[] {
  const retry: PendingRecord[] = [];
  const now = ctx.core.now();
  for (let start = 0; start < records.length; start += PUT_RECORDS_MAX_ENTRIES) {
    const batch = records.slice(start, start + PUT_RECORDS_MAX_ENTRIES);
    counts.calls++;
    let out;
    try {
      out = putRecords(ctx, {
        StreamName: opts.streamName,
        Records: batch.map((r) => ({ PartitionKey: r.partitionKey, Data: r.data, ...(r.explicitHashKey !== undefined ? { ExplicitHashKey: r.explicitHashKey } : {}) })),
      });
    } catch {
      // The whole call failed (stream gone, request too large): its records are lost.
      batch.forEach((_, i) => (counts.dropped += users?.[start + i] ?? 1));
      continue;
    }
    out.Records.forEach((res, i) => {
      const r = batch[i];
      const u = users?.[start + i] ?? 1;
      if (res.ErrorCode === undefined) {
        counts.sent += u;
        counts.kinesisRecords++;
        counts.bytes += r.data.length + utf8Length(r.partitionKey);
      } else if (members !== undefined) {
        // A failed aggregate: its user records are retried one by one next time (re-aggregated then).
        counts.throttled += u;
        for (const m of members[start + i]) {
          m.attempts++;
          const ttlOver = opts.recordTtlMs !== undefined && now - m.firstAt >= opts.recordTtlMs;
          if (m.attempts > opts.maxRetries || ttlOver) counts.dropped++;
          else retry.push(m);
        }
      } else failed(r, opts, now, counts, retry, u);
    });
  }
  return retry;
}

/**
 * KPL: aggregates user records bound for the same shard into aggregated
 * records of at most AggregationMaxSize, then sends them with PutRecords.
 */
export function sendKpl(ctx: KinesisContext, records: PendingRecord[], opts: SendOptions, counts: ProducerCounts): PendingRecord[] {
  const s = ctx.streams.get(opts.streamName);
  const max = opts.aggregationMaxSize ?? 0;
  if (s === undefined || s.deleted || max <= 0) return sendPutRecords(ctx, records, opts, counts);
  for (const r of records) if (r.attempts > 0) counts.retried++;
  const byShard = new Map<string, PendingRecord[]>();
  for (const r of records) {
    const shard = routeRecord(ctx, s, r.partitionKey, r.explicitHashKey);
    let list = byShard.get(shard.shardId);
    if (list === undefined) byShard.set(shard.shardId, (list = []));
    list.push(r);
  }
  const aggregates: PendingRecord[] = [];
  const users: number[] = [];
  const members: PendingRecord[][] = [];
  for (const list of byShard.values()) {
    let group: PendingRecord[] = [];
    let size = 0;
    const flush = () => {
      if (group.length === 0) return;
      const first = group[0];
      const data = group.length === 1 ? first.data : encodeAggregatedRecord(group);
      aggregates.push({ partitionKey: first.partitionKey, data, attempts: 0, firstAt: first.firstAt, ...(first.explicitHashKey !== undefined ? { explicitHashKey: first.explicitHashKey } : {}) });
      users.push(group.length);
      members.push(group);
      group = [];
      size = 0;
    };
    for (const r of list) {
      // Per user record: its data and key plus about 8 bytes of protobuf framing.
      const add = r.data.length + utf8Length(r.partitionKey) + 8;
      if (size + add > max - 20) flush();
      group.push(r);
      size += add;
    }
    flush();
  }
  // Retries were counted per user record above, not per aggregate.
  return sendPutRecords(ctx, aggregates, opts, counts, users, members);
}
