// The SLO report's HTML page in Chromium, as someone opens the file: it loads nothing (its CSP
// allows no request, and none is made), each SLO with probes has its burn-down chart with the line,
// the excluded window and the incidents, the figures read as in the other formats, and a hostile
// window name is text. The report comes from hand-made counts through the same code as the command
// (tests/prometheus/slo-report.test.ts checks the figures against a real Prometheus). A screenshot
// goes to reports/status-page/screenshots/slo-report.png for a person to look at.
import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { stepGrid } from '../../monitor/slo/report-fetch.ts';
import { reportHtml } from '../../monitor/slo/report-html.ts';
import { buildReport, type LocationCounts } from '../../monitor/slo/report.ts';
import type { SloSpecObjective } from '../../src/types.generated.ts';
import { requireBinaries } from '../support/require-binary.ts';

const binaries = requireBinaries('chromium');
test.skip(binaries.skip !== false, binaries.skip || '');

const SCREENSHOTS = join(import.meta.dirname, '../../reports/status-page/screenshots');
const HOSTILE = '<img src=x onerror="document.title=1">db upgrade';
const MONTH = Date.UTC(2025, 10, 1) / 1000;
const STEPS = 30 * 24 * 30; // 2-minute steps

const slo = (name: string, objective: number): SloSpecObjective => ({
  name,
  objective,
  description: `${objective}% of probes succeed over 30 days.`,
  sli: { events: { error_query: 'e[{{.window}}]', total_query: 't[{{.window}}]' } },
  alerting: { name: 'A' },
});

/** Two probes a step, both bad over the given steps. */
function counts(badSteps: [number, number][]): LocationCounts {
  const bad = new Float64Array(STEPS);
  for (const [from, to] of badSteps) bad.fill(2, from, to);
  return { bad, total: new Float64Array(STEPS).fill(2) };
}
const at = (day: number, hour: number) => ((day - 1) * 24 + hour) * 30;

const report = buildReport(
  {
    service: 'capillary-customer-trackers',
    spec: 'monitor/slo/trackers.slo.yml',
    prometheus: 'http://prometheus:9090',
    inProgress: false,
  },
  {
    grid: stepGrid(MONTH, MONTH + STEPS * 120, 120),
    windows: [
      { name: HOSTILE, reason: 'PostgreSQL 16', targets: ['eu'], start: MONTH + at(3, 9) * 120, end: MONTH + at(3, 12) * 120 },
    ],
    slos: [
      {
        slo: slo('trackers-availability', 99.9),
        // 24 minutes on 3 November (inside the window), 20 on 9 November, 10 on 17 November: two probes a step each.
        counts: new Map([
          [
            'eu',
            {
              locations: new Map([
                [
                  '',
                  counts([
                    [at(3, 10), at(3, 10) + 12],
                    [at(9, 4), at(9, 4) + 10],
                    [at(17, 2), at(17, 2) + 5],
                  ]),
                ],
              ]),
              reasons: new Map([['http_5xx', counts([[at(9, 4), at(9, 4) + 10]]).bad]]),
            },
          ],
        ]),
      },
      {
        slo: slo('not-found-availability', 99.9),
        counts: new Map([['eu', { locations: new Map([['', counts([[at(20, 12), at(20, 12) + 25]])]]), reasons: new Map() }]]),
      },
    ],
  },
);

test('the SLO report page: no request, a burn-down chart per SLO, the figures, hostile text as text', async ({ page }) => {
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => problems.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.setContent(reportHtml(report));

  const trackers = page.locator('section.slo[data-slo="trackers-availability"]');
  // 30 bad probes (the 24 inside the window excluded) of 43,200 − 180 (the window's 90 steps): 43.02 allowed.
  await expect(trackers.locator('dd[data-figure="SLI"]')).toHaveText('99.9303%');
  await expect(trackers.locator('dd[data-figure="budget remaining"]')).toHaveText('30.26%');
  await expect(trackers.locator('table.incidents tbody tr')).toHaveCount(2);
  await expect(trackers.locator('table.incidents tbody tr').first()).toContainText('2025-11-09T04:00:00Z');
  await expect(trackers.locator('table.incidents tbody tr').first()).toContainText('http_5xx');
  const notFound = page.locator('section.slo[data-slo="not-found-availability"]');
  await expect(notFound.locator('h2 .verdict')).toHaveText('MISSED');
  // 50 bad probes of the same 43,020: overspent.
  await expect(notFound.locator('dd[data-figure="budget remaining"]')).toHaveText('-16.23%');

  for (const section of [trackers, notFound]) {
    const chart = section.locator('svg.burn-down');
    await expect(chart).toBeVisible();
    const box = (await chart.boundingBox())!;
    expect(box.width).toBeGreaterThan(400);
    const points = await chart.locator('polyline.burn').evaluate((l) => l.getAttribute('points')!.trim().split(/\s+/).length);
    expect(points).toBeGreaterThan(100);
    await expect(chart.locator('rect.incident')).toHaveCount(section === trackers ? 2 : 1);
  }
  // The window: shaded on its target's charts, listed, its name shown as the text it is.
  await expect(page.locator('svg.burn-down rect.excluded')).toHaveCount(2);
  await expect(page.locator('table.windows td').first()).toHaveText(HOSTILE);
  await expect(page.locator('body img')).toHaveCount(0);
  expect(await page.title()).toBe('SLO report: capillary-customer-trackers, 2025-11-01 to 2025-12-01');

  mkdirSync(SCREENSHOTS, { recursive: true });
  const body = await page.screenshot({ path: join(SCREENSHOTS, 'slo-report.png'), fullPage: true });
  await test.info().attach('slo-report.png', { body, contentType: 'image/png' });
  expect(requests.filter((u) => u !== 'about:blank')).toEqual([]);
  expect(problems).toEqual([]);
});
