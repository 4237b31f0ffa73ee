#!/usr/bin/env node
// Reads the vitest and Playwright JSON reports that `npm test` writes under CI
// (under reports/) and prints one line `ci: N passed, N failed` with the real counts. A failing
// step that ran no tests (typecheck, purity check, build) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;

const unit = 'reports/vitest.json';
if (existsSync(unit)) {
  const r = JSON.parse(readFileSync(unit, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
}

const e2e = 'reports/e2e-results.json';
if (existsSync(e2e)) {
  const r = JSON.parse(readFileSync(e2e, 'utf8'));
  passed += (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0);
  failed += r.stats?.unexpected ?? 0;
}

if (status !== 0 && failed === 0) failed = 1;
console.log(`ci: ${passed} passed, ${failed} failed`);
