import { ScenarioSession } from '../src/scenarios/scenarioSession';
import { presetScenario } from '../src/scenarios/presets';
import { takeCheckpoint, restoreCheckpoint } from '../src/engine';
const id = process.argv[2] ?? 'telemetry-default';
const s = new ScenarioSession(presetScenario(id)!, { checkpointEveryMs: 0 });
s.seekToSync(Number(process.argv[3] ?? 1440) * 60000);
for (const [n, b] of s.sim.firehoseContext.s3.buckets) console.log('bucket', n, b.objects.size, [...b.objects.keys()].slice(0, 2));
for (const [n, st] of s.sim.firehoseContext.streams) console.log('ds', n, (st as any).sliceStore?.size);
console.log('events log', (s.sim.core.events as any).items?.length);
const g = (globalThis as any).gc;
for (let i = 0; i < 3; i++) {
  let t = performance.now();
  const cp = takeCheckpoint(s.sim);
  const take = performance.now() - t;
  t = performance.now();
  const fresh = new ScenarioSession(presetScenario(id)!, { checkpointEveryMs: 0 });
  const build = performance.now() - t;
  t = performance.now();
  restoreCheckpoint(fresh.sim, cp);
  console.log(`take ${take.toFixed(0)} ms, build ${build.toFixed(0)} ms, restore ${(performance.now() - t).toFixed(0)} ms, bytes ${(cp.bytes / 1048576).toFixed(1)}`);
}
t0();
function t0() { const t = performance.now(); s.sim.advanceSync(10 * 60000); console.log(`10 min advance ${(performance.now() - t).toFixed(1)} ms`); }
