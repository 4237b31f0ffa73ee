/**
 * Fragments of the last minute as blocks on server time (top) and producer
 * time (bottom): stored fragments, refused ones in red with their reason, the
 * retention cutoff moving along, and the latest acknowledgements as text.
 */
import type { Ack, TimelineBlock } from '../../engine';

const W = 720;
const H = 90;
const WINDOW = 60000;

export function FragmentTimeline({ now, blocks, acks, cutoff }: { now: number; blocks: TimelineBlock[]; acks: Ack[]; cutoff: number }) {
  const x = (t: number) => ((t - (now - WINDOW)) / WINDOW) * W;
  const stored = blocks.filter((b) => b.kind === 'stored').length;
  const refused = blocks.length - stored;
  return (
    <figure className="fragment-timeline">
      <svg width={W} height={H} role="img" aria-label={`Fragments of the last minute: ${stored} stored, ${refused} refused`}>
        <text x={2} y={12} fontSize={10}>
          server time
        </text>
        <text x={2} y={H - 22} fontSize={10}>
          producer time
        </text>
        {blocks.map((b, i) => (
          <g key={i}>
            <rect x={x(b.serverTimestamp)} y={16} width={Math.max(1, (b.durationMs / WINDOW) * W - 1)} height={22} className={b.kind === 'stored' ? 'frag-stored' : 'frag-refused'}>
              <title>{b.kind === 'stored' ? `fragment …${b.label}, ${b.sizeBytes} bytes` : `refused: ${b.reason ?? ''}`}</title>
            </rect>
            <rect x={x(b.producerTimestamp)} y={H - 18} width={Math.max(1, (b.durationMs / WINDOW) * W - 1)} height={10} className={b.kind === 'stored' ? 'frag-stored' : 'frag-refused'} />
          </g>
        ))}
        {cutoff > now - WINDOW && <line x1={x(cutoff)} x2={x(cutoff)} y1={10} y2={H} className="frag-cutoff" />}
      </svg>
      <figcaption>
        Last acknowledgements:{' '}
        {acks.length === 0
          ? 'none'
          : acks
              .slice(-6)
              .map((a) => `${a.AckEventType}${a.ErrorId !== undefined ? ` ${a.ErrorId}` : a.Reason !== undefined ? ` ${a.Reason}` : ''}${a.FragmentNumber !== undefined ? ` …${a.FragmentNumber.slice(-4)}` : ''}`)
              .join(', ')}
      </figcaption>
    </figure>
  );
}
