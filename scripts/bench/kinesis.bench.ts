/**
 * Issue 2's figures for the Kinesis write path, printed, not asserted:
 * - put-10k-keys: PutRecords of 500 x 100-byte entries over 10,000 distinct keys
 *   through the typed API, on a stream wide enough not to throttle;
 * - put-unique-keys: every key new, against spark-md5 alone hashing the same keys;
 * - memory-1m-records: heap per stored 100-byte record beyond its payload.
 */
import SparkMD5 from 'spark-md5';
import { createSimulation } from '../../src/engine';
import type { PutRecordsRequestEntry } from '../../src/engine';
import { heapMb, report } from './format';

const SHARDS = 1000;
const BATCH = 500;

function wideStream() {
  const sim = createSimulation({ seed: 1 });
  sim.kinesis.createStream({ StreamName: 'bench', ShardCount: SHARDS });
  sim.advance(60_000);
  return sim;
}

function batches(total: number, key: (i: number) => string): PutRecordsRequestEntry[][] {
  const payload = new Uint8Array(100).fill(120);
  const out: PutRecordsRequestEntry[][] = [];
  for (let b = 0; b < total / BATCH; b++) {
    const entries: PutRecordsRequestEntry[] = new Array(BATCH);
    for (let j = 0; j < BATCH; j++) entries[j] = { Data: payload, PartitionKey: key(b * BATCH + j) };
    out.push(entries);
  }
  return out;
}

/** Puts every batch, advancing simulated time so the stream stays under its limits; returns records/s of wall time. */
function putAll(sim: ReturnType<typeof wideStream>, all: PutRecordsRequestEntry[][]): { rate: number; failed: number } {
  // 1,000 shards take 1,000,000 records/s: advance one simulated second every 1,000 batches (500,000 records).
  let failed = 0;
  const t0 = performance.now();
  for (let i = 0; i < all.length; i++) {
    failed += sim.kinesis.putRecords({ StreamName: 'bench', Records: all[i] }).FailedRecordCount;
    if (i % 1000 === 999) sim.advance(1000);
  }
  const seconds = (performance.now() - t0) / 1000;
  return { rate: (all.length * BATCH) / seconds, failed };
}

function putTenThousandKeys(): void {
  const total = 2_000_000;
  const all = batches(total, (i) => `device-${i % 10000}`);
  putAll(wideStream(), batches(200_000, (i) => `device-${i % 10000}`)); // warm-up
  const { rate, failed } = putAll(wideStream(), all);
  report('put-10k-keys', { records: total, records_per_s: Math.round(rate), failed, target_records_per_s: 1_000_000 });
}

function putUniqueKeys(): void {
  const total = 1_000_000;
  const keys: string[] = new Array(total);
  for (let i = 0; i < total; i++) keys[i] = `txn-${i}-${(i * 2654435761) >>> 0}`;
  // spark-md5 alone, same keys, same hex-to-number step a router needs at minimum.
  let sink = 0;
  const t0 = performance.now();
  for (let i = 0; i < total; i++) sink += SparkMD5.hash(keys[i]).charCodeAt(0);
  const md5Rate = total / ((performance.now() - t0) / 1000);
  const { rate, failed } = putAll(wideStream(), batches(total, (i) => keys[i]));
  report('put-unique-keys', {
    records: total,
    records_per_s: Math.round(rate),
    md5_only_per_s: Math.round(md5Rate),
    ratio: rate / md5Rate,
    target_ratio: 0.7,
    failed,
    sink: sink % 10,
  });
}

function memoryPerRecord(): void {
  const total = 1_000_000;
  const before = heapMb();
  const sim = wideStream();
  const all = batches(total, (i) => `device-${i % 10000}`);
  const afterInputs = heapMb();
  putAll(sim, all);
  all.length = 0;
  const after = heapMb();
  const inputsMb = afterInputs - before;
  const storedBytes = (after - before - inputsMb) * 1024 * 1024;
  const perRecordBeyondPayload = storedBytes / total - 100;
  report('memory-1m-records', {
    records: total,
    heap_mb: after - before,
    bytes_per_record_beyond_payload: Math.round(perRecordBeyondPayload),
    target_bytes: 250,
  });
}

export function run(only?: string): void {
  putTenThousandKeys();
  putUniqueKeys();
  memoryPerRecord();
}
