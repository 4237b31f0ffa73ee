/**
 * A consumer: its settings as the engine holds them (polling Limit and
 * interval, KCL workers and leases, the EFO consumer ARN, a Lambda mapping's
 * BatchSize, window, ParallelizationFactor, bisect, retries and on-failure
 * destination), its processing rate, KCL workers to add or kill, removal.
 */
import { useState } from 'react';
import { useApp } from '../store/store';
import { useQuery } from '../useQuery';
import { formatDuration, formatInt } from '../format';
import { removeConsumer } from '../commands';

export function ConsumerInspector({ id }: { id: string }) {
  const c = useApp((s) => s.snapshot?.consumers.find((x) => x.id === id));
  const run = useApp((s) => s.run);
  const select = useApp((s) => s.select);
  const d = useQuery({ type: 'consumerDetail', id }, 1000);
  const [rate, setRate] = useState('');
  if (c === undefined) return <p>This consumer no longer exists.</p>;
  const detail = d.data;
  const update = (args: Record<string, unknown>, done: string) => void run({ op: 'traffic.updateConsumer', args: { id: c.id, ...args } }, done).then(() => d.refresh());
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
        {(detail?.settings ?? []).map(([k, v]) => (
          <div key={k} className="prop-row" style={{ display: 'contents' }}>
            <dt>{k}</dt>
            <dd className="mono">{v}</dd>
          </div>
        ))}
      </dl>
      {detail?.workers && (
        <fieldset>
          <legend>KCL workers</legend>
          <ul aria-label="Workers">
            {detail.workers.map((w) => (
              <li key={w.id}>
                {w.id}: {w.leases} lease{w.leases === 1 ? '' : 's'}{' '}
                <button type="button" onClick={() => update({ killWorkers: [w.id] }, `Killed ${w.id}: its leases fail over after failoverTimeMillis`)} aria-label={`Kill worker ${w.id}`}>
                  Kill
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => update({ addWorkers: 1 }, 'Started a KCL worker')}>
            Add a worker
          </button>
          {detail.leases && (
            <table className="records" aria-label="Lease table">
              <thead>
                <tr>
                  <th scope="col">leaseKey</th>
                  <th scope="col">leaseOwner</th>
                  <th scope="col">checkpoint</th>
                </tr>
              </thead>
              <tbody>
                {detail.leases.map((l) => (
                  <tr key={l.leaseKey}>
                    <td>{l.leaseKey}</td>
                    <td>{l.owner ?? '(none)'}</td>
                    <td className="mono">{l.checkpoint.length > 20 ? '…' + l.checkpoint.slice(-12) : l.checkpoint}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </fieldset>
      )}
      {(c.kind === 'polling' || c.kind === 'kcl' || c.kind === 'pollingConsumer' || c.kind === 'kclApplication') && (
        <form
          className="form-row"
          onSubmit={(e) => {
            e.preventDefault();
            update({ maxRecordsPerSecond: Number(rate) }, `Processing capped at ${rate} records/s`);
          }}
        >
          <label>
            Processing capacity (records/s) <input type="number" value={rate} onChange={(e) => setRate(e.target.value)} min={0} />
          </label>
          <button type="submit">Set</button>
        </form>
      )}
      <button
        type="button"
        className="danger"
        onClick={async () => {
          if (await run(removeConsumer(c.id), `Removed consumer ${c.name}`)) select(null);
        }}
      >
        Remove consumer
      </button>
    </>
  );
}
