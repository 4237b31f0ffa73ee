import { describe, it, expect } from 'vitest';
import { ScenarioStorage, exportFile, importFile, type KeyValueStore } from '../../../src/ui/storage/scenarioStorage';
import type { Scenario } from '../../../src/scenarios/types';

class MemoryStore implements KeyValueStore {
  data = new Map<string, string>();
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.data.set(k, v);
  }
}
const sc = (name: string, seed = 1): Scenario => ({ version: 1, name, seed, startTime: 0, topology: { streams: [{ StreamName: 's', ShardCount: 1 }] }, commands: [] });

describe('ScenarioStorage', () => {
  it('saves, lists newest first, and survives a new instance on the same storage (a reload)', () => {
    const mem = new MemoryStore();
    let t = 1000;
    const a = new ScenarioStorage(mem, () => t++);
    expect(a.save(sc('first')).ok).toBe(true);
    expect(a.save(sc('second')).ok).toBe(true);
    const b = new ScenarioStorage(mem, () => 0);
    expect(b.list().map((s) => [s.id, s.name, s.savedAt])).toEqual([
      ['s2', 'second', 1001],
      ['s1', 'first', 1000],
    ]);
    expect(b.load('s1')).toEqual(sc('first'));
  });

  it('never overwrites a saved name without being asked', () => {
    const st = new ScenarioStorage(new MemoryStore(), () => 5);
    st.save(sc('mine', 1));
    const again = st.save(sc('mine', 2));
    expect(again.ok).toBe(false);
    expect(!again.ok && again.message).toBe('A scenario named "mine" is already saved. Replace it?');
    expect(st.load('s1')!.seed).toBe(1);
    expect(st.save(sc('mine', 2), { overwrite: true }).ok).toBe(true);
    expect(st.list().map((s) => [s.id, s.scenario.seed])).toEqual([['s1', 2]]);
  });

  it('skips tampered entries and tolerates broken or missing storage', () => {
    const mem = new MemoryStore();
    mem.setItem('kinesis-sim:my-scenarios:v1', JSON.stringify([{ id: 'x', savedAt: 1, scenario: { version: 1, name: 'bad' } }, { id: 'y', savedAt: 2, scenario: sc('good') }]));
    expect(new ScenarioStorage(mem).list().map((s) => s.name)).toEqual(['good']);
    mem.setItem('kinesis-sim:my-scenarios:v1', '{not json');
    expect(new ScenarioStorage(mem).list()).toEqual([]);
    const throwing: KeyValueStore = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(new ScenarioStorage(throwing).list()).toEqual([]);
    expect(new ScenarioStorage(throwing).save(sc('x'))).toEqual({ ok: false, reason: 'error', message: 'The browser refused to save (storage is full or disabled).' });
  });

  it('removes by id', () => {
    const st = new ScenarioStorage(new MemoryStore(), () => 1);
    st.save(sc('a'));
    expect(st.remove('s1')).toBe(true);
    expect(st.remove('s1')).toBe(false);
    expect(st.list()).toEqual([]);
  });
});

describe('exportFile / importFile', () => {
  it('round-trips a scenario through a JSON file with a safe file name', () => {
    const s = sc('My <test> run / 2');
    const f = exportFile(s);
    expect(f.filename).toBe('My-test-run-2.scenario.json');
    expect(importFile(f.text)).toEqual({ ok: true, scenario: s });
  });
  it('explains what is wrong with a bad file', () => {
    expect(importFile('nope')).toEqual({ ok: false, message: 'The file could not be read: the scenario is not valid JSON.' });
    expect(importFile('{"version":1}')).toEqual({ ok: false, message: 'Invalid scenario: name: is required (and 4 more)' });
  });
});
