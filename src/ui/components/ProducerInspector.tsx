/**
 * A producer: rate, record size, the engine's partition key strategies (each
 * with the one-line lesson it teaches), the record template (the built-in
 * ones or Kinesis Data Generator text), and removal.
 */
import { useEffect, useState } from 'react';
import { useApp } from '../store/store';
import { useQuery } from '../useQuery';
import { KEY_STRATEGY_PRESETS, type KeyStrategyName } from '../../engine';
import { keysOf, removeProducer, updateProducer } from '../commands';

/** The engine's strategies, in the order it offers them. */
export const KEY_STRATEGIES = KEY_STRATEGY_PRESETS.map((p) => p.name);

/** What each strategy teaches: the engine's own lesson. */
export const STRATEGY_HELP: Record<string, string> = Object.fromEntries(KEY_STRATEGY_PRESETS.map((p) => [p.name, p.lesson]));

/** Built-in record templates (src/engine/traffic/producers/templates.ts BUILTIN_TEMPLATES). */
export const TEMPLATES = ['iot', 'clickstream', 'trades', 'logs', 'tweets'] as const;

export function ProducerInspector({ id }: { id: string }) {
  const p = useApp((s) => s.snapshot?.producers.find((x) => x.id === id));
  const run = useApp((s) => s.run);
  const select = useApp((s) => s.select);
  const detail = useQuery({ type: 'producerDetail', id }, 0);
  const [rate, setRate] = useState('');
  const [bytes, setBytes] = useState('');
  const [keys, setKeys] = useState('');
  const [custom, setCustom] = useState('');
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
  const config = detail.data?.config;
  const template = config?.record?.template ?? 'iot';
  const isBuiltin = (TEMPLATES as readonly string[]).includes(template);
  const setTemplate = async (t: string) => {
    // updateProducer replaces whole fields: keep the record size when changing the template.
    if (await run(updateProducer(p.id, { record: { ...(config?.record ?? {}), template: t } }), `Template of ${p.name} changed`)) detail.refresh();
  };
  return (
    <>
      <h2>Producer {p.name}</h2>
      <p className="muted">
        Writes to {p.stream} with {config?.writePath ?? 'PutRecords'} ({detail.data?.mode ?? '…'} mode): {p.sentPerSec.toLocaleString('en-US')}/s accepted, {p.throttledPerSec.toLocaleString('en-US')}/s
        ProvisionedThroughputExceededException.
      </p>
      <label className="block">
        Partition key strategy{' '}
        <select
          value={p.keyStrategy}
          onChange={async (e) => {
            if (await run(updateProducer(p.id, { keys: keysOf(e.target.value as KeyStrategyName) }))) detail.refresh();
          }}
        >
          {KEY_STRATEGY_PRESETS.map((k) => (
            <option key={k.name} value={k.name}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      <p className="help">{STRATEGY_HELP[p.keyStrategy]}</p>
      <label className="block">
        Record template{' '}
        <select value={isBuiltin ? template : 'custom'} onChange={(e) => (e.target.value === 'custom' ? setCustom(template) : void setTemplate(e.target.value))}>
          {TEMPLATES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
          <option value="custom">custom (Kinesis Data Generator text)</option>
        </select>
      </label>
      {!isBuiltin && <pre className="object-text small" tabIndex={0} aria-label="Template text">{template}</pre>}
      <form
        className="form-grid"
        aria-label="Custom template"
        onSubmit={(e) => {
          e.preventDefault();
          if (custom.trim() !== '') void setTemplate(custom);
        }}
      >
        <label>
          Template text <textarea rows={2} value={custom} onChange={(e) => setCustom(e.target.value.slice(0, 2000))} placeholder='{"sensor":"{{key}}","temp":{{random.number(40)}}}' spellCheck={false} />
        </label>
        <button type="submit">Use this template</button>
      </form>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          // Whole fields replace the producer's: keep the rest of its keys and record settings.
          void run(
            updateProducer(p.id, {
              rate: { kind: 'constant', recordsPerSecond: Number(rate) },
              record: { ...(config?.record ?? {}), sizeBytes: Number(bytes) },
              keys: { ...(config?.keys ?? { name: p.keyStrategy }), count: Number(keys) },
            }),
            `Updated ${p.name}`,
          );
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
          if (await run(removeProducer(p.id), `Removed producer ${p.name}`)) select(null);
        }}
      >
        Remove producer
      </button>
    </>
  );
}
