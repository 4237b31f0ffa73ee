/**
 * The visual simulator: controls on top, the live graph with the inspector
 * beside it, and the teaching views (hash line, metrics, S3, events) below.
 */
import { lazy, Suspense, useRef, type KeyboardEvent } from 'react';
import { StoreContext, useApp, type AppStore } from './store/store';
import type { ViewName } from './store/uiSlice';
import { Toolbar } from './components/Toolbar';
import { MessageBar } from './components/MessageBar';
import { Inspector } from './components/Inspector';
import { FlowGraph } from './graph/FlowGraph';
import { HashLineView } from './views/HashLineView';
import { CostPanel } from './panels/CostPanel';
import { EventLog } from './views/EventLog';
import { LimitsView } from './views/LimitsView';
import { hotSummary } from './store/selectors';
import { ScenarioBar, TimelineBar } from './scenarios/ScenarioControls';
import { ConsoleDock } from './console/ConsoleDock';

// Heavy views load on demand (d3 charts, S3 decoding with fflate/hyparquet).
const ChartsView = lazy(() => import('./charts/ChartsView'));
const S3View = lazy(() => import('./views/S3View'));
const RecordView = lazy(() => import('./views/RecordView'));
const HotShardPanel = lazy(() => import('./panels/HotShardPanel'));
const VideoView = lazy(() => import('./video/VideoView'));
// Exam mode carries the mission and question banks: loaded when opened.
const ExamPanel = lazy(() => import('./exam/ExamPanel'));

const VIEWS: Array<{ id: ViewName; label: string }> = [
  { id: 'hashline', label: 'Hash line' },
  { id: 'charts', label: 'Metrics' },
  { id: 'hot', label: 'Hot shards' },
  { id: 'record', label: 'Record' },
  { id: 's3', label: 'S3 objects' },
  { id: 'video', label: 'Video' },
  { id: 'events', label: 'Event log' },
  { id: 'limits', label: 'Limits' },
];

function Views() {
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const onKey = (e: KeyboardEvent, i: number) => {
    const d = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (d === 0) return;
    const next = (i + d + VIEWS.length) % VIEWS.length;
    setView(VIEWS[next].id);
    tabs.current[next]?.focus();
    e.preventDefault();
  };
  return (
    <section className="views">
      <div role="tablist" aria-label="Views">
        {VIEWS.map((v, i) => (
          <button
            key={v.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            role="tab"
            id={`tab-${v.id}`}
            aria-selected={view === v.id}
            aria-controls={`panel-${v.id}`}
            tabIndex={view === v.id ? 0 : -1}
            onClick={() => setView(v.id)}
            onKeyDown={(e) => onKey(e, i)}
          >
            {v.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`} className="tabpanel">
        <Suspense fallback={<p>Loading…</p>}>
          {view === 'hashline' && <HashLineView />}
          {view === 'charts' && <ChartsView />}
          {view === 'hot' && <HotShardPanel />}
          {view === 'record' && <RecordView />}
          {view === 's3' && <S3View />}
          {view === 'video' && <VideoView />}
          {view === 'events' && <EventLog />}
          {view === 'limits' && <LimitsView />}
        </Suspense>
      </div>
    </section>
  );
}

function HotSummary() {
  // The text itself is selected: the line re-renders only when what it says changes.
  const text = useApp((s) => (s.snapshot === null ? null : hotSummary(s.snapshot.streams)));
  if (text === null) return null;
  return (
    <p className="hot-summary" role="status">
      {text}
    </p>
  );
}

/** The header's switch into exam mode. */
function ExamToggle() {
  const open = useApp((s) => s.examOpen);
  const openExam = useApp((s) => s.openExam);
  const close = useApp((s) => s.closeExam);
  return (
    <button type="button" className="exam-toggle" aria-pressed={open} onClick={() => (open ? close() : openExam())}>
      Exam mode
    </button>
  );
}

/** The right-hand column: the inspector, or the exam panel in exam mode. */
function SidePanel() {
  const exam = useApp((s) => s.examOpen);
  if (!exam) return <Inspector />;
  return (
    <Suspense fallback={<aside className="inspector" aria-label="Exam mode"><p>Loading exam mode…</p></aside>}>
      <ExamPanel />
    </Suspense>
  );
}

/** `endpoint` is set when the app is attached to `npm run serve` (host:port): the header says so. */
export function App({ store, endpoint }: { store: AppStore; endpoint?: string }) {
  return (
    <StoreContext.Provider value={store}>
      <header className="app-header">
        <h1>Kinesis Simulator</h1>
        {endpoint !== undefined && (
          <p className="mode-badge" data-testid="mode-badge">
            Attached to the local endpoint at {endpoint}: what your own clients send shows here.
          </p>
        )}
        <Toolbar />
        <ScenarioBar />
        <ExamToggle />
        <ConsoleDock />
      </header>
      <MessageBar />
      <main className="app-main">
        <div className="stage">
          <HotSummary />
          <CostPanel />
          <FlowGraph />
          <TimelineBar />
        </div>
        <SidePanel />
        <Views />
      </main>
    </StoreContext.Provider>
  );
}
