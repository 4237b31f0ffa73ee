/**
 * Consumers at scale: one KCL application (2 workers) and one Lambda event
 * source mapping (count-only events) reading a 500-shard stream written at
 * 1,000 records/s per shard for 24 simulated hours, in bulk mode (60 s steps).
 * The stream is filled by a minimal uniform block per shard per hour so the
 * figure is the consumers' own cost; the full day with producers and Firehose
 * is traffic.bench.ts.
 */
import { createSimulation } from '../../src/engine/simulation';
import type { RecordBlock, StoredRecord } from '../../src/engine/kinesis/recordBlock';
import { KclApplication } from '../../src/engine/traffic/consumers/kcl/kclApplication';
import { EventSourceMapping } from '../../src/engine/traffic/consumers/lambdaEsm/eventSourceMapping';
import { heapMb, report } from './format';

const SHARDS = 500;
const RATE = 1000; // records/s per shard (100% of the write limit)
const SIZE = 100; // bytes per record
const STEP = 60000;

class UniformBlock implements RecordBlock {
  readonly kind = 'segment' as const;
  count = 0;
  constructor(readonly firstIndex: number, private readonly start: number) {}
  get bytes() {
    return this.count * SIZE;
  }
  arrivalAt(i: number) {
    return this.start + Math.floor(((i - this.firstIndex) * 1000) / RATE);
  }
  sizeAt() {
    return SIZE;
  }
  take(from: number, maxRecords: number, maxBytes: number) {
    const left = this.firstIndex + this.count - from;
    const n = Math.max(1, Math.min(left, maxRecords, Math.floor(maxBytes / SIZE)));
    return { count: Math.min(n, left), bytes: Math.min(n, left) * SIZE };
  }
  read(i: number): StoredRecord {
    return { index: i, data: new Uint8Array(SIZE - 8), partitionKey: 'device-1', arrival: this.arrivalAt(i) };
  }
  heapBytes() {
    return 64;
  }
}

export function run(): void {
  const sim = createSimulation({ seed: 7 });
  sim.kinesis.createStream({ StreamName: 'big', ShardCount: SHARDS });
  sim.advance(60000);
  const s = sim.kinesisContext.streams.get('big')!;
  const blocks = new Map<string, UniformBlock>();
  const grow = () => {
    const now = sim.now();
    for (const sh of s.shards) {
      let b = blocks.get(sh.shardId);
      if (b === undefined || now - b.arrivalAt(b.firstIndex) >= 3600000) {
        b = new UniformBlock(sh.store.nextIndex, now);
        sh.store.appendBlock(b);
        blocks.set(sh.shardId, b);
      }
      b.count += (RATE * STEP) / 1000;
      sh.store.syncTail();
    }
    sim.core.schedule(STEP, 'bench:grow', grow);
  };
  grow();
  sim.lambda.createFunction({ FunctionName: 'count', handler: () => null, durationMs: 200 });
  const kcl = new KclApplication(sim.kinesisContext, { name: 'app', streamName: 'big', stepMs: STEP, initialPosition: 'TRIM_HORIZON' });
  kcl.addWorker('A');
  kcl.addWorker('B');
  const esm = new EventSourceMapping(sim.kinesisContext, sim.lambda, { FunctionName: 'count', EventSourceArn: 'big', StartingPosition: 'TRIM_HORIZON', BatchSize: 10000, materialiseRecords: false }, { uuid: 'bench', stepMs: STEP });
  esm.start();
  const t0 = performance.now();
  const day = 24 * 3600000;
  sim.advance(day);
  const wall = (performance.now() - t0) / 1000;
  const k = kcl.totals();
  const e = esm.totals();
  report('consumers-day-500-shards', {
    wall_s: wall,
    heap_mb: heapMb(),
    kcl_records: k.records,
    kcl_max_iterator_age_ms: k.maxIteratorAgeMs,
    kcl_leases: JSON.stringify(kcl.leaseCounts()).replace(/[{}"]/g, ''),
    esm_records: e.recordsProcessed,
    esm_invocations: e.invocations,
    esm_iterator_age_ms: e.iteratorAgeMs,
    read_throttled: k.throttled + e.throttled,
    sim_to_wall: day / 1000 / wall,
  });
}
