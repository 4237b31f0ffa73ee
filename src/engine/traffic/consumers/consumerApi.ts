/**
 * The consumer half of `sim.traffic`: add, update, list and remove simulated
 * consumers (polling loops, KCL applications, Lambda event source mappings,
 * enhanced fan-out apps),
 * each registered in the traffic registry so snapshots list it. Consumers
 * step on their own events (poll interval in exact mode, `stepMs` in bulk mode).
 */
import type { MetricsSink, TrafficParticipant, TrafficService, TrafficSnapshotEntry } from '../trafficService';
import type { LambdaApi } from '../../lambda/lambdaService';
import { PollingConsumer, type PollingConsumerSpec } from './pollingConsumer';
import { KclApplication, type KclApplicationSpec } from './kcl/kclApplication';
import { EventSourceMapping } from './lambdaEsm/eventSourceMapping';
import type { EventSourceMappingInput } from './lambdaEsm/esmConfig';
import { processingRate } from './shardCursor';
import { EfoConsumer, type EfoConsumerSpec } from './efoConsumer';
import { hash32 } from '../../core/random';

/** What addConsumer takes: one of the consumer types with its settings. */
export type ConsumerSpec =
  | ({ type: 'polling' } & PollingConsumerSpec)
  | ({ type: 'kcl' } & KclApplicationSpec & { workers?: number })
  | ({ type: 'lambdaMapping'; name?: string; stepMs?: number } & EventSourceMappingInput)
  | ({ type: 'efo' } & EfoConsumerSpec);

/** Knobs that can change while a consumer runs. */
export interface ConsumerUpdate {
  processingMsPerRecord?: number;
  maxRecordsPerSecond?: number;
  /** KCL: start this many more workers. */
  addWorkers?: number;
  /** KCL: kill these workers (a crash: their leases fail over). */
  killWorkers?: string[];
}

type AnyConsumer = PollingConsumer | KclApplication | EventSourceMapping | EfoConsumer;

class ConsumerParticipant implements TrafficParticipant {
  readonly kind = 'consumer' as const;
  constructor(
    readonly id: string,
    readonly consumer: AnyConsumer,
  ) {}

  snapshot(): TrafficSnapshotEntry {
    const c = this.consumer;
    const base = { id: this.id, kind: this.kind };
    if (c instanceof EventSourceMapping) return { ...base, type: 'lambdaMapping', uuid: c.uuid, stream: c.streamName, function: c.input.FunctionName, ...c.totals(), onFailure: c.onFailure.length };
    if (c instanceof EfoConsumer) return { ...base, type: 'efoConsumer', stream: c.spec.streamName, consumerArn: c.consumerArn, ...c.totals() };
    if (c instanceof KclApplication) return { ...base, type: 'kclApplication', stream: c.spec.streamName, ...c.totals(), leaseCounts: c.leaseCounts(), leases: c.leases() };
    return { ...base, type: 'pollingConsumer', stream: c.spec.streamName, ...c.totals() };
  }

  /** Each consumer reports what the shard counters cannot show (iterator ages, EFO events, Lambda's metrics). */
  reportMetrics(sink: MetricsSink): void {
    this.consumer.reportMetrics(sink);
  }

  dispose(): void {
    this.consumer.stop();
  }
}

export interface ConsumerApi {
  /** Adds and starts a consumer; returns its id. */
  addConsumer(spec: ConsumerSpec): string;
  updateConsumer(id: string, update: ConsumerUpdate): void;
  removeConsumer(id: string): boolean;
  listConsumers(): TrafficSnapshotEntry[];
  /** The engine object behind an id (for views and tests). */
  getConsumer(id: string): AnyConsumer | undefined;
}

/** The consumer half of sim.traffic over the traffic service and Lambda. */
export function createConsumerApi(traffic: TrafficService, lambda: LambdaApi): ConsumerApi {
  const ctx = traffic.kinesis;
  const get = (id: string): ConsumerParticipant | undefined => {
    const p = traffic.get(id);
    return p instanceof ConsumerParticipant ? p : undefined;
  };
  return {
    addConsumer(spec) {
      let c: AnyConsumer;
      let id: string;
      if (spec.type === 'polling') {
        id = traffic.nextId('consumer');
        c = new PollingConsumer(ctx, spec);
        c.start();
      } else if (spec.type === 'kcl') {
        id = traffic.nextId('kcl');
        const app = new KclApplication(ctx, spec);
        for (let i = 0; i < (spec.workers ?? 1); i++) app.addWorker();
        c = app;
      } else if (spec.type === 'efo') {
        id = traffic.nextId('efo');
        c = new EfoConsumer(ctx, spec);
        c.start();
      } else {
        id = traffic.nextId('esm');
        c = new EventSourceMapping(ctx, lambda, spec, { uuid: `${id}-${hash32(id).toString(16).padStart(8, '0')}`, stepMs: spec.stepMs });
        c.start();
      }
      traffic.register(new ConsumerParticipant(id, c));
      return id;
    },
    updateConsumer(id, u) {
      const p = get(id);
      if (p === undefined) throw new Error(`no consumer ${id}`);
      const c = p.consumer;
      if ((u.processingMsPerRecord !== undefined || u.maxRecordsPerSecond !== undefined) && (c instanceof PollingConsumer || c instanceof KclApplication)) {
        c.pace.recordsPerSecond = processingRate(u.processingMsPerRecord, u.maxRecordsPerSecond);
      }
      if (c instanceof KclApplication) {
        for (let i = 0; i < (u.addWorkers ?? 0); i++) c.addWorker();
        for (const w of u.killWorkers ?? []) c.killWorker(w);
      }
    },
    removeConsumer: (id) => (get(id) === undefined ? false : traffic.unregister(id)),
    listConsumers: () => traffic.list('consumer').map((p) => p.snapshot()),
    getConsumer: (id) => get(id)?.consumer,
  };
}
