/**
 * The traffic registry shared by producers (src/engine/traffic/producers) and
 * consumers (src/engine/traffic/consumers): the things that write and read a
 * simulated stream, and the one heartbeat that drives them.
 *
 * The heartbeat fires on every whole simulated second (TRAFFIC_TICK_MS) and
 * runs its hooks in phase order, so within a second the world always moves in
 * the same order: producers write ('produce'), consumers read ('consume'), then
 * metrics sample the shards' counters ('sample'). Hooks of one phase run in
 * registration order. A participant that needs finer steps (an exact producer
 * sending a record every 100 ms, a Lambda batch window) schedules its own events
 * on the core's queue (data events); it still registers here so that sim.traffic lists it.
 *
 * Plugging in: a module creates participants, calls `register(participant)`,
 * and `onTick(phase, fn)` for its per-second work; `unregister(id)` removes it
 * (and calls its `dispose`). The public `sim.traffic` API is assembled in
 * trafficApi.ts from the producer API and the consumer API.
 */
import { registerStepTicker } from './consumers/stepTicker';
import { registerProducerMaterialisers } from './producers/producerMaterialisers';
import { registerEsmEvents } from './consumers/lambdaEsm/shardPoller';
import { registerKclEvents } from './consumers/kcl/kclWorker';
import { registerEfoConsumerEvents } from './consumers/efoConsumer';
import { registerProducerEvents } from './producers/producer';
import type { SimCore } from '../core/simCore';
import type { StreamDrive } from './producers/producerApi';
import type { KinesisContext } from '../kinesis/context';
import type { FirehoseService } from '../firehose/firehoseService';

/** The heartbeat period: CloudWatch-like 1-second resolution. */
export const TRAFFIC_TICK_MS = 1000;

/** Order of work within one heartbeat. */
export type TrafficPhase = 'produce' | 'consume' | 'sample';
const PHASES: TrafficPhase[] = ['produce', 'consume', 'sample'];

/** Kinds of things in the traffic registry. */
export type TrafficKind = 'producer' | 'consumer';

/** A producer or consumer registered in sim.traffic. */
export interface TrafficParticipant {
  readonly id: string;
  readonly kind: TrafficKind;
  /** A plain, structured-clone-safe view for snapshots and the UI. */
  snapshot(): TrafficSnapshotEntry;
  /** Cancels its scheduled events and frees what it holds. */
  dispose?(): void;
  /**
   * Optional: reports what the shards' counters cannot show, for the second
   * that just ended (called in the 'sample' phase, before metrics sample the
   * shards): consumers their iterator ages, producers their PutRecord successes.
   */
  reportMetrics?(sink: MetricsSink): void;
}

/** Where participants report metrics (implemented by src/engine/metrics). */
export interface MetricsSink {
  /** Adds `n` to a stream-level metric this second, e.g. 'PutRecord.Success', 'SubscribeToShard.RateExceeded'. */
  count(stream: string, metric: SinkCountMetric, n: number): void;
  /** A stream-level metric whose second keeps the largest value reported (SubscribeToShardEvent.MillisBehindLatest). */
  maximum(stream: string, metric: 'SubscribeToShardEvent.MillisBehindLatest', value: number): void;
  /** A reader's iterator age (ms) on a shard; each second keeps the largest (GetRecords.IteratorAgeMilliseconds). */
  iteratorAge(stream: string, shardId: string, ageMs: number): void;
  /** The same without a lookup per call: a reader keeps the handle for its shard while `valid`. */
  ageHandle(stream: string, shardId: string): { readonly valid: boolean; report(ageMs: number): void };
  /** A stream's per-shard iterator ages by column, for readers that report every shard each second (CursorReport). */
  ageBoard(stream: string): AgeBoardLike;
  /** A Lambda event source mapping's metric this second (AWS/Lambda): IteratorAge keeps the largest, counts add up. */
  lambdaEsm(mapping: { uuid: string; functionName: string }, metric: EsmMetricName, value: number): void;
}

/**
 * A stream's iterator ages of the current second, by shard column: a column
 * stays its shard's while `layout` is unchanged (implemented by KinesisMetrics' AgeBoard).
 */
export interface AgeBoardLike {
  readonly layout: number;
  column(shardId: string): number;
  /** Reports ages[i] on column cols[i] for i < n (each second keeps the largest), and maxAge on the stream. */
  reportMany(cols: Int32Array, ages: Float64Array, n: number, maxAge: number): void;
}

/** Stream-level counts that participants report (the shard counters cannot see them). */
export type SinkCountMetric =
  | 'PutRecord.Success'
  | 'PutRecords.ThrottledRecords'
  | 'GetRecords.Success'
  | 'SubscribeToShard.Success'
  | 'SubscribeToShard.RateExceeded'
  | 'SubscribeToShardEvent.Success'
  | 'SubscribeToShardEvent.Records'
  | 'SubscribeToShardEvent.Bytes';

/**
 * Lambda's metrics of a stream event source mapping: IteratorAge (age of the
 * last record of a batch when it is invoked, per function) and the event
 * source mapping event counts (per mapping UUID) [Lambda DG monitoring-metrics-types].
 */
export type EsmMetricName = 'IteratorAge' | 'PolledEventCount' | 'InvokedEventCount' | 'FailedInvokeEventCount' | 'DroppedEventCount' | 'OnFailureDestinationDeliveredEventCount';

/** What every participant's snapshot carries, plus its own fields. */
export interface TrafficSnapshotEntry {
  id: string;
  kind: TrafficKind;
  /** The participant's type, e.g. 'producer', 'pollingConsumer', 'kclApplication', 'lambdaMapping'. */
  type: string;
  [field: string]: unknown;
}

/** A per-second hook: `now` is the heartbeat time, `dtMs` the time since the previous heartbeat. */
export type TickHook = (now: number, dtMs: number) => void;

/** The registry and heartbeat (engine-internal; the public surface is TrafficApi). */
export interface TrafficService {
  readonly core: SimCore;
  readonly kinesis: KinesisContext;
  /** Firehose, for producers writing to a delivery stream by Direct PUT (absent in a traffic service built without it). */
  readonly firehose?: FirehoseService;
  /** Adds a participant; its id must be unique. */
  register(p: TrafficParticipant): void;
  /** Removes a participant (disposing it); false when unknown. */
  unregister(id: string): boolean;
  get(id: string): TrafficParticipant | undefined;
  /** Participants in registration order, optionally of one kind. */
  list(kind?: TrafficKind): TrafficParticipant[];
  /** A new id `prefix-N`, unique within this simulation. */
  nextId(prefix: string): string;
  /** Runs `fn` on every heartbeat in `phase`; returns an unsubscribe function. */
  onTick(phase: TrafficPhase, fn: TickHook): () => void;
  /** Starts the heartbeat if it is not running (hooks call it when they have work). */
  ensureHeartbeat(): void;
  /** Time of the last heartbeat (or the time the heartbeat started). */
  lastTick(): number;
  /** The registry and heartbeat as plain data, reachable so checkpoints copy it. */
  readonly state: TrafficState;
}

/** The traffic service's state: participants, per-second hooks, id counters and the heartbeat. */
export interface TrafficState {
  participants: Map<string, TrafficParticipant>;
  hooks: Record<TrafficPhase, TickHook[]>;
  counters: Map<string, number>;
  running: boolean;
  last: number;
  /** Per stream written in bulk: the bulk writer's lane cache and the producers it was built for (producerApi.ts). */
  bulkDrives: Map<string, StreamDrive>;
}

/** Creates the traffic registry of a simulation. */
export function createTrafficService(core: SimCore, kinesis: KinesisContext, firehose?: FirehoseService): TrafficService {
  const state: TrafficState = { participants: new Map(), hooks: { produce: [], consume: [], sample: [] }, counters: new Map(), running: false, last: core.now(), bulkDrives: new Map() };

  registerStepTicker(core);
  // Bulk lanes are plain-data recipes; the registry makes their records when read.
  registerProducerMaterialisers(core.materialisers);
  registerEsmEvents(core);
  registerKclEvents(core);
  registerEfoConsumerEvents(core);
  registerProducerEvents(core);
  // The heartbeat is a data event (no closure in the queue), so a checkpoint can copy it. A second
  // service on the same core (tests) gets its own kind, in creation order, so a rebuild matches.
  let tick = 'traffic:tick';
  for (let n = 2; core.hasHandler(tick); n++) tick = `traffic:tick:${n}`;
  core.registerHandler(tick, () => {
    const now = core.now();
    const dt = now - state.last;
    state.last = now;
    for (const phase of PHASES) {
      // A copy: a hook may unsubscribe itself while the phase runs.
      for (const fn of state.hooks[phase].slice()) fn(now, dt);
    }
    // Nothing left to write, read or sample (a delivery stream's buffer fill is sampled too): rest until a stream or participant returns.
    if (kinesis.streams.size === 0 && state.participants.size === 0 && (firehose?.context.streams.size ?? 0) === 0) {
      state.running = false;
      return;
    }
    core.scheduleEventAt(now + TRAFFIC_TICK_MS, tick);
  });

  const service: TrafficService = {
    core,
    kinesis,
    firehose,
    register(p) {
      if (state.participants.has(p.id)) throw new Error(`traffic participant ${p.id} already exists`);
      state.participants.set(p.id, p);
    },
    unregister(id) {
      const p = state.participants.get(id);
      if (p === undefined) return false;
      state.participants.delete(id);
      p.dispose?.();
      return true;
    },
    get: (id) => state.participants.get(id),
    list: (kind) => [...state.participants.values()].filter((p) => kind === undefined || p.kind === kind),
    nextId(prefix) {
      const n = (state.counters.get(prefix) ?? 0) + 1;
      state.counters.set(prefix, n);
      return `${prefix}-${n}`;
    },
    onTick(phase, fn) {
      state.hooks[phase].push(fn);
      service.ensureHeartbeat();
      return () => {
        const i = state.hooks[phase].indexOf(fn);
        if (i >= 0) state.hooks[phase].splice(i, 1);
      };
    },
    ensureHeartbeat() {
      if (state.running) return;
      state.running = true;
      // Aligned to whole simulated seconds, so every metric slot is one second.
      const now = core.now();
      state.last = now;
      const first = Math.floor(now / TRAFFIC_TICK_MS) * TRAFFIC_TICK_MS + TRAFFIC_TICK_MS;
      core.scheduleEventAt(first, tick);
    },
    lastTick: () => state.last,
    state,
  };
  return service;
}
