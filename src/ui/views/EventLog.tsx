/** The event log: throttles, splits, merges, status changes, flushes; filter by kind and text. */
import { useApp } from '../store/store';
import { eventKinds, filterEvents, formatSimTime } from '../store/selectors';

export function EventLog() {
  const log = useApp((s) => s.eventLog);
  const kind = useApp((s) => s.eventFilter);
  const text = useApp((s) => s.eventText);
  const setKind = useApp((s) => s.setEventFilter);
  const setText = useApp((s) => s.setEventText);
  const shown = filterEvents(log, kind, text).slice(0, 200);
  return (
    <section aria-labelledby="events-title" className="events">
      <h2 id="events-title">Event log</h2>
      <div className="form-row">
        <label>
          Kind{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="all">all</option>
            {eventKinds(log).map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label>
          Contains <input value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <span className="muted">
          {shown.length} of {log.length}
        </span>
      </div>
      <ol className="event-list" aria-label="Events, newest first">
        {shown.map((e) => (
          <li key={e.seq}>
            <time>{formatSimTime(e.time).slice(11)}</time> <span className="badge">{e.type}</span> {e.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
