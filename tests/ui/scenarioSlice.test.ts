import { describe, it, expect } from 'vitest';
import { createAppStore } from '../../src/ui/store/store';
import type { SimClient } from '../../src/ui/store/client';
import type { OpenResult, Snapshot } from '../../src/worker/protocol';

function fake(open: OpenResult) {
  const sent: string[] = [];
  const client = {
    open: async (f: string) => (sent.push(`open ${f}`), open),
    openPreset: async (id: string) => (sent.push(`preset ${id}`), id === 'nope' ? { ok: false, message: 'There is no preset "nope".', source: 'preset' } : { ok: true, source: 'preset' }),
    seek: async (ms: number) => void sent.push(`seek ${ms}`),
    fork: async () => (sent.push('fork'), 1),
  } as unknown as SimClient;
  return { store: createAppStore(client), sent };
}

const snap = (offsetMs: number): Snapshot =>
  ({ time: 0, seed: '1', playing: false, speed: 1, effectiveSpeed: 0, streams: [], producers: [], consumers: [], firehoses: [], buckets: [], keyMarks: [], events: [], timeline: { offsetMs, endMs: offsetMs, commandsRun: 0 } }) as Snapshot;

describe('scenarioSlice', () => {
  it('opens a refused link and shows why, as a message', async () => {
    const { store, sent } = fake({ ok: false, message: 'The link is not valid base64url. The default scenario is shown instead.', source: 'default' });
    store.setState({ selected: { kind: 'producer', id: 'producer-1' } });
    const r = await store.getState().openFragment('#s=<script>');
    expect(sent).toEqual(['open #s=<script>']);
    expect(r.source).toBe('default');
    expect(store.getState().message).toEqual({ kind: 'error', title: 'Link refused', text: 'The link is not valid base64url. The default scenario is shown instead.' });
    expect(store.getState().selected).toBe(null);
    expect(store.getState().busy).toBe(false);
  });

  it('opens a preset, clearing the selection, and reports an unknown one', async () => {
    const { store, sent } = fake({ ok: true, source: 'default' });
    expect(await store.getState().openPreset('hot-shard-split')).toBe(true);
    expect(store.getState().message).toBe(null);
    expect(await store.getState().openPreset('nope')).toBe(false);
    expect(sent).toEqual(['preset hot-shard-split', 'preset nope']);
    expect(store.getState().message).toEqual({ kind: 'error', title: 'Scenario refused', text: 'There is no preset "nope".' });
  });

  it('clears the event log after a backward seek only', async () => {
    const { store, sent } = fake({ ok: true, source: 'default' });
    store.getState().applySnapshot(snap(60000));
    store.setState({ eventLog: [{ seq: 0, time: 0, type: 'x', text: 'x' }] });
    await store.getState().seek(90000);
    expect(store.getState().eventLog.length).toBe(1);
    await store.getState().seek(30000);
    expect(store.getState().eventLog).toEqual([]);
    expect(sent).toEqual(['seek 90000', 'seek 30000']);
  });

  it('forks and says how many later commands were discarded', async () => {
    const { store } = fake({ ok: true, source: 'default' });
    await store.getState().fork();
    expect(store.getState().message).toEqual({ kind: 'info', title: 'Forked', text: 'Discarded 1 later command; the run continues from here.' });
  });
});
