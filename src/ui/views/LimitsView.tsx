/**
 * The Limits tab: every limit the simulator enforces, its value now, its AWS
 * source key, and what older study material may quote instead. Rows come
 * from the engine's constants (limitRows.ts); all text, never HTML.
 */
import { Fragment } from 'react';
import { limitRows, SOURCE_KEYS, type LimitRow } from './limitRows';
import { videoRows } from './videoLimitRows';
import { ModelledErrorsTable } from './ModelledErrorsTable';

// Video Streams and Rekognition rows follow, in the same table (their sources are the video fact keys).
const ROWS = [...limitRows(), ...videoRows()];

export function LimitsView() {
  return (
    <section aria-labelledby="limits-title" className="limits">
      <h2 id="limits-title">Limits the simulator enforces</h2>
      <p className="help">Values as AWS documents them today. Where a value changed over the years, the last column says what older courses and exam guides may still quote.</p>
      <LimitTable rows={ROWS} labelledBy="limits-title" />
      <ModelledErrorsTable />
      <h3>Source keys</h3>
      <dl className="props">
        {SOURCE_KEYS.map((s) => (
          <Fragment key={s.key}>
            <dt>{s.key}</dt>
            <dd>{s.text}</dd>
          </Fragment>
        ))}
        <dt>BC-KV, BC-KVAM, BC-REK, KVS limits</dt>
        <dd>botocore kinesisvideo, kinesis-video-archived-media and rekognition API models; the Kinesis Video Streams quotas page</dd>
      </dl>
    </section>
  );
}

function LimitTable({ rows, labelledBy }: { rows: LimitRow[]; labelledBy: string }) {
  const ROWS = rows;
  return (
      <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
        <table className="limits-table">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Limit</th>
              <th scope="col">Value now</th>
              <th scope="col">Source</th>
              <th scope="col">Older values</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((r) => (
              <tr key={r.id} data-limit={r.id}>
                <td>{r.service}</td>
                <th scope="row">{r.limit}</th>
                <td>{r.value}</td>
                <td>{r.source}</td>
                <td>
                  {r.history.length === 0 ? (
                    <span className="muted">No change recorded</span>
                  ) : (
                    <ul className="limit-history">
                      {r.history.map((h) => (
                        <li key={h}>{h}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
  );
}

export default LimitsView;
