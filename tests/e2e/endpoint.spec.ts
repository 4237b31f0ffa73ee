/**
 * The app attached to `npm run serve`: the real server process, the built app
 * opened from it, and an SDK client's stream appearing in the graph.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import { CreateStreamCommand, KinesisClient, PutRecordsCommand } from '@aws-sdk/client-kinesis';

async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

let server: ChildProcess;
let url = '';

test.beforeAll(async () => {
  // Port 0: a free port, printed by the server, so this spec never collides with another's.
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server/serve.ts', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /endpoint on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    server.once('exit', (code) => reject(new Error(`npm run serve exited (${code}): ${out}`)));
  });
});

test.afterAll(() => {
  server.kill('SIGINT');
});

test('the app opened from the endpoint shows the streams an SDK client creates', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(url + '/');
  await expect(page).toHaveURL(/\?server=1$/);
  // The server's clock runs at wall speed from the start, and the toolbar says so.
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(page.getByTestId('mode-badge')).toHaveText(`Attached to the local endpoint at ${new URL(url).host}: what your own clients send shows here.`);

  const kinesis = new KinesisClient({ endpoint: url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDSIMULATOR', secretAccessKey: 'simulator-secret' }, maxAttempts: 1 });
  await kinesis.send(new CreateStreamCommand({ StreamName: 'from-sdk', ShardCount: 2 }));
  await expect(page.locator('.react-flow__node', { hasText: 'from-sdk' }).first()).toBeVisible({ timeout: 15_000 });
  // Time runs at wall speed: the stream turns ACTIVE within the simulated creation delay.
  await expect.poll(async () => (await kinesis.send(new PutRecordsCommand({ StreamName: 'from-sdk', Records: [{ Data: new Uint8Array([1]), PartitionKey: 'k' }] })).catch(() => undefined))?.FailedRecordCount, { timeout: 30_000 }).toBe(0);
  kinesis.destroy();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/attached.png' });
});
