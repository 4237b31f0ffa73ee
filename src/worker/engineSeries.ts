/**
 * Per-shard chart series read from the engine's own metrics
 * (sim.metrics.kinesis, CloudWatch names: IncomingRecords, IncomingBytes,
 * WriteProvisionedThroughputExceeded per ShardId), so the charts show what
 * CloudWatch would. Columns line up with the worker's sampled seconds: the
 * sample at time t (a whole second) is the metrics second that ended at t.
 * Seconds the engine holds no data for (before a shard existed) read as 0.
 */
import type { Simulation } from '../engine';
import type { StreamSnap } from './protocol';
import { writeUseOf } from './seriesSampler';
import type { KinesisMetrics, ShardMetricName } from '../engine/metrics/kinesisMetrics';

/** KinesisMetrics.shardMatrix: one pass over the rings for many shards (used when the engine has it). */
interface BulkReader {
  shardMatrix(stream: string, shardIds: readonly string[], metric: ShardMetricName, fromSec: number, n: number, out: Float32Array, rowOffset?: number): void;
}

/** The same through series(), one shard at a time (slower: an allocation per shard and metric). */
function seriesFallback(m: KinesisMetrics, stream: string, ids: readonly string[], metric: ShardMetricName, fromSec: number, n: number, out: Float32Array, rowOffset: number): void {
  ids.forEach((shardId, r) => {
    const v = m.series({ stream, shardId, metric, from: fromSec * 1000, to: (fromSec + n) * 1000 }).values;
    for (let i = 0; i < n && i < v.length; i++) if (v[i] === v[i]) out[(rowOffset + r) * n + i] = v[i];
  });
}

export interface ShardMatrices {
  records: Float32Array;
  bytes: Float32Array;
  throttled: Float32Array;
  writeUse: Float32Array;
}

/** Row-major matrices (shards x times) for the shards of `streams`, oldest column first. */
export function shardMatricesFromMetrics(sim: Simulation, streams: StreamSnap[], times: Float64Array): ShardMatrices {
  const rows = streams.reduce((n, s) => n + s.shards.length, 0);
  const n = times.length;
  const out: ShardMatrices = { records: new Float32Array(rows * n), bytes: new Float32Array(rows * n), throttled: new Float32Array(rows * n), writeUse: new Float32Array(rows * n) };
  if (n === 0) return out;
  // The column at time t is the metrics second that ended at t.
  const fromSec = times[0] / 1000 - 1;
  const m = sim.metrics.kinesis as KinesisMetrics & Partial<BulkReader>;
  const read: BulkReader['shardMatrix'] = typeof m.shardMatrix === 'function' ? m.shardMatrix.bind(m) : (stream, ids, metric, from, cols, target, rowOffset = 0) => seriesFallback(m, stream, ids, metric, from, cols, target, rowOffset);
  let row = 0;
  for (const s of streams) {
    const ids = s.shards.map((sh) => sh.id);
    read(s.name, ids, 'IncomingRecords', fromSec, n, out.records, row);
    read(s.name, ids, 'IncomingBytes', fromSec, n, out.bytes, row);
    read(s.name, ids, 'WriteProvisionedThroughputExceeded', fromSec, n, out.throttled, row);
    row += ids.length;
  }
  for (let i = 0; i < out.writeUse.length; i++) out.writeUse[i] = writeUseOf(out.records[i], out.bytes[i]);
  return out;
}

/** The stream-level GetRecords.IteratorAgeMilliseconds (the largest across readers), one value per column. */
export function streamIteratorAge(sim: Simulation, stream: string, times: Float64Array): Float32Array {
  const n = times.length;
  const out = new Float32Array(n);
  if (n === 0) return out;
  const v = sim.metrics.kinesis.series({ stream, metric: 'GetRecords.IteratorAgeMilliseconds', from: times[0] - 1000, to: times[n - 1] }).values;
  for (let i = 0; i < n && i < v.length; i++) out[i] = v[i] || 0;
  return out;
}
