/**
 * One SubscribeToShard subscription: an enhanced fan-out consumer's push
 * connection to one shard. Every EFO_PUSH_INTERVAL_MS of simulated time a
 * scheduled engine event reads the records that have arrived since the last
 * push, within the subscription's own 2 MiB/s budget (per consumer per shard,
 * not shared with GetRecords or other consumers [BC-K SubscribeToShard]), and
 * pushes a SubscribeToShardEvent with ContinuationSequenceNumber and
 * MillisBehindLatest. At the end of a closed shard the last event carries
 * ChildShards and a null ContinuationSequenceNumber, and the subscription ends.
 * It also ends after 5 minutes, when a newer call takes it over, or when the
 * consumer or stream goes away.
 *
 * Its pushes and its expiry are data events whose payload is the subscription
 * itself. The engine's own consumers listen with continuations (`listen`),
 * so a subscription they hold is plain data; `onEvent`/`onEnd` callbacks are
 * for callers outside the engine (the wire's event stream, the SDK).
 */
import type { EngineEventStream, EventStreamEnd } from '../core/eventStream';
import type { Continuation, ScheduledEvent } from '../core/eventQueue';
import type { SimCore } from '../core/simCore';
import type { KinesisContext } from './context';
import type { ActiveSubscription, ConsumerState } from './consumerModel';
import type { StreamState } from './streamModel';
import { shardSequenceNumber, type ShardState } from './shardModel';
import { TokenBucket } from './throughput';
import { childShardsOf, readRange } from './operations/getRecords';
import { EFO_BYTES_PER_SEC, EFO_SUBSCRIPTION_MS, GET_RECORDS_MAX_RECORDS } from './constants';
import type { SubscribeToShardEvent } from './types';

/**
 * How often a subscription pushes, in simulated ms. The simulator's choice:
 * records wait 100 ms on average, near the ~70 ms EFO propagation delay
 * [KDS-DG22 building-consumers], at 5 engine events per second per subscription.
 */
export const EFO_PUSH_INTERVAL_MS = 200;
/** With no new records, an empty event still comes this often (so the consumer sees it is caught up). Simulator's choice. */
export const EFO_HEARTBEAT_MS = 5000;

/** Event kinds (registered once per simulation by registerEfoSubscriptionEvents). */
const EFO_PUSH = 'kinesis:efoPush';
const EFO_EXPIRE = 'kinesis:efoExpire';

/** Registers the subscriptions' push and expiry events on `core` (once, when the Kinesis service is built). */
export function registerEfoSubscriptionEvents(core: SimCore): void {
  core.registerHandler<ShardSubscription>(EFO_PUSH, (sub) => sub.push());
  core.registerHandler<ShardSubscription>(EFO_EXPIRE, (sub) => sub.finish('expired'));
}

export type SubscriptionEndReason = 'expired' | 'shardEnd' | 'replaced' | 'cancelled' | 'consumerDeregistered' | 'streamDeleted';

/** A SubscribeToShard subscription: events arrive as simulated time advances. */
export class ShardSubscription implements EngineEventStream<SubscribeToShardEvent>, ActiveSubscription {
  readonly eventType = 'SubscribeToShardEvent';
  readonly ConsumerARN: string;
  readonly ShardId: string;
  readonly startedAt: number;
  /** Events delivered while no onEvent listener was registered, oldest first; `take()` empties it. */
  readonly events: SubscribeToShardEvent[] = [];
  ended = false;
  /** Why and how the subscription ended, once it has. */
  endedBy?: EventStreamEnd;
  /** Totals pushed so far (records, and bytes of data plus partition keys). */
  deliveredRecords = 0;
  deliveredBytes = 0;

  private listeners: Array<(e: SubscribeToShardEvent) => void> = [];
  private endListeners: Array<(end: EventStreamEnd) => void> = [];
  /** The engine's own listeners, as data: resumed with each event and with the end. */
  private eventConts: Continuation[] = [];
  private endConts: Continuation[] = [];
  private readonly budget: TokenBucket;
  private nextTick?: ScheduledEvent;
  private readonly expiry: ScheduledEvent;
  private lastPushAt = -Infinity;

  constructor(
    private readonly ctx: KinesisContext,
    private readonly stream: StreamState,
    private readonly consumer: ConsumerState,
    private readonly shard: ShardState,
    /** Index of the next record to push. */
    private position: number,
  ) {
    const now = ctx.core.now();
    this.ConsumerARN = consumer.arn;
    this.ShardId = shard.shardId;
    this.startedAt = now;
    // Starts empty and fills at 2 MiB/s (capacity one second's worth), so no
    // second ever pushes more than 2 MiB plus one record.
    this.budget = new TokenBucket(EFO_BYTES_PER_SEC, EFO_BYTES_PER_SEC, now);
    this.budget.level = 0;
    this.expiry = ctx.core.scheduleEvent(EFO_SUBSCRIPTION_MS, EFO_EXPIRE, this, this.label('expire'));
    this.schedule();
  }

  /** Returns and forgets the queued events. */
  take(): SubscribeToShardEvent[] {
    return this.events.splice(0, this.events.length);
  }

  onEvent(cb: (e: SubscribeToShardEvent) => void): () => void {
    this.listeners.push(cb);
    for (const e of this.take()) cb(e);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== cb);
    };
  }

  onEnd(cb: (end: EventStreamEnd) => void): () => void {
    if (this.endedBy !== undefined) {
      cb(this.endedBy);
      return () => {};
    }
    this.endListeners.push(cb);
    return () => {
      this.endListeners = this.endListeners.filter((l) => l !== cb);
    };
  }

  /**
   * The engine's form of onEvent + onEnd: `onEvent` is resumed with every
   * SubscribeToShardEvent from now on (queued ones first), `onEnd` once with
   * the EventStreamEnd (at once if the subscription has ended).
   */
  listen(onEvent: Continuation, onEnd: Continuation): void {
    this.eventConts.push(onEvent);
    for (const e of this.take()) this.ctx.core.resume(onEvent, e);
    if (this.endedBy !== undefined) this.ctx.core.resume(onEnd, this.endedBy);
    else this.endConts.push(onEnd);
  }

  cancel(): void {
    this.finish('cancelled');
  }

  /** Ends the subscription once; later calls do nothing. */
  finish(reason: SubscriptionEndReason | string, error?: { type: string; message: string }): void {
    if (this.ended) return;
    this.ended = true;
    this.endedBy = error === undefined ? { reason } : { reason, error };
    if (this.nextTick !== undefined) this.nextTick.cancelled = true;
    this.expiry.cancelled = true;
    this.ctx.core.events.emit({
      type: 'subscriptionEnded',
      time: this.ctx.core.now(),
      stream: this.stream.name,
      consumer: this.consumer.name,
      shardId: this.ShardId,
      reason,
    });
    const ls = this.endListeners;
    this.endListeners = [];
    const cs = this.endConts;
    this.endConts = [];
    for (const l of ls) l(this.endedBy);
    for (const c of cs) this.ctx.core.resume(c, this.endedBy);
  }

  private label(what: string): string {
    return `kinesis:efo:${what}:${this.stream.name}:${this.consumer.name}:${this.ShardId}`;
  }

  private schedule(): void {
    this.nextTick = this.ctx.core.scheduleEvent(EFO_PUSH_INTERVAL_MS, EFO_PUSH, this, this.label('push'));
  }

  /** One push (the EFO_PUSH event): reads what the budget allows and delivers it as one event. */
  push(): void {
    const { ctx, stream: s, consumer: c, shard } = this;
    const now = ctx.core.now();
    const account = ctx.core.accountId;
    if (s.deleted || s.status === 'DELETING') {
      return this.finish('streamDeleted', { type: 'ResourceNotFoundException', message: `Stream ${s.name} under account ${account} not found.` });
    }
    if (c.status !== 'ACTIVE' || s.consumers.get(c.name) !== c) {
      return this.finish('consumerDeregistered', { type: 'ResourceNotFoundException', message: `Consumer ${c.arn} under account ${account} not found.` });
    }
    this.budget.refill(now);
    let records: SubscribeToShardEvent['Records'] = [];
    let next = this.position;
    if (this.budget.level > 0) {
      const r = readRange(ctx, s, shard, this.position, GET_RECORDS_MAX_RECORDS, this.budget.level);
      records = r.records;
      next = r.next;
      this.budget.level -= r.bytes;
      this.deliveredBytes += r.bytes;
      this.deliveredRecords += records.length;
    }
    this.position = next;
    const store = shard.store;
    const atEnd = next >= store.nextIndex;
    const shardEnd = atEnd && shard.closedAt !== undefined;
    if (records.length > 0 || shardEnd || now - this.lastPushAt >= EFO_HEARTBEAT_MS) {
      const event: SubscribeToShardEvent = {
        Records: records,
        // Where to resume (AFTER_SEQUENCE_NUMBER): the last record pushed, so
        // progress is kept even when no data comes [BC-K SubscribeToShardEvent].
        ContinuationSequenceNumber: shardEnd ? null : shardSequenceNumber(shard, Math.max(0, next - 1)),
        MillisBehindLatest: atEnd ? 0 : Math.max(0, now - store.arrivalAt(next)),
      };
      if (shardEnd) event.ChildShards = childShardsOf(s, shard);
      this.lastPushAt = now;
      if (this.listeners.length === 0 && this.eventConts.length === 0) this.events.push(event);
      else {
        for (const l of this.listeners) l(event);
        for (const c of this.eventConts) ctx.core.resume(c, event);
      }
    }
    if (shardEnd) this.finish('shardEnd');
    else if (!this.ended) this.schedule();
  }
}
