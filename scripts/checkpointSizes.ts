/**
 * Where a checkpoint's bytes go: runs a preset for some simulated time, then
 * sums copyState's byte estimate (strings, fields, typed arrays) per path,
 * to a depth, each object counted once at its first (shortest, breadth
 * first) path. `npx tsx scripts/checkpointSizes.ts <preset> [minutes] [depth]`.
 */
import { ScenarioSession } from '../src/scenarios/scenarioSession';
import { presetScenario } from '../src/scenarios/presets';
import { takeCheckpoint } from '../src/engine';
import { isSharedImmutable, skippedKeys } from '../src/engine/checkpoint/copyState';

const id = process.argv[2] ?? 'telemetry-default';
const minutes = Number(process.argv[3] ?? 1440);
const depth = Number(process.argv[4] ?? 4);
const s = new ScenarioSession(presetScenario(id)!, { checkpointEveryMs: 0 });
let t = performance.now();
s.seekToSync(minutes * 60000);
console.log(`ran ${minutes} min in ${((performance.now() - t) / 1000).toFixed(1)} s`);
t = performance.now();
const cp = takeCheckpoint(s.sim);
console.log(`checkpoint: ${(cp.bytes / 1048576).toFixed(2)} MB own, ${cp.shared.size} shared, ${([...cp.shared.values()].reduce((a, b) => a + b, 0) / 1048576).toFixed(2)} MB shared, took ${(performance.now() - t).toFixed(0)} ms`);

const seen = new Set<object>();
const totals = new Map<string, number>();
const norm = (p: string) => p.replace(/\[\d+\]/g, '[]').replace(/<[^>]*>/g, '<>');
// Breadth-first so each object lands on its shortest path.
let queue: [unknown, string, number][] = [[s.sim, '', 0]];
const add = (p: string, d: number, b: number) => {
  const parts = p.split(/(?=[.\[<{])/);
  totals.set(parts.slice(0, Math.min(d, depth)).join(''), (totals.get(parts.slice(0, Math.min(d, depth)).join('')) ?? 0) + b);
};
while (queue.length > 0) {
  const next: [unknown, string, number][] = [];
  for (const [v, p, d] of queue) {
    if (typeof v === 'function') continue;
    const np = norm(p);
    if (v === null || typeof v !== 'object') {
      if (typeof v === 'string') add(np, d, 16 + v.length);
      continue;
    }
    if (seen.has(v)) continue;
    seen.add(v);
    if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) { add(np, d, v.byteLength + 64); continue; }
    if (v instanceof Map) { add(np, d, 64 + 32 * v.size); for (const [k, x] of v) { next.push([k, `${p}<key>`, d + 1]); next.push([x, `${p}<${typeof k === 'object' ? 'object' : String(k)}>`, d + 1]); } continue; }
    if (v instanceof Set) { add(np, d, 64 + 16 * v.size); let i = 0; for (const x of v) next.push([x, `${p}{${i++}}`, d + 1]); continue; }
    if (Array.isArray(v)) { add(np, d, 32 + 8 * v.length); v.forEach((x, i) => next.push([x, `${p}[${i}]`, d + 1])); continue; }
    if (isSharedImmutable(v)) { add(np + '(shared)', d, 0); continue; }
    add(np, d, 32);
    const skip = skippedKeys(v);
    for (const k of Object.keys(v)) { if (skip?.includes(k)) continue; add(np, d, 8); next.push([(v as Record<string, unknown>)[k], `${p}.${k}`, d + 1]); }
  }
  queue = next;
}
const rows = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 60);
for (const [p, b] of rows) console.log(`${(b / 1048576).toFixed(3).padStart(9)} MB  ${p || '(root)'}`);
