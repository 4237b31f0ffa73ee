/**
 * A shard: its range, lineage and CloudWatch-named numbers; SplitShard at a
 * hash key chosen on the range (the even midpoint by default) and MergeShards
 * with an adjacent open shard.
 */
import { useEffect, useState } from 'react';
import { useApp } from '../store/store';
import { adjacentShards, hashKeyAtFraction, midpointHashKey, selectStream } from '../store/selectors';
import { formatBytes, formatInt, formatPercent, formatWindow } from '../format';
import { writeUseLabel } from '../colors';
import { HashSlice, UseBar } from '../graph/nodes';
import { mergeShards, splitShard } from '../commands';

export function ShardInspector({ stream: streamName, shardId }: { stream: string; shardId: string }) {
  const stream = useApp(selectStream(streamName));
  const run = useApp((s) => s.run);
  const select = useApp((s) => s.select);
  const shard = stream?.shards.find((s) => s.id === shardId);
  const [splitKey, setSplitKey] = useState('');
  const [position, setPosition] = useState(500);
  const [mergeWith, setMergeWith] = useState('');
  const known = shard !== undefined;
  useEffect(() => {
    if (shard) {
      setSplitKey(midpointHashKey(shard));
      setPosition(500);
    }
    // Reset the form only when another shard is selected.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shardId, known]);
  if (stream === undefined || shard === undefined) return <p>Shard {shardId} is no longer in the stream (expired).</p>;
  const adjacent = shard.open ? adjacentShards(stream, shard) : [];
  const mergeTarget = adjacent.find((a) => a.id === mergeWith) ?? adjacent[0];
  const label = writeUseLabel(shard.writeUse, shard.throttledPerSec, shard.hot);
  return (
    <>
      <h2>Shard {shard.id}</h2>
      <HashSlice startFrac={shard.startFrac} endFrac={shard.endFrac} />
      <dl className="props">
        <dt>State</dt>
        <dd>{shard.open ? 'OPEN' : 'CLOSED (readable until its records pass retention)'}</dd>
        <dt>StartingHashKey</dt>
        <dd className="mono">{shard.start}</dd>
        <dt>EndingHashKey</dt>
        <dd className="mono">{shard.end}</dd>
        {shard.parentId && (
          <>
            <dt>ParentShardId</dt>
            <dd>
              <button type="button" className="linklike" onClick={() => select({ kind: 'shard', stream: stream.name, shardId: shard.parentId! })}>
                {shard.parentId}
              </button>
            </dd>
          </>
        )}
        {shard.adjacentParentId && (
          <>
            <dt>AdjacentParentShardId</dt>
            <dd>{shard.adjacentParentId}</dd>
          </>
        )}
        {shard.childIds && (
          <>
            <dt>Child shards</dt>
            <dd>
              {shard.childIds.map((c) => (
                <button key={c} type="button" className="linklike" onClick={() => select({ kind: 'shard', stream: stream.name, shardId: c })}>
                  {c}
                </button>
              ))}
            </dd>
          </>
        )}
        <dt>Window</dt>
        <dd>per second over the {formatWindow(stream.heat)} (the engine's metrics)</dd>
        <dt>IncomingRecords</dt>
        <dd>{formatInt(shard.recordsPerSec)}/s of 1,000/s</dd>
        <dt>IncomingBytes</dt>
        <dd>{formatBytes(shard.bytesPerSec)}/s of 1 MiB/s</dd>
        <dt>WriteProvisionedThroughputExceeded</dt>
        <dd>{formatInt(shard.throttledPerSec)} records/s</dd>
        <dt>Write use</dt>
        <dd>
          {formatPercent(shard.writeUse)} ({label})
        </dd>
      </dl>
      {shard.open && <UseBar use={shard.writeUse} throttled={shard.throttledPerSec} hot={shard.hot} />}
      {shard.open && (
        <form
          className="form-grid"
          aria-label="Split shard"
          onSubmit={async (e) => {
            e.preventDefault();
            await run(splitShard(stream.name, shard.id, splitKey.trim()), `SplitShard ${shard.id} requested; the stream is UPDATING`);
          }}
        >
          <h3>Split this shard</h3>
          <label>
            Split point on the shard's range
            <input
              type="range"
              min={1}
              max={999}
              value={position}
              onChange={(e) => {
                const v = Number(e.target.value);
                setPosition(v);
                setSplitKey(hashKeyAtFraction(shard, v / 1000));
              }}
              aria-valuetext={`${(position / 10).toFixed(1)}% into the range`}
            />
          </label>
          <label>
            NewStartingHashKey <input className="mono" value={splitKey} onChange={(e) => setSplitKey(e.target.value)} spellCheck={false} />
          </label>
          <div className="form-actions">
            <button
              type="button"
              onClick={() => {
                setSplitKey(midpointHashKey(shard));
                setPosition(500);
              }}
            >
              Even midpoint
            </button>
            <button type="submit" className="primary">
              Split shard
            </button>
          </div>
        </form>
      )}
      {shard.open && (
        <form
          className="form-grid"
          aria-label="Merge shards"
          onSubmit={async (e) => {
            e.preventDefault();
            if (mergeTarget === undefined) return;
            await run(mergeShards(stream.name, shard.id, mergeTarget.id), `MergeShards ${shard.id} + ${mergeTarget.id} requested`);
          }}
        >
          <h3>Merge with an adjacent shard</h3>
          {adjacent.length === 0 ? (
            <p className="muted">No adjacent open shard.</p>
          ) : (
            <>
              <label>
                AdjacentShardToMerge{' '}
                <select value={mergeTarget?.id} onChange={(e) => setMergeWith(e.target.value)}>
                  {adjacent.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.id}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit">Merge shards</button>
            </>
          )}
        </form>
      )}
    </>
  );
}
