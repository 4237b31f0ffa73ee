/**
 * An enhanced fan-out consumer application: registers a stream consumer
 * (RegisterStreamConsumer), and once it is ACTIVE subscribes to every shard
 * (SubscribeToShard), each subscription with its own 2 MiB/s, not shared with
 * polling consumers [BC-K; A8]. A subscription lasts 5 minutes; the app
 * renews it from its ContinuationSequenceNumber (AFTER_SEQUENCE_NUMBER), and
 * at a closed shard's end subscribes to the children once all their parents
 * are done. Exact mode: events carry materialised records (the operation's path).
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

export interface EfoConsumerSpec {
  name: string;
  streamName: string;
  initialPosition?: InitialPosition;
  timestamp?: number;
  /** Gets every pushed event's records (already materialised by SubscribeToShard). */
  onEvent?: (shardId: string, e: SubscribeToShardEvent) => void;
}

interface EfoShard extends LineageEntry {
  continuation?: string;
  subscribed: boolean;
  initial: boolean;
  records: number;
  bytes: number;
  millisBehindLatest: number;
  subscriptions: number;
}

export class EfoConsumer {
  readonly kind = 'efo' as const;
  consumerArn?: string;
  readonly lineage: ShardLineage<EfoShard>;
  private stopped = false;

  constructor(
    private readonly ctx: KinesisContext,
    readonly spec: EfoConsumerSpec,
  ) {
    findStream(ctx, { StreamName: spec.streamName });
    this.lineage = new ShardLineage<EfoShard>((shard: ShardState, initial) => ({ shard, ended: false, subscribed: false, initial, records: 0, bytes: 0, millisBehindLatest: 0, subscriptions: 0 }));
  }

  /** Registers the consumer and subscribes once it is ACTIVE (polled each second, as an SDK waiter would). */
  start(): void {
    const s = findStream(this.ctx, { StreamName: this.spec.streamName });
    this.consumerArn = registerStreamConsumer(this.ctx, { StreamARN: s.arn, ConsumerName: this.spec.name }).Consumer.ConsumerARN;
    const wait = () => {
      if (this.stopped) return;
      const c = s.consumers.get(this.spec.name);
      if (c?.status === 'ACTIVE') this.subscribeAll();
      else this.ctx.core.schedule(1000, `efo:${this.spec.name}:wait`, wait);
    };
    this.ctx.core.schedule(1000, `efo:${this.spec.name}:wait`, wait);
  }

  stop(): void {
    this.stopped = true;
    const c = this.ctx.streams.get(this.spec.streamName)?.consumers.get(this.spec.name);
    for (const sub of c?.subscriptions.values() ?? []) if (!sub.ended) (sub as { cancel?: () => void }).cancel?.();
  }

  private subscribeAll(): void {
    const s = this.ctx.streams.get(this.spec.streamName);
    if (s === undefined || s.deleted || this.stopped) return;
    this.lineage.sync(s);
    for (const e of this.lineage.entries.values()) if (!e.ended && !e.subscribed && this.lineage.parentsDone(e)) this.subscribe(e);
  }

  private subscribe(e: EfoShard): void {
    const pos: StartingPosition =
      e.continuation !== undefined
        ? { Type: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: e.continuation }
        : e.initial
          ? { Type: this.spec.initialPosition ?? 'TRIM_HORIZON', Timestamp: this.spec.timestamp }
          : { Type: 'TRIM_HORIZON' };
    const { EventStream } = subscribeToShard(this.ctx, { ConsumerARN: this.consumerArn!, ShardId: e.shard.shardId, StartingPosition: pos });
    e.subscribed = true;
    e.subscriptions++;
    EventStream.onEvent((ev) => {
      for (const r of ev.Records) e.bytes += r.Data.length + utf8Length(r.PartitionKey);
      e.records += ev.Records.length;
      e.millisBehindLatest = ev.MillisBehindLatest;
      if (ev.ContinuationSequenceNumber !== null) e.continuation = ev.ContinuationSequenceNumber;
      this.spec.onEvent?.(e.shard.shardId, ev);
    });
    EventStream.onEnd((end) => {
      e.subscribed = false;
      if (this.stopped) return;
      if (end.reason === 'shardEnd') e.ended = true;
      // Renew at once after the 5-minute expiry; children start once their parents are done.
      if (end.reason === 'expired' || end.reason === 'shardEnd') this.ctx.core.schedule(0, `efo:${this.spec.name}:renew`, () => this.subscribeAll());
    });
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
