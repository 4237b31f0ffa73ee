/**
 * The timeline under the graph: drag (or use the arrow keys) to any moment of
 * the run; markers show the scenario's commands. Seeking back replays the
 * scenario deterministically, so the world is exactly as it was.
 */
import { useEffect, useState } from 'react';

export interface TimelineCommand {
  at: number;
  op: string;
  note?: string;
}

export interface TimelineScrubberProps {
  /** Milliseconds since the scenario's start, now. */
  nowMs: number;
  /** The right end of the timeline (at least now and the last command). */
  endMs: number;
  commands: readonly TimelineCommand[];
  /** Called when the user lets go at a moment (not on every pixel of a drag). */
  onSeek: (offsetMs: number) => void;
  disabled?: boolean;
}

/** "1 h 02 min 05 s" style offset, for labels. */
export function formatOffset(ms: number): string {
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const parts = [];
  if (d > 0) parts.push(`${d} d`);
  if (d > 0 || h > 0) parts.push(`${h} h`);
  parts.push(`${String(m).padStart(d > 0 || h > 0 ? 2 : 1, '0')} min`);
  parts.push(`${String(sec).padStart(2, '0')} s`);
  return parts.join(' ');
}

export function TimelineScrubber({ nowMs, endMs, commands, onSeek, disabled }: TimelineScrubberProps) {
  const [dragMs, setDragMs] = useState<number | null>(null);
  const end = Math.max(1000, endMs, nowMs, ...commands.map((c) => c.at));
  const shown = dragMs ?? nowMs;
  useEffect(() => {
    if (disabled) setDragMs(null);
  }, [disabled]);
  const commit = () => {
    if (dragMs !== null) {
      onSeek(dragMs);
      setDragMs(null);
    }
  };
  return (
    <div className="timeline" role="group" aria-label="Timeline">
      <label className="timeline-label" htmlFor="timeline-range">
        Time since start: <output aria-live="off">{formatOffset(shown)}</output>
      </label>
      <div className="timeline-track" style={{ position: 'relative' }}>
        <input
          id="timeline-range"
          type="range"
          min={0}
          max={end}
          step={1000}
          value={Math.min(shown, end)}
          disabled={disabled}
          aria-valuetext={formatOffset(shown)}
          onChange={(e) => setDragMs(Number(e.target.value))}
          onPointerUp={commit}
          onKeyUp={commit}
          onBlur={commit}
          style={{ width: '100%' }}
        />
        <ol className="timeline-marks" aria-label="Commands" style={{ listStyle: 'none', margin: 0, padding: 0, position: 'relative', height: '1.2em' }}>
          {commands.map((c, i) => (
            <li
              key={i}
              title={`${formatOffset(c.at)}: ${c.op}${c.note ? ` (${c.note})` : ''}`}
              style={{ position: 'absolute', left: `${(100 * c.at) / end}%`, transform: 'translateX(-50%)' }}
            >
              <button type="button" className="timeline-mark" aria-label={`Go to ${formatOffset(c.at)}: ${c.op}`} disabled={disabled} onClick={() => onSeek(c.at)}>
                {c.at <= nowMs ? '◆' : '◇'}
              </button>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
