/**
 * Lines over simulated time with d3 scales: one per series (the busiest few
 * named at their end), an optional limit line, optional event markers.
 */
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

export interface Line {
  id: string;
  label: string;
  values: Float32Array | number[];
  /**
   * Moments between samples the line must pass through (a Firehose flush: up
   * to the fill it reached, then down to what stayed), so the chart never
   * hides what happened between two once-a-second samples.
   */
  drops?: Array<{ time: number; from: number; to: number }>;
}

/** The points a line draws: its samples, with each drop's two points placed in time order (before the sample at the same moment, which is the state after it). */
export function linePoints(times: ArrayLike<number>, values: ArrayLike<number>, drops: ReadonlyArray<{ time: number; from: number; to: number }> = []): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const first = times.length > 0 ? times[0] : Infinity, last = times.length > 0 ? times[times.length - 1] : -Infinity;
  const d = drops.filter((x) => x.time >= first && x.time <= last).sort((a, b) => a.time - b.time);
  let j = 0;
  for (let i = 0; i < times.length; i++) {
    while (j < d.length && d[j].time <= times[i]) {
      out.push([d[j].time, d[j].from], [d[j].time, d[j].to]);
      j++;
    }
    out.push([times[i], values[i]]);
  }
  return out;
}

const W = 560;
const H = 180;
const M = { top: 10, right: 70, bottom: 22, left: 56 };
const DASHES = ['', '6 3', '2 3', '10 3 2 3', '1 2', '12 4'];
const COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

export function LineChart({
  title,
  times,
  lines,
  limit,
  limitLabel,
  markers,
  format = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 0 }),
  maxLines = 6,
}: {
  title: string;
  times: Float64Array;
  lines: Line[];
  limit?: number;
  limitLabel?: string;
  markers?: number[];
  format?: (v: number) => string;
  maxLines?: number;
}) {
  const n = times.length;
  const peak = (l: Line) => {
    let m = 0;
    for (let i = 0; i < l.values.length; i++) if (l.values[i] > m) m = l.values[i];
    for (const d of l.drops ?? []) if (d.time >= times[0] && d.time <= times[n - 1] && d.from > m) m = d.from;
    return m;
  };
  const ranked = lines.map((l) => ({ l, p: peak(l) })).sort((a, b) => b.p - a.p).slice(0, maxLines);
  const ymax = Math.max(limit ?? 0, ...ranked.map((r) => r.p), 1) * 1.1;
  const x = scaleLinear().domain([times[0] ?? 0, times[n - 1] ?? 1]).range([M.left, W - M.right]);
  const y = scaleLinear().domain([0, ymax]).range([H - M.bottom, M.top]).nice();
  const path = line<[number, number]>()
    .x((p) => x(p[0]))
    .y((p) => y(p[1]));
  // Labels that round to the same text (an all-zero axis in seconds: "0 s" four times) are shown once.
  const ticks = dedupeTicks(y.ticks(4), format);
  // End labels spread apart so they never overlap each other (nor the limit label).
  const labelY = spreadLabels(
    ranked.map((r) => (n > 0 ? y(r.l.values[n - 1]) + 4 : H - M.bottom)),
    limit !== undefined ? y(limit) + 4 : undefined,
    M.top + 8,
    H - 2,
  );
  const summary = ranked.map((r) => `${r.l.label} peak ${format(r.p)}`).join('; ');
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}. ${summary || 'no data yet'}`}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="grid" />
            <text x={M.left - 4} y={y(t) + 4} textAnchor="end" className="axis">
              {format(t)}
            </text>
          </g>
        ))}
        {n > 1 && (
          <>
            <text x={M.left} y={H - 4} className="axis">
              {new Date(times[0]).toISOString().slice(11, 19)}
            </text>
            <text x={W - M.right} y={H - 4} textAnchor="end" className="axis">
              {new Date(times[n - 1]).toISOString().slice(11, 19)} UTC
            </text>
          </>
        )}
        {(markers ?? []).filter((t) => n > 1 && t >= times[0] && t <= times[n - 1]).map((t) => (
          <line key={t} x1={x(t)} x2={x(t)} y1={M.top} y2={H - M.bottom} className="marker" />
        ))}
        {limit !== undefined && (
          <g>
            <line x1={M.left} x2={W - M.right} y1={y(limit)} y2={y(limit)} className="limit-line" />
            <text x={W - M.right + 4} y={y(limit) + 4} className="axis">
              {limitLabel ?? 'limit'}
            </text>
          </g>
        )}
        {n > 1 &&
          ranked.map(({ l }, k) => {
            return (
              <g key={l.id}>
                <path d={path(linePoints(times, l.values, l.drops)) ?? ''} fill="none" stroke={COLORS[k % COLORS.length]} strokeDasharray={DASHES[k % DASHES.length]} strokeWidth={1.8} />
                <text x={W - M.right + 4} y={labelY[k]} className="axis line-label" fill={COLORS[k % COLORS.length]}>
                  {l.label}
                </text>
              </g>
            );
          })}
      </svg>
    </figure>
  );
}

/** Ticks whose formatted labels repeat the previous one are dropped (keeps 0 and the distinct ones). */
export function dedupeTicks(ticks: number[], format: (v: number) => string): number[] {
  const out: number[] = [];
  let last: string | undefined;
  for (const t of ticks) {
    const label = format(t);
    if (label !== last) out.push(t);
    last = label;
  }
  return out;
}

/** Label baselines at least LABEL_GAP apart, as close to their wanted positions as the range allows; `avoid` is a fixed label's baseline. */
export const LABEL_GAP = 11;
export function spreadLabels(wanted: number[], avoid: number | undefined, lo: number, hi: number): number[] {
  const order = wanted.map((w, i) => ({ w: Math.min(hi, Math.max(lo, w)), i })).sort((a, b) => a.w - b.w);
  const fixed = avoid === undefined ? [] : [avoid];
  const placed: number[] = new Array(wanted.length);
  let prev = -Infinity;
  for (const o of order) {
    let v = Math.max(o.w, prev + LABEL_GAP);
    for (const f of fixed) if (Math.abs(v - f) < LABEL_GAP) v = f + LABEL_GAP;
    placed[o.i] = v;
    prev = v;
  }
  // Pushed past the bottom: shift the whole run up.
  const over = Math.max(0, ...placed.map((v) => v - hi));
  return over > 0 ? placed.map((v) => Math.max(lo, v - over)) : placed;
}
