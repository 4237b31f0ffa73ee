/**
 * Traffic at scale. `bench bulk-day-500-shards`: 24 simulated hours of a
 * 500-shard provisioned stream written at 100% of its capacity (500,000
 * records/s) by a bulk producer over 100,000 device keys, read by one
 * KCL-like application and one Lambda event source mapping (count-only
 * events). `bench realtime-500-shards`: the same world at 1x, engine time per
 * simulated second.
 * A Firehose delivery stream reads the stream into S3 (GZIP, 128 MiB / 900 s
 * buffers): its Kinesis source reads the segments by counts in 60 s steps
 * (kinesisBulkRead.ts), and objects are lazy (bytes built on read);
 * `bench bulk-day-500-shards-firehose` prints what it delivered.
 * Each timed figure is printed beside the md5 yardstick of the same run
 * (format.ts; sampled between the timed steps and averaged, as a day's run is
 * long and the shared machine's load changes) and as its time
 * scaled to a 700,000/s yardstick (time * md5 / 700,000). `cpu_s` is the process's user CPU time
 * (all its threads, GC helpers included) over the same timed steps: on a loaded
 * machine it stays near the quiet wall time where the wall time does not.
 */
import { createSimulation, type Simulation } from '../../src/engine/simulation';
import { heapMb, Md5Sampler, REFERENCE_MD5, report } from './format';

const SHARDS = 500;
const RATE = SHARDS * 1000; // 1,000 records/s per shard [KDS quotas]

function world(): { sim: Simulation; totalIncoming: () => number } {
  const sim = createSimulation({ seed: 'bench-traffic', kinesisSourceBulkStepMs: FIREHOSE_STEP_MS });
  sim.kinesis.createStream({ StreamName: 'big', ShardCount: SHARDS });
  sim.advanceSync(10000);
  sim.traffic.addProducer({ streamName: 'big', rate: { kind: 'constant', recordsPerSecond: RATE }, keys: { name: 'device_id', count: 100000 }, record: { sizeBytes: 200 }, writePath: 'PutRecords' });
  sim.traffic.addConsumer({ type: 'kcl', name: 'kcl-app', streamName: 'big', workers: 4, stepMs: 60000, initialPosition: 'TRIM_HORIZON' } as never);
  sim.lambda.createFunction({ FunctionName: 'count', handler: () => null, durationMs: 50 } as never);
  sim.traffic.addConsumer({ type: 'lambdaMapping', FunctionName: 'count', EventSourceArn: 'big', StartingPosition: 'TRIM_HORIZON', BatchSize: 10000, materialiseRecords: false, stepMs: 60000 } as never);
  addFirehose(sim);
  const s = sim.kinesisContext.streams.get('big')!;
  return { sim, totalIncoming: () => s.shards.reduce((a, sh) => a + sh.counters.incomingRecords, 0) };
}

/** Firehose steps its bulk reads as the consumers do (60 s), so they share each shard's read window. */
const FIREHOSE_STEP_MS = 60000;

/** Firehose to S3 reading the stream: the largest buffers, GZIP. */
function addFirehose(sim: Simulation): void {
  sim.s3.createBucket({ Bucket: 'big-archive' });
  const role = `arn:aws:iam::${sim.core.accountId}:role/firehose`;
  sim.firehose.createDeliveryStream({
    DeliveryStreamName: 'big-to-s3',
    DeliveryStreamType: 'KinesisStreamAsSource',
    KinesisStreamSourceConfiguration: { KinesisStreamARN: sim.core.arn('kinesis', 'stream/big'), RoleARN: role },
    ExtendedS3DestinationConfiguration: { RoleARN: role, BucketARN: 'arn:aws:s3:::big-archive', BufferingHints: { SizeInMBs: 128, IntervalInSeconds: 900 }, CompressionFormat: 'GZIP' },
  });
}

/** What the delivery stream did over the run. */
function reportFirehose(name: string, sim: Simulation): void {
  const a = sim.firehose.accounting('big-to-s3');
  report(name, { objects: a.objects, delivered_records: a.delivered, accepted_records: a.accepted, buffered_records: a.buffered });
}

/**
 * Times `steps` advances of `stepMs` (wall ms and user CPU µs of the advances only), sampling the
 * yardstick outside them every `sampleEvery` steps and at the end.
 */
function timedSteps(sim: Simulation, steps: number, stepMs: number, sampleEvery: number): { ms: number; cpuUs: number; md5: number } {
  const yard = new Md5Sampler();
  let ms = 0, cpuUs = 0;
  for (let i = 0; i < steps; i++) {
    if (i % sampleEvery === 0) yard.sample();
    const t0 = performance.now(), c0 = process.cpuUsage();
    sim.advanceSync(stepMs);
    ms += performance.now() - t0;
    cpuUs += process.cpuUsage(c0).user;
  }
  yard.sample();
  return { ms, cpuUs, md5: yard.mean() };
}

export function run(): void {
  {
    const { sim, totalIncoming } = world();
    const { ms, cpuUs, md5 } = timedSteps(sim, 24, 3600000, 1);
    const wall = ms / 1000;
    const records = totalIncoming();
    report('bulk-day-500-shards', {
      wall_s: wall, cpu_s: cpuUs / 1e6, heap_mb: heapMb(), simulated_records: records, records_per_wall_s: Math.round(records / wall), sim_to_wall: 86400 / wall,
      md5_per_s: Math.round(md5), wall_at_700k_md5_s: (wall * md5) / REFERENCE_MD5, target_wall_s: 10, target_heap_mb: 256,
    });
    reportFirehose('bulk-day-500-shards-firehose', sim);
  }
  {
    const { sim } = world();
    sim.advanceSync(60000); // warm up
    const seconds = 120;
    const { ms: total, cpuUs, md5 } = timedSteps(sim, seconds, 1000, 20);
    const ms = total / seconds;
    report('realtime-500-shards', { engine_ms_per_sim_s: ms, cpu_ms_per_sim_s: cpuUs / 1000 / seconds, md5_per_s: Math.round(md5), engine_ms_at_700k_md5: (ms * md5) / REFERENCE_MD5 });
  }
}
