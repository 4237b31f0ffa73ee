/**
 * Starts the simulation worker and binds it to a new store: commands go to
 * the worker through comlink; snapshots come back through a proxied callback,
 * one per frame, and land in the store.
 */
import * as Comlink from 'comlink';
import type { WorkerApi } from '../worker/simWorker';
import type { Snapshot } from '../worker/protocol';
import { createAppStore, type AppStore } from './store/store';
import type { SimClient } from './store/client';

export function startSimulation(): AppStore {
  const worker = new Worker(new URL('../worker/simWorker.ts', import.meta.url), { type: 'module', name: 'simulation' });
  const remote = Comlink.wrap<WorkerApi>(worker);
  const client = remote as unknown as SimClient;
  const store = createAppStore(client);
  // A scenario may be named in the URL (?scenario=bench-500 or bench-500-loaded for the UI benchmark).
  const scenario = new URLSearchParams(location.search).get('scenario');
  if (scenario !== null && /^bench-\d{1,5}(-loaded)?$/.test(scenario)) void client.reset('1', scenario);
  // Exam links: #m=<mission id> opens a mission, #x=<set> an instructor's set (decoded and checked against the banks, never run).
  else if (/^#[mx]=/.test(location.hash)) void openExamLink(store, location.hash);
  // A share link: the worker decodes it (never trusting it) and says what was wrong with a bad one.
  else if (location.hash.length > 1) void store.getState().openFragment(location.hash);
  if (new URLSearchParams(location.search).get('play') === '1') store.getState().play();
  const speed = Number(new URLSearchParams(location.search).get('speed'));
  if (speed > 0) void store.getState().setSpeed(speed);
  void remote.subscribe(
    Comlink.proxy((s: Snapshot) => {
      // Apply on the next frame: one store update per animation frame.
      return new Promise<void>((resolve) =>
        requestAnimationFrame(() => {
          store.getState().applySnapshot(s);
          resolve();
        }),
      );
    }),
  );
  return store;
}

/** Opens an exam link; a bad one says why and leaves the default scenario open. */
async function openExamLink(store: AppStore, fragment: string): Promise<void> {
  const { decodeExamSet, decodeMissionFragment } = await import('../exam/examSet');
  const st = store.getState();
  if (fragment.startsWith('#m=')) {
    const m = decodeMissionFragment(fragment);
    if (m.ok) await st.startMission(m.id);
    else st.showError({ type: 'Mission link', message: `${m.message} The default scenario is shown instead.` });
    return;
  }
  const d = decodeExamSet(fragment);
  if (d.ok) st.openExamSet(d.set);
  else st.showError({ type: 'Exam set link', message: `${d.message} The default scenario is shown instead.` });
}
