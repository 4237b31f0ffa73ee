/**
 * Starts the simulation worker and binds it to a new store: commands go to
 * the worker through comlink; snapshots come back through a proxied callback,
 * one per frame, and land in the store. Opened from the local endpoint with
 * ?server=1, the store talks to the server's simulation instead (serverClient.ts).
 */
import * as Comlink from 'comlink';
import type { WorkerApi } from '../worker/simWorker';
import type { Snapshot } from '../worker/protocol';
import { createAppStore, type AppStore } from './store/store';
import type { SimClient } from './store/client';
import { attachedEndpoint, connectServer } from './serverClient';

/** Applies a snapshot on the next animation frame: one store update per frame. */
function applyOnFrame(store: AppStore, s: Snapshot): Promise<void> {
  return new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      store.getState().applySnapshot(s);
      resolve();
    }),
  );
}

export function startSimulation(): AppStore {
  // Opened from `npm run serve` with ?server=1: the server's simulation, over a WebSocket.
  const endpoint = attachedEndpoint();
  let store: AppStore | undefined;
  const remote = endpoint === undefined ? startWorker() : undefined;
  const client: SimClient =
    remote !== undefined
      ? (remote as unknown as SimClient)
      : connectServer(
          endpoint!,
          (s) => {
            if (store === undefined) return Promise.resolve();
            // The server's loop plays from the start (a real client expects time to run), and another attached page may pause it.
            if (store.getState().playing !== s.playing) store.setState({ playing: s.playing });
            return applyOnFrame(store, s);
          },
          (why) => store?.getState().showError({ type: 'Local endpoint', message: why }),
        );
  const st = createAppStore(client);
  store = st;
  // A scenario may be named in the URL (?scenario=bench-500 or bench-500-loaded for the UI benchmark).
  const scenario = new URLSearchParams(location.search).get('scenario');
  if (scenario !== null && /^bench-\d{1,5}(-loaded)?$/.test(scenario)) void client.reset('1', scenario);
  // Exam links: #m=<mission id> opens a mission, #x=<set> an instructor's set (decoded and checked against the banks, never run).
  else if (/^#[mx]=/.test(location.hash)) void openExamLink(st, location.hash);
  // A share link: the worker decodes it (never trusting it) and says what was wrong with a bad one.
  else if (location.hash.length > 1) void st.getState().openFragment(location.hash);
  if (new URLSearchParams(location.search).get('play') === '1') st.getState().play();
  const speed = Number(new URLSearchParams(location.search).get('speed'));
  if (speed > 0) void st.getState().setSpeed(speed);
  if (remote !== undefined) void remote.subscribe(Comlink.proxy((s: Snapshot) => applyOnFrame(st, s)));
  return st;
}

/** The simulation in its own Web Worker, through comlink. */
function startWorker(): Comlink.Remote<WorkerApi> {
  const worker = new Worker(new URL('../worker/simWorker.ts', import.meta.url), { type: 'module', name: 'simulation' });
  return Comlink.wrap<WorkerApi>(worker);
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
