/** Instructor sets: an opened set (note as text, items in order), and the builder that makes one into a link. */
import { useState } from 'react';
import { useApp } from '../store/store';
import { MISSIONS, findMission } from '../../exam/missions';
import { QUESTION_BANK, findQuestion } from '../../exam/questions';
import { encodeExamSet, MAX_NOTE_CHARS, MAX_SET_ITEMS, MAX_TITLE_CHARS, type ExamSet, type ExamSetItem } from '../../exam/examSet';
import { presentOptions } from '../../exam/practice';
import { THEME_LABELS } from '../../exam/missionTypes';
import { ChoiceList } from './ChoiceList';

export function SetsTab() {
  const set = useApp((s) => s.examSet);
  return (
    <>
      {set !== null && <OpenedSet set={set} />}
      <SetBuilder />
    </>
  );
}

function OpenedSet({ set }: { set: ExamSet }) {
  const start = useApp((s) => s.startMission);
  return (
    <section aria-label={`Exam set: ${set.title}`} className="opened-set">
      <h3>{set.title || 'Exam set'}</h3>
      {set.note !== '' && <p className="note">{set.note}</p>}
      <ol>
        {set.items.map((it, i) =>
          it.kind === 'mission' ? (
            <li key={`${i}-${it.id}`}>
              Mission: {findMission(it.id)!.title}{' '}
              <button type="button" onClick={() => void start(it.id)}>
                Start
              </button>
            </li>
          ) : (
            <li key={`${i}-${it.id}`}>
              <SetQuestion id={it.id} />
            </li>
          ),
        )}
      </ol>
    </section>
  );
}

function SetQuestion({ id }: { id: string }) {
  const q = findQuestion(id)!;
  const p = presentOptions(q, 1);
  const openPreset = useApp((s) => s.openPreset);
  const [chosen, setChosen] = useState<number | null>(null);
  const [checked, setChecked] = useState(false);
  return (
    <div className="question">
      <p>{q.stem}</p>
      <ChoiceList name={`set-${id}`} legend="Your answer" options={p.options} chosen={chosen} onChoose={setChosen} right={checked ? p.answer : undefined} disabled={checked} />
      {!checked ? (
        <button type="button" disabled={chosen === null} onClick={() => setChecked(true)}>
          Check
        </button>
      ) : (
        <div role="status">
          <p>
            <strong>{chosen === p.answer ? 'Right.' : 'Not quite.'}</strong> {q.why}
          </p>
          <button type="button" onClick={() => void openPreset(q.presetId)}>
            Show me
          </button>
        </div>
      )}
    </div>
  );
}

function SetBuilder() {
  const showInfo = useApp((s) => s.showInfo);
  const showError = useApp((s) => s.showError);
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [items, setItems] = useState<ExamSetItem[]>([]);
  const has = (it: ExamSetItem) => items.some((x) => x.kind === it.kind && x.id === it.id);
  const toggle = (it: ExamSetItem) => setItems(has(it) ? items.filter((x) => !(x.kind === it.kind && x.id === it.id)) : items.length < MAX_SET_ITEMS ? [...items, it] : items);
  const move = (i: number, d: number) => {
    const j = i + d;
    if (j < 0 || j >= items.length) return;
    const next = [...items];
    [next[i], next[j]] = [next[j], next[i]];
    setItems(next);
  };
  const label = (it: ExamSetItem) => (it.kind === 'mission' ? `Mission: ${findMission(it.id)!.title}` : `Question: ${findQuestion(it.id)!.stem.slice(0, 70)}…`);
  const copy = async () => {
    const e = encodeExamSet({ version: 1, title, note, items });
    if (!e.ok) return showError({ type: 'ExamSet', message: e.message });
    const url = `${location.origin}${location.pathname}${e.fragment}`;
    try {
      await navigator.clipboard.writeText(url);
      showInfo('Exam set link copied', url);
    } catch {
      showInfo('Exam set link', url);
    }
  };
  return (
    <section aria-label="Make an exam set" className="set-builder">
      <h3>Make a set for a class</h3>
      <label>
        Title <input value={title} maxLength={MAX_TITLE_CHARS} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className="block">
        Note to the class <textarea value={note} maxLength={MAX_NOTE_CHARS} rows={3} onChange={(e) => setNote(e.target.value)} />
      </label>
      <h4>In this set ({items.length})</h4>
      {items.length === 0 ? (
        <p className="muted">Tick missions and questions below.</p>
      ) : (
        <ol aria-label="Set order">
          {items.map((it, i) => (
            <li key={`${it.kind}-${it.id}`}>
              {label(it)}{' '}
              <button type="button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`Move up: ${label(it)}`}>
                ↑
              </button>
              <button type="button" onClick={() => move(i, 1)} disabled={i === items.length - 1} aria-label={`Move down: ${label(it)}`}>
                ↓
              </button>
            </li>
          ))}
        </ol>
      )}
      <button type="button" className="primary" disabled={items.length === 0} onClick={() => void copy()}>
        Copy the set's link
      </button>
      <details>
        <summary>Missions</summary>
        {MISSIONS.map((m) => (
          <label key={m.id} className="block">
            <input type="checkbox" checked={has({ kind: 'mission', id: m.id })} onChange={() => toggle({ kind: 'mission', id: m.id })} /> {m.title}
          </label>
        ))}
      </details>
      <details>
        <summary>Questions</summary>
        {QUESTION_BANK.map((q) => (
          <label key={q.id} className="block">
            <input type="checkbox" checked={has({ kind: 'question', id: q.id })} onChange={() => toggle({ kind: 'question', id: q.id })} /> [{THEME_LABELS[q.theme]}] {q.stem}
          </label>
        ))}
      </details>
    </section>
  );
}
