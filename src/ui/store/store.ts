/**
 * The one store, built from slices. `createAppStore(client)` makes a store
 * bound to a simulation client (the worker, or a fake in tests);
 * `getInitialState()` is the state a fresh store starts with.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { createContext, useContext } from 'react';
import { createSimSlice, type SimSlice } from './simSlice';
import { createPlaybackSlice, type PlaybackSlice } from './playbackSlice';
import { createUiSlice, type UiSlice } from './uiSlice';
import { createScenarioSlice, type ScenarioSlice } from './scenarioSlice';
import { createExamSlice, type ExamSlice } from './examSlice';
import type { SimClient } from './client';
import type { Command } from '../../worker/protocol';

export interface ClientSlice {
  client: SimClient;
  /** Sends scenario commands in order (stopping at the first refused); on refusal shows the schema's or the engine's error text and returns false. */
  run(cmd: Command | readonly Command[], done?: string): Promise<boolean>;
}

export type AppState = SimSlice & PlaybackSlice & UiSlice & ScenarioSlice & ExamSlice & ClientSlice;
export type AppStore = StoreApi<AppState>;

export function createAppStore(client: SimClient): AppStore {
  return createStore<AppState>()((set, get, api) => ({
    ...createSimSlice(set, get, api),
    ...createPlaybackSlice(set, get, api),
    ...createUiSlice(set, get, api),
    ...createScenarioSlice(set, get, api),
    ...createExamSlice(set, get, api),
    client,
    run: async (cmd, done) => {
      for (const c of 'op' in cmd ? [cmd] : cmd) {
        const r = await get().client.command(c);
        if (!r.ok) {
          get().showError(r.error);
          return false;
        }
      }
      if (done !== undefined) get().showInfo('Done', done);
      return true;
    },
  }));
}

/** The data part of a fresh store's state (functions left out), for tests. */
export type AppData = { [K in keyof AppState as AppState[K] extends (...args: never[]) => unknown ? never : K]: AppState[K] };

/** The slices' own initial values: a fresh store's data, without its client (creating a store calls nothing on it). */
export function getInitialState(): Omit<AppData, 'client'> {
  const fresh = createAppStore(null as unknown as SimClient).getState();
  const data: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fresh)) if (typeof v !== 'function' && k !== 'client') data[k] = v;
  return data as Omit<AppData, 'client'>;
}

export const StoreContext = createContext<AppStore | null>(null);

/** Reads from the app store with a selector. */
export function useApp<T>(selector: (s: AppState) => T): T {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useApp outside StoreContext');
  return useStore(store, selector);
}
