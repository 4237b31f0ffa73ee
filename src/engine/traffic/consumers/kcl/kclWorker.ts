/**
 * One KCL worker: a lease taker run every (failoverTimeMillis + epsilon) x 2,
 * a lease renewer every failoverTimeMillis / 3 - epsilon (the KCL's
 * LeaseCoordinator timings), and a shard consumer per held lease polling every
 * idleTimeBetweenReadsInMillis [KDS-DG22 A12]. A stolen lease is dropped at the
 * next renewal; a killed worker just stops, and its leases expire. Its timers
 * are data events whose payload names the worker and the timer.
 */
import type { ScheduledEvent } from '../../../core/eventQueue';
import type { SimCore } from '../../../core/simCore';
import { shardSequenceNumber } from '../../../kinesis/shardModel';
import { decodeSequenceNumber } from '../../../kinesis/sequenceNumber';
import { createCursor, stepCursor, type ShardCursor } from '../shardCursor';
import { initialIndex } from '../shardLineage';
import { StepTicker } from '../stepTicker';
import { newTakerView, takeLeases, type TakerView } from './leaseTaker';
import type { Lease } from './leaseTable';
import type { KclApplication } from './kclApplication';

const KCL_TIMER = 'kcl:timer';

/** One of a worker's periodic timers: which one, how often, and its slot in the worker's `timers`. */
interface KclTimer {
  worker: KclWorker;
  what: 'taker' | 'renewer';
  everyMs: number;
  slot: number;
}

/** Registers the KCL workers' timer event on `core` (several traffic services may share a core: once). */
export function registerKclEvents(core: SimCore): void {
  if (!core.hasHandler(KCL_TIMER)) core.registerHandler<KclTimer>(KCL_TIMER, (t) => t.worker.onTimer(t));
}

/** One KCL worker: takes, steals and renews leases, and polls the shards it holds. */
export class KclWorker {
  alive = true;
  /** Leases this worker believes it holds (the renewer keeps them; a failed renewal drops one). */
  readonly held = new Set<string>();
  readonly cursors = new Map<string, ShardCursor>();
  private readonly view: TakerView = newTakerView();
  private heldLeases?: (Lease | undefined)[];
  private heldKeys: string[] = [];
  private readonly timers: ScheduledEvent[] = [];
  private readonly ticker: StepTicker;

  constructor(
    private readonly app: KclApplication,
    readonly workerId: string,
  ) {
    const c = app.config;
    this.ticker = new StepTicker(app.ctx.core, `kcl:${app.name}:${workerId}:read`, c.stepMs, c.idleTimeBetweenReadsMs, this);
  }

  start(): void {
    const c = this.app.config;
    this.every(c.takerIntervalMs, 'taker');
    this.every(c.renewerIntervalMs, 'renewer');
    this.ticker.start();
  }

  /** Stops at once, holding its leases: they expire after failoverTimeMillis in the others' view. */
  kill(): void {
    this.alive = false;
    for (const t of this.timers) t.cancelled = true;
    this.ticker.stop();
    for (const c of this.cursors.values()) this.app.retire(c);
    this.cursors.clear();
  }

  /** Runs the timer now and then every `everyMs` while the worker is alive. */
  private every(everyMs: number, what: KclTimer['what']): void {
    const t: KclTimer = { worker: this, what, everyMs, slot: this.timers.length };
    this.timers.push(this.app.ctx.core.scheduleEvent(0, KCL_TIMER, t, this.timerLabel(what)));
  }

  private timerLabel(what: string): string {
    return `kcl:${this.app.name}:${this.workerId}:${what}`;
  }

  /** One of its timers fired (the KCL_TIMER event). */
  onTimer(t: KclTimer): void {
    if (!this.alive) return;
    if (t.what === 'taker') this.runTaker();
    else this.renew();
    this.timers[t.slot] = this.app.ctx.core.scheduleEvent(t.everyMs, KCL_TIMER, t, this.timerLabel(t.what));
  }

  private runTaker(): void {
    const app = this.app;
    app.syncLeases();
    const now = app.ctx.core.now();
    const r = takeLeases(app.table, this.view, this.workerId, now, app.config.failoverTimeMs);
    for (const l of r.taken) {
      this.held.add(l.leaseKey);
      this.heldLeases = undefined;
      app.emit({ type: 'kclLeaseTaken', leaseKey: l.leaseKey, worker: this.workerId, leaseCounter: l.leaseCounter });
    }
    for (const { lease, from } of r.stolen) {
      this.held.add(lease.leaseKey);
      this.heldLeases = undefined;
      app.emit({ type: 'kclLeaseStolen', leaseKey: lease.leaseKey, worker: this.workerId, from, leaseCounter: lease.leaseCounter });
    }
  }

  /** Renews held leases; one whose owner changed was taken by another worker and is dropped. */
  private renew(): void {
    // The held leases' keys and rows, in `held` order, kept between renewals (every 3.3 s) while `held` is unchanged.
    if (this.heldLeases === undefined) {
      this.heldKeys = [...this.held];
      this.heldLeases = this.heldKeys.map((key) => this.app.table.leases.get(key));
    }
    const keys = this.heldKeys, rows = this.heldLeases;
    let lost: string[] | undefined;
    for (let i = 0; i < rows.length; i++) {
      const l = rows[i];
      if (l === undefined || l.leaseOwner !== this.workerId) (lost ??= []).push(keys[i]);
      else l.leaseCounter++;
    }
    if (lost !== undefined) this.heldLeases = undefined;
    for (const key of lost ?? []) {
      this.held.delete(key);
      const c = this.cursors.get(key);
      if (c !== undefined) this.app.retire(c);
      this.cursors.delete(key);
      this.app.emit({ type: 'kclLeaseLost', leaseKey: key, worker: this.workerId });
    }
  }

  /** One read step over every held lease whose parents are done (its StepTicker's StepTarget). */
  onStep(now: number, windowMs: number, polls: number): void {
    const app = this.app;
    const s = app.stream();
    if (s === undefined) return;
    for (const key of this.held) {
      const lease = app.table.leases.get(key)!;
      // A lease taken by another worker is not processed here any more (the renewer drops it soon).
      if (lease.leaseOwner !== this.workerId || lease.checkpoint === 'SHARD_END' || !app.table.parentsDone(lease)) continue;
      const shard = s.byId.get(key);
      if (shard === undefined) continue;
      let c = this.cursors.get(key);
      if (c === undefined) {
        c = createCursor(app.ctx, shard, this.resumeIndex(lease));
        this.cursors.set(key, c);
      }
      const r = stepCursor(app.ctx, s, c, now, windowMs, polls, app.pace);
      if (r.count > 0) {
        app.records(key, r.from, r.count);
        // Checkpoint after every batch (the record processor's choice here): no record is processed twice.
        lease.checkpoint = shardSequenceNumber(shard, r.from + r.count - 1);
        lease.ownerSwitchesSinceCheckpoint = 0;
      }
      if (c.ended) {
        lease.checkpoint = 'SHARD_END';
        lease.ownerSwitchesSinceCheckpoint = 0;
        this.cursors.delete(key);
        app.retire(c);
        app.emit({ type: 'kclShardEnded', leaseKey: key, worker: this.workerId });
        app.syncLeases(); // ChildShards at shard end: the children get leases now
      }
    }
  }

  /** Where a new owner starts: just after the checkpoint, or the sentinel's position. */
  private resumeIndex(lease: Lease): number {
    const app = this.app;
    const s = app.stream()!;
    const shard = s.byId.get(lease.leaseKey)!;
    const cp = lease.checkpoint;
    if (cp === 'TRIM_HORIZON' || cp === 'LATEST' || cp === 'AT_TIMESTAMP') return initialIndex(app.ctx, s, shard, cp, app.config.initialPositionTimestamp);
    const d = decodeSequenceNumber(cp);
    return d === undefined ? shard.store.trimIndex : d.index + 1;
  }
}
