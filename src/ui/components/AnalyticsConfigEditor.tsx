/**
 * Everything else the API edits on an analytics application, each edit one
 * scenario command (src/ui/analyticsCommands.ts): a Flink application's
 * ParallelismConfiguration and snapshots, a SQL application's input (add one,
 * change its InputParallelism) and its outputs (add up to three, delete).
 * The version id each request carries is the one the snapshot shows, so a
 * stale form is refused by the engine as AWS would (ConcurrentModificationException).
 */
import { useEffect, useState } from 'react';
import { useApp } from '../store/store';
import type { AnalyticsSnap } from '../../worker/protocol';
import { addInput, addOutput, deleteOutput, parseColumns, updateInputParallelism, updateParallelism, updateSnapshots, type DestinationKind } from '../analyticsCommands';

export function AnalyticsConfigEditor({ app }: { app: AnalyticsSnap }) {
  const cfg = app.config;
  if (cfg === undefined) return null;
  return (
    <>
      {cfg.parallelism !== undefined && <ParallelismForm app={app} />}
      {cfg.readers.length > 0 && (
        <p className="help">
          Sources:{' '}
          {cfg.readers.map((r) => `${r.stream} (${r.reader === 'EFO' ? `enhanced fan-out, consumer ${r.consumerName ?? ''}${r.waiting !== undefined ? `: ${r.waiting}` : ''}` : 'GetRecords polling'})`).join(', ')}
        </p>
      )}
      {app.runtime === 'SQL-1_0' && <SqlInputs app={app} />}
      {app.runtime === 'SQL-1_0' && <SqlOutputs app={app} />}
    </>
  );
}

function ParallelismForm({ app }: { app: AnalyticsSnap }) {
  const run = useApp((s) => s.run);
  const p = app.config!.parallelism!;
  const [parallelism, setParallelism] = useState(String(p.parallelism));
  const [perKpu, setPerKpu] = useState(String(p.perKpu));
  const [autoScaling, setAutoScaling] = useState(p.autoScaling);
  useEffect(() => {
    setParallelism(String(p.parallelism));
    setPerKpu(String(p.perKpu));
    setAutoScaling(p.autoScaling);
  }, [p.parallelism, p.perKpu, p.autoScaling]);
  const snapshots = app.config!.snapshotsEnabled;
  return (
    <form
      className="form-grid"
      aria-label="Parallelism"
      onSubmit={(e) => {
        e.preventDefault();
        void run(updateParallelism(app.name, app.versionId, { parallelism: Number(parallelism), perKpu: Number(perKpu), autoScaling }), `Updated ${app.name}: parallelism ${parallelism}, ${perKpu} per KPU`);
      }}
    >
      <h3>Parallelism</h3>
      <p className="help">
        {p.configurationType} configuration; CurrentParallelism {p.current} ({app.kpus} KPUs while running, with the orchestration KPU). A running application restarts (UPDATING) with the new values.
      </p>
      <label>
        Parallelism <input type="number" min={1} value={parallelism} onChange={(e) => setParallelism(e.target.value)} />
      </label>
      <label>
        ParallelismPerKPU <input type="number" min={1} max={8} value={perKpu} onChange={(e) => setPerKpu(e.target.value)} />
      </label>
      <label>
        <input type="checkbox" checked={autoScaling} onChange={(e) => setAutoScaling(e.target.checked)} /> AutoScalingEnabled
      </label>
      <div className="actions">
        <button type="submit">Update parallelism</button>
        <button type="button" onClick={() => void run(updateParallelism(app.name, app.versionId, 'DEFAULT'), `Updated ${app.name}: DEFAULT parallelism`)}>Use DEFAULT</button>
        <button type="button" onClick={() => void run(updateSnapshots(app.name, app.versionId, !snapshots), `Updated ${app.name}: snapshots ${snapshots ? 'off' : 'on'}`)}>
          {snapshots ? 'Turn snapshots off' : 'Turn snapshots on'}
        </button>
      </div>
    </form>
  );
}

function SqlInputs({ app }: { app: AnalyticsSnap }) {
  const run = useApp((s) => s.run);
  const streamSnaps = useApp((s) => s.snapshot?.streams);
  const streams = (streamSnaps ?? []).map((x) => x.name);
  const inputs = app.config!.inputs;
  const [stream, setStream] = useState(streams[0] ?? '');
  const [prefix, setPrefix] = useState('SOURCE_SQL_STREAM');
  const [columns, setColumns] = useState('TICKER VARCHAR(8), PRICE REAL');
  const [count, setCount] = useState('1');
  const [counts, setCounts] = useState<Record<string, string>>({});
  const parsed = parseColumns(columns);
  return (
    <section aria-label="Inputs">
      <h3>Input</h3>
      {inputs.map((i) => (
        <form
          key={i.inputId}
          className="form-grid"
          aria-label={`Input ${i.inputId}`}
          onSubmit={(e) => {
            e.preventDefault();
            void run(updateInputParallelism(app.name, app.versionId, i.inputId, Number(counts[i.inputId] ?? i.parallelism)), `Updated input ${i.inputId}`);
          }}
        >
          <p>
            {i.inputId}: {i.kind === 'kinesis' ? 'stream' : 'delivery stream'} {i.source} into {i.namePrefix}_001{i.parallelism > 1 ? ` .. ${i.namePrefix}_${String(i.parallelism).padStart(3, '0')}` : ''}
          </p>
          <label>
            InputParallelism Count <input type="number" min={1} max={64} value={counts[i.inputId] ?? String(i.parallelism)} onChange={(e) => setCounts({ ...counts, [i.inputId]: e.target.value })} />
          </label>
          <button type="submit">Update input</button>
        </form>
      ))}
      {inputs.length === 0 && (
        <form
          className="form-grid"
          aria-label="Add an input"
          onSubmit={(e) => {
            e.preventDefault();
            if (parsed !== undefined) void run(addInput(app.name, app.versionId, { namePrefix: prefix, stream, columns: parsed, parallelism: Number(count) }), `Added input on ${stream}`);
          }}
        >
          <p className="help">A SQL application has one streaming source; its JSON fields map to columns ($.field).</p>
          <label>
            Source stream{' '}
            <select value={stream} onChange={(e) => setStream(e.target.value)}>
              {streams.map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </label>
          <label>
            NamePrefix <input value={prefix} onChange={(e) => setPrefix(e.target.value)} />
          </label>
          <label>
            Columns (NAME TYPE, ...) <input value={columns} onChange={(e) => setColumns(e.target.value)} />
          </label>
          <label>
            InputParallelism Count <input type="number" min={1} max={64} value={count} onChange={(e) => setCount(e.target.value)} />
          </label>
          {parsed === undefined && <p className="error-text">Write columns as NAME TYPE, separated by commas.</p>}
          <button type="submit" disabled={parsed === undefined || stream === ''}>Add input</button>
        </form>
      )}
    </section>
  );
}

function SqlOutputs({ app }: { app: AnalyticsSnap }) {
  const run = useApp((s) => s.run);
  // Select the snapshot's arrays as they are (a selector that maps would make a new array every render).
  const streamSnaps = useApp((s) => s.snapshot?.streams);
  const firehoseSnaps = useApp((s) => s.snapshot?.firehoses);
  const streams = (streamSnaps ?? []).map((x) => x.name);
  const firehoses = (firehoseSnaps ?? []).map((x) => x.name);
  const outputs = app.config!.outputs;
  const [name, setName] = useState('DESTINATION_SQL_STREAM');
  const [kind, setKind] = useState<DestinationKind>('kinesis');
  const [target, setTarget] = useState('');
  const [format, setFormat] = useState<'JSON' | 'CSV'>('JSON');
  const choices = kind === 'kinesis' ? streams : kind === 'firehose' ? firehoses : [];
  const chosen = kind === 'lambda' ? target : choices.includes(target) ? target : (choices[0] ?? '');
  return (
    <section aria-label="Outputs">
      <h3>Outputs ({outputs.length} of 3)</h3>
      <ul>
        {outputs.map((o) => (
          <li key={o.outputId}>
            {o.outputId}: {o.name} to {o.kind === 'kinesis' ? 'stream' : o.kind === 'firehose' ? 'delivery stream' : 'function'} {o.target} ({o.format}){' '}
            <button type="button" aria-label={`Delete output ${o.outputId}`} onClick={() => void run(deleteOutput(app.name, app.versionId, o.outputId), `Deleted output ${o.outputId}`)}>Delete</button>
          </li>
        ))}
      </ul>
      <form
        className="form-grid"
        aria-label="Add an output"
        onSubmit={(e) => {
          e.preventDefault();
          void run(addOutput(app.name, app.versionId, { streamName: name, kind, target: chosen, format }), `Added output ${name} to ${chosen}`);
        }}
      >
        <label>
          In-application stream <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Destination kind{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as DestinationKind)}>
            <option value="kinesis">Kinesis data stream</option>
            <option value="firehose">Firehose delivery stream</option>
            <option value="lambda">Lambda function</option>
          </select>
        </label>
        {kind === 'lambda' ? (
          <label>
            Function name <input value={target} onChange={(e) => setTarget(e.target.value)} />
          </label>
        ) : (
          <label>
            Destination{' '}
            <select value={chosen} onChange={(e) => setTarget(e.target.value)}>
              {choices.map((n) => <option key={n} value={n}>{n}</option>)}
            </select>
          </label>
        )}
        <label>
          Format{' '}
          <select value={format} onChange={(e) => setFormat(e.target.value as 'JSON' | 'CSV')}>
            <option value="JSON">JSON</option>
            <option value="CSV">CSV</option>
          </select>
        </label>
        <button type="submit" disabled={chosen === '' || outputs.length >= 3}>Add output</button>
      </form>
    </section>
  );
}
