/**
 * The charts' per-second series, read from the engine's own metrics and
 * nothing else: per shard sim.metrics.kinesis (CloudWatch names:
 * IncomingRecords, IncomingBytes, WriteProvisionedThroughputExceeded per
 * ShardId), per stream GetRecords.IteratorAgeMilliseconds, per delivery stream
 * the buffer-fill gauge in sim.firehose.metrics. The column at time t (a whole
 * second) is the metrics second that ended at t; columns start no earlier than
 * the run's first second, so a chart never shows time before the run.
 */
import { type Simulation, utilisationOf, BUFFER_FILL } from '../engine';
import type { StreamSnap } from './protocol';

/** Seconds of history the charts show. */
export const HISTORY_SECONDS = 120;

/** The columns' times: whole seconds up to now, at most HISTORY_SECONDS of them, none before `runStart` + 1 s. */
export function seriesTimes(now: number, runStart: number, capacity = HISTORY_SECONDS): Float64Array {
  const last = Math.floor(now / 1000) * 1000;
  const first = Math.max(Math.ceil(runStart / 1000) * 1000 + 1000, last - (capacity - 1) * 1000);
  const n = Math.max(0, (last - first) / 1000 + 1);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = first + i * 1000;
  return out;
}

export interface ShardMatrices {
  records: Float32Array;
  bytes: Float32Array;
  throttled: Float32Array;
  writeUse: Float32Array;
}

/** Row-major matrices (shards x times) for the shards of `streams`, oldest column first; seconds without data are 0. */
export function shardMatricesFromMetrics(sim: Simulation, streams: StreamSnap[], times: Float64Array): ShardMatrices {
  const rows = streams.reduce((n, s) => n + s.shards.length, 0);
  const n = times.length;
  const out: ShardMatrices = { records: new Float32Array(rows * n), bytes: new Float32Array(rows * n), throttled: new Float32Array(rows * n), writeUse: new Float32Array(rows * n) };
  if (n === 0) return out;
  const fromSec = times[0] / 1000 - 1;
  const m = sim.metrics.kinesis;
  let row = 0;
  for (const s of streams) {
    const ids = s.shards.map((sh) => sh.id);
    m.shardMatrix(s.name, ids, 'IncomingRecords', fromSec, n, out.records, row);
    m.shardMatrix(s.name, ids, 'IncomingBytes', fromSec, n, out.bytes, row);
    m.shardMatrix(s.name, ids, 'WriteProvisionedThroughputExceeded', fromSec, n, out.throttled, row);
    row += ids.length;
  }
  // The engine's definition of write use, per second.
  for (let i = 0; i < out.writeUse.length; i++) out.writeUse[i] = utilisationOf(out.records[i], out.bytes[i]);
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

/** A delivery stream's buffer fill (share of BufferingHints.SizeInMBs) at the end of each column's second. */
export function bufferFillSeries(sim: Simulation, deliveryStream: string, times: Float64Array): Float32Array {
  const n = times.length;
  const out = new Float32Array(n);
  if (n === 0) return out;
  const v = sim.firehose.metrics(deliveryStream).series1s(BUFFER_FILL, times[0] - 1000, times[n - 1]);
  out.set(v.subarray(0, n));
  return out;
}
