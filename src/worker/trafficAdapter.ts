/**
 * Producers and consumers from the engine's traffic service (sim.traffic),
 * seen through the same small interface the worker used with its temporary
 * driver: the UI's producer spec in, per-second summaries and key marks out.
 */
import type { Simulation } from '../engine';
import { md5Hex } from '../engine/kinesis/hashKey';
import { createKeyPopulation, type KeyStrategyName } from '../engine/traffic/producers/keyStrategies';
import { createConsumerApi, type ConsumerApi } from '../engine/traffic/consumers/consumerApi';
import type { ProducerConfig } from '../engine/traffic/producers/producerConfig';
import type { ConsumerSnap, KeyMark, KeyStrategy, ProducerSnap, ProducerSpec } from './protocol';

/** What the worker needs from its traffic source. */
export interface TrafficDriver {
  addProducer(spec: ProducerSpec): string;
  updateProducer(id: string, patch: Partial<ProducerSpec>): boolean;
  removeProducer(id: string): boolean;
  addConsumer(stream: string, name: string, kind: string): string;
  removeConsumer(id: string): boolean;
  /** Traffic for `dtMs` before the engine advances (a no-op when the engine drives itself). */
  step(dtMs: number): void;
  rollSecond(): void;
  producerSnaps(): ProducerSnap[];
  consumerSnaps(): ConsumerSnap[];
  keyMarks(): KeyMark[];
}

/** The UI's producer spec as the engine's ProducerConfig. */
export function producerConfigOf(spec: ProducerSpec): ProducerConfig {
  return {
    name: spec.name,
    streamName: spec.stream,
    rate: { kind: 'constant', recordsPerSecond: spec.recordsPerSec },
    keys: { name: spec.keyStrategy as KeyStrategyName, count: spec.keyCount },
    record: { sizeBytes: spec.recordBytes },
  };
}

interface Rates {
  sent: number;
  throttled: number;
  sentPerSec: number;
  throttledPerSec: number;
}

export class EngineTrafficDriver implements TrafficDriver {
  private consumers: ConsumerApi;
  private specs = new Map<string, ProducerSpec>();
  private rates = new Map<string, Rates>();
  private consumerNames = new Map<string, { name: string; kind: string }>();

  constructor(private sim: Simulation) {
    const t = sim.traffic as unknown as Partial<ConsumerApi>;
    this.consumers = typeof t.addConsumer === 'function' ? (t as ConsumerApi) : createConsumerApi(sim.trafficService, sim.lambda);
  }

  addProducer(spec: ProducerSpec): string {
    const info = this.sim.traffic.addProducer(producerConfigOf(spec));
    this.specs.set(info.id, { ...spec });
    return info.id;
  }

  updateProducer(id: string, patch: Partial<ProducerSpec>): boolean {
    const spec = this.specs.get(id);
    if (spec === undefined) return false;
    const next = { ...spec, ...patch };
    this.sim.traffic.updateProducer(id, producerConfigOf(next));
    this.specs.set(id, next);
    return true;
  }

  removeProducer(id: string): boolean {
    this.specs.delete(id);
    return this.sim.traffic.removeProducer(id);
  }

  addConsumer(stream: string, name: string, kind: string): string {
    const id = this.consumers.addConsumer({ type: 'polling', name, streamName: stream });
    this.consumerNames.set(id, { name, kind });
    return id;
  }

  removeConsumer(id: string): boolean {
    this.consumerNames.delete(id);
    return this.consumers.removeConsumer(id);
  }

  step(): void {
    // The engine's traffic runs on its own heartbeat events.
  }

  rollSecond(): void {
    for (const p of this.sim.traffic.listProducers()) {
      const r = this.rates.get(p.id) ?? { sent: 0, throttled: 0, sentPerSec: 0, throttledPerSec: 0 };
      r.sentPerSec = p.counts.sent - r.sent;
      r.throttledPerSec = p.counts.throttled - r.throttled;
      r.sent = p.counts.sent;
      r.throttled = p.counts.throttled;
      this.rates.set(p.id, r);
    }
    for (const c of this.consumers.listConsumers()) {
      const r = this.rates.get(c.id) ?? { sent: 0, throttled: 0, sentPerSec: 0, throttledPerSec: 0 };
      const records = Number(c.records ?? 0);
      r.sentPerSec = records - r.sent;
      r.sent = records;
      this.rates.set(c.id, r);
    }
  }

  producerSnaps(): ProducerSnap[] {
    return this.sim.traffic.listProducers().map((p) => {
      const spec = this.specs.get(p.id);
      const r = this.rates.get(p.id);
      return {
        id: p.id,
        name: p.name,
        stream: p.config.streamName,
        recordsPerSec: p.currentRate,
        recordBytes: spec?.recordBytes ?? p.recordBytes,
        keyStrategy: (p.config.keys.name as KeyStrategy) ?? 'random',
        keyCount: p.config.keys.count ?? spec?.keyCount ?? 1,
        sentPerSec: r?.sentPerSec ?? 0,
        throttledPerSec: r?.throttledPerSec ?? 0,
      };
    });
  }

  consumerSnaps(): ConsumerSnap[] {
    return this.consumers.listConsumers().map((c) => ({
      id: c.id,
      name: this.consumerNames.get(c.id)?.name ?? String(c.name ?? c.id),
      stream: String(c.stream ?? ''),
      kind: this.consumerNames.get(c.id)?.kind ?? String(c.type),
      recordsPerSec: this.rates.get(c.id)?.sentPerSec ?? 0,
      iteratorAgeMs: Number(c.maxIteratorAgeMs ?? 0),
    }));
  }

  /** Where each producer's keys land, weighted by each key's share of all records written. */
  keyMarks(): KeyMark[] {
    const list = this.sim.traffic.listProducers();
    const signature = JSON.stringify(list.map((p) => [p.id, p.currentRate, p.config.keys]));
    if (signature === this.marksSignature) return this.marks;
    this.marksSignature = signature;
    this.marks = this.computeKeyMarks();
    return this.marks;
  }

  private marksSignature = '';
  private marks: KeyMark[] = [];

  private computeKeyMarks(): KeyMark[] {
    const total = this.sim.traffic.listProducers().reduce((s, p) => s + p.currentRate, 0) || 1;
    const weights = new Map<string, number>();
    for (const p of this.sim.traffic.listProducers()) {
      const pop = createKeyPopulation(p.config.keys);
      const share = p.currentRate / total;
      if (pop.kind === 'finite' && pop.weights) {
        const n = Math.min(pop.size, 200);
        for (let i = 0; i < n; i++) weights.set(pop.keyAt(i, 0), (weights.get(pop.keyAt(i, 0)) ?? 0) + pop.weights[i] * share);
      } else {
        for (let i = 0; i < 64; i++) weights.set(pop.keyAt(i, 0), (weights.get(pop.keyAt(i, 0)) ?? 0) + share / 64);
      }
    }
    const out: KeyMark[] = [];
    for (const [key, weight] of weights) out.push({ key, weight, frac: parseInt(md5Hex(key).slice(0, 13), 16) / 2 ** 52 });
    out.sort((a, b) => b.weight - a.weight);
    return out.slice(0, 300);
  }
}
