/**
 * Consumers at scale: one KCL application (2 workers) and one Lambda event
 * source mapping (count-only events) reading a 500-shard stream written at
 * 1,000 records/s per shard for 24 simulated hours, in bulk mode (60 s steps).
 * The stream is filled by the engine's own bulk segments (SegmentBlock, one
 * uniform lane per shard, one 60 s tick a step, a new segment each hour as the
 * engine seals them), not by producers, so the figure is the consumers' own
 * cost; the full day with producers and Firehose is traffic.bench.ts. (Until
 * round 3 the fill was a hand-made RecordBlock of kind 'segment' that was no
 * SegmentBlock: the hourly cost meter, added later, reads such a block record
 * by record, 43 billion sizeAt calls a day, and the bench took ~3 minutes.)
 */
import { createSimulation } from '../../src/engine/simulation';
import { APPEND_REJECTED, SegmentBlock, type SegmentRecipe } from '../../src/engine/kinesis/segmentBlock';
import type { LaneMaterialiser } from '../../src/engine/kinesis/segmentRecipe';
import { KclApplication } from '../../src/engine/traffic/consumers/kcl/kclApplication';
import { EventSourceMapping } from '../../src/engine/traffic/consumers/lambdaEsm/eventSourceMapping';
import { heapMb, report } from './format';

const SHARDS = 500;
const RATE = 1000; // records/s per shard (100% of the write limit)
const SIZE = 100; // bytes per record (data plus partition key)
const STEP = 60000;
const PER_TICK = (RATE * STEP) / 1000;

/** One lane of uniform records: 92 bytes of data and the key 'device-1'. */
const uniform: SegmentRecipe = { kind: 'bench-uniform', recordBytes: SIZE };
const LANES = [uniform];
const COUNTS = [PER_TICK], RATES = [PER_TICK], PHIS = [0];

export function run(): void {
  const sim = createSimulation({ seed: 7 });
  sim.core.materialisers.register<LaneMaterialiser>('bench-uniform', {
    materialise: () => ({ data: new Uint8Array(SIZE - 8), partitionKey: 'device-1' }),
    keyBytes: () => 8,
  });
  sim.kinesis.createStream({ StreamName: 'big', ShardCount: SHARDS });
  sim.advanceSync(60000);
  const s = sim.kinesisContext.streams.get('big')!;
  const blocks = new Map<string, SegmentBlock>();
  // Each step writes the minute ending now to every shard: the tail segment grows
  // by one tick, or (sealed after an hour) a new segment starts.
  const grow = () => {
    const now = sim.now();
    for (const sh of s.shards) {
      let b = blocks.get(sh.shardId);
      if (b === undefined || b.appendTick(now, LANES, COUNTS, RATES, PHIS) === APPEND_REJECTED) {
        const floor = sh.store.nextIndex > sh.store.trimIndex ? sh.store.arrivalAt(sh.store.nextIndex - 1) : -Infinity;
        b = new SegmentBlock(sh.store.nextIndex, LANES, STEP, floor);
        b.appendTick(now, LANES, COUNTS, RATES, PHIS);
        sh.store.appendBlock(b, sim.core.materialisers);
        blocks.set(sh.shardId, b);
      } else sh.store.syncTail();
    }
    sim.core.scheduleEvent(STEP, 'bench:grow');
  };
  sim.core.registerHandler('bench:grow', grow);
  grow();
  sim.lambda.createFunction({ FunctionName: 'count', handler: () => null, durationMs: 200 });
  const kcl = new KclApplication(sim.kinesisContext, { name: 'app', streamName: 'big', stepMs: STEP, initialPosition: 'TRIM_HORIZON' });
  kcl.addWorker('A');
  kcl.addWorker('B');
  const esm = new EventSourceMapping(sim.kinesisContext, sim.lambda, { FunctionName: 'count', EventSourceArn: 'big', StartingPosition: 'TRIM_HORIZON', BatchSize: 10000, materialiseRecords: false }, { uuid: 'bench', stepMs: STEP });
  esm.start();
  const t0 = performance.now();
  const day = 24 * 3600000;
  sim.advanceSync(day);
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
