/**
 * A Flink source table that reads with enhanced fan-out: the job registers a
 * stream consumer (RegisterStreamConsumer, so ListStreamConsumers shows it),
 * waits until it is ACTIVE, and reads each shard through its own
 * SubscribeToShard subscription at up to 2 MiB/s per shard per consumer, not
 * shared with GetRecords readers: it takes nothing from the shard's 5 reads a
 * second or its shared 2 MiB/s [BC-K SubscribeToShard; KDS-DG22 enhanced-consumers].
 * A subscription lasts 5 minutes and is renewed from where it ended.
 *
 * The reads follow efoSubscription.ts (a bucket per subscription, empty when
 * it opens, refilled at 2 MiB/s up to one second's worth; one push per 200 ms
 * tick) but as plain data in the run state, with no closure in the event
 * queue, so a checkpoint of the simulation copies it.
 */
import type { AnalyticsContext } from '../context';
import type { ApplicationState } from '../applicationModel';
import type { StreamState } from '../../kinesis/streamModel';
import { retentionCutoff } from '../../kinesis/context';
import { registerStreamConsumer } from '../../kinesis/operations/registerStreamConsumer';
import { deregisterStreamConsumer } from '../../kinesis/operations/deregisterStreamConsumer';
import { EFO_BYTES_PER_SEC, EFO_SUBSCRIPTION_MS, GET_RECORDS_MAX_RECORDS } from '../../kinesis/constants';
import { touchCursors, type StepResult } from '../../traffic/consumers/shardCursor';
import type { EfoOptions } from '../efoOptions';
import type { AppCursor, SourceRun } from './runState';

/** The EFO reader of one source (plain data on SourceRun). */
export interface EfoReader extends EfoOptions {
  /** The ARN of the consumer the job reads with, once it has one. */
  consumerArn?: string;
  /** SubscribeToShard calls made: one per shard per 5-minute subscription. */
  subscriptions: number;
  /** Records and bytes pushed to the job (SubscribeToShardEvent.Records / .Bytes). */
  records: number;
  bytes: number;
  /** Why the reader is not reading yet, while it waits ('consumer CREATING', 'consumer missing', ...). */
  waiting?: string;
}

/** One shard's subscription: its own 2 MiB/s bucket and when it opened. */
export interface EfoShardState {
  level: number;
  refilledAt: number;
  subscribedAt: number;
}

/**
 * Makes sure the job has an ACTIVE consumer: a managed lifecycle registers it
 * (or reuses one of that name) as the job starts and again after someone
 * deregistered it, as a restarting job would; a self-managed one only waits.
 * True when the consumer is ACTIVE.
 */
export function ensureConsumer(ctx: AnalyticsContext, s: StreamState, efo: EfoReader): boolean {
  const c = s.consumers.get(efo.consumerName);
  if (c !== undefined && c.status === 'ACTIVE') {
    efo.consumerArn = c.arn;
    efo.waiting = undefined;
    return true;
  }
  if (c !== undefined) {
    efo.waiting = `consumer ${c.status}`;
    return false;
  }
  if (!efo.managed) {
    efo.waiting = 'consumer not registered (self-managed: register it with RegisterStreamConsumer)';
    return false;
  }
  try {
    efo.consumerArn = registerStreamConsumer(ctx.kinesis, { StreamARN: s.arn, ConsumerName: efo.consumerName }).Consumer.ConsumerARN;
    efo.waiting = 'consumer CREATING';
  } catch (e) {
    // LimitExceededException (20 consumers per stream, 5 creating at once) or a stream not ACTIVE: the job tries again.
    efo.waiting = (e as Error).message;
  }
  return false;
}

/** Deregisters the job's consumer at a graceful stop (managed lifecycles only). */
export function releaseConsumers(ctx: AnalyticsContext, app: ApplicationState): void {
  for (const src of app.run?.sources ?? []) {
    const efo = src.efo;
    if (efo === undefined || !efo.managed) continue;
    const s = ctx.kinesis.streams.get(src.streamName);
    const c = s?.consumers.get(efo.consumerName);
    if (s === undefined || s.deleted || c === undefined || c.status === 'DELETING') continue;
    deregisterStreamConsumer(ctx.kinesis, { ConsumerARN: c.arn });
  }
}

/**
 * One 200 ms push of one shard's subscription: what arrived since, within the
 * subscription's own bytes and the job's processing room (`recordsPerSecond`).
 * Touches none of the shard's shared read limits.
 */
export function stepEfo(ctx: AnalyticsContext, s: StreamState, src: SourceRun, c: AppCursor, now: number, windowMs: number, recordsPerSecond: number): StepResult {
  const efo = src.efo!;
  const store = c.shard.store;
  touchCursors(ctx.kinesis);
  store.trimBefore(retentionCutoff(ctx.kinesis, s));
  if (c.position < store.trimIndex) {
    c.counters.lostToRetention += store.trimIndex - c.position;
    c.position = store.trimIndex;
  }
  if (c.efo === undefined) {
    // SubscribeToShard: the bucket starts empty (as efoSubscription.ts), so the first push carries nothing.
    c.efo = { level: 0, refilledAt: now, subscribedAt: now };
    efo.subscriptions++;
  }
  const sub = c.efo;
  while (now - sub.subscribedAt >= EFO_SUBSCRIPTION_MS) {
    // The subscription ended after 5 minutes; the job subscribes again from its continuation sequence number.
    sub.subscribedAt += EFO_SUBSCRIPTION_MS;
    efo.subscriptions++;
  }
  sub.level = Math.min(EFO_BYTES_PER_SEC, sub.level + (EFO_BYTES_PER_SEC * (now - sub.refilledAt)) / 1000);
  sub.refilledAt = now;
  const from = c.position;
  const budget = c.carry + (recordsPerSecond * windowMs) / 1000;
  const room = Math.min(GET_RECORDS_MAX_RECORDS, Math.floor(budget));
  let count = 0, bytes = 0;
  if (sub.level > 0 && room > 0 && from < store.nextIndex) ({ count, bytes } = store.measure(from, room, sub.level));
  sub.level -= bytes;
  c.carry = count === Math.floor(budget) && Number.isFinite(budget) ? budget - count : 0;
  c.position = from + count;
  c.counters.records += count;
  c.counters.bytes += bytes;
  efo.records += count;
  efo.bytes += bytes;
  // MillisBehindLatest of the SubscribeToShardEvent: the age of the next record still to push.
  c.iteratorAgeMs = c.position < store.nextIndex ? Math.max(0, now - store.arrivalAt(c.position)) : 0;
  if (c.shard.closedAt !== undefined && c.position >= store.nextIndex) c.ended = true;
  return { from, count, bytes, throttled: 0 };
}
