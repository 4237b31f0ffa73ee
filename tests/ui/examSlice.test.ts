import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createAppStore } from '../../src/ui/store/store';
import type { SimClient } from '../../src/ui/store/client';
import type { MissionView } from '../../src/worker/examHost';
import { ExamProgressStore } from '../../src/ui/storage/examProgress';

function view(state: MissionView['status']['state'], passedAtMs?: number): MissionView {
  return { status: { missionId: 'split-the-hot-shard', state, offsetMs: 400000, budgetMs: 1800000, goals: [], hintsShown: 1, ...(passedAtMs !== undefined ? { passedAtMs } : {}) }, hints: ['h1'] };
}

describe('exam slice', () => {
  let views: MissionView[];
  let sent: string[];
  let client: SimClient;
  beforeEach(() => {
    // vitest runs in Node: a Map-backed stand-in for the browser's localStorage.
    const items = new Map<string, string>();
    (globalThis as { localStorage?: unknown }).localStorage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), clear: () => items.clear() };
    views = [];
    sent = [];
    client = {
      openMission: async (id: string, withSolution?: boolean) => (sent.push(`open ${id} ${withSolution === true}`), id === 'nope' ? { ok: false, message: 'There is no mission "nope".', source: 'preset' } : { ok: true, source: 'preset' }),
      missionView: async () => views.shift() ?? null,
      missionHint: async () => view('running'),
      missionGiveUp: async () => view('gave-up'),
      stopMission: async () => void sent.push('stop'),
    } as unknown as SimClient;
  });

  afterEach(() => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('starts a mission, polls its view, and keeps a pass in the browser once', async () => {
    const store = createAppStore(client);
    views.push(view('running'), view('running'), view('passed', 369000));
    expect(await store.getState().startMission('split-the-hot-shard')).toBe(true);
    expect(store.getState()).toMatchObject({ missionId: 'split-the-hot-shard', examOpen: true, examTab: 'missions' });
    await store.getState().refreshMission();
    await store.getState().refreshMission();
    expect(store.getState().mission?.status.state).toBe('passed');
    expect(store.getState().progress.missions['split-the-hot-shard']).toEqual({ passed: true, passedAtMs: 369000, hintsUsed: 1, attempts: 1 });
    expect(new ExamProgressStore().load().missions['split-the-hot-shard'].passed).toBe(true);
    await store.getState().leaveMission();
    expect(store.getState().missionId).toBeNull();
    expect(sent).toEqual(['open split-the-hot-shard false', 'stop']);
  });

  it('shows the worker\'s message for an unknown mission', async () => {
    const store = createAppStore(client);
    expect(await store.getState().startMission('nope')).toBe(false);
    expect(store.getState().message).toEqual({ kind: 'error', title: 'Mission', text: 'There is no mission "nope".' });
  });

  it('drops malformed progress read back from localStorage', () => {
    localStorage.setItem('kinesis-sim:exam-progress:v1', JSON.stringify({ missions: { ok: { passed: true, hintsUsed: 0, attempts: 1 }, '<bad>': { passed: true }, x: { passed: 'yes' } }, practice: { kcl: { right: 5, total: 3 }, 'fan-out': { right: 1, total: 2 } } }));
    expect(new ExamProgressStore().load()).toEqual({ missions: { ok: { passed: true, hintsUsed: 0, attempts: 1 } }, practice: { 'fan-out': { right: 1, total: 2 } } });
    localStorage.setItem('kinesis-sim:exam-progress:v1', '{not json');
    expect(new ExamProgressStore().load()).toEqual({ missions: {}, practice: {} });
  });
});
