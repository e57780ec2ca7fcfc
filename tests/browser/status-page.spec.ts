// What a person running `npm start` without Grafana sees: per target, up or down,
// a latency chart, the success ratio, the last failure's reason and message, the
// tracker count and warnings; and the page refreshes itself when things change.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox, type Sandbox } from '../../sandbox/app.ts';
import { childEnv, startService, waitFor, type Service } from '../support/processes.ts';
import { requireBinaries } from '../support/require-binary.ts';

const binaries = requireBinaries('chromium');
test.skip(binaries.skip !== false, binaries.skip || '');

let healthy: Sandbox;
let broken: Sandbox;
let monitor: Service;
let pageUrl: string;

test.beforeAll(async () => {
  healthy = createSandbox();
  broken = createSandbox({ faults: 'mutation=id-string' });
  const [healthyUrl, brokenUrl] = await Promise.all([healthy.listen(0), broken.listen(0)]);
  const dir = mkdtempSync(join(tmpdir(), 'status-page-'));
  const targets = join(dir, 'targets.json');
  const auth = { username: 'sandbox_user', passwordEnv: 'STATUS_PAGE_TEST_PASSWORD' };
  writeFileSync(
    targets,
    JSON.stringify({
      targets: [
        { name: 'eu-healthy', baseUrl: healthyUrl, auth, intervalSeconds: 1, notFoundIntervalSeconds: 1 },
        { name: 'us-broken', baseUrl: brokenUrl, auth, intervalSeconds: 1, notFoundIntervalSeconds: 1 },
      ],
    }),
  );
  monitor = startService(
    'monitor',
    process.execPath,
    ['--import', 'tsx', 'cli/monitor.ts', '--config', targets, '--port', '0'],
    childEnv({ STATUS_PAGE_TEST_PASSWORD: 'sandbox_password' }),
  );
  pageUrl = await waitFor(
    'the monitor to print its status page address',
    () => /status page: (http:\/\/\S+)/.exec(monitor.output())?.[1],
    {
      timeoutMs: 30_000,
      services: [monitor],
    },
  );
});

test.afterAll(async () => {
  await monitor?.stop();
  await Promise.all([healthy?.close(), broken?.close()]);
});

/** The points of the check's latency line; 0 while there is none (read without waiting for the element). */
function latencyPoints(chart: Locator): Promise<number> {
  return chart
    .locator('polyline.line')
    .evaluateAll((lines) => lines[0]?.getAttribute('points')?.trim().split(/\s+/).filter(Boolean).length ?? 0);
}

test('shows each target up or down, with the reason, a latency chart, ratios and counts', async ({ page }) => {
  // The page refreshes itself every second (?refresh=1), so every assertion below retries until the probes are in.
  await page.goto(`${pageUrl}?refresh=1`);
  const eu = page.locator('section.target', { has: page.locator('h2', { hasText: 'eu-healthy' }) });
  const us = page.locator('section.target', { has: page.locator('h2', { hasText: 'us-broken' }) });

  await test.step('a few probes first, so the chart has a line and the ratios mean something', async () => {
    const chart = eu.locator('.check', { hasText: 'existing customer' }).locator('svg.chart');
    await expect
      .poll(() => latencyPoints(chart), { message: 'several probes on the latency line', timeout: 20_000 })
      .toBeGreaterThanOrEqual(2);
  });

  await test.step('the healthy target: every check up, 97 trackers, warnings counted', async () => {
    const trackers = eu.locator('.check', { hasText: 'existing customer' });
    await expect(trackers.locator('.badge')).toHaveText('UP');
    await expect(eu.locator('.check', { hasText: 'missing customer' }).locator('.badge')).toHaveText('UP');
    await expect(eu.locator('.check', { hasText: 'without valid credentials' }).locator('.badge')).toHaveText('UP');
    await expect(trackers.locator('dt:text-is("trackers") + dd')).toHaveText('97');
    await expect(trackers.locator('dt:text-is("warnings") + dd')).toHaveText('11');
    await expect(trackers.locator('dt:text-is("success") + dd')).toContainText('100% of the last');
    await expect(trackers.locator('dt:text-is("last failure") + dd')).toHaveText('none');
  });

  await test.step('the broken target: down, with the reason and the field that broke', async () => {
    const trackers = us.locator('.check', { hasText: 'existing customer' });
    await expect(trackers.locator('.badge')).toHaveText('DOWN');
    await expect(trackers.locator('dt:text-is("last failure") + dd code')).toHaveText('schema_violation');
    await expect(trackers.locator('dt:text-is("last failure") + dd')).toContainText('$.data[0].id');
    await expect(trackers.locator('dt:text-is("success") + dd')).toContainText('0% of the last');
    await expect(page.locator('.summary')).toContainText('check(s) failing');
  });

  await test.step('a latency chart per check, drawn inline with its budget line', async () => {
    const chart = eu.locator('.check', { hasText: 'existing customer' }).locator('svg.chart');
    await expect(chart).toBeVisible();
    await expect(chart.locator('line.budget')).toHaveCount(1);
    expect(await latencyPoints(chart), 'several probes on the latency line').toBeGreaterThanOrEqual(2);
    await expect(us.locator('svg.chart circle.fail').first()).toBeAttached();
  });

  await snapshot(page, 'status-page-one-target-down.png');

  await test.step('it refreshes itself: a repaired target turns up without a reload', async () => {
    broken.clearFaults();
    await expect(us.locator('.check', { hasText: 'existing customer' }).locator('.badge')).toHaveText('UP', { timeout: 15_000 });
  });

  await snapshot(page, 'status-page-repaired.png');
});

/** Kept with the test results (and in the HTML report) for a person to look at. */
async function snapshot(page: Page, name: string): Promise<void> {
  const body = await page.screenshot({ path: test.info().outputPath(name), fullPage: true });
  await test.info().attach(name, { body, contentType: 'image/png' });
}

test('loads nothing from outside its own origin', async ({ page }) => {
  const origin = new URL(pageUrl).origin;
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== origin) foreign.push(r.url());
  });
  // Not just the first load: wait for the page's own refresh of /api/status (every second with ?refresh=1).
  const refreshed = page.waitForResponse((r) => r.url() === `${origin}/api/status`, { timeout: 15_000 });
  await page.goto(`${pageUrl}?refresh=1`);
  await expect(page.locator('h1')).toHaveText('trackers-contract monitor');
  expect((await refreshed).ok(), 'the refresh of /api/status succeeded').toBe(true);
  expect(foreign).toEqual([]);
});
