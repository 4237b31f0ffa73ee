import { describe, expect, it } from 'vitest';
import { ScenarioSession } from '../../src/scenarios/scenarioSession';
import { presetScenario, PRESETS } from '../../src/scenarios/presets';
import { canonical } from '../engine/checkpoint/canonical';

const SEC = 1000;
const state = (s: ScenarioSession) => canonical(s.sim).join('\n');
/** What the views read through the services' facades: state a facade closes over but the simulation does not reach would differ here. */
const views = (s: ScenarioSession) =>
  JSON.stringify([s.sim.traffic.snapshot(), s.sim.rekognition.processors(), s.sim.rekognition.notifications(), s.sim.cost.summary()], (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

/**
 * The presets whose worlds are plain data now (bulk lanes as recipes for the
 * materialiser registry, exact producers and reader clocks without closures).
 * The rest wait for Firehose/Lambda/S3/KCL data events; the test below covers
 * every preset that can checkpoint, these must.
 */
const MUST_CHECKPOINT = [
  'iot-device-id',
  'customer-id-heavy',
  'transaction-id',
  'log-level-hot-shard',
  'server-id',
  'hostname-timestamp',
  'trades-by-symbol',
  'constant-key',
  'hot-shard-split',
  'kpl-aggregation',
  'provisioned-vs-on-demand',
  'polling-vs-fan-out',
  'slow-consumer-retention',
  'clickstream-parquet',
  'analytics-order-totals',
  'smart-home-label-detection',
  'video-face-search-lambda',
];

// Worlds that take long to step (a Flink application over a fast sensor stream, jq over every record) are covered by the faster ones of their kind.
const SLOW = new Set(['analytics-sensor-anomalies', 'firehose-dynamic-partitioning']);

describe('preset checkpoints', () => {
  it.each(PRESETS.filter((p) => !SLOW.has(p.id)).map((p) => p.id))('%s: restoring a checkpoint and replaying gives the world a replay from the seed gives', async (id) => {
    const s = new ScenarioSession(presetScenario(id)!, { checkpointEveryMs: 60 * SEC });
    await s.seekTo(150 * SEC);
    const info = s.checkpointInfo();
    if (MUST_CHECKPOINT.includes(id)) expect(info.blockedBy).toEqual([]);
    if (info.count === 0) return;
    expect(info.offsets).toContain(60 * SEC);
    // Back before the checkpoint at 120 s: the one at 60 s is restored, 30 s replayed.
    await s.seekTo(90 * SEC);
    if (s.restores === 0) {
      // The copy holds a function the fresh world lacks (a Firehose stage's hook): it says so and replays from the seed.
      expect(MUST_CHECKPOINT).not.toContain(id);
      expect(s.checkpointInfo().blockedBy).not.toEqual([]);
      return;
    }
    expect(s.restores).toBe(1);
    // From the seed with the same steps (a checkpoint every minute splits the advance at the same moments:
    // the video engine's stored-bytes integral rounds differently when one advance is split in two).
    const fresh = new ScenarioSession(presetScenario(id)!, { checkpointEveryMs: 60 * SEC });
    await fresh.seekTo(90 * SEC);
    expect(fresh.restores).toBe(0);
    expect(state(s)).toBe(state(fresh));
    expect(views(s)).toBe(views(fresh));
    expect(s.commandLog()).toEqual(fresh.commandLog());
    // And on from there, past the next checkpoint: still one world.
    for (const sess of [s, fresh]) for (let i = 0; i < 2; i++) await sess.advance(30 * SEC);
    expect(state(s)).toBe(state(fresh));
    expect(views(s)).toBe(views(fresh));
  });
});
