import { describe, expect, it } from 'vitest';
import { ScenarioSession } from '../../src/scenarios/scenarioSession';
import { presetScenario } from '../../src/scenarios/presets';
import type { Scenario, ScenarioCommand } from '../../src/scenarios/types';
import { canonical } from '../engine/checkpoint/canonical';

const MIN = 60_000;
const state = (s: ScenarioSession) => canonical(s.sim).join('\n');

/** The default preset's stream alone, written by timed PutRecords commands and split at 8 minutes. */
function streamOnly(): Scenario {
  const base = presetScenario('telemetry-default')!;
  const commands: ScenarioCommand[] = [];
  for (let m = 1; m < 40; m++) {
    const Records = Array.from({ length: 20 }, (_, i) => ({ PartitionKey: `device-${(m * 7 + i) % 50}`, Data: btoa(`reading ${m}.${i}`) }));
    commands.push({ at: m * MIN + 500, op: 'kinesis.putRecords', args: { StreamName: 'telemetry-stream', Records } });
  }
  commands.push({ at: 8 * MIN, op: 'kinesis.splitShard', args: { StreamName: 'telemetry-stream', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '28356863910078205288614550619314017621' } });
  commands.sort((a, b) => a.at - b.at);
  return { ...base, presetId: undefined, topology: { streams: base.topology.streams }, commands };
}

describe('ScenarioSession checkpoints', () => {
  it('seeks back by restoring the nearest checkpoint, to the world a replay from the seed gives', async () => {
    const s = new ScenarioSession(streamOnly(), { checkpointEveryMs: 5 * MIN });
    await s.seekTo(22 * MIN);
    const info = s.checkpointInfo();
    expect(info.blockedBy).toEqual([]);
    expect(info.offsets).toEqual([5 * MIN, 10 * MIN, 15 * MIN, 20 * MIN]);
    expect(await s.seekTo(12 * MIN)).toEqual({ replayed: true });
    expect([s.restores, s.replays, s.offset]).toEqual([1, 1, 12 * MIN]);
    const fresh = new ScenarioSession(streamOnly(), { checkpointEveryMs: 0 });
    await fresh.seekTo(12 * MIN);
    expect(state(s)).toBe(state(fresh));
    expect(s.commandLog()).toEqual(fresh.commandLog());
    // And on from there (past the next checkpoint), the two stay the same world.
    await s.advance(9 * MIN);
    await fresh.advance(9 * MIN);
    expect(state(s)).toBe(state(fresh));
    expect(s.sim.kinesis.describeStreamSummary({ StreamName: 'telemetry-stream' }).StreamDescriptionSummary.OpenShardCount).toBe(7);
  });

  it('keeps the checkpoints within the budget by thinning them and doubling the interval', () => {
    const s = new ScenarioSession(streamOnly(), { checkpointEveryMs: MIN });
    s.seekToSync(2 * MIN);
    const budget = Math.floor((s.checkpointInfo().bytes / 2) * 3.5);
    const thin = new ScenarioSession(streamOnly(), { checkpointEveryMs: MIN, checkpointBudgetBytes: budget });
    thin.seekToSync(8 * MIN);
    const info = thin.checkpointInfo();
    expect(info.bytes).toBeLessThanOrEqual(budget);
    expect(info.everyMs).toBe(4 * MIN);
    expect(info.offsets).toEqual([4 * MIN, 8 * MIN]);
  });

  it('forgets the checkpoints after a command applied before them', async () => {
    const s = new ScenarioSession(streamOnly(), { checkpointEveryMs: 5 * MIN });
    await s.seekTo(16 * MIN);
    await s.seekTo(7 * MIN);
    expect(s.apply({ op: 'kinesis.splitShard', args: { StreamName: 'telemetry-stream', ShardToSplit: 'shardId-000000000003', NewStartingHashKey: '198497546389840639583245004979601842346' } }).ok).toBe(true);
    expect(s.checkpointInfo().offsets).toEqual([5 * MIN]);
  });

  it('restores the default preset (bulk producers, Firehose, Lambda) to the world a replay from the seed gives', () => {
    const s = new ScenarioSession(presetScenario('telemetry-default')!, { checkpointEveryMs: 2 * MIN });
    s.seekToSync(5 * MIN);
    expect(s.checkpointInfo().blockedBy).toEqual([]);
    expect(s.checkpointInfo().offsets).toEqual([2 * MIN, 4 * MIN]);
    s.seekToSync(3 * MIN);
    expect([s.restores, s.replays]).toEqual([1, 1]);
    const fresh = new ScenarioSession(presetScenario('telemetry-default')!, { checkpointEveryMs: 0 });
    fresh.seekToSync(3 * MIN);
    expect(state(s)).toBe(state(fresh));
  });

  it('replays from the start, exactly, when the world holds what a checkpoint cannot copy (and says what)', () => {
    const s = new ScenarioSession(streamOnly(), { checkpointEveryMs: 2 * MIN });
    s.seekToSync(MIN);
    // Something that is not state: a function as an event's payload (the engine's own events are data).
    s.sim.core.scheduleEvent(10 * MIN, 'test:closure', () => undefined);
    s.seekToSync(5 * MIN);
    expect(s.checkpointInfo().count).toBe(0);
    expect(s.checkpointInfo().blockedBy.some((b) => b.endsWith(": closure event 'test:closure'"))).toBe(true);
    const replays = s.replays;
    s.seekToSync(3 * MIN);
    expect(s.restores).toBe(0);
    expect(s.replays).toBe(replays + 1);
    const fresh = new ScenarioSession(streamOnly(), { checkpointEveryMs: 0 });
    fresh.seekToSync(3 * MIN);
    expect(state(s)).toBe(state(fresh));
  });
});
