/**
 * The app's loader: turns whatever the URL fragment holds into a scenario to
 * run. It never throws; a bad link gives the default scenario plus a message
 * saying what was wrong, which the app shows as text.
 */
import { decodeShareFragment, type PresetLookup } from './shareLink';
import type { Scenario } from './types';

export interface LoadedScenario {
  scenario: Scenario;
  /** Milliseconds after the start to show. */
  timeMs: number;
  /** Set when the link was refused and the default scenario is shown instead. */
  message?: string;
  /** Where the scenario came from. */
  source: 'link' | 'preset-link' | 'default';
}

/** Reads a fragment (`location.hash`); an empty one opens the default scenario silently. */
export function loadFromFragment(fragment: unknown, defaultScenario: () => Scenario, presets: PresetLookup): LoadedScenario {
  const text = typeof fragment === 'string' ? fragment.replace(/^#/, '') : '';
  if (text === '') return { scenario: defaultScenario(), timeMs: 0, source: 'default' };
  const r = decodeShareFragment(text, presets);
  if (r.ok) return { scenario: r.scenario, timeMs: r.timeMs, source: r.presetId !== undefined ? 'preset-link' : 'link' };
  return { scenario: defaultScenario(), timeMs: 0, message: `${r.message} The default scenario is shown instead.`, source: 'default' };
}
