/**
 * A simulated producer: writes records at its rate profile with its key
 * strategy and write path. In exact mode it calls PutRecord / PutRecords on
 * its own clock (every 100 ms, every batch interval, or every
 * RecordMaxBufferedTime for the KPL); in bulk mode the traffic heartbeat asks
 * it for its share of each tick and the bulk writer stores segments.
 */
import type { Random } from '../../core/random';
import type { SimCore } from '../../core/simCore';
import type { ScheduledEvent } from '../../core/eventQueue';
import type { SegmentRecipe } from '../../kinesis/segmentRecipe';
import type { KplAggregateRecipe } from './producerMaterialisers';
import { utf8Length } from '../../core/utf8';
import type { MetricsSink, TrafficParticipant, TrafficService, TrafficSnapshotEntry } from '../trafficService';
import { BulkSource, zeroCounts, type BulkLaneOwner, type ProducerCounts } from '../bulkSource';
import { createKeyPopulation } from './keyStrategies';
import { peakRate, rateAt } from './rates';
import { RecordMaker } from './recordMaker';
import { aggregatedSize, KPL_AGGREGATION_MAX_SIZE, KPL_RECORD_MAX_BUFFERED_TIME_MS, KPL_RECORD_TTL_MS } from './kplFormat';
import { sendKpl, sendPutRecord, sendPutRecords, type PendingRecord, type SendOptions } from './exactSend';
import { FirehoseTarget, firehoseTargetOf } from './firehoseTarget';
import { EXACT_MODE_MAX_RATE, type ProducerConfig, type ProducerInfo } from './producerConfig';

/** Exact PutRecord producers step every 100 ms (records due in between go out together). */
const PUT_RECORD_STEP_MS = 100;

/** An exact producer's step (a data event whose payload is the producer). */
const PRODUCER_STEP = 'producer:step';

/** Registers the exact producers' step on `core` (several traffic services may share a core: once). */
export function registerProducerEvents(core: SimCore): void {
  if (!core.hasHandler(PRODUCER_STEP)) core.registerHandler<{ producer: Producer; stepMs: number }>(PRODUCER_STEP, ({ producer, stepMs }) => producer.onStep(stepMs));
}

/** A simulated producer writing to a Kinesis stream at its rate, key strategy and write path. */
export class Producer implements TrafficParticipant, BulkLaneOwner {
  readonly kind = 'producer' as const;
  readonly counts: ProducerCounts = zeroCounts();
  maker!: RecordMaker;
  readonly seed: number;
  private rng: Random;
  private startedAt: number;
  private due = 0;
  private seq = 0;
  private rr = 0;
  private retry: PendingRecord[] = [];
  private ev?: ScheduledEvent;
  /** Bulk state on the target stream (bulk mode). */
  bulk?: BulkSource;
  /** Direct PUT into a Firehose delivery stream (target kind 'firehose'). */
  firehose?: FirehoseTarget;

  constructor(
    readonly id: string,
    public config: ProducerConfig,
    private readonly svc: TrafficService,
  ) {
    this.rng = svc.core.random.fork(`producer:${id}`);
    this.seed = this.rng.int(4294967296);
    this.startedAt = svc.core.now();
    this.configure(config);
  }

  /** Applies a (new) configuration; keeps counts and the record numbering. */
  configure(config: ProducerConfig): void {
    this.config = config;
    this.maker = new RecordMaker(config.record ?? {}, this.seed, createKeyPopulation(config.keys), this.svc.core.now());
    const toFirehose = firehoseTargetOf(config) !== undefined;
    this.firehose?.dispose();
    this.firehose = toFirehose ? new FirehoseTarget(this, this.svc) : undefined;
    this.bulk = this.mode === 'bulk' && !toFirehose ? new BulkSource(this) : undefined;
    this.ev && (this.ev.cancelled = true);
    this.ev = undefined;
    if (this.mode === 'exact' && this.enabled) this.scheduleStep();
  }

  get enabled(): boolean {
    return this.config.enabled !== false;
  }

  get mode(): 'exact' | 'bulk' {
    const m = this.config.mode ?? 'auto';
    if (m !== 'auto') return m;
    return peakRate(this.config.rate) <= EXACT_MODE_MAX_RATE ? 'exact' : 'bulk';
  }

  get writePath() {
    return this.config.writePath ?? 'PutRecords';
  }

  get maxRetries(): number {
    return Math.max(0, Math.floor(this.config.maxRetries ?? 3));
  }

  get callPerRecord(): boolean {
    return this.writePath === 'PutRecord';
  }

  private get aggregationMaxSize(): number {
    if (this.writePath !== 'KPL' || this.config.kpl?.aggregation === false) return 0;
    return this.config.kpl?.aggregationMaxSize ?? KPL_AGGREGATION_MAX_SIZE;
  }

  /** Rate (user records/s) now. */
  currentRate(now = this.svc.core.now()): number {
    return this.enabled ? rateAt(this.config.rate, now - this.startedAt) : 0;
  }

  /** KPL: user records per aggregate on a shard taking `userPerSec` (what arrives within RecordMaxBufferedTime, up to AggregationMaxSize). */
  aggregation(userPerSec: number): number {
    const max = this.aggregationMaxSize;
    if (max <= 0) return 1;
    const buffered = this.config.kpl?.recordMaxBufferedTimeMs ?? KPL_RECORD_MAX_BUFFERED_TIME_MS;
    const bySize = Math.max(1, Math.floor((max - 20) / (this.maker.recordBytes + 8)));
    // + 1e-9: key shares summing to 0.9999999 must not lose a whole record per aggregate.
    const byTime = Math.max(1, Math.floor((userPerSec * buffered) / 1000 + 1e-9));
    return Math.min(bySize, byTime);
  }

  kinesisRecordBytes(m: number): number {
    return m <= 1 ? this.maker.recordBytes : this.aggregateSize(m);
  }

  private keyLen(): number {
    return utf8Length(this.maker.keys.keyAt(0, 0));
  }

  private aggregateSize(m: number): number {
    const k = this.keyLen();
    const d = Math.max(1, this.maker.recordBytes - k);
    return aggregatedSize(new Array<number>(m).fill(d), new Array<number>(m).fill(k)) + k;
  }

  /** A lane whose Kinesis records are KPL aggregates of `m` user records of `base` (plain data, producerMaterialisers.ts). */
  aggregateRecipe(base: SegmentRecipe, m: number): KplAggregateRecipe {
    return { kind: 'kpl-aggregate', recordBytes: this.aggregateSize(m), base, m };
  }

  private get stepMs(): number {
    return this.writePath === 'PutRecord' ? PUT_RECORD_STEP_MS : this.writePath === 'KPL' ? (this.config.kpl?.recordMaxBufferedTimeMs ?? KPL_RECORD_MAX_BUFFERED_TIME_MS) : (this.config.batchIntervalMs ?? 1000);
  }

  // A data event (the producer is its payload), so a checkpoint can copy the queue.
  private scheduleStep(): void {
    const stepMs = this.stepMs;
    this.ev = this.svc.core.scheduleEvent(stepMs, PRODUCER_STEP, { producer: this, stepMs }, `producer:${this.id}`);
  }

  /** One exact-mode step (the PRODUCER_STEP event), then the next. */
  onStep(stepMs: number): void {
    this.exactStep(stepMs);
    this.scheduleStep();
  }

  /** One exact-mode step: make the records due and send them with the retries. */
  private exactStep(stepMs: number): void {
    const now = this.svc.core.now();
    this.due += (this.currentRate(now) * stepMs) / 1000;
    const n = Math.floor(this.due);
    this.due -= n;
    const batch = this.retry;
    this.retry = [];
    const s = this.svc.kinesis.streams.get(this.config.streamName);
    for (let i = 0; i < n; i++) {
      const key = this.maker.keys.draw(this.rng, now);
      const data = this.firehose !== undefined ? this.firehose.recordData(this.seq++, key, now) : this.maker.data(this.seq++, key, now);
      const r: PendingRecord = { partitionKey: key, data, attempts: 0, firstAt: now };
      if (this.maker.keys.kind === 'explicit' && s !== undefined && s.open.length > 0) {
        const sh = s.open[this.rr++ % s.open.length];
        r.explicitHashKey = ((sh.start + sh.end) / 2n).toString();
      }
      batch.push(r);
    }
    if (batch.length === 0) return;
    if (this.firehose !== undefined) {
      this.retry = this.firehose.sendExact(batch);
      return;
    }
    const opts: SendOptions = { streamName: this.config.streamName, maxRetries: this.maxRetries };
    const ctx = this.svc.kinesis;
    if (this.writePath === 'PutRecord') this.retry = sendPutRecord(ctx, batch, opts, this.counts);
    else if (this.writePath === 'PutRecords') {
      for (const r of batch) if (r.attempts > 0) this.counts.retried++;
      this.retry = sendPutRecords(ctx, batch, opts, this.counts);
    } else {
      opts.aggregationMaxSize = this.aggregationMaxSize;
      opts.recordTtlMs = this.config.kpl?.recordTtlMs ?? KPL_RECORD_TTL_MS;
      opts.maxRetries = Number.MAX_SAFE_INTEGER; // the KPL retries until RecordTtl
      this.retry = sendKpl(ctx, batch, opts, this.counts);
    }
  }

  info(): ProducerInfo {
    return {
      id: this.id,
      name: this.config.name ?? this.id,
      config: this.config,
      mode: this.mode,
      enabled: this.enabled,
      currentRate: this.currentRate(),
      recordBytes: this.maker.recordBytes,
      counts: { ...this.counts },
    };
  }

  snapshot(): TrafficSnapshotEntry {
    const i = this.info();
    return { id: this.id, kind: 'producer', type: 'producer', name: i.name, stream: this.config.streamName, ...(this.firehose !== undefined ? { deliveryStream: this.firehose.deliveryStreamName } : {}), mode: i.mode, enabled: i.enabled, currentRate: i.currentRate, counts: i.counts };
  }

  private reported = { sent: 0, throttled: 0 };

  /** PutRecord.Success (successful PutRecord calls) and PutRecords.ThrottledRecords for the second that ended. */
  reportMetrics(sink: MetricsSink): void {
    // Firehose keeps its own IncomingRecords and ThrottledRecords.
    if (this.firehose !== undefined) return;
    const stream = this.config.streamName;
    const sent = this.counts.kinesisRecords - this.reported.sent;
    const thr = this.counts.throttled - this.reported.throttled;
    this.reported = { sent: this.counts.kinesisRecords, throttled: this.counts.throttled };
    // In exact mode every record went through the PutRecord/PutRecords operation, which the stream counts itself.
    if (this.mode === 'exact') return;
    if (this.writePath === 'PutRecord') {
      if (sent > 0) sink.count(stream, 'PutRecord.Success', sent);
    } else if (thr > 0) sink.count(stream, 'PutRecords.ThrottledRecords', thr);
  }

  dispose(): void {
    this.firehose?.dispose();
    if (this.ev !== undefined) this.ev.cancelled = true;
    this.ev = undefined;
  }
}
