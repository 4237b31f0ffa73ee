/**
 * Time travel cost: a backward seek replays the scenario from its start, so
 * its cost is the cost of simulating up to the target. Prints, per preset,
 * the wall time to seek to 1 hour and to 1 day, sync (seekToSync, which
 * refuses pending async work) and async (seekTo, which settles Lambda
 * handlers and jq; the app's worker always advances this way).
 *
 * bench scenario-tweets-exact-vs-bulk: the tweets pipeline with every record
 * simulated exactly through Lambda and Firehose (its round-1 settings) against
 * the preset's bulk-friendly settings (bulk producer, count-only Lambda
 * batches): wall seconds to seek a day, async, and the ratio.
 *
 * bench scenario-checkpoints-<preset> (issue 9; `npm run bench -- scenario <ids>`
 * for some presets only): a day with a checkpoint every
 * 10 simulated minutes (64 MiB budget), then seeks to 24 moments spread over
 * that day: checkpoints held (count, MB, interval), the slowest and median
 * seek against the 100 ms target, or, when the preset holds what a checkpoint
 * cannot copy yet, what blocks it (its seeks replay from the start). Beside
 * them the yardstick: raw spark-md5 hashes/s of short keys in this run.
 */
import { ScenarioSession } from '../../src/scenarios/scenarioSession';
import { presetScenario } from '../../src/scenarios/presets';
import type { Scenario } from '../../src/scenarios/types';
import { heapMb, md5Yardstick, report } from './format';
import { PRESETS } from '../../src/scenarios/presets';

const HOUR = 3600000;
const DAY = 24 * HOUR;

function seekWall(id: string, target: number): number {
  const s = new ScenarioSession(presetScenario(id)!);
  const t0 = performance.now();
  s.seekToSync(target);
  return (performance.now() - t0) / 1000;
}

async function seekWallAsync(id: string | Scenario, target: number): Promise<number> {
  const s = new ScenarioSession(typeof id === 'string' ? presetScenario(id)! : id);
  const t0 = performance.now();
  await s.seekTo(target);
  return (performance.now() - t0) / 1000;
}

/** Summarises blockers by kind (indices and names folded), most frequent first. */
function blockerSummary(blockers: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const b of blockers) {
    const k = b.replace(/\[\d+\]/g, '[]').replace(/<[^>]*>/g, '<>').replace(/^.*\.([a-zA-Z]+(?:\[\])?\.[a-zA-Z]+): .*$/, '$1');
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, n]) => `${n}x${k}`).join(',');
}

/** The default preset's stream alone, written by a PutRecords command each simulated minute (no producer): a world checkpoints can hold today. */
function streamOnlyDay(): Scenario {
  const base = presetScenario('telemetry-default')!;
  const commands = Array.from({ length: 1439 }, (_, m) => ({
    at: (m + 1) * 60000,
    op: 'kinesis.putRecords',
    args: { StreamName: base.topology.streams![0].StreamName, Records: Array.from({ length: 100 }, (_, i) => ({ PartitionKey: `device-${(m * 31 + i) % 1000}`, Data: 'eyJ0IjoyMX0=' })) },
  }));
  return { ...base, presetId: undefined, topology: { streams: base.topology.streams }, commands };
}

async function checkpointSeeks(id: string, scenario: Scenario, md5: number): Promise<void> {
  const s = new ScenarioSession(scenario);
  const t0 = performance.now();
  await s.seekTo(DAY);
  const dayS = (performance.now() - t0) / 1000;
  // A seek to the first checkpoint shows whether the checkpoints can be restored.
  const first = s.checkpointInfo().offsets[0] ?? DAY / 2;
  const t1 = performance.now();
  await s.seekTo(first + 1234);
  const firstMs = performance.now() - t1;
  const info = s.checkpointInfo();
  if (s.restores === 0) {
    report(`scenario-checkpoints-${id}`, { checkpointable: 'no', blocked_by: blockerSummary(info.blockedBy), day_s: dayS, seek_replay_ms: firstMs, md5_per_s: md5 });
    return;
  }
  const times: number[] = [];
  // 24 moments over the day, in a scrambled order (backwards and forwards).
  for (let i = 0; i < 24; i++) {
    const target = ((i * 7) % 24) * HOUR + ((i * 7919) % 3600) * 1000;
    const t = performance.now();
    await s.seekTo(target);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  report(`scenario-checkpoints-${id}`, {
    checkpointable: s.checkpointInfo().blockedBy.length === 0 ? 'yes' : 'partly',
    restores: s.restores,
    day_s: dayS,
    checkpoints: info.count,
    checkpoint_mb: info.bytes / (1024 * 1024),
    every_min: info.everyMs / 60000,
    seek_max_ms: times[times.length - 1],
    seek_median_ms: times[times.length >> 1],
    target_seek_ms: 100,
    target_checkpoint_mb: 64,
    md5_per_s: md5,
    seek_max_x_md5: (times[times.length - 1] / 1000) * md5,
  });
}

export async function run(): Promise<void> {
  const md5 = md5Yardstick();
  // `npm run bench -- scenario <id,id,...>` measures the checkpoint seeks of those presets only (and nothing else).
  const only = process.argv[3]?.split(',');
  if (only !== undefined) {
    for (const id of only) await checkpointSeeks(id, id === 'stream-only-puts' ? streamOnlyDay() : presetScenario(id)!, md5);
    return;
  }
  await checkpointSeeks('stream-only-puts', streamOnlyDay(), md5);
  for (const p of PRESETS) if (p.scenario.topology.streams !== undefined) await checkpointSeeks(p.id, presetScenario(p.id)!, md5);
  for (const id of ['telemetry-default', 'iot-device-id', 'hot-shard-split', 'resharding-kcl', 'slow-consumer-retention', 'tweets-pipeline']) {
    const hour = seekWall(id, HOUR);
    const day = seekWall(id, DAY);
    const hourAsync = await seekWallAsync(id, HOUR);
    report(`scenario-seek-${id}`, { seek_1h_s: hour, seek_1d_s: day, seek_1h_async_s: hourAsync, ...(id === 'tweets-pipeline' ? { seek_1d_async_s: await seekWallAsync(id, DAY) } : {}), sim_per_wall_1d: DAY / 1000 / day, heap_mb: heapMb() });
  }
  // Enhanced fan-out pushes every record to five applications: seeking costs per simulated minute.
  const efoHour = await seekWallAsync('polling-vs-fan-out', HOUR);
  report('scenario-seek-polling-vs-fan-out', { seek_1h_async_s: efoHour, sim_per_wall_1h: HOUR / 1000 / efoHour, heap_mb: heapMb() });
  const bulk = presetScenario('tweets-pipeline')!;
  // The round-1 settings: every tweet written and handed to Lambda as a record.
  const exact: Scenario = JSON.parse(JSON.stringify(bulk));
  exact.topology.producers = exact.topology.producers!.map((p) => ({ ...p, mode: 'exact' as const }));
  exact.topology.consumers = exact.topology.consumers!.map((c) => ({ ...c, materialiseRecords: true }));
  const exactDay = await seekWallAsync(exact, DAY);
  const bulkDay = await seekWallAsync(bulk, DAY);
  report('scenario-tweets-exact-vs-bulk', { exact_seek_1d_async_s: exactDay, bulk_seek_1d_async_s: bulkDay, speedup: exactDay / bulkDay, heap_mb: heapMb() });
}
