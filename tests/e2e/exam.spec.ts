import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

test.describe('exam mode', () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 1000 });
  });

  test('a mission from its link: hint, the learner\'s fix in the inspector, and the engine says it passed', async ({ page }) => {
    await page.goto('/#m=fix-the-partition-key');
    const mission = page.getByRole('region', { name: 'Mission: Five log levels, eight shards' });
    await expect(mission).toBeVisible();
    await expect(mission.getByRole('list', { name: 'Goal, checked every simulated second' }).getByRole('listitem')).toHaveCount(2);
    await mission.getByRole('button', { name: /Show a hint/ }).click();
    await expect(mission.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(1);
    expect(await seriousViolations(page)).toEqual([]);
    // The fix, made as a learner would: back to the inspector, the producer, a high-cardinality key.
    await page.getByRole('button', { name: 'Back to the inspector' }).click();
    await page.getByLabel('Producer log-shippers').first().click();
    await page.getByLabel('Partition key strategy').selectOption('random');
    await page.getByRole('button', { name: 'Exam mode' }).click();
    await page.getByLabel('Speed').selectOption('1000');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(mission.getByRole('status').filter({ hasText: 'Mission passed' })).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(mission.getByText('MD5 of the partition key decides the shard', { exact: false })).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/exam-mission.png' });
    expect(await seriousViolations(page)).toEqual([]);
    // The pass is remembered in the browser.
    await mission.getByRole('button', { name: 'All missions' }).click();
    await expect(page.getByRole('region', { name: 'Missions' }).getByText('1 of 15 passed', { exact: false })).toBeVisible();
  });

  test('a practice set by keyboard and mouse: scores per theme and a review with show-me', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('list', { name: 'Shards' }).getByRole('listitem')).toHaveCount(6);
    await page.getByRole('button', { name: 'Exam mode' }).click();
    await page.getByRole('tab', { name: 'Missions' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Practice set' })).toHaveAttribute('aria-selected', 'true');
    await page.getByLabel('Questions').fill('3');
    await page.getByLabel('Ordering').check();
    await page.getByLabel('Hot partition keys').check();
    await page.getByRole('button', { name: 'Start the practice set' }).click();
    const run = page.getByRole('region', { name: 'Practice set' });
    await expect(run.getByRole('timer')).toContainText('Question 1 of 3');
    // Answer the first by keyboard, leave the other two unanswered: they count as misses.
    await run.getByRole('radio').first().focus();
    await page.keyboard.press('Space');
    await run.getByRole('button', { name: 'Next' }).click();
    await run.getByRole('button', { name: 'Next' }).click();
    await run.getByRole('button', { name: 'Finish and score' }).click();
    const results = page.getByRole('region', { name: 'Practice results' });
    const table = results.getByRole('table', { name: 'Score per theme' });
    await expect(table).toContainText('Ordering');
    await expect(table).toContainText('Hot partition keys');
    const missed = results.getByRole('list', { name: 'Missed questions' });
    expect(await missed.getByRole('listitem').count()).toBeGreaterThanOrEqual(2);
    await expect(missed.getByText('Your answer: none.', { exact: false }).first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/screenshots/exam-practice.png' });
    // "Show me" opens the preset that demonstrates the answer (none of these themes' questions uses the default).
    await missed.getByRole('button', { name: /^Show me/ }).first().click();
    const picker = page.getByRole('region', { name: 'Presets' }).getByRole('combobox');
    await expect(picker).not.toHaveValue('telemetry-default');
    await expect(picker).not.toHaveValue('');
  });

  test('a hostile exam set link opens the default scenario and says why', async ({ page }) => {
    await page.goto('/#x=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    await expect(page.getByRole('alert')).toContainText('This is not an exam set link.');
    await expect(page.getByRole('list', { name: 'Shards' }).getByRole('listitem')).toHaveCount(6);
  });
});
