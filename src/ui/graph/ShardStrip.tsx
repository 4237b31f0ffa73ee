/**
 * Many shards at once: one SVG column per open shard (height and colour by
 * write use, hatched when throttling), so 500 shards stay readable and cheap.
 * Click or use the arrow keys and Enter to open a shard in the inspector.
 */
import { useState, type KeyboardEvent } from 'react';
import type { ShardSnap } from '../../worker/protocol';
import { useApp } from '../store/store';
import { writeUseColor } from '../colors';
import { formatPercent } from '../format';

const W = 616;
const H = 130;

export function ShardStrip({ stream, shards, selectedShard }: { stream: string; shards: ShardSnap[]; selectedShard: string | null }) {
  const select = useApp((s) => s.select);
  const [cursor, setCursor] = useState(0);
  const n = shards.length;
  const bw = W / n;
  // The engine's verdict, carried in the snapshot.
  const hot = shards.filter((s) => s.hot).length;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight') setCursor((c) => Math.min(n - 1, c + 1));
    else if (e.key === 'ArrowLeft') setCursor((c) => Math.max(0, c - 1));
    else if (e.key === 'Enter' || e.key === ' ') select({ kind: 'shard', stream, shardId: shards[cursor].id });
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  const cur = shards[Math.min(cursor, n - 1)];
  return (
    <div className="strip nodrag nopan">
      <svg
        role="img"
        tabIndex={0}
        width={W}
        height={H}
        aria-label={`${n} open shards in a strip, ${hot} hot; arrow keys move, Enter opens. At cursor: ${cur?.id} ${formatPercent(cur?.writeUse ?? 0)}`}
        onKeyDown={onKey}
        onClick={(e) => {
          const x = e.clientX - (e.currentTarget as SVGSVGElement).getBoundingClientRect().left;
          const scale = (e.currentTarget as SVGSVGElement).getBoundingClientRect().width / W;
          const i = Math.min(n - 1, Math.max(0, Math.floor(x / scale / bw)));
          setCursor(i);
          select({ kind: 'shard', stream, shardId: shards[i].id });
        }}
      >
        <defs>
          <pattern id="strip-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="4" stroke="currentColor" strokeWidth="1.5" />
          </pattern>
        </defs>
        <rect x={0} y={0} width={W} height={H} className="strip-bg" />
        {shards.map((s, i) => {
          const h = Math.max(2, Math.min(1, s.writeUse) * (H - 10));
          return (
            <g key={s.id}>
              <rect x={i * bw} y={H - h} width={Math.max(1, bw - (bw > 3 ? 1 : 0))} height={h} fill={writeUseColor(s.writeUse)} />
              {s.throttledPerSec > 0 && <rect x={i * bw} y={H - h} width={Math.max(1, bw)} height={h} fill="url(#strip-hatch)" className="strip-hatch" />}
              {(s.id === selectedShard || i === cursor) && <rect x={i * bw - 1} y={0} width={Math.max(2, bw + 2)} height={H} className="strip-cursor" />}
            </g>
          );
        })}
        <line x1={0} x2={W} y1={H - (H - 10)} y2={H - (H - 10)} className="limit-line" />
      </svg>
      <div className="muted strip-caption">
        {n} shards · {hot} hot · cursor {cur?.id} {formatPercent(cur?.writeUse ?? 0)}
      </div>
    </div>
  );
}
