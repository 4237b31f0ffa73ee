/**
 * Hot shards as a panel: which shard is hot, by how much against its share of
 * the hash line, which partition keys put it there, and what would help, with
 * a button that applies the suggested SplitShard (the engine's
 * NewStartingHashKey). The figures are the snapshot's (the engine's
 * streamLoad over the same window the graph, the shard list and the header
 * show), so every view agrees at every frame; the keys and advice come from
 * the engine's hot-shard report over that window (sim.traffic.hotShardReport).
 */
import { useApp } from '../store/store';
import { useQuery } from '../useQuery';
import { ShardMetricsOff, shardMetricsOn } from '../charts/ShardMetricsOff';
import { formatBytes, formatInt, formatPercent, formatWindow } from '../format';
import { hotShards } from '../store/selectors';
import { splitShard } from '../commands';

export default function HotShardPanel() {
  const snapStream = useApp((s) => s.snapshot?.streams[0]);
  const stream = snapStream?.name;
  const run = useApp((s) => s.run);
  const select = useApp((s) => s.select);
  const q = useQuery(stream === undefined ? null : { type: 'hotShards', stream, windowMs: snapStream!.heat.windowMs }, 2000);
  if (snapStream === undefined || stream === undefined) return <p>No stream yet.</p>;
  // The report reads shard-level metrics, which AWS publishes only with enhanced monitoring on.
  if (!shardMetricsOn(snapStream.shardLevelMetrics, ['IncomingRecords', 'IncomingBytes'])) {
    return (
      <section aria-labelledby="hot-title" className="hot-panel">
        <h2 id="hot-title">Hot shards of {stream}</h2>
        <ShardMetricsOff title="Per-shard IncomingRecords and IncomingBytes" stream={stream} metrics={['IncomingRecords', 'IncomingBytes']} />
      </section>
    );
  }
  const r = q.data;
  const hot = hotShards(snapStream);
  const open = snapStream.shards.filter((s) => s.open);
  return (
    <section aria-labelledby="hot-title" className="hot-panel">
      <h2 id="hot-title">Hot shards of {stream}</h2>
      {q.error && <p role="alert">{`${q.error.type}: ${q.error.message}`}</p>}
      {
        <>
          <p>
            Per second over the {formatWindow(snapStream.heat)}, the stream took {formatInt(snapStream.recordsPerSec)} records/s ({formatBytes(snapStream.bytesPerSec)}/s) across {open.length} open shards.{' '}
            {hot.length === 0 ? 'No shard is hot: the partition keys spread the traffic evenly enough.' : `${hot.length} shard${hot.length > 1 ? 's are' : ' is'} hot.`}
          </p>
          {r !== null && r.advice.length > 0 && (
            <ul className="advice" aria-label="What would help">
              {r.advice.map((a, i) => (
                <li key={i}>{a}</li>
              ))}
            </ul>
          )}
          {hot.map((h) => {
            // The keys and advice of the report; the figures are the snapshot's, like every other view's.
            const why = r?.shards.find((x) => x.shardId === h.id);
            return (
              <article key={h.id} className="hot-shard" aria-label={`Hot shard ${h.id}`}>
                <h3>
                  <button type="button" className="linklike" onClick={() => select({ kind: 'shard', stream, shardId: h.id })}>
                    {h.id}
                  </button>
                </h3>
                <p>
                  {formatInt(h.recordsPerSec)} records/s, {formatBytes(h.bytesPerSec)}/s: {formatPercent(h.writeUse)} of its tighter write limit
                  {h.throttledPerSec > 0 ? `, ${formatInt(h.throttledPerSec)} records/s throttled (WriteProvisionedThroughputExceeded)` : ''}. It takes {formatPercent(h.share)} of the stream's
                  records while its slice of the hash line is {formatPercent(h.expectedShare)}.
                </p>
                {why !== undefined && why.topKeys.length > 0 && (
                  <table className="records" aria-label={`Top partition keys of ${h.id}`}>
                    <caption className="muted">What the producers offer with each key (rate × key weight), before throttling: a throttled shard takes less.</caption>
                    <thead>
                      <tr>
                        <th scope="col">Partition key</th>
                        <th scope="col">Offered records/s</th>
                        <th scope="col">Share of the shard's offered records</th>
                      </tr>
                    </thead>
                    <tbody>
                      {why.topKeys.map((k) => (
                        <tr key={k.key}>
                          <td className="mono">{k.key}</td>
                          <td>{formatInt(k.recordsPerSec)}</td>
                          <td>{formatPercent(k.share)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
                {why?.advice && <p className="help">{why.advice}</p>}
                {why?.splitAtHashKey && (
                  <button
                    type="button"
                    className="primary"
                    onClick={() => void run(splitShard(stream, h.id, why.splitAtHashKey!), `SplitShard ${h.id} at ${why.splitAtHashKey} requested; the stream is UPDATING`).then(() => q.refresh())}
                  >
                    Apply the suggested split of {h.id}
                  </button>
                )}
              </article>
            );
          })}
        </>
      }
    </section>
  );
}
