/**
 * The record inspector: pick a record (a shard's recent records, or the
 * newest with a partition key) and follow it from its producer's partition
 * key through MD5 and the hash line to its shard, to every reader (their
 * positions against its sequence number) and to the S3 object Firehose wrote
 * it into. Everything is shown as text.
 */
import { useState } from 'react';
import { useApp } from '../store/store';
import { openShards } from '../store/selectors';
import { useQuery } from '../useQuery';
import { formatBytes } from '../format';
import type { RecordRef } from '../store/uiSlice';
import type { RecordSummary } from '../../worker/inspectProtocol';

const iso = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 23) + ' UTC';

function RecentRecords({ stream, onPick }: { stream: string; onPick: (r: RecordSummary) => void }) {
  const s = useApp((st) => st.snapshot?.streams.find((x) => x.name === stream));
  const shards = openShards(s);
  const [shardId, setShardId] = useState('');
  const chosen = shardId || shards[0]?.id || '';
  const q = useQuery(chosen ? { type: 'recentRecords', stream, shardId: chosen, limit: 10 } : null, 2000);
  return (
    <div className="recent">
      <label>
        Shard{' '}
        <select value={chosen} onChange={(e) => setShardId(e.target.value)}>
          {shards.map((sh) => (
            <option key={sh.id} value={sh.id}>
              {sh.id}
            </option>
          ))}
        </select>
      </label>
      {q.error && <p role="alert">{`${q.error.type}: ${q.error.message}`}</p>}
      <table className="records" aria-label={`Recent records of ${chosen}`}>
        <thead>
          <tr>
            <th scope="col">SequenceNumber (end)</th>
            <th scope="col">PartitionKey</th>
            <th scope="col">Arrival</th>
            <th scope="col">Size</th>
            <th scope="col">
              <span className="sr-only">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(q.data ?? []).map((r) => (
            <tr key={r.sequenceNumber}>
              <td className="mono">…{r.sequenceNumber.slice(-10)}</td>
              <td className="mono">{r.partitionKey}</td>
              <td>{iso(r.arrival).slice(11)}</td>
              <td>{formatBytes(r.sizeBytes)}</td>
              <td>
                <button type="button" onClick={() => onPick(r)} aria-label={`Follow record ${r.sequenceNumber}`}>
                  Follow
                </button>
              </td>
            </tr>
          ))}
          {q.data !== null && q.data.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                No retained record in this shard yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

function Trace({ ref_ }: { ref_: RecordRef }) {
  const openS3Object = useApp((s) => s.openS3Object);
  const byKey = 'key' in ref_;
  const found = useQuery(byKey ? { type: 'findRecordByKey', stream: ref_.stream, key: ref_.key } : null, 0);
  const target = byKey ? found.data : ref_;
  const trace = useQuery(target ? { type: 'traceRecord', stream: ref_.stream, shardId: target.shardId, sequenceNumber: target.sequenceNumber } : null, 1000);
  if (byKey && found.data === null && found.error === null) return <p>Looking for the newest record with key “{ref_.key}”…</p>;
  if (byKey && found.data === null) return <p role="status">No retained record with partition key “{ref_.key}” among the newest records of its shard.</p>;
  if (trace.error) return <p role="alert">{`${trace.error.type}: ${trace.error.message}`}</p>;
  const t = trace.data;
  if (t === null) return <p>Tracing…</p>;
  const r = t.record;
  return (
    <ol className="trace" aria-label="Record trace">
      <li>
        <h3>1. Producer → PutRecord</h3>
        <dl className="props">
          <dt>PartitionKey</dt>
          <dd className="mono">{r.partitionKey}</dd>
          <dt>ApproximateArrivalTimestamp</dt>
          <dd>{iso(r.arrival)}</dd>
          <dt>Size (data + key)</dt>
          <dd>{formatBytes(r.sizeBytes)}</dd>
          <dt>Data</dt>
          <dd>
            <pre className="object-text small" tabIndex={0} aria-label="Record data">{t.dataPreview}</pre>
          </dd>
        </dl>
      </li>
      <li>
        <h3>2. Hash key → shard</h3>
        <dl className="props">
          <dt>{t.explicitHashKey ? 'ExplicitHashKey' : 'MD5(PartitionKey)'}</dt>
          <dd className="mono">{t.md5Hex ?? 'set by the producer (MD5 skipped)'}</dd>
          <dt>Hash key (decimal)</dt>
          <dd className="mono">{t.hashKey}</dd>
          <dt>ShardId</dt>
          <dd>{r.shardId}</dd>
          <dt>Shard range</dt>
          <dd className="mono">
            {t.shardStart} .. {t.shardEnd}
          </dd>
          <dt>SequenceNumber</dt>
          <dd className="mono">{r.sequenceNumber}</dd>
        </dl>
      </li>
      <li>
        <h3>3. Consumers</h3>
        {t.readers.length === 0 ? (
          <p className="muted">No consumer reads this stream.</p>
        ) : (
          <ul className="readers">
            {t.readers.map((c) => (
              <li key={c.id}>
                <strong>{c.name}</strong> <span className="badge">{c.kind}</span>{' '}
                <span className={`state state-${c.state}`}>{c.state === 'read' ? '✔ read' : c.state === 'pending' ? `… not yet read${c.behindBy !== undefined ? ` (${c.behindBy.toLocaleString('en-US')} records behind)` : ''}` : '– not reading this shard'}</span>
                <div className="mono muted">{c.position}</div>
              </li>
            ))}
          </ul>
        )}
      </li>
      <li>
        <h3>4. Firehose → S3</h3>
        {t.firehoses.length === 0 ? (
          <p className="muted">No Firehose delivery stream reads this stream.</p>
        ) : (
          <ul className="readers">
            {t.firehoses.map((f) => (
              <li key={f.name}>
                <strong>{f.name}</strong> <span className={`state state-${f.state}`}>{f.state}</span>
                <div>{f.note}</div>
                {f.bucket && f.key && (
                  <button type="button" onClick={() => openS3Object(f.bucket!, f.key!)}>
                    Open the S3 object
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </li>
    </ol>
  );
}

export default function RecordView() {
  const stream = useApp((s) => s.snapshot?.streams[0]?.name);
  const ref_ = useApp((s) => s.recordRef);
  const follow = useApp((s) => s.followRecord);
  const [key, setKey] = useState('');
  if (stream === undefined) return <p>No stream yet.</p>;
  return (
    <section aria-labelledby="record-title" className="record-view">
      <h2 id="record-title">Record inspector</h2>
      <div className="record-cols">
        <div>
          <form
            className="form-row"
            onSubmit={(e) => {
              e.preventDefault();
              if (key.length > 0) follow({ stream, key: key.slice(0, 256) });
            }}
          >
            <label>
              Partition key to follow <input value={key} onChange={(e) => setKey(e.target.value)} placeholder="e.g. INFO" spellCheck={false} />
            </label>
            <button type="submit">Follow newest record</button>
          </form>
          <h3>Or pick a recent record</h3>
          <RecentRecords stream={stream} onPick={(r) => follow({ stream: r.stream, shardId: r.shardId, sequenceNumber: r.sequenceNumber })} />
        </div>
        <div>{ref_ === null ? <p className="muted">Choose a record to follow it from its producer to its shard, its consumers and S3.</p> : <Trace ref_={ref_} />}</div>
      </div>
    </section>
  );
}
