/**
 * The processing modules' own speed: jq partition-key extraction (distinct
 * records, and bulk-like records with 50 distinct texts, memoised), Parquet
 * conversion of 10,000 JSON records, and 10,000 records through a Lambda
 * transform (CSV to JSON) on the simulated clock.
 */
import { createSimulation } from '../../src/engine/simulation';
import { encodeUtf8 } from '../../src/engine/core/utf8';
import { createRandom } from '../../src/engine/core/random';
import { loadJq } from '../../src/engine/firehose/partitioning/jqRuntime';
import { PartitionKeyExtractor } from '../../src/engine/firehose/partitioning/partitionKeys';
import { loadParquetWriter } from '../../src/engine/firehose/formatConversion/parquetLoader';
import { convertRecords } from '../../src/engine/firehose/formatConversion/convertRecords';
import { readConversionSettings } from '../../src/engine/firehose/formatConversion/formatConversionConfig';
import { registerBuiltinFunction } from '../../src/engine/lambda/builtins';
import { runTransform, type TransformRunResult } from '../../src/engine/firehose/transform/runTransform';
import { parseLambdaProcessor } from '../../src/engine/firehose/transform/processorParameters';
import { report } from './format';

export async function run(): Promise<void> {
  let t = performance.now();
  const jq = await loadJq();
  const loadMs = performance.now() - t;
  const query = '{customer_id: .customer_id, year: (.ts|strftime("%Y")), month: (.ts|strftime("%m"))}';
  const distinct = Array.from({ length: 5000 }, (_, i) => `{"customer_id":"c${i % 50}","ts":${1767225600 + i},"amount":${i % 97}}`);
  t = performance.now();
  const ex = new PartitionKeyExtractor(query);
  ex.extractTexts(distinct, jq);
  const distinctMs = performance.now() - t;
  const repeated = Array.from({ length: 100000 }, (_, i) => `{"customer_id":"c${i % 50}","ts":1767225600}`);
  const ex2 = new PartitionKeyExtractor(query);
  t = performance.now();
  ex2.extractTexts(repeated, jq);
  const repeatedMs = performance.now() - t;
  report('processing-jq', {
    load_ms: loadMs,
    distinct_records: distinct.length,
    distinct_us_per_record: (distinctMs * 1000) / distinct.length,
    jq_calls: ex.jqCalls,
    repeated_records: repeated.length,
    repeated_us_per_record: (repeatedMs * 1000) / repeated.length,
    jq_instances: jq.instances,
  });

  await loadParquetWriter();
  const settings = readConversionSettings({
    SchemaConfiguration: { Columns: [{ Name: 'id', Type: 'bigint' }, { Name: 'customer_id', Type: 'string' }, { Name: 'amount', Type: 'double' }, { Name: 'ts', Type: 'timestamp' }] },
    OutputFormatConfiguration: { Serializer: { ParquetSerDe: {} } },
  });
  const rng = createRandom(1);
  const json = Array.from({ length: 10000 }, (_, i) => encodeUtf8(`{"id":${i},"customer_id":"c${rng.int(50)}","amount":${rng.int(10000) / 100},"ts":${1767225600000 + i * 200}}`));
  t = performance.now();
  const out = convertRecords(json, settings);
  const parquetMs = performance.now() - t;
  const jsonBytes = json.reduce((n, r) => n + r.length, 0);
  report('processing-parquet', { records: out.rows, ms: parquetMs, json_bytes: jsonBytes, parquet_bytes: out.body!.length, ratio: jsonBytes / out.body!.length });

  const sim = createSimulation({ seed: 1 });
  registerBuiltinFunction(sim, 'firehose-csv-to-json', { FunctionName: 'csv', durationMs: 200 });
  const csv = Array.from({ length: 10000 }, (_, i) => ({ data: encodeUtf8(`${i},name-${i},${20 + (i % 50)}\n`), arrival: sim.now() }));
  const ctx = { core: sim.core, lambda: sim.lambda, random: createRandom('b'), deliveryStreamArn: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/b', recordSerial: { next: 1 } };
  let invocations = 0;
  sim.core.registerHandler<undefined, TransformRunResult>('bench:transformed', (_, r) => (invocations = r.invocations));
  t = performance.now();
  runTransform(ctx, parseLambdaProcessor({ Type: 'Lambda', Parameters: [{ ParameterName: 'LambdaArn', ParameterValue: 'csv' }, { ParameterName: 'BufferSizeInMBs', ParameterValue: '0.2' }] }), csv, { kind: 'bench:transformed' });
  sim.advanceSync(10000);
  const transformMs = performance.now() - t;
  report('processing-transform', { records: csv.length, invocations, ms: transformMs, us_per_record: (transformMs * 1000) / csv.length });
}
