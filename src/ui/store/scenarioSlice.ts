/**
 * The run as a scenario: open a preset, a link, a saved or imported file;
 * seek on the timeline; fork. The worker does the work (it owns the scenario
 * session); this slice sends the requests, clears what no longer applies
 * (selection, event log, series) and shows refusals as text.
 */
import type { StateCreator } from 'zustand';
import type { OpenResult } from '../../worker/protocol';
import type { AppState } from './store';

export interface ScenarioSlice {
  /** True while the worker seeks or opens a scenario (a backward seek replays from the start). */
  busy: boolean;
  openFragment(fragment: string): Promise<OpenResult>;
  openPreset(id: string): Promise<boolean>;
  openScenario(doc: unknown): Promise<boolean>;
  seek(offsetMs: number): Promise<void>;
  fork(): Promise<void>;
}

export const createScenarioSlice: StateCreator<AppState, [], [], ScenarioSlice> = (set, get) => {
  /** A new run: what was selected and logged belongs to the old one. */
  const fresh = () => set({ selected: null, eventLog: [], series: null });
  const opening = async (open: () => Promise<OpenResult>): Promise<OpenResult> => {
    set({ busy: true });
    try {
      const r = await open();
      fresh();
      if (r.message !== undefined) get().showError({ type: r.source === 'file' || r.source === 'preset' ? 'Scenario refused' : 'Link refused', message: r.message });
      return r;
    } finally {
      set({ busy: false });
    }
  };
  return {
    busy: false,
    openFragment: (fragment) => opening(() => get().client.open(fragment)),
    openPreset: async (id) => (await opening(() => get().client.openPreset(id))).ok,
    openScenario: async (doc) => (await opening(() => get().client.openScenario(doc))).ok,
    seek: async (offsetMs) => {
      const now = get().snapshot?.timeline?.offsetMs ?? 0;
      set({ busy: true });
      try {
        await get().client.seek(offsetMs);
        // A backward seek replays into a new simulation: the log and series start again there.
        if (offsetMs < now) set({ eventLog: [], series: null });
      } finally {
        set({ busy: false });
      }
    },
    fork: async () => {
      const n = await get().client.fork();
      get().showInfo('Forked', n === 0 ? 'Nothing later to discard; the run continues from here.' : `Discarded ${n} later command${n === 1 ? '' : 's'}; the run continues from here.`);
    },
  };
};
