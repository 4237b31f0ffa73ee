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
 */
import { ScenarioSession } from '../../src/scenarios/scenarioSession';
import { presetScenario } from '../../src/scenarios/presets';
import type { Scenario } from '../../src/scenarios/types';
import { heapMb, report } from './format';

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

export async function run(): Promise<void> {
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
