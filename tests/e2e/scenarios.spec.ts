import { test, expect, type Page } from '@playwright/test';

import { encodeShareFragment } from '../../src/scenarios/shareLink';
import { presetScenario } from '../../src/scenarios/presets';

/**
 * Scenarios in the browser: open a preset, run it, share it, open the link in
 * a fresh page and see the same numbers at the same simulated time; scrub
 * back and fork; hostile links open the default scenario with a message shown
 * as text. Uses the components in src/ui/scenarios by their roles and labels.
 */

async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { name: 'Kinesis Simulator' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Timeline' })).toBeVisible();
}

/** The numbers a learner reads: the simulated clock and every shard's label. */
async function numbers(page: Page): Promise<{ clock: string; shards: string[] }> {
  const clock = (await page.getByRole('status', { name: 'Simulated time' }).or(page.getByLabel('Simulated time')).first().textContent()) ?? '';
  const shards = await page.getByRole('list', { name: 'Shards' }).getByRole('listitem').allTextContents();
  return { clock, shards };
}

/** The clock, the hot-shard line and the timeline's command marks. */
async function summary(page: Page): Promise<{ clock: string; hot: string; marks: string[] }> {
  const clock = (await page.getByLabel('Simulated time').first().textContent()) ?? '';
  const hot = (await page.locator('.hot-summary').textContent()) ?? '';
  const marks = await page.getByRole('list', { name: 'Commands' }).getByRole('button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label') ?? ''));
  return { clock, hot, marks };
}

/** Waits until queued jumps are worked off: the timeline reads `offset` (e.g. "1 min 10 s") and nothing moves. */
async function settledAt(page: Page, offset: RegExp): Promise<void> {
  await expect(page.getByRole('group', { name: 'Timeline' }).locator('output')).toHaveText(offset, { timeout: 20_000 });
  let last = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify(await numbers(page));
      const same = now === last;
      last = now;
      return same;
    })
    .toBe(true);
}

async function pickPreset(page: Page, id: string): Promise<void> {
  await page.getByRole('combobox', { name: /^Preset/ }).selectOption(id);
  await expect(page.locator('.scenario-name')).toContainText(presetScenario(id)!.name);
}

test.describe('scenarios', () => {
  test('a shared link reproduces the same numbers at the same simulated time', async ({ page, browser, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openApp(page);
    await pickPreset(page, 'hot-shard-split');
    await expect(page.locator('.preset-explanation')).toContainText('Customer traffic with a few heavy customers overloads the last shard');
    await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
    await settledAt(page, /^1 min \d\d s$/);
    const before = await numbers(page);
    expect(before.shards).toHaveLength(4);
    await page.getByRole('button', { name: 'Share link' }).click();
    await expect(page.getByText(/^Link copied/)).toBeVisible();
    const url = await page.getByLabel('Share link').inputValue();
    expect(url).toMatch(/#(p|s)=[^&]+&t=\d+$/);
    expect(url.length).toBeLessThan(2000);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await page.screenshot({ path: 'test-results/screenshots/scenario-shared.png' });

    const fresh = await browser.newPage();
    await fresh.goto(url);
    await expect(fresh.getByRole('list', { name: 'Shards' }).getByRole('listitem').first()).toBeVisible();
    await expect.poll(async () => numbers(fresh), { timeout: 20_000 }).toEqual(before);
    await expect(fresh.locator('.scenario-name')).toContainText('A hot shard fixed by a split');
    await fresh.close();
  });

  test('a changed run shares as a full link that replays the change', async ({ page, browser }) => {
    await openApp(page);
    await pickPreset(page, 'hot-shard-split');
    await page.getByRole('list', { name: 'Shards' }).getByRole('button', { name: 'shardId-000000000000' }).click();
    await page.getByRole('button', { name: 'Split shard' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'SplitShard' })).toBeVisible();
    await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
    await settledAt(page, /^1 min \d\d s$/);
    await page.getByRole('button', { name: 'Share link' }).click();
    const url = await page.getByLabel('Share link').inputValue();
    expect(url).toMatch(/#s=[A-Za-z0-9_-]+&t=\d+$/);
    const before = await summary(page);
    expect(before.marks).toEqual([expect.stringMatching(/^Go to 0 min \d\d s: kinesis\.splitShard$/), 'Go to 10 min 00 s: kinesis.splitShard']);
    const fresh = await browser.newPage();
    await fresh.goto(url);
    await expect.poll(async () => summary(fresh), { timeout: 20_000 }).toEqual(before);
    await expect(fresh.getByRole('list', { name: 'Shards' }).getByRole('listitem')).toHaveCount(5);
    await fresh.close();
  });

  test('scrubbing back shows the earlier world, and forking asks before dropping later commands', async ({ page }) => {
    await openApp(page);
    await pickPreset(page, 'hot-shard-split');
    // Past the split at 10 minutes: the hot shard is closed and its two children are open.
    for (let i = 0; i < 11; i++) await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
    await settledAt(page, /^11 min \d\d s$/);
    await expect(page.getByRole('list', { name: 'Shards' }).getByRole('listitem')).toHaveCount(5);
    await page.getByRole('button', { name: /^Go to 10 min 00 s: kinesis\.splitShard/ }).waitFor();
    // Back to 5 minutes: before the split, four shards.
    const range = page.getByLabel(/Time since start/);
    await range.focus();
    await range.fill('300000');
    await range.press('ArrowLeft');
    await settledAt(page, /^4 min 59 s$/);
    await expect(page.getByRole('list', { name: 'Shards' }).getByRole('listitem')).toHaveCount(4);
    await page.screenshot({ path: 'test-results/screenshots/scenario-scrubbed.png' });
    await page.getByRole('button', { name: 'Fork from here' }).click();
    await expect(page.getByRole('alertdialog', { name: 'Confirm fork' })).toContainText('discards 1 later command');
    await page.getByRole('button', { name: 'Fork and discard' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Discarded 1 later command' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Go to 10 min/ })).toHaveCount(0);
    for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
    await settledAt(page, /^10 min 59 s$/);
    await expect(page.getByRole('list', { name: 'Shards' }).getByRole('listitem')).toHaveCount(4);
  });

  test('a hostile link opens the default scenario with a message, as text', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await openApp(page, '/#s=%3Cscript%3Ealert(1)%3C%2Fscript%3E&t=5');
    await expect(page.getByRole('alert').filter({ hasText: 'The default scenario is shown instead.' })).toBeVisible();
    await expect(page.locator('.scenario-name')).toContainText('Telemetry and logs on one stream (the default)');
    await expect(page.getByRole('list', { name: 'Shards' }).getByRole('listitem')).toHaveCount(6);
    expect(errors).toEqual([]);
  });

  test('a scenario named with a script tag shows the name as text and runs nothing', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    const hostileName = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const link = encodeShareFragment({ ...presetScenario('constant-key')!, presetId: undefined, name: hostileName }, 0);
    if (!link.ok) throw new Error(link.message);
    await openApp(page, `/${link.fragment}`);
    await expect(page.locator('.scenario-name')).toContainText(hostileName);
    expect(await page.locator('.scenario-name script, .scenario-name img').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test('a link from a newer version is refused with a message', async ({ page }) => {
    const link = encodeShareFragment({ ...presetScenario('constant-key')!, presetId: undefined, version: 2 as never }, 0);
    if (!link.ok) throw new Error(link.message);
    await openApp(page, `/${link.fragment}`);
    await expect(page.getByRole('alert').filter({ hasText: /newer version.*The default scenario is shown instead\./ })).toBeVisible();
    await expect(page.locator('.scenario-name')).toContainText('(the default)');
  });

  test('my scenarios: save, reopen after a reload, delete', async ({ page }) => {
    await openApp(page);
    await pickPreset(page, 'constant-key');
    await page.getByRole('button', { name: 'My scenarios' }).click();
    const mine = page.getByRole('region', { name: 'My scenarios' });
    await mine.getByRole('textbox', { name: 'Name', exact: true }).fill('my constant key run');
    await page.getByRole('button', { name: 'Save current run' }).click();
    await expect(page.getByText('Saved "my constant key run".')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('group', { name: 'Timeline' })).toBeVisible();
    await page.getByRole('button', { name: 'My scenarios' }).click();
    await page.getByRole('button', { name: 'Open my constant key run' }).click();
    await expect(page.locator('.scenario-name')).toContainText('my constant key run');
    // Importing a file with a saved name asks before replacing it.
    const doc = { ...presetScenario('iot-device-id')!, presetId: undefined, name: 'my constant key run' };
    await page.getByLabel('Import JSON file').setInputFiles({ name: 'x.scenario.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await expect(page.getByRole('alertdialog', { name: 'Replace saved scenario' })).toContainText('is already saved. Replace it?');
    await page.getByRole('button', { name: 'Keep the saved one' }).click();
    await expect(page.getByRole('list', { name: 'Saved scenarios' }).getByRole('listitem')).toHaveCount(1);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CloudFormation' }).click();
    expect((await download).suggestedFilename()).toBe('my-constant-key-run.cfn.json');
    await page.getByRole('button', { name: 'Delete my constant key run' }).click();
    await expect(page.getByText('Nothing saved yet.')).toBeVisible();
  });
});
