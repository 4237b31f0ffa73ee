/**
 * An enhanced fan-out consumer application: registers a stream consumer
 * (RegisterStreamConsumer), and once it is ACTIVE subscribes to every shard
 * (SubscribeToShard), each subscription with its own 2 MiB/s, not shared with
 * polling consumers [BC-K; A8]. A subscription lasts 5 minutes; the app
 * renews it from its ContinuationSequenceNumber (AFTER_SEQUENCE_NUMBER), and
 * at a closed shard's end subscribes to the children once all their parents
 * are done. Exact mode: events carry materialised records (the operation's path).
 * Bulk mode (`stepMs` set): no SubscribeToShard event per 200 ms per shard;
 * each step counts what every shard's subscription would have pushed in the
 * window, under the same 2 MiB/s per consumer per shard [BC-K; A8], its own
 * budget untouched by polling readers, so a step costs O(shards + blocks).
 * Its waits and its subscriptions' events reach it as data events and
 * continuations naming the consumer (and the shard entry), never closures.
 */
import type { KinesisContext } from '../../kinesis/context';
import { findStream } from '../../kinesis/context';
import type { ShardState } from '../../kinesis/shardModel';
import type { StartingPosition, SubscribeToShardEvent } from '../../kinesis/types';
import { registerStreamConsumer } from '../../kinesis/operations/registerStreamConsumer';
import { subscribeToShard } from '../../kinesis/operations/subscribeToShard';
import type { InitialPosition } from './shardLineage';
import { ShardLineage, type LineageEntry } from './shardLineage';
import { utf8Length } from '../../core/utf8';
import type { StreamState } from '../../kinesis/streamModel';
import { retentionCutoff } from '../../kinesis/context';
import { EFO_BYTES_PER_SEC, EFO_RESUBSCRIBE_MS, EFO_SUBSCRIPTION_MS } from '../../kinesis/constants';
import { initialIndex } from './shardLineage';
import { StepTicker } from './stepTicker';
import { EFO_HEARTBEAT_MS, EFO_PUSH_INTERVAL_MS } from '../../kinesis/efoSubscription';
import type { MetricsSink } from '../trafficService';
import type { SimCore } from '../../core/simCore';
import type { EventStreamEnd } from '../../core/eventStream';

/** Event and continuation kinds (registered once per simulation by registerEfoConsumerEvents). */
const EFO_CONSUMER = {
  /** Poll the consumer's status each second until ACTIVE (as an SDK waiter would). */
  wait: 'efo:waitActive',
  /** Subscribe to every shard that needs it (after a refusal, an expiry or a shard's end). */
  subscribe: 'efo:subscribeAll',
  /** A subscription pushed an event / ended. */
  event: 'efo:event',
  end: 'efo:end',
} as const;

interface ShardOf { consumer: EfoConsumer; e: EfoShard }

/** Registers the EFO consumers' events on `core` (several traffic services may share a core: once). */
export function registerEfoConsumerEvents(core: SimCore): void {
  if (core.hasHandler(EFO_CONSUMER.wait)) return;
  core.registerHandler<EfoConsumer>(EFO_CONSUMER.wait, (c) => c.waitActive());
  core.registerHandler<EfoConsumer>(EFO_CONSUMER.subscribe, (c) => c.subscribeAll());
  core.registerHandler<ShardOf, SubscribeToShardEvent>(EFO_CONSUMER.event, (p, ev) => p.consumer.pushed(p.e, ev));
  core.registerHandler<ShardOf, EventStreamEnd>(EFO_CONSUMER.end, (p, end) => p.consumer.ended(p.e, end));
}

export interface EfoConsumerSpec {
  name: string;
  streamName: string;
  initialPosition?: InitialPosition;
  timestamp?: number;
  /** Gets every pushed event's records (already materialised by SubscribeToShard; exact mode only). */
  onEvent?: (shardId: string, e: SubscribeToShardEvent) => void;
  /** Bulk mode: simulated ms per counting step (e.g. 60000); unset: exact SubscribeToShard events. */
  stepMs?: number;
}

interface EfoShard extends LineageEntry {
  continuation?: string;
  subscribed: boolean;
  initial: boolean;
  records: number;
  bytes: number;
  millisBehindLatest: number;
  subscriptions: number;
  /** Events pushed (SubscribeToShardEvent.Success). */
  events: number;
  /** Bulk mode: the next record to count, and when the current 5-minute subscription began. */
  position?: number;
  subscribedAt?: number;
  /** Bulk mode: when the first subscription began. */
  firstAt?: number;
}

/** An enhanced fan-out consumer app: registers, subscribes to every shard and renews each subscription. */
export class EfoConsumer {
  readonly kind = 'efo' as const;
  consumerArn?: string;
  readonly lineage: ShardLineage<EfoShard>;
  private stopped = false;
  private ticker?: StepTicker;
  /** The stream the consumer was registered on (waitActive watches its consumers). */
  private registeredOn?: StreamState;
  /** SubscribeToShard calls refused (ResourceInUseException within 5 s of the last one): SubscribeToShard.RateExceeded. */
  rateExceeded = 0;
  private reported = { subscriptions: 0, events: 0, records: 0, bytes: 0, rateExceeded: 0 };

  constructor(
    private readonly ctx: KinesisContext,
    readonly spec: EfoConsumerSpec,
  ) {
    findStream(ctx, { StreamName: spec.streamName });
    this.lineage = new ShardLineage<EfoShard>((shard: ShardState, initial) => ({ shard, ended: false, subscribed: false, initial, records: 0, bytes: 0, millisBehindLatest: 0, subscriptions: 0, events: 0 }));
  }

  /** Registers the consumer and subscribes once it is ACTIVE (polled each second, as an SDK waiter would). */
  start(): void {
    const s = findStream(this.ctx, { StreamName: this.spec.streamName });
    this.consumerArn = registerStreamConsumer(this.ctx, { StreamARN: s.arn, ConsumerName: this.spec.name }).Consumer.ConsumerARN;
    this.registeredOn = s;
    this.ctx.core.scheduleEvent(1000, EFO_CONSUMER.wait, this, `efo:${this.spec.name}:wait`);
  }

  /** One second of waiting for ACTIVE (the EFO_CONSUMER.wait event). */
  waitActive(): void {
    if (this.stopped) return;
    const c = this.registeredOn?.consumers.get(this.spec.name);
    if (c?.status === 'ACTIVE') {
      if (this.spec.stepMs !== undefined) this.startBulk(this.spec.stepMs);
      else this.subscribeAll();
    } else this.ctx.core.scheduleEvent(1000, EFO_CONSUMER.wait, this, `efo:${this.spec.name}:wait`);
  }

  stop(): void {
    this.stopped = true;
    this.ticker?.stop();
    const c = this.ctx.streams.get(this.spec.streamName)?.consumers.get(this.spec.name);
    for (const sub of c?.subscriptions.values() ?? []) if (!sub.ended) (sub as { cancel?: () => void }).cancel?.();
  }

  /** Subscribes to every shard not yet subscribed whose parents are done. */
  subscribeAll(): void {
    const s = this.ctx.streams.get(this.spec.streamName);
    if (s === undefined || s.deleted || this.stopped) return;
    this.lineage.sync(this.ctx, s);
    for (const e of this.lineage.entries.values()) if (!e.ended && !e.subscribed && this.lineage.parentsDone(e)) this.subscribe(e);
  }

  private subscribe(e: EfoShard): void {
    const pos: StartingPosition =
      e.continuation !== undefined
        ? { Type: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: e.continuation }
        : e.initial
          ? { Type: this.spec.initialPosition ?? 'TRIM_HORIZON', Timestamp: this.spec.timestamp }
          : { Type: 'TRIM_HORIZON' };
    let sub: ReturnType<typeof subscribeToShard>;
    try {
      sub = subscribeToShard(this.ctx, { ConsumerARN: this.consumerArn!, ShardId: e.shard.shardId, StartingPosition: pos });
    } catch (err) {
      if ((err as { name?: string }).name !== 'ResourceInUseException') throw err;
      // Within 5 s of the last subscription to this shard: refused; try again once the 5 s are over [BC-K].
      this.rateExceeded++;
      this.ctx.core.scheduleEvent(EFO_RESUBSCRIBE_MS, EFO_CONSUMER.subscribe, this, `efo:${this.spec.name}:retry`);
      return;
    }
    e.subscribed = true;
    e.subscriptions++;
    const of: ShardOf = { consumer: this, e };
    sub.EventStream.listen({ kind: EFO_CONSUMER.event, payload: of }, { kind: EFO_CONSUMER.end, payload: of });
  }

  /** A subscription to `e`'s shard pushed `ev`. */
  pushed(e: EfoShard, ev: SubscribeToShardEvent): void {
    for (const r of ev.Records) e.bytes += r.Data.length + utf8Length(r.PartitionKey);
    e.records += ev.Records.length;
    e.events++;
    e.millisBehindLatest = ev.MillisBehindLatest;
    if (ev.ContinuationSequenceNumber !== null) e.continuation = ev.ContinuationSequenceNumber;
    this.spec.onEvent?.(e.shard.shardId, ev);
  }

  /** The subscription to `e`'s shard ended. */
  ended(e: EfoShard, end: EventStreamEnd): void {
    e.subscribed = false;
    if (this.stopped) return;
    if (end.reason === 'shardEnd') e.ended = true;
    // Renew at once after the 5-minute expiry; children start once their parents are done.
    if (end.reason === 'expired' || end.reason === 'shardEnd') this.ctx.core.scheduleEvent(0, EFO_CONSUMER.subscribe, this, `efo:${this.spec.name}:renew`);
  }

  /** Bulk mode: counts each shard's pushes once per step instead of one event per 200 ms. */
  private startBulk(stepMs: number): void {
    // The step stands for the subscriptions' pushes; one "poll" per step is enough for StepTicker.
    this.ticker = new StepTicker(this.ctx.core, `efo:${this.spec.name}:bulk`, stepMs, stepMs, this);
    this.ticker.start();
  }

  /** One bulk step (its StepTicker's StepTarget). */
  onStep(now: number, windowMs: number): void {
    const s = this.ctx.streams.get(this.spec.streamName);
    if (s === undefined || s.deleted || this.stopped) return;
    this.lineage.sync(this.ctx, s);
    for (const e of this.lineage.entries.values()) {
      if (e.ended || !this.lineage.parentsDone(e)) continue;
      this.bulkShard(s, e, now, windowMs);
    }
  }

  /** One shard's pushes over the window: at most 2 MiB/s of it, counted, never materialised. */
  private bulkShard(s: StreamState, e: EfoShard, now: number, windowMs: number): void {
    const store = e.shard.store;
    store.trimBefore(retentionCutoff(this.ctx, s));
    if (e.position === undefined) {
      // The first subscription starts where SubscribeToShard's StartingPosition says.
      e.position = e.initial ? initialIndex(this.ctx, s, e.shard, this.spec.initialPosition ?? 'TRIM_HORIZON', this.spec.timestamp) : store.trimIndex;
      // Subscribed now: nothing is pushed before this moment, so the first step counts nothing.
      e.subscribedAt = now;
      e.firstAt = now;
      e.subscriptions++;
    }
    // Renewed every 5 minutes from the continuation sequence number: one SubscribeToShard call each time.
    while (now - e.subscribedAt! >= EFO_SUBSCRIPTION_MS) {
      e.subscribedAt! += EFO_SUBSCRIPTION_MS;
      e.subscriptions++;
    }
    if (e.position < store.trimIndex) e.position = store.trimIndex;
    // The subscription's own 2 MiB/s over the part of the window it was subscribed [BC-K; A8].
    const pushedMs = Math.min(windowMs, now - e.firstAt!);
    const byteRoom = (EFO_BYTES_PER_SEC * pushedMs) / 1000;
    const from = e.position;
    const m = from < store.nextIndex && byteRoom > 0 ? store.measure(from, Number.MAX_SAFE_INTEGER, byteRoom) : { count: 0, bytes: 0 };
    e.position = from + m.count;
    e.records += m.count;
    e.bytes += m.bytes;
    // As efoSubscription pushes: an event every 200 ms while records come, else an empty one every 5 s.
    e.events += Math.floor(pushedMs / (m.count > 0 ? EFO_PUSH_INTERVAL_MS : EFO_HEARTBEAT_MS));
    e.millisBehindLatest = e.position < store.nextIndex ? Math.max(0, now - store.arrivalAt(e.position)) : 0;
    if (e.shard.closedAt !== undefined && e.position >= store.nextIndex) {
      e.ended = true;
      e.millisBehindLatest = 0;
    }
  }

  /** SubscribeToShard.Success / RateExceeded and SubscribeToShardEvent.* for the second that ended [A10]. */
  reportMetrics(sink: MetricsSink): void {
    const t = this.totals();
    let events = 0;
    for (const e of this.lineage.entries.values()) events += e.events;
    const r = this.reported;
    const stream = this.spec.streamName;
    if (t.subscriptions > r.subscriptions) sink.count(stream, 'SubscribeToShard.Success', t.subscriptions - r.subscriptions);
    if (this.rateExceeded > r.rateExceeded) sink.count(stream, 'SubscribeToShard.RateExceeded', this.rateExceeded - r.rateExceeded);
    if (events > r.events) sink.count(stream, 'SubscribeToShardEvent.Success', events - r.events);
    if (t.records > r.records) sink.count(stream, 'SubscribeToShardEvent.Records', t.records - r.records);
    if (t.bytes > r.bytes) sink.count(stream, 'SubscribeToShardEvent.Bytes', t.bytes - r.bytes);
    if (this.consumerArn !== undefined) sink.maximum(stream, 'SubscribeToShardEvent.MillisBehindLatest', t.maxMillisBehindLatest);
    this.reported = { subscriptions: t.subscriptions, events, records: t.records, bytes: t.bytes, rateExceeded: this.rateExceeded };
  }

  totals(): { records: number; bytes: number; maxMillisBehindLatest: number; subscriptions: number } {
    const t = { records: 0, bytes: 0, maxMillisBehindLatest: 0, subscriptions: 0 };
    for (const e of this.lineage.entries.values()) {
      t.records += e.records;
      t.bytes += e.bytes;
      t.subscriptions += e.subscriptions;
      if (e.millisBehindLatest > t.maxMillisBehindLatest) t.maxMillisBehindLatest = e.millisBehindLatest;
    }
    return t;
  }
}
