/**
 * Time travel cost: a backward seek replays the scenario from its start, so
 * its cost is the cost of simulating up to the target. Prints, per preset,
 * the wall time to seek to 1 hour and to 1 day, sync (advance) and async
 * (advanceAsync, needed when Lambda handlers or jq return promises).
 */
import { ScenarioSession } from '../../src/scenarios/scenarioSession';
import { presetScenario } from '../../src/scenarios/presets';
import { heapMb, report } from './format';

const HOUR = 3600000;
const DAY = 24 * HOUR;

function seekWall(id: string, target: number): number {
  const s = new ScenarioSession(presetScenario(id)!);
  const t0 = performance.now();
  s.seekTo(target);
  return (performance.now() - t0) / 1000;
}

async function seekWallAsync(id: string, target: number): Promise<number> {
  const s = new ScenarioSession(presetScenario(id)!);
  const t0 = performance.now();
  await s.seekToAsync(target);
  return (performance.now() - t0) / 1000;
}

export async function run(): Promise<void> {
  for (const id of ['iot-device-id', 'hot-shard-split', 'resharding-kcl', 'slow-consumer-retention', 'tweets-pipeline']) {
    const hour = seekWall(id, HOUR);
    const day = seekWall(id, DAY);
    const hourAsync = await seekWallAsync(id, HOUR);
    report(`scenario-seek-${id}`, { seek_1h_s: hour, seek_1d_s: day, seek_1h_async_s: hourAsync, sim_per_wall_1d: DAY / 1000 / day, heap_mb: heapMb() });
  }
}
