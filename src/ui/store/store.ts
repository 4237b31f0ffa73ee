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
import type { SimClient } from './client';
import type { Command } from '../../worker/protocol';

export interface ClientSlice {
  client: SimClient;
  /** Sends a command; on refusal shows the engine's error text and returns false. */
  run(cmd: Command, done?: string): Promise<boolean>;
}

export type AppState = SimSlice & PlaybackSlice & UiSlice & ScenarioSlice & ClientSlice;
export type AppStore = StoreApi<AppState>;

export function createAppStore(client: SimClient): AppStore {
  return createStore<AppState>()((set, get, api) => ({
    ...createSimSlice(set, get, api),
    ...createPlaybackSlice(set, get, api),
    ...createUiSlice(set, get, api),
    ...createScenarioSlice(set, get, api),
    client,
    run: async (cmd, done) => {
      const r = await get().client.command(cmd);
      if (!r.ok) {
        get().showError(r.error);
        return false;
      }
      if (done !== undefined) get().showInfo('Done', done);
      return true;
    },
  }));
}

/** The data part of a fresh store's state (functions left out), for tests. */
export type AppData = Pick<
  AppState,
  'snapshot' | 'series' | 'scenario' | 'busy' | 'eventLog' | 'frames' | 'playing' | 'speed' | 'seed' | 'selected' | 'view' | 'partitionKey' | 'eventFilter' | 'eventText' | 'message' | 'recordRef' | 's3Target'
>;

export function getInitialState(): AppData {
  return {
    snapshot: null,
    series: null,
    scenario: null,
    busy: false,
    eventLog: [],
    frames: 0,
    playing: false,
    speed: 1,
    seed: '1',
    selected: null,
    view: 'hashline',
    partitionKey: '',
    eventFilter: 'all',
    eventText: '',
    message: null,
    recordRef: null,
    s3Target: null,
  };
}

export const StoreContext = createContext<AppStore | null>(null);

/** Reads from the app store with a selector. */
export function useApp<T>(selector: (s: AppState) => T): T {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useApp outside StoreContext');
  return useStore(store, selector);
}
