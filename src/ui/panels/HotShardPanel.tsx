/**
 * The engine's hot-shard report (sim.traffic.hotShardReport) as a panel:
 * which shard is hot, by how much against its share of the hash line, which
 * partition keys put it there, and what would help, with a button that
 * applies the suggested SplitShard (the engine's NewStartingHashKey).
 */
import { useApp } from '../store/store';
import { useQuery } from '../useQuery';
import { ShardMetricsOff, shardMetricsOn } from '../charts/ShardMetricsOff';
import { formatBytes, formatInt, formatPercent } from '../format';

export default function HotShardPanel() {
  const stream = useApp((s) => s.snapshot?.streams[0]?.name);
  const run = useApp((s) => s.run);
  const select = useApp((s) => s.select);
  const q = useQuery(stream === undefined ? null : { type: 'hotShards', stream, windowMs: 60000 }, 2000);
  const monitored = useApp((s) => s.snapshot?.streams[0]?.shardLevelMetrics);
  if (stream === undefined) return <p>No stream yet.</p>;
  // The report reads shard-level metrics, which AWS publishes only with enhanced monitoring on.
  if (!shardMetricsOn(monitored, ['IncomingRecords', 'IncomingBytes'])) {
    return (
      <section aria-labelledby="hot-title" className="hot-panel">
        <h2 id="hot-title">Hot shards of {stream}</h2>
        <ShardMetricsOff title="Per-shard IncomingRecords and IncomingBytes" stream={stream} metrics={['IncomingRecords', 'IncomingBytes']} />
      </section>
    );
  }
  const r = q.data;
  const hot = r?.shards.filter((s) => s.hot) ?? [];
  return (
    <section aria-labelledby="hot-title" className="hot-panel">
      <h2 id="hot-title">Hot shards of {stream}</h2>
      {q.error && <p role="alert">{`${q.error.type}: ${q.error.message}`}</p>}
      {r === null ? (
        <p>Reading the last minute of metrics…</p>
      ) : (
        <>
          <p>
            Over the last {Math.round(r.windowMs / 1000)} s the stream took {formatInt(r.recordsPerSec)} records/s ({formatBytes(r.bytesPerSec)}/s) across {r.shards.length} open shards.{' '}
            {hot.length === 0 ? 'No shard is hot: the partition keys spread the traffic evenly enough.' : `${hot.length} shard${hot.length > 1 ? 's are' : ' is'} hot.`}
          </p>
          {r.advice.length > 0 && (
            <ul className="advice" aria-label="What would help">
              {r.advice.map((a, i) => (
                <li key={i}>{a}</li>
              ))}
            </ul>
          )}
          {hot.map((h) => (
            <article key={h.shardId} className="hot-shard" aria-label={`Hot shard ${h.shardId}`}>
              <h3>
                <button type="button" className="linklike" onClick={() => select({ kind: 'shard', stream, shardId: h.shardId })}>
                  {h.shardId}
                </button>
              </h3>
              <p>
                {formatInt(h.recordsPerSec)} records/s, {formatBytes(h.bytesPerSec)}/s: {formatPercent(h.utilisation)} of its tighter write limit
                {h.throttledPerSec > 0 ? `, ${formatInt(h.throttledPerSec)} records/s throttled (WriteProvisionedThroughputExceeded)` : ''}. It takes {formatPercent(h.share)} of the stream's
                records while its slice of the hash line is {formatPercent(h.expectedShare)}.
              </p>
              {h.topKeys.length > 0 && (
                <table className="records" aria-label={`Top partition keys of ${h.shardId}`}>
                  <thead>
                    <tr>
                      <th scope="col">Partition key</th>
                      <th scope="col">Records/s (estimated)</th>
                      <th scope="col">Share of the shard</th>
                    </tr>
                  </thead>
                  <tbody>
                    {h.topKeys.map((k) => (
                      <tr key={k.key}>
                        <td className="mono">{k.key}</td>
                        <td>{formatInt(k.recordsPerSec)}</td>
                        <td>{formatPercent(k.share)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {h.advice && <p className="help">{h.advice}</p>}
              {h.splitAtHashKey && (
                <button
                  type="button"
                  className="primary"
                  onClick={() => void run({ type: 'splitShard', stream, shardId: h.shardId, newStartingHashKey: h.splitAtHashKey! }, `SplitShard ${h.shardId} at ${h.splitAtHashKey} requested; the stream is UPDATING`).then(() => q.refresh())}
                >
                  Apply the suggested split of {h.shardId}
                </button>
              )}
            </article>
          ))}
        </>
      )}
    </section>
  );
}
