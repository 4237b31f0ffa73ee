/**
 * "My scenarios": scenarios saved in the browser's localStorage, surviving
 * reloads. A plain module with a tiny API; the storage is injectable so tests
 * and private-mode browsers (where localStorage throws) work. Everything read
 * back is validated again: localStorage is as untrusted as a link.
 *
 *   list() -> SavedScenario[]          newest first
 *   save(scenario, { overwrite })      refuses to replace an existing name unless overwrite
 *   load(id) / remove(id)
 *   exportFile(scenario) -> { filename, text }   importFile(text) -> scenario or message
 */
import { validateScenario } from '../../scenarios/validateScenario';
import { parseJsonSafely } from '../../scenarios/safeJson';
import { MAX_DECODED_BYTES } from '../../scenarios/limits';
import type { Scenario } from '../../scenarios/types';

const KEY = 'kinesis-sim:my-scenarios:v1';
/** At most this many saved scenarios (localStorage holds about 5 MB per origin). */
export const MAX_SAVED = 50;

export interface SavedScenario {
  id: string;
  name: string;
  /** Wall-clock save time, ms (the UI's, not the simulation's). */
  savedAt: number;
  scenario: Scenario;
}

export type SaveResult = { ok: true; saved: SavedScenario } | { ok: false; reason: 'exists'; existing: SavedScenario; message: string } | { ok: false; reason: 'error'; message: string };

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export class ScenarioStorage {
  constructor(
    private readonly store: KeyValueStore | undefined = typeof localStorage === 'undefined' ? undefined : localStorage,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** Saved scenarios, newest first; entries that no longer validate are skipped. */
  list(): SavedScenario[] {
    let raw: string | null = null;
    try {
      raw = this.store?.getItem(KEY) ?? null;
    } catch {
      return [];
    }
    if (raw === null) return [];
    const parsed = parseJsonSafely(raw, 16);
    if (!parsed.ok || !Array.isArray(parsed.value)) return [];
    const out: SavedScenario[] = [];
    for (const e of parsed.value as unknown[]) {
      if (e === null || typeof e !== 'object') continue;
      const { id, savedAt, scenario } = e as Record<string, unknown>;
      const v = validateScenario(scenario);
      if (typeof id === 'string' && typeof savedAt === 'number' && v.ok) out.push({ id, name: v.scenario.name, savedAt, scenario: v.scenario });
    }
    return out.sort((a, b) => b.savedAt - a.savedAt);
  }

  /** Saves under the scenario's name; a name already saved is only replaced with `overwrite`. */
  save(scenario: Scenario, opts: { overwrite?: boolean } = {}): SaveResult {
    const v = validateScenario(structuredClone(scenario));
    if (!v.ok) return { ok: false, reason: 'error', message: v.message };
    const all = this.list();
    const existing = all.find((s) => s.name === scenario.name);
    if (existing !== undefined && opts.overwrite !== true) {
      return { ok: false, reason: 'exists', existing, message: `A scenario named "${scenario.name}" is already saved. Replace it?` };
    }
    if (existing === undefined && all.length >= MAX_SAVED) return { ok: false, reason: 'error', message: `At most ${MAX_SAVED} scenarios can be saved; delete one first.` };
    const saved: SavedScenario = { id: existing?.id ?? this.newId(all), name: scenario.name, savedAt: this.clock(), scenario: v.scenario };
    const next = [saved, ...all.filter((s) => s.id !== saved.id)];
    try {
      if (this.store === undefined) throw new Error('no storage');
      this.store.setItem(KEY, JSON.stringify(next.map(({ id, savedAt, scenario: sc }) => ({ id, savedAt, scenario: sc }))));
    } catch {
      return { ok: false, reason: 'error', message: 'The browser refused to save (storage is full or disabled).' };
    }
    return { ok: true, saved };
  }

  load(id: string): Scenario | undefined {
    return this.list().find((s) => s.id === id)?.scenario;
  }

  remove(id: string): boolean {
    const all = this.list();
    const next = all.filter((s) => s.id !== id);
    if (next.length === all.length) return false;
    try {
      this.store?.setItem(KEY, JSON.stringify(next.map(({ id: i, savedAt, scenario }) => ({ id: i, savedAt, scenario }))));
      return true;
    } catch {
      return false;
    }
  }

  private newId(all: SavedScenario[]): string {
    let n = all.length + 1;
    while (all.some((s) => s.id === `s${n}`)) n++;
    return `s${n}`;
  }
}

/** A scenario as a downloadable JSON file. */
export function exportFile(scenario: Scenario): { filename: string; text: string } {
  const base = scenario.name.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'scenario';
  return { filename: `${base}.scenario.json`, text: JSON.stringify(scenario, null, 2) + '\n' };
}

/** Reads an imported file's text; never throws. */
export function importFile(text: string): { ok: true; scenario: Scenario } | { ok: false; message: string } {
  if (text.length > MAX_DECODED_BYTES * 4) return { ok: false, message: `The file is too large (at most ${MAX_DECODED_BYTES * 4} characters).` };
  const parsed = parseJsonSafely(text);
  if (!parsed.ok) return { ok: false, message: `The file could not be read: ${parsed.message}.` };
  const v = validateScenario(parsed.value);
  return v.ok ? { ok: true, scenario: v.scenario } : { ok: false, message: v.message };
}
