/** The mission list, and the mission being played: its goal checked live, hints one at a time, and the explanation at the end. */
import { useEffect } from 'react';
import { useApp } from '../store/store';
import { MISSIONS, findMission } from '../../exam/missions';
import { THEME_LABELS } from '../../exam/missionTypes';
import { missionFragment } from '../../exam/examSet';
import { formatDuration } from './formatDuration';

/** How often the panel asks the worker for the mission's status (it is checked every simulated second there). */
const POLL_MS = 400;

export function MissionsTab() {
  const missionId = useApp((s) => s.missionId);
  return missionId === null ? <MissionList /> : <MissionRun id={missionId} />;
}

function MissionList() {
  const progress = useApp((s) => s.progress);
  const start = useApp((s) => s.startMission);
  const passed = MISSIONS.filter((m) => progress.missions[m.id]?.passed).length;
  return (
    <section aria-label="Missions">
      <p>
        Each mission starts a scenario with a problem and states a goal. The simulation checks the goal every simulated second from its own metrics: change what
        you like (split shards, change keys, add consumers), then press Play. {passed} of {MISSIONS.length} passed.
      </p>
      <ul className="mission-list">
        {MISSIONS.map((m) => {
          const p = progress.missions[m.id];
          return (
            <li key={m.id}>
              <div>
                <strong>{m.title}</strong> <span className="tag">{THEME_LABELS[m.theme]}</span>
                {p?.passed === true && <span className="tag passed"> passed</span>}
              </div>
              <p className="muted">{m.domain}</p>
              <button type="button" onClick={() => void start(m.id)} aria-label={`Start mission: ${m.title}`}>
                Start
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function MissionRun({ id }: { id: string }) {
  const m = findMission(id)!;
  const view = useApp((s) => s.mission);
  const refresh = useApp((s) => s.refreshMission);
  const hint = useApp((s) => s.missionHint);
  const giveUp = useApp((s) => s.missionGiveUp);
  const leave = useApp((s) => s.leaveMission);
  const start = useApp((s) => s.startMission);
  const seek = useApp((s) => s.seek);
  const play = useApp((s) => s.play);
  const setView = useApp((s) => s.setView);
  const showInfo = useApp((s) => s.showInfo);
  useEffect(() => {
    const t = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(t);
  }, [refresh]);
  const st = view?.status;
  const ended = st !== undefined && st.state !== 'running';
  const share = async () => {
    const url = `${location.origin}${location.pathname}${missionFragment(id)}`;
    try {
      await navigator.clipboard.writeText(url);
      showInfo('Mission link copied', url);
    } catch {
      showInfo('Mission link', url);
    }
  };
  return (
    <section aria-label={`Mission: ${m.title}`}>
      <h3>{m.title}</h3>
      <p>{m.brief}</p>
      <p className="muted">
        {THEME_LABELS[m.theme]} · {m.domain} · budget {formatDuration(m.budgetMs)} of simulated time
      </p>
      <h4>Goal</h4>
      <ul className="goal-list" aria-live="polite" aria-label="Goal, checked every simulated second">
        {(st?.goals ?? []).map((g) => (
          <li key={g.text} className={g.met ? 'met' : 'unmet'}>
            <span aria-hidden="true">{g.met ? '✔' : '✘'}</span> {g.text}
            <div className="muted">{g.detail}</div>
          </li>
        ))}
      </ul>
      {st !== undefined && (
        <p role="status" className={`mission-state ${st.state}`}>
          {st.state === 'running' && `Running: ${formatDuration(st.offsetMs)} of ${formatDuration(st.budgetMs)} used. Press Play, make your changes, and watch the goal.`}
          {st.state === 'passed' && `Mission passed at ${formatDuration(st.passedAtMs ?? 0)} after the start.`}
          {st.state === 'failed' && 'The budget ran out before the goal held. Try again, or give up to see the explanation.'}
          {st.state === 'gave-up' && 'You gave up: here is what the mission teaches.'}
        </p>
      )}
      {(view?.hints ?? []).length > 0 && (
        <ol className="hints" aria-label="Hints">
          {view!.hints.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ol>
      )}
      <div className="button-row">
        {!ended && (
          <button type="button" onClick={() => void hint()} disabled={(st?.hintsShown ?? 0) >= m.hints.length}>
            Show a hint ({st?.hintsShown ?? 0} of {m.hints.length})
          </button>
        )}
        {!ended && (
          <button type="button" onClick={() => void giveUp()}>
            Give up
          </button>
        )}
        <button type="button" onClick={() => void start(id)}>
          Restart
        </button>
        <button type="button" onClick={() => void share()}>
          Copy mission link
        </button>
        <button type="button" onClick={() => void leave()}>
          All missions
        </button>
      </div>
      {ended && view?.explanation !== undefined && (
        <div className="explanation">
          <h4>The AWS rule</h4>
          <p>{view.explanation}</p>
          <div className="button-row">
            {m.limitsRow !== undefined && (
              <button type="button" onClick={() => setView('limits')}>
                Open the Limits tab
              </button>
            )}
            {st?.passedAtMs !== undefined && (
              <button
                type="button"
                onClick={async () => {
                  await seek(Math.max(0, st.passedAtMs! - 60000));
                  play();
                }}
              >
                Replay the minute before it worked
              </button>
            )}
            <button
              type="button"
              onClick={async () => {
                if (await start(id, true)) play();
              }}
            >
              Watch a solution
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
