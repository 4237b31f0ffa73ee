/** Questions generated from the live simulation: ask, choose, then see why with the view that shows it. */
import { useState } from 'react';
import { useApp } from '../store/store';
import { LIVE_QUESTION_TYPES, type LiveQuestion, type LiveQuestionType } from '../../exam/liveQuestions';
import { ChoiceList } from './ChoiceList';
import type { ViewName } from '../store/uiSlice';

export function LiveQuestionTab() {
  const client = useApp((s) => s.client);
  const setView = useApp((s) => s.setView);
  const setPartitionKey = useApp((s) => s.setPartitionKey);
  const [type, setType] = useState<LiveQuestionType>('shardForKey');
  const [q, setQ] = useState<LiveQuestion | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const [result, setResult] = useState<{ right: number; why: string } | null>(null);
  const [asked, setAsked] = useState(0);
  const ask = async () => {
    const r = await client.liveQuestion(type, asked + 1);
    setAsked(asked + 1);
    setChosen(null);
    setResult(null);
    if (r.ok) {
      setQ(r.question);
      setProblem(null);
    } else {
      setQ(null);
      setProblem(r.message);
    }
  };
  const check = async () => {
    if (q === null || chosen === null) return;
    if (q.answer !== null) setResult({ right: q.answer, why: q.why });
    else {
      const j = await client.answerPutRecords(q);
      setResult({ right: j.answer, why: j.why });
    }
  };
  const show = () => {
    if (q === null) return;
    if (q.key !== undefined) setPartitionKey(q.key);
    setView(q.view as ViewName);
  };
  return (
    <section aria-label="Live questions">
      <p>These questions are made from the world as it is now, so the answer is whatever the simulation says at this moment.</p>
      <div className="button-row">
        <label>
          Question{' '}
          <select value={type} onChange={(e) => setType(e.target.value as LiveQuestionType)}>
            {LIVE_QUESTION_TYPES.map((t) => (
              <option key={t.type} value={t.type}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void ask()}>
          Ask
        </button>
      </div>
      {problem !== null && <p role="status">{problem}</p>}
      {q !== null && (
        <div className="question">
          <p>{q.prompt}</p>
          <ChoiceList name="live-answer" legend="Your answer" options={q.options} chosen={chosen} onChoose={setChosen} right={result?.right} disabled={result !== null} />
          {result === null ? (
            <button type="button" className="primary" disabled={chosen === null} onClick={() => void check()}>
              {q.answer === null ? 'Send it and check' : 'Check'}
            </button>
          ) : (
            <div role="status" className="explanation">
              <p>
                <strong>{chosen === result.right ? 'Right.' : 'Not quite.'}</strong> {result.why}
              </p>
              <button type="button" onClick={show}>
                Show me in the {q.view === 'hashline' ? 'hash line' : q.view === 's3' ? 'S3 objects view' : q.view === 'charts' ? 'metrics' : q.view === 'events' ? 'event log' : 'Limits tab'}
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
