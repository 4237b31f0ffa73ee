/**
 * `--state FILE`: the run saved as a scenario (seed, topology, the changes
 * clients made, at their simulated times) plus the moment reached. Restoring
 * replays it, so the world comes back exactly, records and all. Written to a
 * temporary file and renamed, so a crash mid-write never leaves half a state.
 */
import { readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { validateScenario } from '../scenarios/validateScenario';
import type { Scenario } from '../scenarios/types';

/** What a state file holds. */
export interface SavedState {
  format: 'kinesis-simulator-state';
  version: 1;
  offsetMs: number;
  scenario: Scenario;
}

/** Reads a state file; undefined when there is none yet; throws with a reason when it is not a valid state. */
export function readState(file: string): { scenario: Scenario; offsetMs: number } | undefined {
  if (!existsSync(file)) return undefined;
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Partial<SavedState>;
  if (doc.format !== 'kinesis-simulator-state' || doc.version !== 1) throw new Error(`${file} is not a kinesis-simulator state file.`);
  // The file is outside input: checked like any imported scenario.
  const v = validateScenario(doc.scenario);
  if (!v.ok) throw new Error(`${file}: ${v.message}`);
  const offsetMs = typeof doc.offsetMs === 'number' && Number.isFinite(doc.offsetMs) && doc.offsetMs >= 0 ? Math.floor(doc.offsetMs) : 0;
  return { scenario: v.scenario, offsetMs };
}

/** Writes a state file atomically. */
export function writeState(file: string, state: { scenario: Scenario; offsetMs: number }): void {
  const doc: SavedState = { format: 'kinesis-simulator-state', version: 1, offsetMs: state.offsetMs, scenario: state.scenario };
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(doc));
  renameSync(tmp, file);
}
