/**
 * Write use per shard over time on one canvas: a row per open shard, a
 * column per simulated second, colour by use (YlOrRd), throttled seconds
 * crossed out so colour is not the only signal.
 */
import { useEffect, useRef } from 'react';
import type { SeriesSnap } from '../../worker/protocol';
import { writeUseColor } from '../colors';
import { shortShardId } from '../format';

const LABEL_W = 44;

export function Heatmap({ series, rows }: { series: SeriesSnap; rows: string[] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const n = series.times.length;
  const height = Math.min(320, Math.max(80, rows.length * 16));
  useEffect(() => {
    const canvas = ref.current;
    if (canvas === null) return;
    const ctx = canvas.getContext('2d');
    if (ctx === null) return;
    const dpr = window.devicePixelRatio || 1;
    const w = canvas.clientWidth;
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, height);
    if (n === 0 || rows.length === 0) return;
    const cw = (w - LABEL_W) / n;
    const rh = height / rows.length;
    const index = new Map(series.shardIds.map((id, i) => [id, i]));
    const style = getComputedStyle(canvas);
    ctx.font = '11px system-ui, sans-serif';
    rows.forEach((id, r) => {
      const i = index.get(id);
      if (rh >= 10) {
        ctx.fillStyle = style.color;
        ctx.fillText(shortShardId(id), 2, r * rh + rh / 2 + 4);
      }
      if (i === undefined) return;
      for (let c = 0; c < n; c++) {
        const use = series.writeUse[i * n + c];
        const x = LABEL_W + c * cw;
        ctx.fillStyle = writeUseColor(use);
        ctx.fillRect(x, r * rh, Math.ceil(cw), Math.ceil(rh));
        if (series.throttled[i * n + c] > 0 && cw >= 3 && rh >= 4) {
          ctx.strokeStyle = '#000';
          ctx.beginPath();
          ctx.moveTo(x, r * rh + rh);
          ctx.lineTo(x + cw, r * rh);
          ctx.stroke();
        }
      }
    });
  }, [series, rows, n, height]);
  // A text summary for screen readers: the hottest shards now.
  const last = n - 1;
  const index = new Map(series.shardIds.map((id, i) => [id, i]));
  const hottest = rows
    .map((id) => ({ id, use: last >= 0 && index.has(id) ? series.writeUse[index.get(id)! * n + last] : 0 }))
    .sort((a, b) => b.use - a.use)
    .slice(0, 3)
    .map((h) => `${h.id} ${Math.round(h.use * 100)}%`)
    .join(', ');
  return (
    <figure className="chart">
      <figcaption>Write use per shard (max of IncomingRecords/1,000 and IncomingBytes/1 MiB), last {n} s; diagonal = throttled</figcaption>
      <canvas ref={ref} style={{ width: '100%', height }} role="img" aria-label={`Heatmap of write use for ${rows.length} shards. Hottest now: ${hottest || 'none'}`} />
    </figure>
  );
}
