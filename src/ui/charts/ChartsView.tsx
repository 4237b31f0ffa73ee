/**
 * The metrics view (loaded lazily with d3): the write-use heatmap and the
 * CloudWatch metrics per shard against their limits, iterator age per
 * consumer, Firehose buffer fill with flush markers.
 */
import { useApp } from '../store/store';
import { Heatmap } from './Heatmap';
import { LineChart, type Line } from './LineChart';
import { shortShardId } from '../format';
import { ShardMetricsOff, shardMetricsOn } from './ShardMetricsOff';

function rowsOf(matrix: Float32Array, ids: string[], n: number, keep: (id: string) => boolean, label: (id: string) => string): Line[] {
  const out: Line[] = [];
  ids.forEach((id, i) => {
    if (keep(id)) out.push({ id, label: label(id), values: matrix.subarray(i * n, (i + 1) * n) });
  });
  return out;
}

const NONE: never[] = [];

export default function ChartsView() {
  const series = useApp((s) => s.series);
  const stream = useApp((s) => s.snapshot?.streams[0]);
  const consumers = useApp((s) => s.snapshot?.consumers ?? NONE);
  if (series === null || stream === undefined) return <p>Waiting for the first simulated second…</p>;
  const n = series.times.length;
  const openIds = new Set(stream.shards.filter((s) => s.open).map((s) => s.id));
  const shardLabel = (id: string) => `shard ${shortShardId(id)}`;
  const all = () => true;
  const names = new Map(consumers.map((c) => [c.id, c.name]));
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
        <LineChart title="IncomingRecords per shard (records/s)" times={series.times} lines={rowsOf(series.records, series.shardIds, n, all, shardLabel)} limit={1000} limitLabel="1,000/s" />
      ) : (
        <ShardMetricsOff title="IncomingRecords per shard (records/s)" stream={stream.name} metrics={['IncomingRecords']} />
      )}
      {on('IncomingBytes') ? (
        <LineChart
          title="IncomingBytes per shard (bytes/s)"
          times={series.times}
          lines={rowsOf(series.bytes, series.shardIds, n, all, shardLabel)}
          limit={1048576}
          limitLabel="1 MiB/s"
          format={(v) => `${(v / 1024).toLocaleString('en-US', { maximumFractionDigits: 0 })} KiB`}
        />
      ) : (
        <ShardMetricsOff title="IncomingBytes per shard (bytes/s)" stream={stream.name} metrics={['IncomingBytes']} />
      )}
      {on('WriteProvisionedThroughputExceeded') ? (
        <LineChart title="WriteProvisionedThroughputExceeded per shard (records/s)" times={series.times} lines={rowsOf(series.throttled, series.shardIds, n, (id) => openIds.has(id) || true, shardLabel)} />
      ) : (
        <ShardMetricsOff title="WriteProvisionedThroughputExceeded per shard (records/s)" stream={stream.name} metrics={['WriteProvisionedThroughputExceeded']} />
      )}
      {series.consumerIds.length > 0 && (
        <LineChart
          title="GetRecords.IteratorAgeMilliseconds per consumer and per stream (CloudWatch Maximum)"
          times={series.times}
          lines={rowsOf(series.iteratorAge, series.consumerIds, n, all, (id) => names.get(id) ?? (id.startsWith('stream:') ? `${id.slice(7)} (stream, max)` : id))}
          format={(v) => `${(v / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s`}
        />
      )}
      {series.firehoseNames.length > 0 && (
        <LineChart
          title="Firehose buffer fill (share of BufferingHints.SizeInMBs); vertical lines are flushes"
          times={series.times}
          lines={rowsOf(series.bufferFill, series.firehoseNames, n, all, (id) => id)}
          markers={series.flushTimes.flat()}
          limit={1}
          limitLabel="size flush"
          format={(v) => `${Math.round(v * 100)}%`}
        />
      )}
    </div>
  );
}
