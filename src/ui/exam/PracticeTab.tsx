/** A timed practice set from the written bank: choose the length and themes, answer, then scores per theme and a review of the misses with "show me". */
import { useEffect, useMemo, useState } from 'react';
import { useApp } from '../store/store';
import { QUESTION_BANK } from '../../exam/questions';
import { THEME_LABELS, type ExamTheme } from '../../exam/missionTypes';
import { buildPractice, misses, presentOptions, scoreByTheme, type PracticeAnswer, type PracticeSet } from '../../exam/practice';
import { ChoiceList } from './ChoiceList';

const THEMES = [...new Set(QUESTION_BANK.map((q) => q.theme))];

export function PracticeTab() {
  const [practice, setPractice] = useState<PracticeSet | null>(null);
  const [answers, setAnswers] = useState<PracticeAnswer[]>([]);
  const [done, setDone] = useState(false);
  if (practice === null) return <PracticeSetup onStart={(p) => (setPractice(p), setAnswers([]), setDone(false))} />;
  if (done) return <PracticeReview practice={practice} answers={answers} onAgain={() => setPractice(null)} />;
  return <PracticeRun practice={practice} onFinish={(a) => (setAnswers(a), setDone(true))} />;
}

function PracticeSetup({ onStart }: { onStart(p: PracticeSet): void }) {
  const [length, setLength] = useState(10);
  const [minutes, setMinutes] = useState(15);
  const [themes, setThemes] = useState<ExamTheme[]>([]);
  const progress = useApp((s) => s.progress.practice);
  const toggle = (t: ExamTheme) => setThemes(themes.includes(t) ? themes.filter((x) => x !== t) : [...themes, t]);
  return (
    <form
      aria-label="New practice set"
      onSubmit={(e) => {
        e.preventDefault();
        // The wall clock seeds the pick (the UI may read it; the engine never does).
        onStart(buildPractice(QUESTION_BANK, { length, themes, minutes, seed: Date.now() % 1000000 }));
      }}
    >
      <p>{QUESTION_BANK.length} questions in the style of the AWS exams, each tied to a preset that shows the answer.</p>
      <label>
        Questions <input type="number" min={1} max={QUESTION_BANK.length} value={length} onChange={(e) => setLength(Math.max(1, Number(e.target.value) || 1))} />
      </label>{' '}
      <label>
        Minutes <input type="number" min={1} max={180} value={minutes} onChange={(e) => setMinutes(Math.max(1, Number(e.target.value) || 1))} />
      </label>
      <fieldset>
        <legend>Themes (none ticked: all)</legend>
        {THEMES.map((t) => {
          const p = progress[t];
          return (
            <label key={t} className="theme-choice">
              <input type="checkbox" checked={themes.includes(t)} onChange={() => toggle(t)} /> {THEME_LABELS[t]}
              {p !== undefined && <span className="muted"> ({p.right}/{p.total} so far)</span>}
            </label>
          );
        })}
      </fieldset>
      <button type="submit" className="primary">
        Start the practice set
      </button>
    </form>
  );
}

function PracticeRun({ practice, onFinish }: { practice: PracticeSet; onFinish(a: PracticeAnswer[]): void }) {
  const [i, setI] = useState(0);
  const [chosen, setChosen] = useState<Array<number | null>>(() => practice.questionIds.map(() => null));
  const [left, setLeft] = useState(practice.minutes * 60);
  const presented = useMemo(() => practice.questionIds.map((id) => presentOptions(QUESTION_BANK.find((q) => q.id === id)!, practice.seed)), [practice]);
  const finish = () => onFinish(practice.questionIds.map((id, k) => ({ questionId: id, chosen: chosen[k] === null ? null : presented[k].order[chosen[k]!] })));
  useEffect(() => {
    const t = setInterval(() => setLeft((s) => s - 1), 1000);
    return () => clearInterval(t);
  }, []);
  useEffect(() => {
    if (left <= 0) finish();
  });
  const q = QUESTION_BANK.find((x) => x.id === practice.questionIds[i])!;
  return (
    <section aria-label="Practice set">
      <p role="timer" aria-live="off">
        Question {i + 1} of {practice.questionIds.length} · {Math.floor(Math.max(0, left) / 60)}:{String(Math.max(0, left) % 60).padStart(2, '0')} left
      </p>
      <p className="muted">
        {THEME_LABELS[q.theme]} · {q.domain}
      </p>
      <p>{q.stem}</p>
      <ChoiceList name={`practice-${q.id}`} legend="Your answer" options={presented[i].options} chosen={chosen[i]} onChoose={(c) => setChosen(chosen.map((x, k) => (k === i ? c : x)))} />
      <div className="button-row">
        <button type="button" disabled={i === 0} onClick={() => setI(i - 1)}>
          Previous
        </button>
        {i + 1 < practice.questionIds.length ? (
          <button type="button" className="primary" onClick={() => setI(i + 1)}>
            Next
          </button>
        ) : (
          <button type="button" className="primary" onClick={finish}>
            Finish and score
          </button>
        )}
      </div>
    </section>
  );
}

function PracticeReview({ practice, answers, onAgain }: { practice: PracticeSet; answers: PracticeAnswer[]; onAgain(): void }) {
  const openPreset = useApp((s) => s.openPreset);
  const recordPractice = useApp((s) => s.recordPractice);
  const scores = useMemo(() => scoreByTheme(QUESTION_BANK, answers), [answers]);
  const missed = misses(QUESTION_BANK, answers);
  useEffect(() => recordPractice(scores), [scores, recordPractice]);
  const right = scores.reduce((n, s) => n + s.right, 0);
  return (
    <section aria-label="Practice results">
      <h3>
        {right} of {practice.questionIds.length} right
      </h3>
      <table className="scores">
        <caption>Score per theme</caption>
        <thead>
          <tr>
            <th scope="col">Theme</th>
            <th scope="col">Right</th>
          </tr>
        </thead>
        <tbody>
          {scores.map((s) => (
            <tr key={s.theme}>
              <th scope="row">{THEME_LABELS[s.theme]}</th>
              <td>
                {s.right} of {s.total}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Review</h3>
      {missed.length === 0 ? (
        <p>No misses.</p>
      ) : (
        <ul className="review" aria-label="Missed questions">
          {missed.map((q) => {
            const a = answers.find((x) => x.questionId === q.id)!;
            return (
              <li key={q.id}>
                <p>{q.stem}</p>
                <p>
                  Your answer: {a.chosen === null ? 'none' : q.options[a.chosen]}. Right answer: <strong>{q.options[q.answer]}</strong>
                </p>
                <p>{q.why}</p>
                {q.era !== undefined && (
                  <p className="muted">
                    {q.era.older} {q.era.current}
                  </p>
                )}
                <button type="button" onClick={() => void openPreset(q.presetId)} aria-label={`Show me: open the preset for "${q.stem.slice(0, 60)}"`}>
                  Show me
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <button type="button" onClick={onAgain}>
        Another practice set
      </button>
    </section>
  );
}
