/**
 * The cost of the constraint pass on the write path: validateShape of a
 * 500-entry PutRecords request (10,000 distinct keys, 100-byte payloads), in
 * validated records/s, beside the yardstick (raw spark-md5 hashes/s of the same
 * short keys, measured in the same run) and the ratio. The machine is shared:
 * judge by the ratio.
 */
import SparkMD5 from 'spark-md5';
import { validateShape } from '../../src/engine/core/validateShape';
import { kinesisShapes } from '../../src/engine/kinesis/operations/shapes';
import { report } from './format';

const BATCH = 500;
const BATCHES = 400;

export function run(): void {
  const payload = new Uint8Array(100).fill(120);
  const requests = Array.from({ length: 20 }, (_, b) => ({
    StreamName: 'bench',
    Records: Array.from({ length: BATCH }, (_, j) => ({ Data: payload, PartitionKey: `key-${(b * BATCH + j) % 10000}` })),
  }));
  const keys = requests.flatMap((r) => r.Records.map((e) => e.PartitionKey));
  const shape = kinesisShapes.PutRecords.input;

  let t = performance.now();
  for (let i = 0; i < BATCHES; i++) validateShape(shape, requests[i % requests.length]);
  const validated = (BATCHES * BATCH) / ((performance.now() - t) / 1000);

  let sink = 0;
  t = performance.now();
  for (let i = 0; i < BATCHES * BATCH; i++) sink += SparkMD5.hash(keys[i % keys.length]).length;
  const md5 = (BATCHES * BATCH) / ((performance.now() - t) / 1000);

  report('shape-pass-putrecords-500', { records: BATCHES * BATCH, validated_records_per_s: validated, md5_only_per_s: md5, ratio: validated / md5, sink: sink % 7 });
}
