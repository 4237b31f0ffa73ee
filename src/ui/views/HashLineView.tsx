/**
 * The hash line 0..2^128-1 across the page: open shards as ranges, recent
 * partition keys as marks (taller = more records), and a partition-key box
 * showing the key's MD5 (hex and decimal), its point and its shard.
 */
import { useApp } from '../store/store';
import { openShards, placeKey } from '../store/selectors';
import { writeUseColor } from '../colors';
import { shortShardId } from '../format';

const NONE: never[] = [];
const W = 1000;
const H = 120;
const BAR_Y = 46;
const BAR_H = 34;

export function HashLineView() {
  const stream = useApp((s) => s.snapshot?.streams[0]);
  const marks = useApp((s) => s.snapshot?.keyMarks ?? NONE);
  const key = useApp((s) => s.partitionKey);
  const setKey = useApp((s) => s.setPartitionKey);
  const select = useApp((s) => s.select);
  const follow = useApp((s) => s.followRecord);
  const shards = openShards(stream);
  const placement = placeKey(stream, key);
  const maxW = marks.reduce((m, k) => Math.max(m, k.weight), 0) || 1;
  return (
    <section className="hashline" aria-labelledby="hashline-title">
      <h2 id="hashline-title">Hash key space 0 to 2^128-1</h2>
      <svg viewBox={`0 0 ${W} ${H}`} className="hashline-svg" role="img" aria-label={`Hash line with ${shards.length} open shards and ${marks.length} recent partition keys`}>
        <defs>
          <pattern id="hl-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="6" stroke="currentColor" strokeWidth="2" />
          </pattern>
        </defs>
        {marks.map((m) => {
          const h = 6 + 30 * (m.weight / maxW);
          return <line key={m.key} x1={m.frac * W} x2={m.frac * W} y1={BAR_Y - 2} y2={BAR_Y - 2 - h} className="key-mark" />;
        })}
        {shards.map((s, i) => (
          <g key={s.id} className="hl-shard" onClick={() => select({ kind: 'shard', stream: stream!.name, shardId: s.id })}>
            <title>{`${s.id}: ${s.start} .. ${s.end}`}</title>
            <rect x={s.startFrac * W} y={BAR_Y} width={Math.max(0.5, (s.endFrac - s.startFrac) * W)} height={BAR_H} fill={writeUseColor(s.writeUse)} className={i % 2 ? 'odd' : 'even'} />
            {s.throttledPerSec > 0 && <rect x={s.startFrac * W} y={BAR_Y} width={(s.endFrac - s.startFrac) * W} height={BAR_H} fill="url(#hl-hatch)" className="hatch" />}
            {shards.length <= 32 && (
              <text x={((s.startFrac + s.endFrac) / 2) * W} y={BAR_Y + BAR_H / 2 + 4} textAnchor="middle" className="hl-label" fill={s.writeUse > 0.6 ? '#ffffff' : '#1b1f24'}>
                {shortShardId(s.id)}
              </text>
            )}
          </g>
        ))}
        {placement && (
          <g className="pk-point">
            <line x1={placement.frac * W} x2={placement.frac * W} y1={6} y2={BAR_Y + BAR_H + 6} />
            <polygon points={`${placement.frac * W - 6},${BAR_Y + BAR_H + 16} ${placement.frac * W + 6},${BAR_Y + BAR_H + 16} ${placement.frac * W},${BAR_Y + BAR_H + 6}`} />
          </g>
        )}
        <text x={0} y={H - 2} className="hl-axis">
          0
        </text>
        <text x={W} y={H - 2} textAnchor="end" className="hl-axis">
          2^128-1
        </text>
      </svg>
      <div className="pk-box">
        <label>
          Partition key <input value={key} onChange={(e) => setKey(e.target.value.slice(0, 256))} placeholder="e.g. INFO or device-42" spellCheck={false} />
        </label>
        {placement && (
          <dl className="props" aria-live="polite">
            <dt>MD5 (hex)</dt>
            <dd className="mono">{placement.md5Hex}</dd>
            <dt>Hash key (decimal)</dt>
            <dd className="mono">{placement.decimal}</dd>
            <dt>Position</dt>
            <dd>{(placement.frac * 100).toFixed(2)}% along the line</dd>
            <dt>Shard</dt>
            <dd>{placement.shard?.id ?? 'none (stream not ACTIVE)'}</dd>
          </dl>
        )}
        {placement && stream && (
          <button type="button" onClick={() => follow({ stream: stream.name, key })}>
            Follow the newest record with this key
          </button>
        )}
      </div>
    </section>
  );
}
