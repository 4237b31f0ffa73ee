/**
 * Fork: keep the run up to now and drop the commands after it. Dropping is
 * only done after a confirmation that says how many commands go.
 */
import { useState } from 'react';

export interface ForkButtonProps {
  /** Commands scheduled after the current time. */
  futureCount: number;
  onFork: () => void;
  disabled?: boolean;
}

export function ForkButton({ futureCount, onFork, disabled }: ForkButtonProps) {
  const [asking, setAsking] = useState(false);
  if (asking) {
    return (
      <div className="fork-confirm" role="alertdialog" aria-label="Confirm fork" aria-describedby="fork-confirm-text">
        <p id="fork-confirm-text">
          Forking here discards {futureCount} later command{futureCount === 1 ? '' : 's'}. Continue?
        </p>
        <button
          type="button"
          className="danger"
          autoFocus
          onClick={() => {
            setAsking(false);
            onFork();
          }}
        >
          Fork and discard
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
    );
  }
  return (
    <button
      type="button"
      disabled={disabled}
      onClick={() => (futureCount > 0 ? setAsking(true) : onFork())}
      title={futureCount > 0 ? `Discards ${futureCount} later commands after asking` : 'Nothing later to discard'}
    >
      Fork from here
    </button>
  );
}
