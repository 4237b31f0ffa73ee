/** The last engine error or notice, as text (never HTML), dismissible. */
import { useApp } from '../store/store';

export function MessageBar() {
  const message = useApp((s) => s.message);
  const dismiss = useApp((s) => s.dismissMessage);
  if (message === null) return null;
  return (
    <div className={`message message-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
      <strong>{message.title}</strong>: <span>{message.text}</span>
      <button type="button" onClick={dismiss} aria-label="Dismiss message">
        ×
      </button>
    </div>
  );
}
