/**
 * Exam mode: missions checked by the simulation itself, questions answered by
 * looking at the live world, timed practice sets from the written bank, and
 * instructor sets shared as links. Loaded on demand (it carries the banks).
 */
import { useRef, type KeyboardEvent } from 'react';
import { useApp } from '../store/store';
import type { ExamTab } from '../store/examSlice';
import { MissionsTab } from './MissionsTab';
import { LiveQuestionTab } from './LiveQuestionTab';
import { PracticeTab } from './PracticeTab';
import { SetsTab } from './SetsTab';

const TABS: Array<{ id: ExamTab; label: string }> = [
  { id: 'missions', label: 'Missions' },
  { id: 'questions', label: 'Live questions' },
  { id: 'practice', label: 'Practice set' },
  { id: 'sets', label: 'Instructor sets' },
];

export default function ExamPanel() {
  const tab = useApp((s) => s.examTab);
  const setTab = useApp((s) => s.setExamTab);
  const close = useApp((s) => s.closeExam);
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const onKey = (e: KeyboardEvent, i: number) => {
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (d === 0) return;
    const next = (i + d + TABS.length) % TABS.length;
    setTab(TABS[next].id);
    refs.current[next]?.focus();
    e.preventDefault();
  };
  return (
    <aside className="inspector exam-panel" aria-label="Exam mode">
      <div className="exam-head">
        <h2>Exam mode</h2>
        <button type="button" onClick={close}>
          Back to the inspector
        </button>
      </div>
      <div role="tablist" aria-label="Exam mode sections">
        {TABS.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            role="tab"
            id={`exam-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`exam-panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => setTab(t.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`exam-panel-${tab}`} aria-labelledby={`exam-tab-${tab}`}>
        {tab === 'missions' && <MissionsTab />}
        {tab === 'questions' && <LiveQuestionTab />}
        {tab === 'practice' && <PracticeTab />}
        {tab === 'sets' && <SetsTab />}
      </div>
    </aside>
  );
}
