/**
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
  sim.advance(5000);
  const recipes = Array.from({ length: KEYS }, (_, k) => recipe(k));
  const perKey = RATE / KEYS;
  let throttled = 0;
  for (let s = 0; s < SECONDS; s++) {
    const start = sim.now();
    const runs: BulkRun[] = recipes.map((r, k) => ({ recipe: r, firstIndex: s * perKey, count: perKey, recordBytes: RECORD_BYTES, partitionKeys: { customer: `c${String(k).padStart(2, '0')}` } }));
    throttled += sim.firehose.ingestSegment('day', { start, end: start + 999, runs }).throttled;
    sim.advance(1000);
  }
  sim.advance(300000);
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
