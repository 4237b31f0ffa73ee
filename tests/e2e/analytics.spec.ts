import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * Analytics in the browser: a preset's application node between its source
 * and destination, selected into the inspector; the window view draws fired
 * windows; the SQL editor (CodeMirror, loaded lazily) shows the parser's
 * located error inline and as text.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).include('.inspector').analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

test('an analytics preset: the node, the window view and inline SQL errors', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Kinesis Simulator' })).toBeVisible();
  await page.getByRole('combobox', { name: /^Preset/ }).selectOption('analytics-stagger-vs-tumbling');
  await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
  await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
  await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
  const node = page.locator('.react-flow__node-analytics').filter({ hasText: 'tumbling-trades' });
  await expect(node).toContainText('RUNNING', { timeout: 20_000 });
  await node.click();
  const inspector = page.getByRole('region', { name: 'Analytics application tumbling-trades' });
  await expect(inspector).toBeVisible();
  await expect(inspector.getByRole('img', { name: /tumbling windows on ROWTIME/ })).toBeVisible();
  await expect(inspector.locator('.wv-window').first()).toBeAttached({ timeout: 20_000 });
  await expect(inspector.getByRole('table', { name: 'Latest output rows' }).getByRole('row')).not.toHaveCount(1);
  const editor = inspector.getByLabel('SQL code');
  await editor.fill(`CREATE OR REPLACE PUMP "P" AS INSERT INTO "DESTINATION_SQL_STREAM"\nSELECT STREAM TICKER FROM "SOURCE_SQL_STREAM_001"\nWINDOW W AS (PARTITION BY TICKER RANGE '1' MINUTE PRECEDING);`);
  await expect(inspector.getByRole('status').filter({ hasText: 'line 3' })).toHaveText("line 3, column 40: expected INTERVAL, found '1'");
  await expect(inspector.getByRole('button', { name: 'Update code' })).toBeDisabled();
  // The same error inline, on the token the parser stopped at, and the SQL highlighted.
  await expect(inspector.locator('.cm-lintRange-error')).toHaveText("'1'");
  await expect(inspector.locator('.sql-keyword').first()).toHaveText('CREATE');
  await page.screenshot({ path: 'test-results/screenshots/analytics.png' });
  expect(await seriousViolations(page)).toEqual([]);
});
