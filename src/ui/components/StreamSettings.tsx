/**
 * A stream's capacity mode (UpdateStreamMode) and retention period
 * (IncreaseStreamRetentionPeriod / DecreaseStreamRetentionPeriod). The engine
 * checks every edit; a refusal shows its own error text and changes nothing.
 */
import { useEffect, useId, useState } from 'react';
import { useApp } from '../store/store';
import type { StreamSnap } from '../../worker/protocol';
import { kinesisLimits } from '../../engine';
import { retentionHint } from '../views/limitRows';

const { MAX_RETENTION_HOURS, MIN_RETENTION_HOURS } = kinesisLimits;

export function StreamSettings({ stream }: { stream: StreamSnap }) {
  const run = useApp((s) => s.run);
  const [mode, setMode] = useState(stream.mode);
  const [hours, setHours] = useState(String(stream.retentionHours));
  const hintId = useId();
  useEffect(() => {
    setMode(stream.mode);
    setHours(String(stream.retentionHours));
  }, [stream.name, stream.mode, stream.retentionHours]);
  const retention = (op: 'increase' | 'decrease') =>
    void run(
      { op: `kinesis.${op}StreamRetentionPeriod`, args: { StreamName: stream.name, RetentionPeriodHours: Number(hours) } },
      `${op === 'increase' ? 'IncreaseStreamRetentionPeriod' : 'DecreaseStreamRetentionPeriod'} to ${hours} h accepted`,
    );
  return (
    <fieldset>
      <legend>Stream settings</legend>
      <form
        className="form-row"
        onSubmit={(e) => {
          e.preventDefault();
          void run({ op: 'kinesis.updateStreamMode', args: { StreamARN: stream.arn, StreamModeDetails: { StreamMode: mode } } }, `UpdateStreamMode to ${mode} requested`);
        }}
      >
        <label>
          Capacity mode{' '}
          <select value={mode} onChange={(e) => setMode(e.target.value)}>
            <option value="PROVISIONED">PROVISIONED (you manage shards)</option>
            <option value="ON_DEMAND">ON_DEMAND (shards follow traffic)</option>
          </select>
        </label>
        <button type="submit">Update stream mode</button>
      </form>
      <div className="form-row">
        <label>
          Retention period (hours) <input type="number" inputMode="numeric" value={hours} onChange={(e) => setHours(e.target.value)} min={MIN_RETENTION_HOURS} max={MAX_RETENTION_HOURS} aria-describedby={hintId} />
        </label>
        <button type="button" onClick={() => retention('increase')}>
          Increase retention
        </button>
        <button type="button" onClick={() => retention('decrease')}>
          Decrease retention
        </button>
      </div>
      {/* The range and the old 168-hour maximum come from the engine's constants (RETENTION_MAX_HISTORY). */}
      <p className="help" id={hintId}>
        {retentionHint()}
      </p>
    </fieldset>
  );
}
