import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * The AWS CLI console: type commands, see the stream appear in the graph,
 * share the link and see the same world (the console's changes are scenario
 * commands); axe finds nothing serious in the open console.
 */

async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).include('.cli-dock').analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

async function type(page: Page, line: string): Promise<void> {
  const input = page.getByRole('textbox', { name: 'AWS CLI command' });
  await expect(input).toBeEnabled();
  await input.fill(line);
  await input.press('Enter');
  await expect(input).toBeEnabled({ timeout: 20_000 });
}

test('console: create-stream, put-record and describe-stream-summary --query change the shared world', async ({ page, browser }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Kinesis Simulator' })).toBeVisible();
  await page.getByRole('button', { name: 'Console' }).click();
  const out = page.getByLabel('Console output');
  await type(page, 'aws kinesis create-stream --stream-name console-stream --shard-count 2');
  await type(page, 'aws kinesis wait stream-exists --stream-name console-stream');
  await type(page, 'aws kinesis put-record --stream-name console-stream --partition-key device-7 --data aGVsbG8=');
  await expect(out).toContainText('"ShardId": "shardId-00000000000');
  await type(page, "aws kinesis describe-stream-summary --stream-name console-stream --query 'StreamDescriptionSummary.OpenShardCount'");
  await expect(out.locator('.cli-stdout').last()).toHaveText('2');
  await type(page, 'aws kinesis describe-stream --stream-name nope');
  await expect(out).toContainText('An error occurred (ResourceNotFoundException) when calling the DescribeStream operation: Stream nope under account 123456789012 not found.');
  await expect(page.getByRole('region', { name: 'Data flow graph' })).toContainText('console-stream');
  // History with the arrow keys, and Tab completing an existing stream's name.
  const input = page.getByRole('textbox', { name: 'AWS CLI command' });
  await input.press('ArrowUp');
  await expect(input).toHaveValue('aws kinesis describe-stream --stream-name nope');
  await input.press('ArrowUp');
  await expect(input).toHaveValue("aws kinesis describe-stream-summary --stream-name console-stream --query 'StreamDescriptionSummary.OpenShardCount'");
  await input.fill('aws kinesis list-shards --stream-name console-s');
  await input.press('Tab');
  await expect(input).toHaveValue('aws kinesis list-shards --stream-name console-stream ');
  await expect(input).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Share link' }).click();
  const url = await page.getByLabel('Share link').inputValue();
  const fresh = await browser.newPage();
  await fresh.goto(url);
  await expect(fresh.getByRole('region', { name: 'Data flow graph' })).toContainText('console-stream', { timeout: 20_000 });
  await fresh.close();
});
