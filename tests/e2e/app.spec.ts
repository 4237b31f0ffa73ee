import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { defaultScenario } from '../../src/scenarios/presets';
import { encodeShareFragment } from '../../src/scenarios/shareLink';
import { MODELLED_ERRORS } from '../../src/engine/kinesis/modelledErrors';

async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

test.describe('the visual simulator', () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto('/');
    await expect(page.getByRole('list', { name: 'Shards' }).getByRole('listitem')).toHaveCount(6);
  });

  test('plays and pauses: the simulated clock moves only while playing', async ({ page }) => {
    const clock = page.getByRole('status', { name: 'Simulated time' }).or(page.locator('output.clock'));
    const t0 = await clock.textContent();
    await page.getByRole('button', { name: 'Play' }).click();
    await expect(clock).not.toHaveText(t0!);
    await page.getByRole('button', { name: 'Pause' }).click();
    const t1 = await clock.textContent();
    await page.waitForTimeout(600);
    await expect(clock).toHaveText(t1!);
    await page.screenshot({ path: 'test-results/screenshots/graph.png' });
  });

  test('a constant key turns one shard hot, and splitting it adds two children', async ({ page }) => {
    await page.getByLabel('Speed').selectOption('10');
    await page.getByRole('button', { name: 'Play' }).click();
    // log_level already makes one shard hot; make iot-sensors a constant key too.
    await page.getByRole('group', { name: 'Producer iot-sensors' }).or(page.getByLabel('Producer iot-sensors')).first().click();
    await page.getByLabel('Partition key strategy').selectOption('constant');
    // The engine's own lesson for the preset.
    await expect(page.getByText('One key means one shard', { exact: false })).toBeVisible();
    const hotList = page.getByRole('status').filter({ hasText: 'Hot:' });
    // The constant key "the-only-key" hashes into shard 4 of 6 (INFO is in shard 1).
    await expect(hotList).toContainText('shardId-000000000004', { timeout: 15_000 });
    await page.screenshot({ path: 'test-results/screenshots/hot-shard.png' });
    const hotId = 'shardId-000000000004';
    await page.getByRole('button', { name: 'Pause' }).click();
    // Open the hot shard from the stream's list and split it at the even midpoint.
    await page.locator('.react-flow__node', { hasText: 'telemetry-stream' }).first().click({ position: { x: 20, y: 10 } });
    await page.getByRole('list', { name: 'Shards' }).getByRole('button', { name: hotId }).click();
    await expect(page.getByRole('heading', { name: `Shard ${hotId}` })).toBeVisible();
    await page.getByRole('button', { name: 'Split shard' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'SplitShard' })).toBeVisible();
    await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
    await expect(page.getByText('CLOSED (readable until its records pass retention)')).toBeVisible({ timeout: 15_000 });
    await expect(page.locator('.react-flow__node-shard').filter({ hasText: 'CLOSED' })).toHaveCount(1);
    await page.screenshot({ path: 'test-results/screenshots/after-split.png' });
  });

  test('an invalid split shows the engine error text and the simulation keeps running', async ({ page }) => {
    await page.getByRole('list', { name: 'Shards' }).getByRole('button', { name: 'shardId-000000000002' }).click();
    await page.getByLabel('NewStartingHashKey').fill('1');
    await page.getByRole('button', { name: 'Split shard' }).click();
    await expect(page.getByRole('alert')).toContainText('InvalidArgumentException');
    await expect(page.getByRole('alert')).toContainText('is not both greater than one plus the shard');
    await page.getByLabel('NewStartingHashKey').fill('<img src=x onerror=alert(1)>');
    await page.getByRole('button', { name: 'Split shard' }).click();
    await expect(page.getByRole('alert')).toContainText('ValidationException');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Step 1 s' }).click();
    await expect(page.getByRole('heading', { name: 'Shard shardId-000000000002' })).toBeVisible();
    await expect(page.locator('.react-flow__node-shard').filter({ hasText: 'OPEN' })).toHaveCount(6);
  });

  test('typing a partition key shows its MD5, hash key and shard', async ({ page }) => {
    await page.getByRole('textbox', { name: 'Partition key' }).fill('a');
    await expect(page.getByText('0cc175b9c0f1b6a831c399e269772661')).toBeVisible();
    await expect(page.getByText(BigInt('0x0cc175b9c0f1b6a831c399e269772661').toString())).toBeVisible();
    // 0x0cc1... is about 5% along the line: the first of 6 even shards.
    await expect(page.locator('.pk-box dd').last()).toHaveText('shardId-000000000000');
    await page.screenshot({ path: 'test-results/screenshots/hash-line.png' });
  });

  test('metrics charts and the event log render', async ({ page }) => {
    // The presets turn shard-level metrics on; this run is the default scenario with them off, as a new AWS stream has them.
    const off = defaultScenario();
    off.topology.enhancedMonitoring = [];
    delete off.presetId;
    const link = encodeShareFragment(off, 0);
    if (!link.ok) throw new Error(link.message);
    // A new document (a hash change alone does not reload the app).
    await page.goto('about:blank');
    await page.goto(`/${link.fragment}`);
    await expect(page.getByRole('list', { name: 'Shards' }).getByRole('listitem')).toHaveCount(6);
    await page.getByRole('tab', { name: 'Metrics' }).click();
    // As on AWS, shard-level metrics exist only once enhanced monitoring is on: the charts say so until then.
    await expect(page.getByText('Shard-level metrics are off', { exact: false }).first()).toBeVisible({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Enable enhanced monitoring (ALL)' }).first().click();
    await expect(page.getByRole('status').filter({ hasText: 'EnableEnhancedMonitoring' })).toBeVisible();
    await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
    await expect(page.getByRole('img', { name: /Heatmap of write use for 6 shards/ })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText('IncomingRecords per shard (records/s)')).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/metrics.png', fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Event log' }).click();
    await expect(page.getByRole('list', { name: 'Events, newest first' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/events.png', fullPage: true });
  });

  test('opens a delivered S3 object as decompressed text', async ({ page }) => {
    await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
    await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
    await page.getByRole('tab', { name: 'S3 objects' }).click();
    for (const part of ['2026/', '01/', '01/', '00/']) {
      await page.getByRole('list', { name: 'Prefixes and objects' }).getByRole('button', { name: part }).first().click({ timeout: 30_000 });
    }
    await page.getByRole('button', { name: /^Open 2026\/01\/01\/00\// }).first().click();
    await expect(page.getByRole('region', { name: /^Object 2026\/01\/01\/00\// })).toBeVisible();
    await expect(page.locator('.object-text')).not.toBeEmpty();
    await expect(page.getByText(/^GZIP/)).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/s3.png', fullPage: true });
  });

  test('has no serious or critical accessibility violations on the main views', async ({ page }) => {
    await page.getByRole('button', { name: 'Step 1 s' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'S3 objects' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('tab', { name: 'Hash line' }).click();
    await page.screenshot({ path: 'test-results/screenshots/dark.png' });
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the record inspector follows a record from its partition key to its shard, its consumer and the S3 object', async ({ page }) => {
    await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
    await page.getByRole('tab', { name: 'Record' }).click();
    await page.getByLabel('Partition key to follow').fill('INFO');
    await page.getByRole('button', { name: 'Follow newest record' }).click();
    const trace = page.getByRole('list', { name: 'Record trace' });
    // MD5("INFO") and the shard it lands in (shard 1 of 6 even ranges).
    await expect(trace).toContainText('MD5(PartitionKey)', { timeout: 15_000 });
    await expect(trace).toContainText('551b723eafd6a31d444fcb2f5920fbd3');
    await expect(trace).toContainText(BigInt('0x551b723eafd6a31d444fcb2f5920fbd3').toString());
    await expect(trace).toContainText('shardId-000000000001');
    await expect(trace.locator('.readers').first()).toContainText('analytics-app');
    await expect(trace).toContainText('telemetry-to-s3');
    await page.screenshot({ path: 'test-results/screenshots/record-trace.png', fullPage: true });
    // After the 60 s buffer interval the record is in an object, which opens in the S3 view.
    await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
    await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
    await page.getByRole('button', { name: 'Open the S3 object' }).click({ timeout: 20_000 });
    await expect(page.getByRole('region', { name: /^Object / })).toBeVisible({ timeout: 15_000 });
    await expect(page.locator('.object-text').last()).toContainText('INFO');
  });

  test('the S3 treemap opens a delivered object with the keyboard', async ({ page }) => {
    await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
    await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
    await page.getByRole('tab', { name: 'S3 objects' }).click();
    const map = page.getByRole('group', { name: /^Treemap of / });
    await expect(map).toBeVisible({ timeout: 30_000 });
    // Prefix tiles zoom in (Enter on a focused tile); the listing follows.
    for (const p of ['2026/', '2026/01/', '2026/01/01/']) {
      const tile = page.getByRole('button', { name: new RegExp(`^Prefix ${p.replace(/\//g, '\\/')}:`) }).first();
      await tile.focus();
      await page.keyboard.press('Enter');
    }
    await expect(page.getByRole('navigation', { name: 'Prefix' })).toContainText('01');
    await page.screenshot({ path: 'test-results/screenshots/s3-treemap.png', fullPage: true });
    const obj = page.getByRole('button', { name: /^Object 2026\/01\/01\/00\// }).first();
    await obj.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: /^Object 2026\/01\/01\/00\// })).toBeVisible();
    await expect(page.locator('.object-text')).not.toBeEmpty();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('inspector edits: the engine refuses a shorter retention with its own text, and accepts a longer one', async ({ page }) => {
    await page.locator('.react-flow__node', { hasText: 'telemetry-stream' }).first().click({ position: { x: 20, y: 10 } });
    const retention = page.getByLabel('Retention period (hours)');
    await retention.fill('12');
    await page.getByRole('button', { name: 'Increase retention' }).click();
    await expect(page.getByRole('alert')).toContainText('InvalidArgumentException');
    await expect(page.getByRole('alert')).toContainText('12');
    await expect(page.locator('.inspector dl.props').first()).toContainText('24 h');
    await retention.fill('48');
    await page.getByRole('button', { name: 'Increase retention' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'IncreaseStreamRetentionPeriod to 48 h accepted' })).toBeVisible();
    await expect(page.locator('.inspector dl.props').first()).toContainText('48 h');
    // A Firehose edit the engine refuses: dynamic partitioning after creation.
    await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
    await page.locator('.react-flow__node', { hasText: 'telemetry-to-s3' }).first().click({ position: { x: 20, y: 10 } });
    await expect(page.getByRole('heading', { name: 'Firehose telemetry-to-s3' })).toBeVisible();
    await page.getByRole('checkbox', { name: 'Dynamic partitioning' }).check();
    await page.getByRole('button', { name: 'Update destination' }).click();
    await expect(page.getByRole('alert')).toContainText('Dynamic partitioning can only be enabled when the Firehose stream is created.');
    await page.getByLabel('Buffer interval (IntervalInSeconds)').fill('120');
    await page.getByRole('button', { name: 'Update destination' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'UpdateDestination of telemetry-to-s3 accepted' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /Destination settings \(version 2\)/ })).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/firehose-inspector.png', fullPage: true });
  });

  test('the Limits tab lists each enforced limit with what older study material quotes', async ({ page }) => {
    const tab = page.getByRole('tab', { name: 'Limits' });
    // Keyboard: from the Event log tab, ArrowRight reaches Limits.
    await page.getByRole('tab', { name: 'Event log' }).click();
    await page.keyboard.press('ArrowRight');
    await expect(tab).toBeFocused();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    const table = page.getByRole('table').first();
    await expect(table.getByRole('columnheader', { name: 'Older values' })).toBeVisible();
    const retention = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Retention period' }) });
    await expect(retention).toContainText('24 hours to 8,760 hours (365 days); default 24 hours');
    await expect(retention).toContainText('BC-K; KDS-DG22');
    await expect(retention).toContainText('Study material may quote 168 hours (7 days): that was the maximum from 2015-10 to 2020-11.');
    await expect(table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'PutRecords request size' }) })).toContainText('5 MiB: that was the maximum from 2015-09 to 2025-10');
    // The engine's one list of modelled error texts, one row each, below the limits.
    const modelled = page.getByTestId('modelled-errors');
    await expect(modelled.getByRole('columnheader', { name: 'Why not confirmed' })).toBeVisible();
    await expect(modelled.locator('tbody tr')).toHaveCount(MODELLED_ERRORS.length);
    await expect(modelled.getByRole('row').filter({ hasText: 'DeleteResourcePolicy' })).toContainText('No resource policy found for resource <arn>.');
    await page.screenshot({ path: 'test-results/screenshots/limits.png', fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    // The inspector's retention field carries the same hint.
    await page.locator('.react-flow__node', { hasText: 'telemetry-stream' }).first().click({ position: { x: 20, y: 10 } });
    await expect(page.getByLabel('Retention period (hours)')).toHaveAccessibleDescription(/168 hours \(7 days\) as the maximum: that was true from 2015-10 to 2020-11/);
    await expect(page.getByLabel('Target shard count')).toHaveAccessibleDescription(/at most 10 calls per stream per rolling 24 hours \(older study material says 2/);
  });

  test('the hot-shard panel explains the hot shards and applies the suggested split', async ({ page }) => {
    await page.getByRole('group', { name: 'Producer iot-sensors' }).or(page.getByLabel('Producer iot-sensors')).first().click();
    await page.getByRole('spinbutton', { name: 'Records per second' }).fill('5400');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.getByRole('tab', { name: 'Hot shards' }).click();
    // The report reads shard-level metrics, which the preset's enhanced monitoring publishes.
    await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
    await expect(page.getByRole('article', { name: 'Hot shard shardId-000000000001' })).toContainText('INFO', { timeout: 15_000 });
    await expect(page.getByText('splitting cannot divide one key', { exact: false }).first()).toBeVisible();
    const split = page.getByRole('button', { name: /^Apply the suggested split of shardId-/ }).first();
    await expect(split).toBeVisible();
    await page.screenshot({ path: 'test-results/screenshots/hot-shards.png', fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await split.click();
    await expect(page.getByRole('status').filter({ hasText: 'SplitShard' })).toBeVisible();
    await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
    await expect(page.locator('.react-flow__node-shard').filter({ hasText: 'CLOSED' })).toHaveCount(1, { timeout: 15_000 });
  });

  test('the header, the Hot shards tab and the shard list show the hot shard with the same figures and window', async ({ page }) => {
    await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
    await expect(page.locator('output.clock').or(page.getByRole('status', { name: 'Simulated time' }))).toContainText('00:01', { timeout: 15_000 });
    const header = page.locator('.hot-summary');
    await expect(header).toContainText('shardId-000000000001 (100%, throttling), last 10 s');
    await page.getByRole('tab', { name: 'Hot shards' }).click();
    const article = page.getByRole('article', { name: 'Hot shard shardId-000000000001' });
    await expect(article).toContainText('100% of its tighter write limit');
    await expect(page.locator('.hot-panel').getByText('Per second over the last 10 s', { exact: false })).toBeVisible();
    // The shard list says the same percentage over the same window.
    await page.locator('.react-flow__node', { hasText: 'telemetry-stream' }).first().click({ position: { x: 20, y: 10 } });
    await expect(page.getByText('Write use per second over the last 10 s', { exact: false })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Shards' }).getByRole('listitem').filter({ hasText: 'shardId-000000000001' })).toContainText('100% throttling');
  });

  test('adds a producer with an explicit hash key from the stream inspector', async ({ page }) => {
    await page.locator('.react-flow__node', { hasText: 'telemetry-stream' }).first().click({ position: { x: 20, y: 10 } });
    await page.getByLabel('Partition key strategy').selectOption('explicit_hash_key');
    await page.getByRole('button', { name: 'Add producer' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Added producer' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
