import { test, expect, type Page } from '@playwright/test';

/**
 * Scenarios in the browser: open a preset, run it, share it, open the link in
 * a fresh page and see the same numbers at the same simulated time; scrub
 * back and fork. Uses the components in src/ui/scenarios by their roles and
 * labels. Skipped (with the reason) while the app does not mount the timeline,
 * i.e. until the worker runs its world through ScenarioSession.
 */

async function timelineMounted(page: Page): Promise<boolean> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Kinesis Simulator' })).toBeVisible();
  return (await page.getByRole('group', { name: 'Timeline' }).count()) > 0;
}

/** The numbers a learner reads: the simulated clock and every shard's label. */
async function numbers(page: Page): Promise<{ clock: string; shards: string[] }> {
  const clock = (await page.getByRole('status', { name: 'Simulated time' }).or(page.getByLabel('Simulated time')).first().textContent()) ?? '';
  const shards = await page.getByRole('list', { name: 'Shards' }).getByRole('listitem').allTextContents();
  return { clock, shards };
}

test.describe('scenarios', () => {
  test('a shared link reproduces the same numbers at the same simulated time', async ({ page, browser, context }) => {
    test.skip(!(await timelineMounted(page)), 'the app does not mount the scenario timeline yet');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByLabel('Preset').selectOption('hot-shard-split');
    await expect(page.getByText('What to notice', { exact: false }).or(page.locator('.preset-explanation'))).toBeVisible();
    await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
    await page.getByRole('button', { name: 'Pause' }).or(page.getByRole('button', { name: 'Play' })).first().waitFor();
    const before = await numbers(page);
    await page.getByRole('button', { name: 'Share link' }).click();
    await expect(page.getByText(/^Link copied/)).toBeVisible();
    const url = await page.getByLabel('Share link').inputValue();
    expect(url).toMatch(/#(p|s)=[^&]+&t=\d+$/);
    expect(url.length).toBeLessThan(2000);

    const fresh = await browser.newPage();
    await fresh.goto(url);
    await expect(fresh.getByRole('list', { name: 'Shards' }).getByRole('listitem').first()).toBeVisible();
    await expect.poll(async () => numbers(fresh)).toEqual(before);
    await fresh.close();
  });

  test('scrubbing back shows the earlier world, and forking asks before dropping later commands', async ({ page }) => {
    test.skip(!(await timelineMounted(page)), 'the app does not mount the scenario timeline yet');
    await page.getByLabel('Preset').selectOption('hot-shard-split');
    // Past the split at 10 minutes: the hot shard has children.
    for (let i = 0; i < 11; i++) await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
    await expect(page.getByRole('list', { name: 'Shards' }).getByRole('listitem')).toHaveCount(6);
    // Back to 5 minutes: before the split, four shards.
    await page.getByRole('button', { name: /^Go to 0 min 00 s|^Go to / }).first().waitFor();
    const range = page.getByLabel(/Time since start/);
    await range.focus();
    await range.fill('300000');
    await range.press('ArrowLeft');
    await expect(page.getByRole('list', { name: 'Shards' }).getByRole('listitem')).toHaveCount(4);
    await page.getByRole('button', { name: 'Fork from here' }).click();
    await expect(page.getByRole('alertdialog', { name: 'Confirm fork' })).toContainText('discards 1 later command');
    await page.getByRole('button', { name: 'Fork and discard' }).click();
    for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
    await expect(page.getByRole('list', { name: 'Shards' }).getByRole('listitem')).toHaveCount(4);
  });

  test('a hostile link opens the default scenario with a message, as text', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto('/#s=%3Cscript%3Ealert(1)%3C%2Fscript%3E&t=5');
    await expect(page.getByRole('heading', { name: 'Kinesis Simulator' })).toBeVisible();
    test.skip((await page.getByRole('group', { name: 'Timeline' }).count()) === 0, 'the app does not load scenarios from links yet');
    await expect(page.getByText(/The default scenario is shown instead\./)).toBeVisible();
    expect(errors).toEqual([]);
  });
});
