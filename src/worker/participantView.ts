/**
 * Producers and consumers as the UI shows them, read from the engine's
 * traffic service (sim.traffic): their settings, last second's flow and key
 * marks. Each one's last second is the engine's (sim.metrics.traffic).
 * Changes go through the scenario session as scenario commands, not
 * through here; a replay builds a new view for its new simulation.
 */
import { type Simulation, md5Hex, createKeyPopulation } from '../engine';
import type { ConsumerSnap, KeyMark, KeyStrategy, ProducerSnap } from './protocol';

/** Consumer kinds as the UI names them. */
const KIND: Record<string, string> = { pollingConsumer: 'polling', kclApplication: 'kcl', lambdaMapping: 'lambda', efoConsumer: 'efo' };

/** Producers and consumers for one simulation; their last second is the engine's (sim.metrics.traffic). */
export class ParticipantView {
  constructor(private sim: Simulation) {}

  producerSnaps(): ProducerSnap[] {
    return this.sim.traffic.listProducers().map((p) => {
      const r = this.sim.metrics.traffic.lastSecond(p.id);
      return {
        id: p.id,
        name: p.name,
        stream: p.config.streamName,
        recordsPerSec: p.currentRate,
        recordBytes: p.config.record?.sizeBytes ?? p.recordBytes,
        keyStrategy: (p.config.keys.name as KeyStrategy) ?? 'random',
        keyCount: p.config.keys.count ?? 1,
        sentPerSec: r.records,
        throttledPerSec: r.throttled,
      };
    });
  }

  consumerSnaps(): ConsumerSnap[] {
    return this.sim.traffic.listConsumers().map((c) => {
      const engine = this.sim.traffic.getConsumer(c.id) as { spec?: { name?: string }; input?: { FunctionName?: string } } | undefined;
      return {
        id: c.id,
        name: engine?.spec?.name ?? engine?.input?.FunctionName ?? c.id,
        stream: String(c.stream ?? ''),
        kind: KIND[c.type] ?? c.type,
        recordsPerSec: this.sim.metrics.traffic.lastSecond(c.id).records,
        iteratorAgeMs: Number(c.maxIteratorAgeMs ?? 0),
      };
    });
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
