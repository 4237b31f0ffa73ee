/**
 * bench firehose-default-scenario: the UI's default world (6 shards, two bulk
 * producers, a polling consumer, a GZIP delivery stream reading the stream)
 * for 10 simulated minutes after a 1-minute warm-up: engine ms per simulated
 * second with the delivery stream, and without it (the rest of the world), so
 * the difference is what Firehose costs.
 *
 * bench firehose-day: 24 simulated hours of 5,000 records/s into one
 * delivery stream with dynamic partitioning over 50 keys and GZIP, fed as
 * one bulk segment per simulated second (50 runs, one per key). Objects are
 * written lazily: keys, counts and sizes are exact, bytes are produced when
 * an object is read (the bench reads one to prove it).
 */
import { gunzipSync } from 'fflate';
import { createSimulation } from '../../src/engine/simulation';
import { encodeUtf8 } from '../../src/engine/core/utf8';
import type { BulkRun, RecordRecipe } from '../../src/engine/firehose/bulkTypes';
import { heapMb, report } from './format';
import { ScenarioSession } from '../../src/scenarios/scenarioSession';
import { defaultScenario as defaultPreset } from '../../src/scenarios/presets';
import type { Simulation } from '../../src/engine/simulation';

/** Engine ms per simulated second of the default scenario, with or without its delivery stream. */
function defaultScenario(withFirehose: boolean): { msPerSimS: number; objects: number } {
  // The app's default scenario (the telemetry-default preset), built by a scenario session.
  const sim: Simulation = new ScenarioSession(defaultPreset()).sim;
  if (!withFirehose) sim.firehose.deleteDeliveryStream({ DeliveryStreamName: 'telemetry-to-s3' });
  sim.advanceSync(60000);
  const seconds = 600;
  const t0 = performance.now();
  // 100 ms steps, as the play loop advances at 100x with 60 frames a second.
  for (let i = 0; i < seconds * 10; i++) sim.advanceSync(100);
  const ms = performance.now() - t0;
  const objects = withFirehose ? sim.firehose.accounting('telemetry-to-s3').objects : 0;
  return { msPerSimS: ms / seconds, objects };
}

export function runDefaultScenario(): void {
  defaultScenario(true); // warm the JIT
  const withFh = defaultScenario(true);
  const without = defaultScenario(false);
  report('firehose-default-scenario', {
    engine_ms_per_sim_s: withFh.msPerSimS,
    without_firehose_ms_per_sim_s: without.msPerSimS,
    firehose_ms_per_sim_s: withFh.msPerSimS - without.msPerSimS,
    objects_in_10_min: withFh.objects,
  });
}

const KEYS = 50;
const RATE = 5000;
const SECONDS = 24 * 3600;
const RECORD_BYTES = 100;

function recipe(k: number): RecordRecipe {
  const head = `{"customer":"c${String(k).padStart(2, '0')}","seq":`;
  return {
    id: `customer-${k}`,
    // Always RECORD_BYTES long: the sequence is zero-padded, the tail padded with spaces before the newline.
    record: (i) => encodeUtf8((head + String(i).padStart(12, '0') + ',"payload":"x"}').padEnd(RECORD_BYTES - 1, ' ') + '\n'),
  };
}

export function run(): void {
  runDefaultScenario();
  const t0 = performance.now();
  const sim = createSimulation({ seed: 42 });
  sim.s3.createBucket({ Bucket: 'lake' });
  sim.firehose.createDeliveryStream({
    DeliveryStreamName: 'day',
    ExtendedS3DestinationConfiguration: {
      RoleARN: 'arn:aws:iam::123456789012:role/firehose',
      BucketARN: 'arn:aws:s3:::lake',
      CompressionFormat: 'GZIP',
      Prefix: 'customer=!{partitionKeyFromQuery:customer}/!{timestamp:yyyy/MM/dd/HH}/',
      ErrorOutputPrefix: 'errors/!{firehose:error-output-type}/',
      BufferingHints: { SizeInMBs: 64, IntervalInSeconds: 300 },
      DynamicPartitioningConfiguration: { Enabled: true },
      ProcessingConfiguration: { Enabled: true, Processors: [{ Type: 'MetadataExtraction', Parameters: [{ ParameterName: 'MetadataExtractionQuery', ParameterValue: '{customer:.customer}' }, { ParameterName: 'JsonParsingEngine', ParameterValue: 'JQ-1.6' }] }] },
    },
  });
  sim.advanceSync(5000);
  const recipes = Array.from({ length: KEYS }, (_, k) => recipe(k));
  const perKey = RATE / KEYS;
  let throttled = 0;
  for (let s = 0; s < SECONDS; s++) {
    const start = sim.now();
    const runs: BulkRun[] = recipes.map((r, k) => ({ recipe: r, firstIndex: s * perKey, count: perKey, recordBytes: RECORD_BYTES, partitionKeys: { customer: `c${String(k).padStart(2, '0')}` } }));
    throttled += sim.firehose.ingestSegment('day', { start, end: start + 999, runs }).throttled;
    sim.advanceSync(1000);
  }
  sim.advanceSync(300000);
  const wall = (performance.now() - t0) / 1000;
  const acc = sim.firehose.accounting('day');
  let objects = 0, token: string | undefined, sample = '';
  do {
    const page = sim.s3.listObjectsV2({ Bucket: 'lake', ContinuationToken: token });
    objects += page.KeyCount;
    if (sample === '' && page.Contents !== undefined) sample = page.Contents[0].Key;
    token = page.NextContinuationToken;
  } while (token !== undefined);
  // Reading one object materialises and gunzips it: the bytes are real.
  const body = gunzipSync(sim.s3.getObject({ Bucket: 'lake', Key: sample }).Body);
  report('firehose-day', {
    wall_s: wall,
    objects,
    heap_mb: heapMb(),
    delivered_records: acc.delivered,
    throttled,
    sample_object_records: body.length / RECORD_BYTES,
  });
}
