// What a person running `npm start` without Grafana sees: a summary row per target
// and check (failing and degraded first), a banner naming what fails, and per
// target on demand a latency chart with time and latency axes, the ratios, the
// last failure's reason and field; the page refreshes itself. Screenshots go to
// reports/status-page/screenshots/ for a person to look at.
import { test, expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { createSandbox, type Sandbox } from '../../sandbox/app.ts';
import { createMonitorServer, type MonitorServer } from '../../monitor/http.ts';
import { createStatusHistory } from '../../monitor/status-history.ts';
import { MaintenanceSchedule } from '../../monitor/maintenance.ts';
import { parseCron } from '../../monitor/cron.ts';
import { probeOf, testTarget } from '../unit/monitor/helpers.ts';
import { childEnv, startService, waitFor, type Service } from '../support/processes.ts';
import { programArgs } from '../support/program.ts';
import { requireBinaries } from '../support/require-binary.ts';

function parseCronOrThrow(text: string) {
  const r = parseCron(text);
  if (!r.ok) throw new Error(r.error);
  return r.cron;
}

const binaries = requireBinaries('chromium');
test.skip(binaries.skip !== false, binaries.skip || '');

const SCREENSHOTS = join(import.meta.dirname, '../../reports/status-page/screenshots');
const FLEET = 50;
const HEALTHY_THRESHOLDS = { latencyBudgetMs: 8000, latencyDegradedMs: 5000 };

let healthy: Sandbox;
let broken: Sandbox;
let flapping: Sandbox;
let monitor: Service;
let synthetic: MonitorServer[] = [];
let pageUrl: string;

/**
 * The monitor's server in this process, its history fed 15 minutes of healthy probes every 30 s: a fleet of 50 costs
 * no probing (two cores, Chromium running) and its charts span real clock times.
 */
async function serveHealthy(count: number, maintenance?: MaintenanceSchedule): Promise<string> {
  const names = Array.from({ length: count }, (_, i) => `eu-${String(i + 1).padStart(2, '0')}`);
  const targets = names.map((name) => testTarget(name, {}, { authIntervalSeconds: 0 }));
  const history = createStatusHistory(targets, { version: 'test' });
  const now = Date.now();
  for (let i = 30; i > 0; i--) {
    for (const target of names) {
      for (const check of ['trackers', 'not_found'] as const) {
        const durationMs = 40 + 30 * Math.sin(i / 3) + (check === 'trackers' ? 25 : 0);
        history.add(
          probeOf({
            message: 'HTTP 200, 97 tracker(s)',
            trackerCount: 97,
            target,
            check,
            startedAt: now - i * 30_000,
            durationMs,
          }),
        );
      }
    }
  }
  const server = createMonitorServer({ registry: new Registry(), history, targetCount: count, maintenance });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  synthetic.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

function startMonitor(name: string, targets: object[]): { service: Service; url: Promise<string> } {
  const dir = mkdtempSync(join(tmpdir(), 'status-page-'));
  const file = join(dir, 'targets.json');
  writeFileSync(file, JSON.stringify({ targets }));
  const service = startService(
    name,
    process.execPath,
    [...programArgs('cli/monitor.ts'), '--config', file, '--port', '0', '--summary-interval', '0'],
    childEnv({ STATUS_PAGE_TEST_PASSWORD: 'sandbox_password' }),
  );
  const url = waitFor(
    `the ${name} to print its status page address`,
    () => /status page: (http:\/\/\S+)/.exec(service.output())?.[1],
    { timeoutMs: 30_000, services: [service] },
  );
  return { service, url };
}

test.beforeAll(async () => {
  healthy = createSandbox();
  broken = createSandbox({ faults: 'mutation=id-string' });
  flapping = createSandbox({ faults: 'error-rate=0.3' });
  const [healthyUrl, brokenUrl, flappingUrl] = await Promise.all([healthy.listen(0), broken.listen(0), flapping.listen(0)]);
  const auth = { username: 'sandbox_user', passwordEnv: 'STATUS_PAGE_TEST_PASSWORD' };
  const fast = { auth, intervalSeconds: 1, notFoundIntervalSeconds: 1 };
  const one = startMonitor('monitor', [
    // Healthy whatever the machine's load: a probe slower than the degraded threshold makes a check
    // DEGRADED, and these probes take milliseconds, a few hundred at worst on two loaded cores.
    { name: 'eu-healthy', baseUrl: healthyUrl, ...fast, ...HEALTHY_THRESHOLDS },
    { name: 'us-broken', baseUrl: brokenUrl, ...fast },
    { name: 'ap-flapping', baseUrl: flappingUrl, ...fast },
  ]);
  monitor = one.service;
  pageUrl = await one.url;
  mkdirSync(SCREENSHOTS, { recursive: true });
});

test.afterAll(async () => {
  await monitor?.stop();
  for (const server of synthetic) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  synthetic = [];
  await Promise.all([healthy?.close(), broken?.close(), flapping?.close()]);
});

const row = (page: Page, target: string, check: string) =>
  page.locator('table.summary tbody tr', { has: page.locator(`td:nth-child(2):text-is("${target}")`) }).filter({
    has: page.locator(`td:nth-child(3):text-is("${check}")`),
  });

/** Open a target's details (fetched from /api/status?target=NAME) and wait for its checks. */
async function openDetails(page: Page, target: string): Promise<Locator> {
  const details = page.locator(`details[data-target="${target}"]`);
  await details.locator('> summary').click();
  await expect(details.locator('.check').first()).toBeVisible();
  return details;
}

/** The points of the check's latency line; 0 while there is none (read without waiting for the element). */
function latencyPoints(chart: Locator): Promise<number> {
  return chart
    .locator('polyline.line')
    .evaluateAll((lines) => lines[0]?.getAttribute('points')?.trim().split(/\s+/).filter(Boolean).length ?? 0);
}

async function snapshot(page: Page, name: string, fullPage = true): Promise<void> {
  const body = await page.screenshot({ path: join(SCREENSHOTS, name), fullPage });
  await test.info().attach(name, { body, contentType: 'image/png' });
}

test('summary first, failing first, the banner names them; details with axes on demand', async ({ page }) => {
  // The page refreshes itself every second (?refresh=1), so every assertion below retries until the probes are in.
  await page.goto(`${pageUrl}?refresh=1`);

  await test.step('the broken target: DOWN first, with the reason and the field, named in the banner', async () => {
    await expect(row(page, 'us-broken', 'trackers').locator('td').first()).toHaveText('DOWN');
    await expect(row(page, 'us-broken', 'trackers').locator('td').last()).toContainText('schema_violation at $.data[0].id');
    await expect(page.locator('.banner')).toContainText('us-broken trackers (schema_violation at $.data[0].id)');
    await expect(page.locator('.banner')).not.toContainText('check(s)');
    await expect(page.locator('table.summary tbody tr').first().locator('td').first()).toHaveText(/DOWN|DEGRADED/);
  });

  await test.step('the healthy target: every check UP, 100% over 15 minutes', async () => {
    for (const check of ['trackers', 'not_found', 'auth'])
      await expect(row(page, 'eu-healthy', check).locator('td').first()).toHaveText('UP');
    await expect(row(page, 'eu-healthy', 'trackers').locator('td').nth(3)).toHaveText('100%');
  });

  await test.step('its details: 97 trackers, 11 warnings, and a chart with both axes and their ticks', async () => {
    const eu = await openDetails(page, 'eu-healthy');
    const trackers = eu.locator('.check', { hasText: 'existing customer' });
    await expect(trackers.locator('dt:text-is("trackers") + dd')).toHaveText('97');
    await expect(trackers.locator('dt:text-is("warnings") + dd')).toHaveText('11');
    await expect(trackers.locator('dt:text-is("last failure") + dd')).toHaveText('none');
    const chart = trackers.locator('svg.chart');
    await expect.poll(() => latencyPoints(chart), { message: 'several probes on the latency line' }).toBeGreaterThanOrEqual(2);
    await expect(chart.locator('.y-axis text.tick')).toHaveText(['1 ms', '10 ms', '100 ms', '1 s', '10 s']);
    const times = await chart.locator('.x-axis text.tick.time').allTextContents();
    expect(times.length, 'time ticks').toBeGreaterThanOrEqual(2);
    for (const t of times) expect(t).toMatch(/^\d\d:\d\d(:\d\d)?$/);
    await expect(chart.locator('line.budget')).toHaveCount(1);
    await expect(chart.locator('line.degraded')).toHaveCount(1);
    await expect(trackers.locator('figcaption.legend')).toContainText(`budget ${HEALTHY_THRESHOLDS.latencyBudgetMs} ms`);
    await expect(trackers.locator('figcaption.legend')).toContainText(`degraded ${HEALTHY_THRESHOLDS.latencyDegradedMs} ms`);
  });

  await test.step('a target flapping at 30% errors shows FLAPPING, with its percent state change, never all green', async () => {
    const state = row(page, 'ap-flapping', 'trackers').locator('td').first();
    // Random errors change the state on ~42% of probes: over the 30% that starts flapping within seconds.
    await expect(state).toHaveText('FLAPPING');
    await expect(row(page, 'ap-flapping', 'trackers').locator('td').nth(-2)).toContainText(
      '% state change over the last 21 probes',
    );
    await expect(page.locator('.banner')).toContainText('flapping: ap-flapping trackers (');
    await openDetails(page, 'ap-flapping');
    await expect(page.locator('details[data-target="ap-flapping"] .check.flapping .badge').first()).toHaveText('FLAPPING');
    for (let i = 0; i < 3; i++) {
      // Each refresh re-renders; once a failure is in the 15-minute window, UP would be a lie. Random errors can
      // bring the percentage down to the 20% that stops flapping for a while: then DOWN or DEGRADED shows.
      await page.waitForResponse((r) => r.url().endsWith('/api/status'));
      await expect(state).toHaveText(/FLAPPING|DOWN|DEGRADED/);
      await expect(page.locator('.banner.up')).toHaveCount(0);
    }
    await expect(page.locator('details[data-target="ap-flapping"] svg.chart circle.fail').first()).toBeAttached();
    await snapshot(page, 'flapping.png');
  });

  await test.step('it refreshes itself: a repaired target turns UP without a reload', async () => {
    broken.clearFaults();
    await expect(row(page, 'us-broken', 'trackers').locator('td').first()).toHaveText(/UP|DEGRADED/);
  });
});

test('a healthy page: all green, and a chart over 15 minutes of clock times', async ({ page }) => {
  await page.goto(`${await serveHealthy(1)}?refresh=1`);
  await expect(page.locator('.banner')).toHaveText('all 2 checks UP');
  const details = await openDetails(page, 'eu-01');
  const chart = details.locator('svg.chart').first();
  await expect(chart.locator('.y-axis text.tick')).toHaveText(['1 ms', '10 ms', '100 ms', '1 s', '10 s']);
  const times = await chart.locator('.x-axis text.tick.time').allTextContents();
  expect(times.length, `time ticks ${times.join(', ')}`).toBeGreaterThanOrEqual(5);
  for (const t of times) expect(t).toMatch(/^\d\d:\d\d$/);
  expect(await latencyPoints(chart)).toBe(30);
  await snapshot(page, 'healthy.png');
});

test('a fleet of 50: one row per target and check, no chart until one is opened', async ({ page }) => {
  await page.goto(`${await serveHealthy(FLEET)}?refresh=1`);
  await expect(page.locator('table.summary tbody tr')).toHaveCount(FLEET * 2);
  await expect(page.locator('.banner')).toHaveText(`all ${FLEET * 2} checks UP`);
  await expect(page.locator('svg.chart'), 'no chart until a target is opened').toHaveCount(0);
  const details = await openDetails(page, 'eu-37');
  await expect(details.locator('svg.chart')).toHaveCount(2);
  await expect(page.locator('svg.chart'), 'only the opened target’s').toHaveCount(2);
  await page.waitForResponse((r) => r.url().endsWith('/api/status'));
  await expect(details.locator('svg.chart'), 'still open after a refresh').toHaveCount(2);
  await snapshot(page, 'fleet-50.png');
});

test('loads nothing from outside its own origin', async ({ page }) => {
  const origin = new URL(pageUrl).origin;
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== origin) foreign.push(r.url());
  });
  // Not just the first load: wait for the page's own refresh of /api/status (every second with ?refresh=1).
  const refreshed = page.waitForResponse((r) => r.url() === `${origin}/api/status`);
  await page.goto(`${pageUrl}?refresh=1`);
  await expect(page.locator('h1')).toHaveText('trackers-contract monitor');
  expect((await refreshed).ok(), 'the refresh of /api/status succeeded').toBe(true);
  await openDetails(page, 'eu-healthy');
  expect(foreign).toEqual([]);
});

test('maintenance: the rows say MAINTENANCE with the reason after each refresh, hostile text as text; the next 7 days listed', async ({
  page,
}) => {
  const now = Date.now();
  const schedule = new MaintenanceSchedule([
    {
      name: 'db upgrade',
      reason: 'Postgres 16 <img src=x onerror=alert(1)>',
      targets: ['eu-01'],
      schedule: { kind: 'once', startMs: now - 60_000, endMs: now + 3_600_000 },
    },
    {
      name: 'nightly',
      schedule: {
        kind: 'cron',
        cron: parseCronOrThrow('0 2 * * *'),
        expression: '0 2 * * *',
        durationMs: 1_800_000,
        timeZone: 'Europe/Berlin',
      },
    },
  ]);
  const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/status'));
  await page.goto(`${await serveHealthy(2, schedule)}?refresh=1`);
  await refreshed;
  await expect(page.locator('p.banner.maintenance')).toContainText(
    'MAINTENANCE db upgrade: Postgres 16 <img src=x onerror=alert(1)>',
  );
  await expect(page.locator('img')).toHaveCount(0);
  const rows = page.locator('table.summary tbody tr.maintenance');
  await expect(rows).toHaveCount(2);
  await expect(rows.first().locator('td').first()).toHaveText('MAINTENANCE');
  await expect(rows.first()).toContainText('UP during db upgrade: Postgres 16');
  await expect(page.locator('ul.maintenance li')).toHaveCount(8);
  await snapshot(page, 'maintenance.png');
});
