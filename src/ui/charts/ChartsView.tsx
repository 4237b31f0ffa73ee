/**
 * The metrics view (loaded lazily with d3): the write-use heatmap and the
 * CloudWatch metrics per shard against their limits, iterator age per
 * stream, Firehose buffer fill with each flush at the fill it reached. Every
 * series is the engine's, one value per simulated second.
 */
import { useApp } from '../store/store';
import { Heatmap } from './Heatmap';
import { LineChart, type Line } from './LineChart';
import { shortShardId } from '../format';
import { ShardMetricsOff, shardMetricsOn } from './ShardMetricsOff';
import { STREAM_AGE_PREFIX } from '../../worker/protocol';

function rowsOf(matrix: Float32Array, ids: string[], n: number, keep: (id: string) => boolean, label: (id: string) => string): Line[] {
  const out: Line[] = [];
  ids.forEach((id, i) => {
    if (keep(id)) out.push({ id, label: label(id), values: matrix.subarray(i * n, (i + 1) * n) });
  });
  return out;
}

export default function ChartsView() {
  const series = useApp((s) => s.series);
  const stream = useApp((s) => s.snapshot?.streams[0]);
  if (series === null || stream === undefined) return <p>Waiting for the first simulated second…</p>;
  const n = series.times.length;
  const openIds = new Set(stream.shards.filter((s) => s.open).map((s) => s.id));
  const shardLabel = (id: string) => `shard ${shortShardId(id)}`;
  const all = () => true;
  // Shard-level series exist only while enhanced monitoring publishes them (as on AWS).
  const on = (...metrics: string[]) => shardMetricsOn(stream.shardLevelMetrics, metrics);
  return (
    <div className="charts">
      {on('IncomingRecords', 'IncomingBytes') ? (
        <Heatmap series={series} rows={stream.shards.filter((s) => s.open).map((s) => s.id)} />
      ) : (
        <ShardMetricsOff title="Write use per shard (heatmap)" stream={stream.name} metrics={['IncomingRecords', 'IncomingBytes']} />
      )}
      {on('IncomingRecords') ? (
        <LineChart title="IncomingRecords per shard (records/s), each second" times={series.times} lines={rowsOf(series.records, series.shardIds, n, all, shardLabel)} limit={1000} limitLabel="1,000/s" />
      ) : (
        <ShardMetricsOff title="IncomingRecords per shard (records/s), each second" stream={stream.name} metrics={['IncomingRecords']} />
      )}
      {on('IncomingBytes') ? (
        <LineChart
          title="IncomingBytes per shard (bytes/s), each second"
          times={series.times}
          lines={rowsOf(series.bytes, series.shardIds, n, all, shardLabel)}
          limit={1048576}
          limitLabel="1 MiB/s"
          format={(v) => `${(v / 1024).toLocaleString('en-US', { maximumFractionDigits: 0 })} KiB`}
        />
      ) : (
        <ShardMetricsOff title="IncomingBytes per shard (bytes/s), each second" stream={stream.name} metrics={['IncomingBytes']} />
      )}
      {on('WriteProvisionedThroughputExceeded') ? (
        <LineChart title="WriteProvisionedThroughputExceeded per shard (records/s), each second" times={series.times} lines={rowsOf(series.throttled, series.shardIds, n, (id) => openIds.has(id) || true, shardLabel)} />
      ) : (
        <ShardMetricsOff title="WriteProvisionedThroughputExceeded per shard (records/s), each second" stream={stream.name} metrics={['WriteProvisionedThroughputExceeded']} />
      )}
      {series.consumerIds.length > 0 && (
        <LineChart
          title="GetRecords.IteratorAgeMilliseconds per stream, per second (CloudWatch Maximum across its readers)"
          times={series.times}
          lines={rowsOf(series.iteratorAge, series.consumerIds, n, all, (id) => `${id.slice(STREAM_AGE_PREFIX.length)} (stream, max)`)}
          format={(v) => `${(v / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s`}
        />
      )}
      {series.firehoseNames.length > 0 && (
        <LineChart
          title="Firehose buffer fill (share of BufferingHints.SizeInMBs) at each second's end; each flush drawn at the fill it reached, with a vertical line"
          times={series.times}
          lines={rowsOf(series.bufferFill, series.firehoseNames, n, all, (id) => id).map((l, i) => ({ ...l, drops: series.flushes[i].map((f) => ({ time: f.time, from: f.fill, to: f.fillAfter })) }))}
          markers={series.flushes.flat().map((f) => f.time)}
          limit={1}
          limitLabel="size flush"
          format={(v) => `${Math.round(v * 100)}%`}
        />
      )}
    </div>
  );
}
