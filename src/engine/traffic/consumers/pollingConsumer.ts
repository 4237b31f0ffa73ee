/**
 * A shared-throughput consumer: a GetRecords loop per shard, every
 * `intervalMs` (default 1000 ms, the KCL's idleTimeBetweenReadsInMillis
 * [KDS-DG22]) with up to `limit` records per call, sharing each shard's
 * 5 calls/s and 2 MiB/s with every other polling consumer and with GetRecords
 * calls made through the API [BC-K]. A processing cost per record lets it fall
 * behind: its iterator age grows, and records that pass retention first are lost.
 */
import type { KinesisContext } from '../../kinesis/context';
import { findStream } from '../../kinesis/context';
import type { StreamState } from '../../kinesis/streamModel';
import type { KinesisRecord } from '../../kinesis/types';
import { GET_RECORDS_MAX_RECORDS } from '../../kinesis/constants';
import { createCursor, materialise, processingRate, stepCursor, type ReadPace, type ShardCursor } from './shardCursor';
import { initialIndex, ShardLineage, type InitialPosition } from './shardLineage';
import { StepTicker } from './stepTicker';
import { CursorReport, sumCursors, type ConsumerTotals } from './consumerTotals';
import type { MetricsSink } from '../trafficService';

export interface PollingConsumerSpec {
  name: string;
  streamName: string;
  /** Time between GetRecords calls per shard (default 1000 ms) [KDS-DG22 KCL idleTimeBetweenReadsInMillis]. */
  intervalMs?: number;
  /** GetRecords Limit, 1..10000 (default 10000) [BC-K]. */
  limit?: number;
  /** Processing cost per record in ms. */
  processingMsPerRecord?: number;
  /** Processing cap in records per second per shard. */
  maxRecordsPerSecond?: number;
  initialPosition?: InitialPosition;
  /** For AT_TIMESTAMP: simulated epoch ms. */
  timestamp?: number;
  /** Simulated ms per step (default intervalMs; bulk mode uses a coarser step). */
  stepMs?: number;
  /** Gets the records each step read, materialised (only when given: keeps bulk reads cheap). */
  onRecords?: (shardId: string, records: KinesisRecord[]) => void;
}

interface ShardEntry extends ShardCursor {}

/** A shared-throughput consumer: a GetRecords loop per shard on the shard's shared read limits. */
export class PollingConsumer {
  readonly kind = 'polling' as const;
  readonly lineage: ShardLineage<ShardEntry>;
  private readonly ticker: StepTicker;
  readonly pace: ReadPace;

  constructor(
    private readonly ctx: KinesisContext,
    readonly spec: PollingConsumerSpec,
  ) {
    const limit = spec.limit ?? GET_RECORDS_MAX_RECORDS;
    if (!Number.isInteger(limit) || limit < 1 || limit > GET_RECORDS_MAX_RECORDS) throw new RangeError(`limit must be 1..${GET_RECORDS_MAX_RECORDS}`);
    this.pace = { limit, recordsPerSecond: processingRate(spec.processingMsPerRecord, spec.maxRecordsPerSecond) };
    const interval = spec.intervalMs ?? 1000;
    const s = findStream(ctx, { StreamName: spec.streamName });
    this.lineage = new ShardLineage<ShardEntry>((shard, initial) =>
      createCursor(ctx, shard, initial ? initialIndex(ctx, s, shard, spec.initialPosition ?? 'TRIM_HORIZON', spec.timestamp) : shard.store.trimIndex),
    );
    this.lineage.sync(this.ctx, s);
    this.ticker = new StepTicker(ctx.core, `consumer:${spec.name}`, spec.stepMs ?? interval, interval, this);
  }

  start(): void {
    this.ticker.start();
  }

  stop(): void {
    this.ticker.stop();
  }

  get running(): boolean {
    return this.ticker.running;
  }

  private stream(): StreamState | undefined {
    const s = this.ctx.streams.get(this.spec.streamName);
    return s === undefined || s.deleted ? undefined : s;
  }

  /** One step of its StepTicker (StepTarget). */
  onStep(now: number, windowMs: number, polls: number): void {
    const s = this.stream();
    if (s === undefined) return;
    this.lineage.sync(this.ctx, s);
    for (const c of this.lineage.entries.values()) {
      if (c.ended || !this.lineage.parentsDone(c)) continue;
      const r = stepCursor(this.ctx, s, c, now, windowMs, polls, this.pace);
      if (this.spec.onRecords !== undefined && r.count > 0) this.spec.onRecords(c.shard.shardId, materialise(c.shard, r.from, r.count, s));
    }
  }

  /** Per-shard cursors (position, iterator age, counters). */
  cursors(): ShardCursor[] {
    return [...this.lineage.entries.values()];
  }

  private reportedPolls = 0;
  private readonly cursorReport = new CursorReport();
  private readonly entryList = (): Iterable<ShardCursor> => this.lineage.entries.values();
  /** GetRecords.IteratorAgeMilliseconds per shard and GetRecords.Success for the second that ended. */
  reportMetrics(sink: MetricsSink): void {
    if (!this.running) return;
    // The cursors are walked only when one changed (CursorReport).
    const polls = this.cursorReport.report(this.ctx, sink, this.spec.streamName, this.entryList);
    if (polls > this.reportedPolls) sink.count(this.spec.streamName, 'GetRecords.Success', polls - this.reportedPolls);
    this.reportedPolls = polls;
  }

  /** Totals over shards, and the largest iterator age (what CloudWatch's Maximum shows). */
  totals(): ConsumerTotals {
    return sumCursors(this.lineage.entries.values());
  }
}
