#!/usr/bin/env node
// Fails when src/engine uses the wall clock, Math.random, timers, the DOM or
// UI/worker libraries: the engine must stay pure and deterministic.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const RULES = [
  [/\bDate\s*\.\s*now\s*\(/, 'Date.now() reads the wall clock'],
  [/\bnew\s+Date\s*\(/, 'new Date() reads the wall clock or builds dates; use simulated epoch ms'],
  [/\bDate\s*\(/, 'Date() reads the wall clock'],
  [/\bperformance\s*\.\s*now\b/, 'performance.now() reads the wall clock'],
  [/\bMath\s*\.\s*random\b/, 'Math.random is not seeded; use the simulation generator'],
  [/\b(setTimeout|setInterval|setImmediate|requestAnimationFrame|queueMicrotask)\s*\(/, 'timers: schedule on the engine event queue instead'],
  [/\b(window|document|self|globalThis\s*\.\s*(window|document))\s*\./, 'DOM globals'],
  [/from\s+['"](react|react-dom|d3|d3-[\w-]+|comlink|zustand|@xyflow\/react)(\/[^'"]*)?['"]/, 'UI or worker libraries'],
  [/from\s+['"](\.\.\/)+(worker|ui)\//, 'imports from worker/ or ui/'],
  [/from\s+['"]node:/, 'Node built-ins'],
];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

const files = process.argv[2] ? [process.argv[2]] : walk('src/engine');
const problems = [];
for (const file of files) {
  readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
    const code = line.replace(/\/\/.*$/, '');
    if (/^\s*(\*|\/\*)/.test(code)) return; // doc comments
    for (const [re, why] of RULES) if (re.test(code)) problems.push(`${file}:${i + 1}: ${why}\n    ${line.trim()}`);
  });
}
if (problems.length > 0) {
  console.error(`engine purity check failed (${problems.length}):\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`engine purity check passed (${files.length} files)`);
