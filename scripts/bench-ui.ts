/**
 * UI benchmark: builds nothing itself (run `npx vite build` first, or let
 * `npm run bench:ui` do it), serves dist with `vite preview`, and measures in
 * headless Chromium:
 * - median frame interval and long tasks (> 50 ms) on the main thread over
 *   10 s of a 500-shard scenario playing at 100x, twice: with light traffic
 *   (`bench-500`, ~2% of the write limits) and near capacity
 *   (`bench-500-loaded`, bulk producers at ~85% of both limits);
 * - initial JavaScript (the entry and its static imports, gzip);
 * - time from navigation to the default scenario's first simulated second on screen.
 * Prints `bench ui-500-shards: key=value ...` and `bench ui-500-shards-loaded: ...`.
 */
import { chromium, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const PORT = 4174;
const BASE = `http://127.0.0.1:${PORT}/`;
const DIST = 'dist';

/** The entry script and the modules it preloads, gzip-compressed, in KB. */
function initialJsGzipKb(): number {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="\.?\/?([^"]+\.js)"/g)) files.add(m[1]);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.?\/?([^"]+\.js)"/g)) files.add(m[1]);
  let bytes = 0;
  for (const f of files) bytes += gzipSync(readFileSync(join(DIST, f))).length;
  return bytes / 1024;
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(BASE);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('vite preview did not start');
}

/** Median frame interval and long tasks over 10 s of a named scenario playing at 100x. */
async function measureFrames(page: Page, scenario: string): Promise<Record<string, string | number>> {
  await page.goto(`${BASE}?scenario=${scenario}&play=1&speed=100`);
  await page.waitForFunction(() => document.querySelector('.strip') !== null, undefined, { timeout: 30_000 });
  // Page code as a string: tsx's name helpers do not exist in the page.
  const result = (await page.evaluate(`new Promise((resolve) => {
    const frames = [];
    const longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.duration > 50) longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
    let last = performance.now();
    const end = last + 10000;
    const tick = (t) => {
      frames.push(t - last);
      last = t;
      if (t < end) requestAnimationFrame(tick);
      else resolve({ frames, longTasks });
    };
    requestAnimationFrame(tick);
  })`)) as { frames: number[]; longTasks: number[] };
  const clock = await page.locator('output.clock').textContent();
  const sorted = [...result.frames].sort((a, b) => a - b);
  return {
    median_frame_ms: sorted[Math.floor(sorted.length / 2)].toFixed(1),
    long_tasks_over_50ms: result.longTasks.length,
    max_long_task_ms: result.longTasks.length ? Math.max(...result.longTasks).toFixed(0) : '0',
    frames: result.frames.length,
    sim_clock_after: JSON.stringify(clock ?? ''),
  };
}

function printLine(name: string, fields: Record<string, string | number>): void {
  console.log(`bench ${name}: ${Object.entries(fields).map(([k, v]) => `${k}=${v}`).join(' ')}`);
}

async function main(): Promise<void> {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ missing: run `npx vite build` first');
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  try {
    await waitForServer();
    const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
    const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });

    // First simulated second on screen: the default scenario starts playing from the URL.
    await page.goto(`${BASE}?play=1`);
    // Page code as strings: tsx's name helpers do not exist in the page.
    const firstSecondMs = (await page.evaluate(`new Promise((resolve) => {
      let first = null;
      const check = () => {
        const t = document.querySelector('output.clock')?.textContent ?? '';
        if (/UTC$/.test(t)) {
          if (first === null) first = t;
          else if (t !== first) return resolve(performance.now());
        }
        requestAnimationFrame(check);
      };
      check();
    })`)) as number;

    // 500 shards at 100x for 10 s: light traffic (~2% of the write limits), then near capacity.
    const light = await measureFrames(page, 'bench-500');
    const loaded = await measureFrames(page, 'bench-500-loaded');
    await browser.close();
    const common = { initial_js_gzip_kb: initialJsGzipKb().toFixed(1), first_sim_second_ms: firstSecondMs.toFixed(0) };
    printLine('ui-500-shards', { ...light, ...common });
    printLine('ui-500-shards-loaded', { ...loaded, ...common });
  } finally {
    if (server.pid !== undefined) process.kill(-server.pid);
  }
}

void main();
