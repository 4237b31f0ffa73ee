/**
 * TEMPORARY traffic driver, used only until the engine's traffic service
 * (sim.traffic: producers, consumers, segments) lands; then producers and
 * consumers come from the engine and this file goes. It writes records through
 * the real PutRecords API at each producer's rate and polls with GetRecords, so
 * everything the UI shows is the engine's own behaviour (routing, limits,
 * throttles, resharding).
 */
import type { Simulation } from '../engine';
import { createRandom, type Random } from '../engine/core/random';
import { isAwsError } from '../engine/core/errors';
import { md5Hex } from '../engine/kinesis/hashKey';
import type { ConsumerSnap, KeyMark, KeyStrategy, ProducerSnap, ProducerSpec } from './protocol';

/** Log levels and their shares: INFO dominates, so its shard runs hot. */
const LOG_LEVELS: Array<[string, number]> = [
  ['INFO', 0.62],
  ['DEBUG', 0.22],
  ['WARN', 0.1],
  ['ERROR', 0.05],
  ['FATAL', 0.01],
];

interface Producer extends ProducerSpec {
  id: string;
  carry: number;
  sentThisSecond: number;
  throttledThisSecond: number;
  sentPerSec: number;
  throttledPerSec: number;
  seq: number;
  zipf?: Float64Array;
  payload: Uint8Array;
}

interface Consumer {
  id: string;
  name: string;
  stream: string;
  kind: string;
  iterators: Map<string, string | null>;
  nextPollAt: number;
  readThisSecond: number;
  recordsPerSec: number;
  iteratorAgeMs: number;
}

const KEY_SAMPLE = 512;

export class TempTrafficDriver {
  private producers: Producer[] = [];
  private consumers: Consumer[] = [];
  private rng: Random;
  private nextId = 1;
  /** A ring of recently written partition keys (every record's key, sampled). */
  private keyRing: string[] = [];
  private keyRingPos = 0;

  constructor(private sim: Simulation, seed: string) {
    this.rng = createRandom(`${seed}/temp-driver`);
  }

  addProducer(spec: ProducerSpec): string {
    const id = `producer-${this.nextId++}`;
    this.producers.push({
      ...spec,
      id,
      carry: 0,
      sentThisSecond: 0,
      throttledThisSecond: 0,
      sentPerSec: 0,
      throttledPerSec: 0,
      seq: 0,
      payload: new Uint8Array(Math.max(1, spec.recordBytes)).fill(0x61),
    });
    return id;
  }

  updateProducer(id: string, patch: Partial<ProducerSpec>): boolean {
    const p = this.producers.find((x) => x.id === id);
    if (p === undefined) return false;
    Object.assign(p, patch);
    p.zipf = undefined;
    if (patch.recordBytes !== undefined) p.payload = new Uint8Array(Math.max(1, patch.recordBytes)).fill(0x61);
    return true;
  }

  removeProducer(id: string): boolean {
    const n = this.producers.length;
    this.producers = this.producers.filter((p) => p.id !== id);
    return this.producers.length < n;
  }

  addConsumer(stream: string, name: string, kind: string): string {
    const id = `consumer-${this.nextId++}`;
    this.consumers.push({ id, name, stream, kind, iterators: new Map(), nextPollAt: this.sim.now(), readThisSecond: 0, recordsPerSec: 0, iteratorAgeMs: 0 });
    return id;
  }

  removeConsumer(id: string): boolean {
    const n = this.consumers.length;
    this.consumers = this.consumers.filter((c) => c.id !== id);
    return this.consumers.length < n;
  }

  private keyFor(p: Producer): string {
    const r = this.rng;
    switch (p.keyStrategy as KeyStrategy) {
      case 'device_id':
        return `device-${r.int(p.keyCount)}`;
      case 'server_id':
        return `server-${r.int(p.keyCount)}`;
      case 'customer_id': {
        // Zipf skew: customer i is chosen with weight 1/(i+1): a few heavy customers.
        if (p.zipf === undefined || p.zipf.length !== p.keyCount) {
          const w = new Float64Array(p.keyCount);
          let sum = 0;
          for (let i = 0; i < p.keyCount; i++) w[i] = sum += 1 / (i + 1);
          for (let i = 0; i < p.keyCount; i++) w[i] /= sum;
          p.zipf = w;
        }
        const u = r.next();
        let lo = 0, hi = p.keyCount - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (p.zipf[mid] < u) lo = mid + 1;
          else hi = mid;
        }
        return `customer-${lo}`;
      }
      case 'transaction_id':
        return `txn-${p.id}-${p.seq++}`;
      case 'log_level': {
        let u = r.next();
        for (const [level, share] of LOG_LEVELS) {
          if (u < share) return level;
          u -= share;
        }
        return 'INFO';
      }
      case 'constant':
        return 'constant-key';
      default:
        return r.string(12);
    }
  }

  /** Writes each producer's records for `dtMs` of simulated time, at the current time. */
  step(dtMs: number): void {
    for (const p of this.producers) {
      const want = p.carry + (p.recordsPerSec * dtMs) / 1000;
      let n = Math.floor(want);
      p.carry = want - n;
      while (n > 0) {
        const batch = Math.min(500, n);
        n -= batch;
        const records = new Array(batch);
        for (let i = 0; i < batch; i++) {
          const key = this.keyFor(p);
          if ((this.keyRingPos & 7) === 0 || this.keyRing.length < KEY_SAMPLE) this.keyRing[this.keyRingPos % KEY_SAMPLE] = key;
          this.keyRingPos++;
          records[i] = { PartitionKey: key, Data: p.payload };
        }
        try {
          const out = this.sim.kinesis.putRecords({ StreamName: p.stream, Records: records });
          p.sentThisSecond += batch - out.FailedRecordCount;
          p.throttledThisSecond += out.FailedRecordCount;
        } catch (e) {
          // A missing or CREATING stream refuses the whole batch; the producer keeps trying.
          if (!isAwsError(e)) throw e;
          p.throttledThisSecond += batch;
        }
      }
    }
    const now = this.sim.now();
    for (const c of this.consumers) {
      if (now < c.nextPollAt) continue;
      c.nextPollAt = now + 1000;
      this.poll(c);
    }
  }

  /** One GetRecords round over the stream's shards (a polling consumer, 1 call per shard per second). */
  private poll(c: Consumer): void {
    let desc;
    try {
      desc = this.sim.kinesisContext.streams.get(c.stream);
    } catch {
      return;
    }
    if (desc === undefined) return;
    let age = 0;
    for (const shard of desc.shards) {
      let it = c.iterators.get(shard.shardId);
      if (it === null) continue;
      try {
        if (it === undefined) {
          it = this.sim.kinesis.getShardIterator({ StreamName: c.stream, ShardId: shard.shardId, ShardIteratorType: 'TRIM_HORIZON' }).ShardIterator;
        }
        const out = this.sim.kinesis.getRecords({ ShardIterator: it, Limit: 10000 });
        c.readThisSecond += out.Records.length;
        c.iterators.set(shard.shardId, out.NextShardIterator);
        if (out.MillisBehindLatest > age) age = out.MillisBehindLatest;
      } catch (e) {
        if (!isAwsError(e)) throw e;
        // Throttled or expired: start over from the saved position next second.
        c.iterators.delete(shard.shardId);
      }
    }
    c.iteratorAgeMs = age;
  }

  /** Closes a simulated second: per-second rates become the last second's counts. */
  rollSecond(): void {
    for (const p of this.producers) {
      p.sentPerSec = p.sentThisSecond;
      p.throttledPerSec = p.throttledThisSecond;
      p.sentThisSecond = 0;
      p.throttledThisSecond = 0;
    }
    for (const c of this.consumers) {
      c.recordsPerSec = c.readThisSecond;
      c.readThisSecond = 0;
    }
  }

  producerSnaps(): ProducerSnap[] {
    return this.producers.map((p) => ({
      id: p.id,
      name: p.name,
      stream: p.stream,
      recordsPerSec: p.recordsPerSec,
      recordBytes: p.recordBytes,
      keyStrategy: p.keyStrategy,
      keyCount: p.keyCount,
      sentPerSec: p.sentPerSec,
      throttledPerSec: p.throttledPerSec,
    }));
  }

  consumerSnaps(): ConsumerSnap[] {
    return this.consumers.map((c) => ({ id: c.id, name: c.name, stream: c.stream, kind: c.kind, recordsPerSec: c.recordsPerSec, iteratorAgeMs: c.iteratorAgeMs }));
  }

  /** Where recent keys land on the hash line, with their share of the sample. */
  keyMarks(): KeyMark[] {
    const counts = new Map<string, number>();
    for (const k of this.keyRing) counts.set(k, (counts.get(k) ?? 0) + 1);
    const total = this.keyRing.length || 1;
    const out: KeyMark[] = [];
    for (const [key, n] of counts) out.push({ key, frac: parseInt(md5Hex(key).slice(0, 13), 16) / 2 ** 52, weight: n / total });
    out.sort((a, b) => b.weight - a.weight);
    return out.slice(0, 200);
  }
}
