/**
 * The scenario components wired to the app: the preset picker with its
 * explanation, Share, and "My scenarios" above; the timeline with Fork under
 * the graph. The worker's scenario session does the work; these only ask.
 */
import { useState } from 'react';
import { useApp } from '../store/store';
import { PRESETS } from '../../scenarios/presets';
import { PresetPicker } from './PresetPicker';
import { ShareButton } from './ShareButton';
import { TimelineScrubber } from './TimelineScrubber';
import { ForkButton } from './ForkButton';
import { MyScenariosPanel } from './MyScenariosPanel';

const PRESET_OPTIONS = PRESETS.map((p) => ({ id: p.id, title: p.title, explanation: p.explanation }));

/** The page's address with `fragment` as its hash (works under a sub-path). */
function linkTo(fragment: string): string {
  return `${location.origin}${location.pathname}${location.search}${fragment}`;
}

/** Drops a share link from the address once another scenario is opened, so a reload shows the scenario open now. */
function forgetLink(): void {
  if (location.hash !== '') history.replaceState(null, '', `${location.pathname}${location.search}`);
}

export function ScenarioBar() {
  const info = useApp((s) => s.scenario);
  const client = useApp((s) => s.client);
  const openPreset = useApp((s) => s.openPreset);
  const openScenario = useApp((s) => s.openScenario);
  const [mine, setMine] = useState(false);
  return (
    <div className="scenario-bar">
      <p className="scenario-name">
        Scenario: <span>{info?.name ?? '…'}</span>
      </p>
      <PresetPicker presets={PRESET_OPTIONS} currentId={info?.presetId} onPick={(id) => void openPreset(id).then(forgetLink)} />
      <ShareButton
        makeLink={async () => {
          const r = await client.shareFragment();
          return r.ok ? { ok: true, url: linkTo(r.fragment) } : r;
        }}
      />
      <button type="button" aria-expanded={mine} aria-controls="my-scenarios" onClick={() => setMine(!mine)}>
        My scenarios
      </button>
      {mine && (
        <div id="my-scenarios">
          <MyScenariosPanel current={() => client.scenario()} onOpen={(s) => void openScenario(s).then(forgetLink)} />
        </div>
      )}
    </div>
  );
}

export function TimelineBar() {
  const info = useApp((s) => s.scenario);
  const timeline = useApp((s) => s.snapshot?.timeline);
  const busy = useApp((s) => s.busy);
  const seek = useApp((s) => s.seek);
  const fork = useApp((s) => s.fork);
  if (info === null || timeline === undefined) return null;
  const future = Math.max(0, info.commands.length - timeline.commandsRun);
  return (
    <div className="timeline-bar">
      <TimelineScrubber nowMs={timeline.offsetMs} endMs={timeline.endMs} commands={info.commands} onSeek={(ms) => void seek(ms)} disabled={busy} />
      <ForkButton futureCount={future} onFork={() => void fork()} disabled={busy} />
      {busy && (
        <span className="muted" role="status">
          Replaying the scenario…
        </span>
      )}
    </div>
  );
}
