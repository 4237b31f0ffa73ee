/**
 * The simulation as the UI last saw it: the latest snapshot, the latest
 * series (kept between snapshots that carry none) and a bounded event log.
 */
import type { StateCreator } from 'zustand';
import type { EventSnap, ScenarioInfo, SeriesSnap, Snapshot } from '../../worker/protocol';
import type { AppState } from './store';

/** Event log entries kept in the UI. */
export const EVENT_LOG_CAPACITY = 500;

export interface SimSlice {
  snapshot: Snapshot | null;
  series: SeriesSnap | null;
  /** The scenario being run (snapshots carry it only when it changed). */
  scenario: ScenarioInfo | null;
  eventLog: EventSnap[];
  /** Snapshots received (for tests and the frame counter). */
  frames: number;
  applySnapshot(s: Snapshot): void;
}

/** The log after `incoming` events: newest last, the oldest dropped beyond `capacity` (nothing is folded or merged). */
export function appendEvents(log: EventSnap[], incoming: EventSnap[], capacity = EVENT_LOG_CAPACITY): EventSnap[] {
  if (incoming.length === 0) return log;
  const out = log.concat(incoming);
  return out.length > capacity ? out.slice(out.length - capacity) : out;
}

export const createSimSlice: StateCreator<AppState, [], [], SimSlice> = (set) => ({
  snapshot: null,
  series: null,
  scenario: null,
  eventLog: [],
  frames: 0,
  applySnapshot: (s) =>
    set((st) => ({
      snapshot: s,
      series: s.series ?? st.series,
      scenario: s.scenario ?? st.scenario,
      eventLog: appendEvents(st.eventLog, s.events),
      frames: st.frames + 1,
    })),
});
