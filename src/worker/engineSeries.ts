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
  const from = times[0] - 1000, to = times[n - 1];
  const m = sim.metrics.kinesis;
  let r = 0;
  for (const s of streams) {
    for (const sh of s.shards) {
      const q = { stream: s.name, shardId: sh.id, from, to };
      const rec = m.series({ ...q, metric: 'IncomingRecords' }).values;
      const by = m.series({ ...q, metric: 'IncomingBytes' }).values;
      const th = m.series({ ...q, metric: 'WriteProvisionedThroughputExceeded' }).values;
      const o = r * n;
      for (let i = 0; i < n && i < rec.length; i++) {
        const a = rec[i] || 0, b = by[i] || 0;
        out.records[o + i] = a;
        out.bytes[o + i] = b;
        out.throttled[o + i] = th[i] || 0;
        out.writeUse[o + i] = writeUseOf(a, b);
      }
      r++;
    }
  }
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
