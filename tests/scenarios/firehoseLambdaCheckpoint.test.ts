import { describe, expect, it } from 'vitest';
import { ScenarioSession } from '../../src/scenarios/scenarioSession';
import { presetScenario } from '../../src/scenarios/presets';
import { checkpointBlockers, restoreCheckpoint, takeCheckpoint } from '../../src/engine';
import type { ScheduledEvent } from '../../src/engine/core/eventQueue';
import { canonical } from '../engine/checkpoint/canonical';

const MIN = 60_000;
const state = (s: ScenarioSession) => canonical(s.sim).join('\n');

/** Labels of the live events on the queue (what the world is waiting for). */
function pending(s: ScenarioSession): string[] {
  const heap = (s.sim.core.queue as unknown as { heap: ScheduledEvent[] }).heap;
  return heap.filter((e) => !e.cancelled).map((e) => e.label);
}

/** A session of the preset that takes no checkpoints of its own. */
const session = (id: string) => new ScenarioSession(presetScenario(id)!, { checkpointEveryMs: 0 });

/** Steps `s` by 100 ms until an event labelled `label` is waiting; returns the offset reached. */
function stepUntilPending(s: ScenarioSession, label: string, limitMs: number): number {
  while (!pending(s).includes(label)) {
    if (s.offset >= limitMs) throw new Error(`no '${label}' before ${limitMs} ms`);
    s.advanceSync(100);
  }
  return s.offset;
}

describe('checkpoints of a Firehose + Lambda world (issue 9: data events only)', () => {
  it('firehose-csv-to-json: a checkpoint taken while a transform invocation runs restores, and replays to the world a run from the seed gives', () => {
    const a = session('firehose-csv-to-json');
    // The Lambda stage flushes after its 60 s buffer interval; stop while the invocation is in flight.
    const at = stepUntilPending(a, 'lambda:invokeComplete', 3 * MIN);
    expect(pending(a)).toContain('firehose:transformTimeout');
    expect(checkpointBlockers(a.sim)).toEqual([]);
    const cp = takeCheckpoint(a.sim);
    expect(cp.time).toBe(a.startTime + at);

    const b = session('firehose-csv-to-json');
    restoreCheckpoint(b.sim, cp);
    expect(b.offset).toBe(at);
    expect(state(b)).toBe(state(a));
    const end = 5 * MIN;
    a.advanceSync(end - at);
    b.advanceSync(end - at);
    const fromSeed = session('firehose-csv-to-json');
    fromSeed.seekToSync(end);
    expect(state(b)).toBe(state(fromSeed));
    expect(state(a)).toBe(state(fromSeed));
    // The restored world delivered the converted objects and the failed records, as the original did.
    const keys = (s: ScenarioSession) => (s.sim.s3.listObjectsV2({ Bucket: 'people-lake' }).Contents ?? []).map((o) => `${o.Key}:${o.Size}`);
    expect(keys(b)).toEqual(keys(fromSeed));
    expect(keys(b).some((k) => k.startsWith('people/'))).toBe(true);
    expect(keys(b).some((k) => k.startsWith('errors/processing-failed/'))).toBe(true);
  });

  it('firehose-csv-to-json: the session checkpoints every simulated minute and seeks back by restoring one', async () => {
    const s = new ScenarioSession(presetScenario('firehose-csv-to-json')!, { checkpointEveryMs: MIN });
    await s.seekTo(4 * MIN);
    expect(s.checkpointInfo().blockedBy).toEqual([]);
    expect(s.checkpointInfo().offsets).toEqual([MIN, 2 * MIN, 3 * MIN, 4 * MIN]);
    await s.seekTo(2 * MIN + 30_000);
    expect(s.restores).toBe(1);
    await s.advance(150_000);
    const fresh = session('firehose-csv-to-json');
    await fresh.seekTo(5 * MIN);
    expect(state(s)).toBe(state(fresh));
  });

  it('lambda-poison-record: a checkpoint taken while the event source mapping waits on an invocation restores and replays exactly', () => {
    const a = session('lambda-poison-record');
    const at = stepUntilPending(a, 'lambda:invokeComplete', 3 * MIN);
    expect(checkpointBlockers(a.sim)).toEqual([]);
    const cp = takeCheckpoint(a.sim);
    const b = session('lambda-poison-record');
    restoreCheckpoint(b.sim, cp);
    const end = at + 2 * MIN;
    b.advanceSync(end - at);
    const fromSeed = session('lambda-poison-record');
    fromSeed.seekToSync(end);
    expect(state(b)).toBe(state(fromSeed));
  });
});
