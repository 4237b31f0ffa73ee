/** Playback controls and the simulated clock (UTC). */
import { useState } from 'react';
import { useApp } from '../store/store';
import { JUMPS } from '../store/playbackSlice';
import { formatSimTime } from '../store/selectors';
import { SPEEDS } from '../../worker/playLoop';

export function Toolbar() {
  const playing = useApp((s) => s.playing);
  const speed = useApp((s) => s.speed);
  const seed = useApp((s) => s.seed);
  const time = useApp((s) => s.snapshot?.time ?? null);
  const effective = useApp((s) => s.snapshot?.effectiveSpeed ?? 0);
  const togglePlay = useApp((s) => s.togglePlay);
  const step = useApp((s) => s.step);
  const setSpeed = useApp((s) => s.setSpeed);
  const jump = useApp((s) => s.jump);
  const reset = useApp((s) => s.reset);
  const [seedText, setSeedText] = useState(seed);
  const lagging = playing && effective > 0 && effective < speed * 0.8;
  return (
    <div className="toolbar" role="toolbar" aria-label="Playback">
      <button type="button" className="primary" onClick={togglePlay} aria-pressed={playing}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={step} title="Advance one simulated second">
        Step 1 s
      </button>
      <label>
        Speed{' '}
        <select value={speed} onChange={(e) => void setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s.toLocaleString('en-US')}x
            </option>
          ))}
        </select>
      </label>
      {JUMPS.map((j) => (
        <button type="button" key={j.label} onClick={() => jump(j.ms)} aria-label={`Jump ahead ${j.label.slice(1)}`}>
          {j.label}
        </button>
      ))}
      <form
        className="seed-form"
        onSubmit={(e) => {
          e.preventDefault();
          reset(seedText.trim() || '1');
        }}
      >
        <label>
          Seed <input value={seedText} onChange={(e) => setSeedText(e.target.value.slice(0, 64))} size={6} />
        </label>
        <button type="submit">Reset</button>
      </form>
      <output className="clock" aria-label="Simulated time" aria-live="off">
        {time === null ? 'starting…' : formatSimTime(time)}
      </output>
      {lagging && (
        <span className="muted" role="status">
          running at {Math.round(effective).toLocaleString('en-US')}x (engine at capacity)
        </span>
      )}
    </div>
  );
}
