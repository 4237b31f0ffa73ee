/**
 * The inspector: the selected node's parameters and actions. Every action is
 * a command to the engine; a refusal shows the engine's own error text.
 */
import { useApp } from '../store/store';
import { ShardInspector } from './ShardInspector';
import { StreamInspector } from './StreamInspector';
import { ProducerInspector } from './ProducerInspector';
import { formatDuration, formatInt } from '../format';

function ConsumerInspector({ id }: { id: string }) {
  const c = useApp((s) => s.snapshot?.consumers.find((x) => x.id === id));
  const run = useApp((s) => s.run);
  const select = useApp((s) => s.select);
  if (c === undefined) return <p>This consumer no longer exists.</p>;
  return (
    <>
      <h2>Consumer {c.name}</h2>
      <dl className="props">
        <dt>Kind</dt>
        <dd>{c.kind}</dd>
        <dt>Stream</dt>
        <dd>{c.stream}</dd>
        <dt>GetRecords.Records</dt>
        <dd>{formatInt(c.recordsPerSec)}/s</dd>
        <dt>GetRecords.IteratorAgeMilliseconds</dt>
        <dd>{formatDuration(c.iteratorAgeMs)}</dd>
      </dl>
      <button
        type="button"
        className="danger"
        onClick={async () => {
          if (await run({ type: 'removeConsumer', id: c.id }, `Removed consumer ${c.name}`)) select(null);
        }}
      >
        Remove consumer
      </button>
    </>
  );
}

export function Inspector() {
  const selected = useApp((s) => s.selected);
  const firstStream = useApp((s) => s.snapshot?.streams[0]?.name);
  let body;
  if (selected === null || selected.kind === 'stream') {
    const name = selected?.kind === 'stream' ? selected.stream : firstStream;
    body = name === undefined ? <p>Loading the simulation…</p> : <StreamInspector name={name} />;
  } else if (selected.kind === 'shard') body = <ShardInspector stream={selected.stream} shardId={selected.shardId} />;
  else if (selected.kind === 'producer') body = <ProducerInspector id={selected.id} />;
  else if (selected.kind === 'consumer') body = <ConsumerInspector id={selected.id} />;
  else body = <p>{selected.kind === 'firehose' ? `Firehose ${selected.name}` : `Bucket ${selected.name}`}</p>;
  return (
    <aside className="inspector" aria-label="Inspector">
      {body}
    </aside>
  );
}
