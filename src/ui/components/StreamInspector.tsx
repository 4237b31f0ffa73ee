/** A stream: its shards (a keyboard-friendly list), UpdateShardCount, and adding producers and consumers. */
import { useId, useState } from 'react';
import { useApp } from '../store/store';
import { selectStream } from '../store/selectors';
import { formatPercent, formatInt, formatWindow } from '../format';
import { writeUseLabel } from '../colors';
import type { KeyStrategy } from '../../worker/protocol';
import { KEY_STRATEGIES } from './ProducerInspector';
import { AddConsumerForm } from './AddConsumerForm';
import { StreamSettings } from './StreamSettings';
import { updateShardCountHint } from '../views/limitRows';
import { addFirehose, addProducer, updateShardCount } from '../commands';

export function StreamInspector({ name }: { name: string }) {
  const stream = useApp(selectStream(name));
  const run = useApp((s) => s.run);
  const select = useApp((s) => s.select);
  const buckets = useApp((s) => s.snapshot?.buckets);
  const [target, setTarget] = useState('');
  const [producerName, setProducerName] = useState('new-producer');
  const [strategy, setStrategy] = useState<KeyStrategy>('device_id');
  const [rate, setRate] = useState('500');
  const shardCountHintId = useId();
  if (stream === undefined) return <p>Stream {name} no longer exists.</p>;
  const open = stream.shards.filter((s) => s.open);
  return (
    <>
      <h2>Stream {stream.name}</h2>
      <dl className="props">
        <dt>Status</dt>
        <dd>{stream.status}</dd>
        <dt>Capacity mode</dt>
        <dd>{stream.mode}</dd>
        <dt>Retention</dt>
        <dd>{stream.retentionHours} h</dd>
        <dt>Open shards</dt>
        <dd>{stream.openShardCount}</dd>
      </dl>
      <StreamSettings stream={stream} />
      <h3 id="shards-heading">Shards</h3>
      <p className="muted">Write use per second over the {formatWindow(stream.heat)}, from the engine's metrics.</p>
      <ul className="shard-list" aria-labelledby="shards-heading">
        {open.slice(0, 64).map((s) => (
          <li key={s.id}>
            <button type="button" className="linklike" onClick={() => select({ kind: 'shard', stream: stream.name, shardId: s.id })}>
              {s.id}
            </button>{' '}
            <span className={`use-text use-${writeUseLabel(s.writeUse, s.throttledPerSec, s.hot)}`}>
              {formatPercent(s.writeUse)} {writeUseLabel(s.writeUse, s.throttledPerSec, s.hot)}
            </span>
            <span className="muted"> · {formatInt(s.recordsPerSec)} records/s</span>
            {s.throttledPerSec > 0 && <span className="muted"> · {formatInt(s.throttledPerSec)}/s throttled</span>}
          </li>
        ))}
      </ul>
      {open.length > 64 && <p className="muted">and {open.length - 64} more (use the strip in the graph)</p>}
      <form
        className="form-row"
        onSubmit={async (e) => {
          e.preventDefault();
          await run(updateShardCount(stream.name, Number(target)), `UpdateShardCount to ${target} requested`);
        }}
      >
        <label>
          Target shard count <input type="number" inputMode="numeric" value={target} onChange={(e) => setTarget(e.target.value)} min={1} required aria-describedby={shardCountHintId} />
        </label>
        <button type="submit">Update shard count</button>
      </form>
      {/* The 10-a-day rule and its old value 2 come from the engine's constants (UPDATE_SHARD_COUNT_CALLS_HISTORY). */}
      <p className="help" id={shardCountHintId}>
        {updateShardCountHint()}
      </p>
      <h3>Add a producer</h3>
      <form
        className="form-grid"
        onSubmit={async (e) => {
          e.preventDefault();
          await run(
            addProducer({ name: producerName, stream: stream.name, recordsPerSecond: Number(rate), recordBytes: 200, strategy }),
            `Added producer ${producerName}`,
          );
        }}
      >
        <label>
          Name <input value={producerName} onChange={(e) => setProducerName(e.target.value)} />
        </label>
        <label>
          Records/s <input type="number" value={rate} onChange={(e) => setRate(e.target.value)} />
        </label>
        <label>
          Partition key strategy{' '}
          <select value={strategy} onChange={(e) => setStrategy(e.target.value as KeyStrategy)}>
            {KEY_STRATEGIES.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Add producer</button>
      </form>
      <AddConsumerForm stream={stream} />
      <h3>Add a Firehose</h3>
      <button
        type="button"
        onClick={() => void run(addFirehose({ name: `${stream.name}-to-s3`, stream: stream.name, bucket: 'delivery-bucket', bucketExists: (buckets ?? []).some((b) => b.name === 'delivery-bucket'), bufferSizeMiB: 5, bufferIntervalSec: 60 }), 'Added a Firehose delivery stream')}
      >
        Add Firehose to S3
      </button>
    </>
  );
}
