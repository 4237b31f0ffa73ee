/**
 * sim.traffic's producer half: add, update, remove and list producers, and the
 * per-second bulk drive that writes every bulk producer's tick, stream by
 * stream, in registration order.
 */
import type { TrafficService } from '../trafficService';
import { BulkSource } from '../bulkSource';
import { LaneCache, writeBulkTick } from '../bulkWrite';
import { Producer } from './producer';
import { loadFaker } from './fakerLoader';
import { normaliseProducerConfig, type ProducerConfig, type ProducerInfo, type ProducerInput } from './producerConfig';

export interface ProducerApi {
  /** Adds a producer; it starts writing at once (unless `enabled: false`). */
  addProducer(config: ProducerInput): ProducerInfo;
  /** Changes a producer's configuration (fields given replace the old ones). */
  updateProducer(id: string, patch: Partial<ProducerConfig>): ProducerInfo;
  /** Removes a producer; false when there is none with that id. */
  removeProducer(id: string): boolean;
  listProducers(): ProducerInfo[];
  /** Loads @faker-js/faker for `{{...}}` placeholders beyond the built-in helpers (tracked: sim.advance waits for it). */
  loadFaker(): Promise<void>;
}

/** A stream written in bulk: its lane cache, so segments keep growing between ticks (kept in the traffic state, a checkpoint copies it). */
export interface StreamDrive {
  cache: LaneCache;
  signature: string;
}

/** The producer half of sim.traffic over the traffic service. */
export function createProducerApi(svc: TrafficService): ProducerApi {
  const producers = (): Producer[] => svc.list('producer').filter((p): p is Producer => p instanceof Producer);
  const drives = svc.state.bulkDrives;

  // The bulk drive: once per heartbeat, before consumers read.
  const produce = (now: number, dt: number): void => {
    const byStream = new Map<string, Producer[]>();
    for (const p of producers()) {
      if (p.bulk === undefined || !p.enabled) continue;
      let list = byStream.get(p.config.streamName);
      if (list === undefined) byStream.set(p.config.streamName, (list = []));
      list.push(p);
    }
    for (const [name, list] of byStream) {
      const s = svc.kinesis.streams.get(name);
      if (s === undefined || s.deleted || (s.status !== 'ACTIVE' && s.status !== 'UPDATING') || dt <= 0) {
        // Nowhere to write: the SDK would fail every call; count the records as dropped.
        for (const p of list) p.counts.dropped += Math.floor((p.currentRate(now) * dt) / 1000);
        continue;
      }
      let drive = drives.get(name);
      if (drive === undefined) drives.set(name, (drive = { cache: new LaneCache(), signature: '' }));
      const sources: BulkSource[] = [];
      let changed = false;
      for (const p of list) {
        const src = p.bulk!;
        src.tickAttempts = 0;
        if (src.prepare(s, now, (p.currentRate(now) * dt) / 1000, dt)) changed = true;
        sources.push(src);
      }
      const signature = list.map((p) => p.id).join(',');
      if (changed || signature !== drive.signature) {
        drive.cache.invalidate();
        drive.signature = signature;
      }
      writeBulkTick(svc.kinesis, s, sources, now, dt, drive.cache);
      for (const src of sources) if (!src.owner.callPerRecord) src.owner.counts.calls += Math.ceil(src.tickAttempts / 500);
    }
  };
  let unsubscribe: (() => void) | undefined;

  const find = (id: string): Producer => {
    const p = svc.get(id);
    if (!(p instanceof Producer)) throw new Error(`no producer ${id}`);
    return p;
  };

  return {
    addProducer(config) {
      const p = new Producer(svc.nextId('producer'), normaliseProducerConfig(config), svc);
      svc.register(p);
      unsubscribe ??= svc.onTick('produce', produce);
      return p.info();
    },
    updateProducer(id, patch) {
      const p = find(id);
      p.configure(normaliseProducerConfig({ ...p.config, ...patch }));
      return p.info();
    },
    removeProducer: (id) => svc.get(id) instanceof Producer && svc.unregister(id),
    listProducers: () => producers().map((p) => p.info()),
    loadFaker: async () => {
      await svc.core.track(loadFaker());
    },
  };
}
