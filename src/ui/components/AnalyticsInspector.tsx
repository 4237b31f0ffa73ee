/**
 * An analytics application: status, KPUs, the engine's counters, actions
 * (start, stop, force stop, snapshot, a fault), its configuration
 * (AnalyticsConfigEditor: parallelism, input, outputs) and the code, each a
 * scenario command (src/ui/analyticsCommands.ts). The SQL is checked as it is typed by the engine's own parser,
 * loaded on first use so it stays out of the first page.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useApp } from '../store/store';
import { formatDuration, formatInt } from '../format';
import { WindowView } from './WindowView';
import type { SqlProblem } from './SqlEditor';
import { AnalyticsConfigEditor } from './AnalyticsConfigEditor';
import { snapshotApp, startApp, stopApp, updateCode } from '../analyticsCommands';

/** CodeMirror, its SQL mode and the engine's parser: one chunk, loaded when an application is inspected. */
const SqlEditor = lazy(() => import('./SqlEditor'));

export function AnalyticsInspector({ name }: { name: string }) {
  const a = useApp((s) => s.snapshot?.analytics?.find((x) => x.name === name));
  const run = useApp((s) => s.run);
  const now = useApp((s) => s.snapshot?.time ?? 0);
  const [code, setCode] = useState(a?.code ?? '');
  const [problem, setProblem] = useState<SqlProblem>(undefined);
  const codeFromEngine = a?.code;
  useEffect(() => {
    if (codeFromEngine !== undefined) setCode(codeFromEngine);
  }, [codeFromEngine]);
  const dialect = a?.runtime === 'SQL-1_0' ? 'sql' : 'flink';
  if (a === undefined) return <p>Application {name} no longer exists.</p>;
  return (
    <section aria-label={`Analytics application ${a.name}`}>
      <h2>{a.name}</h2>
      <p>
        {a.runtime === 'SQL-1_0' ? 'Kinesis Data Analytics for SQL (retired: no new applications from 2025-10-15, deleted from 2026-01-27)' : `Managed Service for Apache Flink, ${a.runtime}`}
      </p>
      <dl className="facts">
        <dt>Status</dt><dd>{a.status}</dd>
        <dt>Version</dt><dd>{a.versionId}</dd>
        <dt>KPUs</dt><dd>{a.kpus}</dd>
        <dt>Input</dt><dd>{formatInt(Math.round(a.inputPerSec))} records/s</dd>
        <dt>MillisBehindLatest</dt><dd>{formatDuration(a.millisBehindLatest)}</dd>
        <dt>Late records dropped</dt><dd>{formatInt(a.late)}</dd>
        <dt>Error rows</dt><dd>{formatInt(a.errors)}</dd>
        <dt>Duplicate rows (replays)</dt><dd>{formatInt(a.duplicates)}</dd>
      </dl>
      <div className="actions">
        <button type="button" disabled={a.status !== 'READY'} onClick={() => void run(startApp(name, a.config?.inputs.map((i) => i.inputId) ?? []))}>Start</button>
        <button type="button" disabled={a.status !== 'RUNNING'} onClick={() => void run(stopApp(name, false))}>Stop</button>
        <button type="button" onClick={() => void run(stopApp(name, true))}>Force stop</button>
        <button type="button" disabled={a.status !== 'RUNNING' || a.runtime === 'SQL-1_0'} onClick={() => void run(snapshotApp(name, `snap-${a.versionId}-${Math.floor(now / 1000)}`))}>Snapshot</button>
        <button type="button" disabled={a.status !== 'RUNNING'} onClick={() => void run({ op: 'analytics.injectFault', args: { ApplicationName: name } })}>Inject a fault</button>
      </div>
      <AnalyticsConfigEditor app={a} />
      <h3>Window view</h3>
      <WindowView app={a} />
      <h3 id={`code-label-${name}`}>{dialect === 'sql' ? 'SQL code' : 'Flink SQL code'}</h3>
      <Suspense fallback={<p className="muted">Loading the SQL editor…</p>}>
        <SqlEditor label={dialect === 'sql' ? 'SQL code' : 'Flink SQL code'} describedBy={`code-err-${name}`} value={code} dialect={dialect} onChange={setCode} onProblem={setProblem} />
      </Suspense>
      <p id={`code-err-${name}`} role="status" className={problem === undefined ? 'muted' : 'error-text'}>
        {problem === undefined ? 'The code parses.' : problem.text}
      </p>
      <button
        type="button"
        disabled={problem !== undefined || code === a.code}
        onClick={() => void run(updateCode(name, a.versionId, code))}
      >
        Update code
      </button>
    </section>
  );
}
