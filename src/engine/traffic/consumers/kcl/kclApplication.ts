/**
 * A KCL-like consumer application: a lease table, workers that take, steal and
 * renew leases, and one shard consumer per leased shard polling GetRecords
 * through the shard's shared read limits. Defaults are the KCL's
 * [KDS-DG22 A12]: failoverTimeMillis 10000, idleTimeBetweenReadsInMillis 1000,
 * initial position TRIM_HORIZON; epsilonMillis 25 [KCL LeaseManagementConfig].
 */
import type { KinesisContext } from '../../../kinesis/context';
import { findStream } from '../../../kinesis/context';
import type { StreamState } from '../../../kinesis/streamModel';
import { GET_RECORDS_MAX_RECORDS } from '../../../kinesis/constants';
import { materialise, processingRate, touchCursors, type ReadPace, type ShardCursor } from '../shardCursor';
import { CursorReport, sumCursors, type ConsumerTotals } from '../consumerTotals';
import type { MetricsSink } from '../../trafficService';
import type { InitialPosition } from '../shardLineage';
import { LeaseTable, type Lease } from './leaseTable';
import { kclUserRecords, type KclUserRecord } from './kclUserRecords';
import { KclWorker } from './kclWorker';
import type { KclEvent, KclEventBody } from '../../../events';

export interface KclApplicationSpec {
  /** The application name (the KCL names its lease table after it). */
  name: string;
  streamName: string;
  /** Default 10000 ms [KDS-DG22]. */
  failoverTimeMillis?: number;
  /** Default 1000 ms; below 200 ms risks throttling [KDS-DG22]. */
  idleTimeBetweenReadsInMillis?: number;
  /** GetRecords Limit (maxRecords, default 10000). */
  maxRecords?: number;
  initialPosition?: InitialPosition;
  initialPositionTimestamp?: number;
  processingMsPerRecord?: number;
  maxRecordsPerSecond?: number;
  /** Simulated ms per read step (default the poll interval; bulk mode uses a coarser one). */
  stepMs?: number;
  /** Gets each processed batch as the record processor sees it: KPL aggregates de-aggregated into user records (only when given). */
  onRecords?: (shardId: string, records: KclUserRecord[]) => void;
}

/** The KCL's default epsilonMillis [KCL LeaseManagementConfig]. */
export const KCL_EPSILON_MS = 25;

export interface KclConfig {
  failoverTimeMs: number;
  idleTimeBetweenReadsMs: number;
  /** failoverTimeMillis / 3 - epsilon (3308 ms by default). */
  renewerIntervalMs: number;
  /** (failoverTimeMillis + epsilon) x 2 (20050 ms by default). */
  takerIntervalMs: number;
  stepMs: number;
  initialPosition: InitialPosition;
  initialPositionTimestamp?: number;
}

/** A KCL-like application: its lease table and workers on one stream. */
export class KclApplication {
  readonly kind = 'kcl' as const;
  readonly name: string;
  readonly table = new LeaseTable();
  readonly workers = new Map<string, KclWorker>();
  readonly config: KclConfig;
  readonly pace: ReadPace;
  private nextWorker = 1;

  constructor(
    readonly ctx: KinesisContext,
    readonly spec: KclApplicationSpec,
  ) {
    this.name = spec.name;
    findStream(ctx, { StreamName: spec.streamName });
    const failover = spec.failoverTimeMillis ?? 10000;
    const idle = spec.idleTimeBetweenReadsInMillis ?? 1000;
    this.config = {
      failoverTimeMs: failover,
      idleTimeBetweenReadsMs: idle,
      renewerIntervalMs: Math.floor(failover / 3) - KCL_EPSILON_MS,
      takerIntervalMs: (failover + KCL_EPSILON_MS) * 2,
      stepMs: spec.stepMs ?? idle,
      initialPosition: spec.initialPosition ?? 'TRIM_HORIZON',
      initialPositionTimestamp: spec.initialPositionTimestamp,
    };
    const limit = spec.maxRecords ?? GET_RECORDS_MAX_RECORDS;
    if (!Number.isInteger(limit) || limit < 1 || limit > GET_RECORDS_MAX_RECORDS) throw new RangeError(`maxRecords must be 1..${GET_RECORDS_MAX_RECORDS}`);
    this.pace = { limit, recordsPerSecond: processingRate(spec.processingMsPerRecord, spec.maxRecordsPerSecond) };
    this.syncLeases();
  }

  stream(): StreamState | undefined {
    const s = this.ctx.streams.get(this.spec.streamName);
    return s === undefined || s.deleted ? undefined : s;
  }

  /** Adds leases for shards that have none (shard sync). */
  syncLeases(): void {
    const s = this.stream();
    if (s === undefined) return;
    for (const l of this.table.sync(s, this.config.initialPosition)) this.emit({ type: 'kclLeaseCreated', leaseKey: l.leaseKey, parentShardId: l.parentShardId, checkpoint: l.checkpoint });
  }

  /** Starts a new worker (its taker runs at once); returns its id. */
  addWorker(workerId?: string): string {
    const id = workerId ?? `worker-${this.nextWorker++}`;
    if (this.workers.get(id)?.alive) throw new Error(`worker ${id} is already running`);
    const w = new KclWorker(this, id);
    this.workers.set(id, w);
    this.emit({ type: 'kclWorkerStarted', worker: id });
    w.start();
    return id;
  }

  /** Kills a worker without releasing its leases (a crash): others take them after failover. */
  killWorker(workerId: string): void {
    const w = this.workers.get(workerId);
    if (w === undefined || !w.alive) return;
    w.kill();
    this.emit({ type: 'kclWorkerDied', worker: workerId });
  }

  /** Stops every worker. */
  stop(): void {
    for (const w of this.workers.values()) w.kill();
  }

  /** Emits a lease event into the engine's event log. */
  emit(e: KclEventBody): void {
    this.ctx.core.events.emit({ ...e, time: this.ctx.core.now(), application: this.name } as KclEvent);
  }

  /** Called by workers with each processed batch. */
  records(shardId: string, from: number, count: number): void {
    if (this.spec.onRecords === undefined) return;
    const st = this.stream();
    const sh = st?.byId.get(shardId);
    // The KCL de-aggregates KPL records before the record processor sees them (since KCL 1.4.0).
    if (sh !== undefined) this.spec.onRecords(shardId, kclUserRecords(materialise(sh, from, count, st)));
  }

  /** Leases per live worker, for a balance view. */
  leaseCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [id, w] of this.workers) if (w.alive) out[id] = 0;
    for (const l of this.table.leases.values()) if (l.leaseOwner !== null && l.checkpoint !== 'SHARD_END' && out[l.leaseOwner] !== undefined) out[l.leaseOwner]++;
    return out;
  }

  /** Lease rows (the DynamoDB items). */
  leases(): Lease[] {
    return this.table.rows();
  }

  cursors(): ShardCursor[] {
    const out: ShardCursor[] = [];
    for (const w of this.workers.values()) for (const c of w.cursors.values()) out.push(c);
    return out;
  }

  totals(): ConsumerTotals {
    return sumCursors(this.retiredAndLive());
  }

  private reportedPolls = 0;
  /** GetRecords.IteratorAgeMilliseconds of every leased shard being read, and GetRecords.Success, for the second that ended. */
  reportMetrics(sink: MetricsSink): void {
    if (this.retired.length !== this.retiredCounted) {
      for (let i = this.retiredCounted; i < this.retired.length; i++) this.retiredPolls += this.retired[i].counters.polls;
      this.retiredCounted = this.retired.length;
    }
    // The live cursors are walked only when one changed (CursorReport): this runs every second.
    const polls = this.retiredPolls + this.cursorReport.report(this.ctx, sink, this.spec.streamName, this.liveCursorList);
    if (polls > this.reportedPolls) sink.count(this.spec.streamName, 'GetRecords.Success', polls - this.reportedPolls);
    this.reportedPolls = polls;
  }
  private readonly cursorReport = new CursorReport();
  private readonly liveCursorList = (): Iterable<ShardCursor> => this.liveCursors();
  private *liveCursors(): Iterable<ShardCursor> {
    for (const w of this.workers.values()) if (w.alive) yield* w.cursors.values();
  }
  /** Polls of retired cursors (their counters no longer change), summed once. */
  private retiredPolls = 0;
  private retiredCounted = 0;

  /** Counters survive a cursor's end: finished cursors are kept for totals. */
  private retired: ShardCursor[] = [];
  retire(c: ShardCursor): void {
    c.iteratorAgeMs = 0; // nobody reads through it any more
    touchCursors(this.ctx); // it leaves its worker's cursors
    this.retired.push(c);
  }
  private *retiredAndLive(): Iterable<ShardCursor> {
    yield* this.retired;
    yield* this.cursors();
  }
}
