/**
 * Share: builds the link for this scenario at this moment and copies it, with
 * feedback. When the clipboard is not available (or refuses), the link is
 * shown selected in a text field for copying by hand.
 */
import { useState } from 'react';

export interface ShareButtonProps {
  /** The full URL to share, or a message saying why there is none. */
  makeLink: () => Promise<{ ok: true; url: string } | { ok: false; message: string }> | ({ ok: true; url: string } | { ok: false; message: string });
  /** For tests: the clipboard writer (default navigator.clipboard.writeText). */
  writeText?: (text: string) => Promise<void>;
}

type State = { kind: 'idle' } | { kind: 'copied'; url: string } | { kind: 'manual'; url: string } | { kind: 'error'; message: string };

export function ShareButton({ makeLink, writeText }: ShareButtonProps) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const share = async () => {
    const link = await makeLink();
    if (!link.ok) return setState({ kind: 'error', message: link.message });
    const write = writeText ?? (typeof navigator !== 'undefined' && navigator.clipboard ? (t: string) => navigator.clipboard.writeText(t) : undefined);
    try {
      if (write === undefined) throw new Error('no clipboard');
      await write(link.url);
      setState({ kind: 'copied', url: link.url });
    } catch {
      setState({ kind: 'manual', url: link.url });
    }
  };
  return (
    <div className="share">
      <button type="button" onClick={() => void share()}>
        Share link
      </button>
      <span role="status" aria-live="polite">
        {state.kind === 'copied' && `Link copied (${state.url.length.toLocaleString('en-US')} characters).`}
        {state.kind === 'error' && state.message}
      </span>
      {(state.kind === 'copied' || state.kind === 'manual') && (
        <label className="share-url">
          {state.kind === 'manual' ? 'Copy this link: ' : 'Link: '}
          <input readOnly value={state.url} aria-label="Share link" onFocus={(e) => e.currentTarget.select()} autoFocus={state.kind === 'manual'} size={40} />
        </label>
      )}
    </div>
  );
}
