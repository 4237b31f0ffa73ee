import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * The video view in the browser: open the smart-home preset, jump ahead, see
 * the stream's figures, the fragment timeline (no refusal) and the processor;
 * move the player behind live; axe finds no violation in the view.
 */
test('video view: timeline, player and detections for the smart-home preset', async ({ page }) => {
  await page.goto('/#p=smart-home-label-detection');
  await expect(page.getByRole('heading', { name: 'Kinesis Simulator' })).toBeVisible();
  await page.getByRole('button', { name: 'Jump ahead 10 s' }).or(page.getByRole('button', { name: /^Jump ahead/ }).first()).first().click();
  await page.getByRole('tab', { name: 'Video' }).click();
  await expect(page.getByRole('heading', { name: 'Video stream front-door' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('img', { name: /^Fragments of the last minute: \d+ stored, 0 refused$/ })).toBeVisible();
  await expect(page.getByText(/Stream processor door-labels \(connected home\)/)).toBeVisible();
  const slider = page.getByRole('slider', { name: 'Seconds behind live' });
  await slider.fill('5');
  await expect(page.getByText('Play 5 s behind live')).toBeVisible();
  await expect(page.locator('.scene-player figcaption')).toContainText(/behind live/);
  const axe = await new AxeBuilder({ page }).include('.video-view').analyze();
  expect(axe.violations).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/video-view.png' });
});

/**
 * The graph's video nodes: the smart-home preset shows its camera, its video
 * stream with retention and fragments, and its stream processor; the camera's
 * inspector changes the bitrate with a scenario command; axe finds no
 * violation in the graph or the inspector.
 */
test('graph: camera, video stream and stream processor nodes for the smart-home preset', async ({ page }) => {
  await page.goto('/#p=smart-home-label-detection');
  await expect(page.getByRole('heading', { name: 'Kinesis Simulator' })).toBeVisible();
  await page.getByRole('button', { name: /^Jump ahead/ }).first().click();
  const graph = page.getByRole('region', { name: 'Data flow graph' });
  await expect(graph.getByLabel('Camera doorbell, STREAMING')).toBeVisible({ timeout: 20_000 });
  const stream = graph.getByLabel(/^Video stream front-door, ACTIVE, \d+ fragments stored$/);
  await expect(stream).toBeVisible();
  await expect(stream).toContainText('retention 24 h');
  await expect(stream).toContainText(/sessions 0\/10 · GetMedia 0\/3/);
  await expect(graph.getByLabel(/^Stream processor door-labels, /)).toBeVisible();
  await graph.getByLabel('Camera doorbell, STREAMING').click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { name: 'Camera doorbell' })).toBeVisible();
  await inspector.getByLabel('Bitrate (kbps)').fill('3000');
  await inspector.getByRole('button', { name: 'Set bitrate' }).click();
  await expect(graph.getByLabel('Camera doorbell, STREAMING')).toContainText('3,000 kbps');
  const axe = await new AxeBuilder({ page }).include('.graph').include('.inspector').analyze();
  expect(axe.violations).toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/video-graph.png' });
});

/**
 * The stream processor's inspector: a minute in, its session runs; stopped
 * from the inspector it turns STOPPED, and UpdateStreamProcessor (a scenario command) changes
 * its labels, minimum confidence and region of interest; the inspector then
 * reads the new settings back from the engine.
 */
test('inspector: a stopped label detection processor is updated with UpdateStreamProcessor', async ({ page }) => {
  await page.goto('/#p=smart-home-label-detection');
  await expect(page.getByRole('heading', { name: 'Kinesis Simulator' })).toBeVisible();
  const graph = page.getByRole('region', { name: 'Data flow graph' });
  await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
  await expect(graph.getByLabel(/^Stream processor door-labels, /)).toBeVisible({ timeout: 20_000 });
  await graph.getByLabel(/^Stream processor door-labels, /).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { name: 'Stream processor door-labels' })).toBeVisible();
  await expect(inspector).toContainText('Label detection on video stream front-door: RUNNING.');
  await expect(inspector.getByRole('button', { name: 'Update processor' })).toBeDisabled();
  await inspector.getByRole('button', { name: 'Stop processor' }).click();
  await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
  await expect(inspector).toContainText('Label detection on video stream front-door: STOPPED.', { timeout: 20_000 });
  await expect(inspector).toContainText('Looks for PERSON, PET, PACKAGE at 50% confidence or more anywhere in the frame');
  const form = inspector.getByRole('form', { name: 'Label detection settings' });
  await form.getByLabel('PET').uncheck();
  await form.getByLabel('Minimum confidence (%)').fill('72.5');
  await form.getByLabel(/Only a region of interest/).check();
  await form.getByLabel('Width').fill('0.5');
  await form.getByRole('button', { name: 'Update processor' }).click();
  await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
  await expect(inspector).toContainText('Looks for PERSON, PACKAGE at 72.5% confidence or more inside 1 region(s) of interest', { timeout: 20_000 });
  await expect(inspector.getByRole('button', { name: 'Start processor' })).toBeEnabled();
  const axe = await new AxeBuilder({ page }).include('.inspector').analyze();
  expect(axe.violations).toEqual([]);
});

/**
 * GetClip to MP4 in the browser: the clip of the last 10 seconds is encoded by
 * the page's WebCodecs encoder into an MP4 that starts with an ftyp box and
 * that the page's own <video> element loads with its 8-second duration.
 */
test('video view: GetClip becomes a playable MP4 made in the page', async ({ page }) => {
  await page.goto('/#p=smart-home-label-detection');
  await expect(page.getByRole('heading', { name: 'Kinesis Simulator' })).toBeVisible();
  await page.getByRole('button', { name: 'Jump ahead 1 min' }).click();
  await page.getByRole('tab', { name: 'Video' }).click();
  await expect(page.getByRole('heading', { name: 'Video stream front-door' })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Make MP4 clip' }).click();
  const status = page.locator('.video-clip [role=status]');
  await expect(status).toContainText(/GetClip returned \d+ fragment\(s\), .* of media \(billed as data out\); encoded \d+ frames at 10 fps with (AVC|VP9|AV1) into /, { timeout: 60_000 });
  const link = page.getByRole('link', { name: /^Download front-door-.*\.mp4$/ });
  await expect(link).toBeVisible();
  const { head, duration } = await page.evaluate(async () => {
    const a = document.querySelector('.video-clip a') as HTMLAnchorElement;
    const bytes = new Uint8Array(await (await fetch(a.href)).arrayBuffer());
    const v = document.querySelector('.video-clip video') as HTMLVideoElement;
    if (v.readyState < 1) await new Promise((r) => v.addEventListener('loadedmetadata', r, { once: true }));
    return { head: String.fromCharCode(...bytes.slice(4, 8)), duration: v.duration };
  });
  expect(head).toBe('ftyp');
  expect(duration).toBeGreaterThan(3.9);
  const axe = await new AxeBuilder({ page }).include('.video-clip').analyze();
  expect(axe.violations).toEqual([]);
});
