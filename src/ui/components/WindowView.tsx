/**
 * The window view: records as dots on a time axis, one row per key, the
 * windows the query defines drawn as bands, the watermark as a line (Flink),
 * late records marked with a cross, and each fired window's output row. Legacy
 * SQL windows run on ROWTIME, Flink windows on event time: the axis follows.
 * Every figure comes from the engine's snapshot; nothing is recomputed here.
 */
import type { AnalyticsSnap } from '../../worker/protocol';
import { formatInt } from '../format';

const W = 560;
const ROW_H = 22;
const LEFT = 90;
const MAX_KEYS = 8;

const clock = (ms: number) => new Date(ms).toISOString().slice(11, 19);

export function WindowView({ app }: { app: AnalyticsSnap }) {
  const sql = app.runtime === 'SQL-1_0';
  const t = (r: { eventTs: number; rowtime: number }) => (sql ? r.rowtime : r.eventTs);
  const recs = app.records;
  const keys: string[] = [];
  for (let i = recs.length - 1; i >= 0 && keys.length < MAX_KEYS; i--) if (!keys.includes(recs[i].key)) keys.push(recs[i].key);
  keys.sort();
  const times = [...recs.map(t), ...app.windows.flatMap((w) => [w.start, w.end])];
  if (app.watermark !== null) times.push(app.watermark);
  if (times.length === 0) return <p className="muted">No records read yet: the window view fills as the application reads.</p>;
  const hi = Math.max(...times);
  const lo = Math.max(Math.min(...times), hi - 5 * Math.max(60000, app.windowMs));
  const span = Math.max(1, hi - lo);
  const x = (ms: number) => LEFT + ((Math.min(hi, Math.max(lo, ms)) - lo) / span) * (W - LEFT - 10);
  const height = keys.length * ROW_H + 30;
  const row = (k: string) => keys.indexOf(k);
  const late = recs.filter((r) => r.late).length;
  const summary = `${app.queryKind} windows on ${sql ? 'ROWTIME' : 'event time'}: ${recs.length} records over ${keys.length} keys, ${app.windows.length} windows fired, ${late} late records shown${app.watermark !== null ? `, watermark at ${clock(app.watermark)}` : ''}.`;
  return (
    <div className="window-view">
      <svg width="100%" viewBox={`0 0 ${W} ${height}`} role="img" aria-label={summary}>
        {keys.map((k, i) => (
          <g key={k}>
            <text x={4} y={i * ROW_H + 15} className="wv-key">{k === '' ? '(all)' : k.slice(0, 12)}</text>
            <line x1={LEFT} x2={W - 10} y1={i * ROW_H + 11} y2={i * ROW_H + 11} className="wv-row" />
          </g>
        ))}
        {app.windows.filter((w) => row(w.key) >= 0 || keys.length === 0).map((w, i) => (
          <rect key={`w${i}`} x={x(w.start)} width={Math.max(1, x(w.end) - x(w.start))} y={Math.max(0, row(w.key)) * ROW_H + 2} height={ROW_H - 4} className="wv-window">
            <title>{`${clock(w.start)}–${clock(w.end)} fired ${clock(w.firedAt)}: ${JSON.stringify(w.row)}`}</title>
          </rect>
        ))}
        {recs.filter((r) => row(r.key) >= 0).map((r, i) =>
          r.late ? (
            <text key={i} x={x(t(r)) - 4} y={row(r.key) * ROW_H + 15} className="wv-late">×</text>
          ) : (
            <circle key={i} cx={x(t(r))} cy={row(r.key) * ROW_H + 11} r={2.5} className="wv-dot" />
          ),
        )}
        {app.watermark !== null && <line x1={x(app.watermark)} x2={x(app.watermark)} y1={0} y2={height - 24} className="wv-watermark" />}
        <text x={LEFT} y={height - 6} className="wv-axis">{clock(lo)}</text>
        <text x={W - 70} y={height - 6} className="wv-axis">{clock(hi)}</text>
      </svg>
      <p className="muted">
        Dots: records at their {sql ? 'ROWTIME' : 'event time'}; bands: fired windows; × late (dropped){app.watermark !== null ? '; line: watermark' : ''}. Late {formatInt(app.late)}, errors {formatInt(app.errors)}.
      </p>
      <table className="wv-output">
        <caption>Latest output rows</caption>
        <thead>
          <tr><th scope="col">window</th><th scope="col">row</th></tr>
        </thead>
        <tbody>
          {app.windows.slice(-8).map((w, i) => (
            <tr key={i}><td>{`${clock(w.start)}–${clock(w.end)}`}</td><td>{JSON.stringify(w.row)}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
