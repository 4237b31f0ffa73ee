import { test, expect, type Page } from '@playwright/test';

/** Collects console errors and page errors while `run` is going. */
async function withoutErrors(page: Page, run: () => Promise<void>): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await run();
  return errors;
}

test.describe('the built app loads', () => {
  test('at the root, with no console error', async ({ page }) => {
    const errors = await withoutErrors(page, async () => {
      await page.goto('/');
      await expect(page.getByRole('heading', { name: 'Kinesis Simulator' })).toBeVisible();
      // The default scenario's stream has 6 shards, listed in the inspector.
      await expect(page.getByRole('list', { name: 'Shards' }).getByRole('listitem')).toHaveCount(6);
    });
    expect(errors).toEqual([]);
  });

  test('under a GitHub Pages sub-path, with no console error', async ({ browser, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    // page.route cannot serve a service worker's script (Chromium fetches it outside the page), so the
    // preview server's HTML fallback would answer /kinesis-simulator/sw.js; the worker is checked at the root.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    // Serve the same build as if it lived at https://user.github.io/kinesis-simulator/
    await page.route(`${origin}/kinesis-simulator/**`, async (route) => {
      const url = new URL(route.request().url());
      const rest = url.pathname.replace(/^\/kinesis-simulator/, '') || '/';
      const response = await route.fetch({ url: `${origin}${rest}${url.search}` });
      await route.fulfill({ response });
    });
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    const errors = await withoutErrors(page, async () => {
      await page.goto('/kinesis-simulator/');
      await expect(page.getByRole('heading', { name: 'Kinesis Simulator' })).toBeVisible();
    });
    expect(errors).toEqual([]);
    // Every asset was asked for under the sub-path, none from the site root.
    const assets = requested.filter((p) => p.includes('/assets/'));
    expect(assets.length).toBeGreaterThan(0);
    expect(assets.every((p) => p.startsWith('/kinesis-simulator/assets/'))).toBe(true);
    // The worker may still be fetching through the route: let in-flight handlers fail quietly.
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  });
});
