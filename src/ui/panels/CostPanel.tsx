/** The cost meter: what the run would have cost so far at list prices, by line. */
import { useQuery } from '../useQuery';

const usd = (v: number) => `$${v < 1 ? v.toFixed(4) : v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export function CostPanel() {
  const q = useQuery({ type: 'cost' }, 2000);
  const c = q.data;
  if (c === null) return null;
  return (
    <details className="cost-panel">
      <summary>
        Cost so far: <strong>{usd(c.totalUsd)}</strong>
      </summary>
      <dl className="props">
        {c.lines.map(([label, v]) => (
          <div key={label} className="prop-row">
            <dt>{label}</dt>
            <dd>{usd(v)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">{c.note}</p>
    </details>
  );
}
