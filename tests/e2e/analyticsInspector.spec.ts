import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * The analytics inspector edits what the API can, as a person does it: a
 * running Flink application's parallelism (UPDATING, then RUNNING with more
 * KPUs), and a SQL application's new output (AddApplicationOutput), each
 * shown back from the engine's DescribeApplication.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).include('.inspector').analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

async function openApp(page: Page, preset: string, app: string) {
  await page.getByRole('combobox', { name: /^Preset/ }).selectOption(preset);
  await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
  const node = page.locator('.react-flow__node-analytics').filter({ hasText: app });
  await expect(node).toContainText('RUNNING', { timeout: 20_000 });
  await node.click();
  const inspector = page.getByRole('region', { name: `Analytics application ${app}` });
  await expect(inspector).toBeVisible();
  return inspector;
}

test('edits a Flink application\'s parallelism and adds an output to a SQL application from the inspector', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Kinesis Simulator' })).toBeVisible();

  const flink = await openApp(page, 'analytics-autoscaling', 'order-counter');
  const form = flink.getByRole('form', { name: 'Parallelism' });
  await expect(form).toContainText('CUSTOM configuration; CurrentParallelism 1');
  await form.getByRole('spinbutton', { name: 'Parallelism', exact: true }).fill('4');
  await form.getByRole('spinbutton', { name: 'ParallelismPerKPU' }).fill('2');
  await form.getByRole('checkbox', { name: 'AutoScalingEnabled' }).uncheck();
  await form.getByRole('button', { name: 'Update parallelism' }).click();
  await expect(flink.locator('dl.facts')).toContainText('UPDATING');
  await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
  await expect(flink.locator('dl.facts')).toContainText('RUNNING');
  // 4 / 2 work KPUs plus the orchestration KPU.
  await expect(form).toContainText('CurrentParallelism 4 (3 KPUs while running');
  await expect(flink.getByRole('term').filter({ hasText: 'Version' }).locator('+ dd')).toHaveText('2');
  await expect(form.getByRole('checkbox', { name: 'AutoScalingEnabled' })).not.toBeChecked();
  expect(await seriousViolations(page)).toEqual([]);

  const sql = await openApp(page, 'analytics-sensor-anomalies', 'sensor-anomalies');
  const outputs = sql.getByRole('region', { name: 'Outputs' });
  await expect(outputs.getByRole('heading')).toHaveText('Outputs (1 of 3)');
  const add = outputs.getByRole('form', { name: 'Add an output' });
  await add.getByRole('combobox', { name: 'Destination', exact: true }).selectOption('sensors');
  await add.getByRole('combobox', { name: 'Format' }).selectOption('CSV');
  await add.getByRole('button', { name: 'Add output' }).click();
  await expect(outputs.getByRole('heading')).toHaveText('Outputs (2 of 3)');
  await expect(outputs.getByRole('listitem').nth(1)).toContainText('1.2: DESTINATION_SQL_STREAM to stream sensors (CSV)');
  await page.screenshot({ path: 'test-results/screenshots/analytics-inspector.png' });
  expect(await seriousViolations(page)).toEqual([]);
});
