/** A producer: rate, record size, partition key strategy and key count; remove it. */
import { useEffect, useState } from 'react';
import { useApp } from '../store/store';
import type { KeyStrategy } from '../../worker/protocol';

export const KEY_STRATEGIES: KeyStrategy[] = ['device_id', 'customer_id', 'transaction_id', 'log_level', 'server_id', 'constant', 'random'];

/** What each strategy teaches, shown beside the choice. */
export const STRATEGY_HELP: Record<KeyStrategy, string> = {
  device_id: 'One key per device: many keys, spread evenly over the shards.',
  customer_id: 'Zipf-skewed customers: a few heavy customers load a few shards.',
  transaction_id: 'A unique key per record: perfect spread, but no per-key ordering.',
  log_level: 'Five values (INFO dominates): MD5 sends all INFO records to one shard, which runs hot.',
  server_id: 'One key per server: even if there are many servers.',
  constant: 'One key for everything: every record lands on one shard.',
  random: 'Random keys: even spread, no grouping.',
};

export function ProducerInspector({ id }: { id: string }) {
  const p = useApp((s) => s.snapshot?.producers.find((x) => x.id === id));
  const run = useApp((s) => s.run);
  const select = useApp((s) => s.select);
  const [rate, setRate] = useState('');
  const [bytes, setBytes] = useState('');
  const [keys, setKeys] = useState('');
  const known = p !== undefined;
  useEffect(() => {
    if (p) {
      setRate(String(p.recordsPerSec));
      setBytes(String(p.recordBytes));
      setKeys(String(p.keyCount));
    }
    // Only when another producer is selected, not on every frame.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, known]);
  if (p === undefined) return <p>This producer no longer exists.</p>;
  return (
    <>
      <h2>Producer {p.name}</h2>
      <p className="muted">
        Writes to {p.stream} with PutRecords: {p.sentPerSec.toLocaleString('en-US')}/s accepted, {p.throttledPerSec.toLocaleString('en-US')}/s
        ProvisionedThroughputExceededException.
      </p>
      <label className="block">
        Partition key strategy{' '}
        <select value={p.keyStrategy} onChange={(e) => void run({ type: 'updateProducer', id: p.id, patch: { keyStrategy: e.target.value as KeyStrategy } })}>
          {KEY_STRATEGIES.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      <p className="help">{STRATEGY_HELP[p.keyStrategy]}</p>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void run({ type: 'updateProducer', id: p.id, patch: { recordsPerSec: Number(rate), recordBytes: Number(bytes), keyCount: Number(keys) } }, `Updated ${p.name}`);
        }}
      >
        <label>
          Records per second <input type="number" value={rate} onChange={(e) => setRate(e.target.value)} />
        </label>
        <label>
          Record size (bytes) <input type="number" value={bytes} onChange={(e) => setBytes(e.target.value)} />
        </label>
        <label>
          Number of keys <input type="number" value={keys} onChange={(e) => setKeys(e.target.value)} />
        </label>
        <button type="submit">Apply</button>
      </form>
      <button
        type="button"
        className="danger"
        onClick={async () => {
          if (await run({ type: 'removeProducer', id: p.id }, `Removed producer ${p.name}`)) select(null);
        }}
      >
        Remove producer
      </button>
    </>
  );
}
