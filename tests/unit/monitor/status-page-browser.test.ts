import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { requireBinaries } from '../../support/require-binary.ts';
import { euProbe, serveMonitor, testTarget } from './helpers.ts';

const browser = requireBinaries('chromium');

// The page refreshes every second; each wait below is for the text to show, with no deadline of its own
// (timeout 0): the suite's timeout bounds it, however long a loaded machine makes Chromium take.
describe('status page in a browser', { skip: browser.skip, timeout: 60_000 }, () => {
  test('refreshes from /api/status and renders a hostile message as text, with no CSP violation', async (t) => {
    const { chromium } = await import('@playwright/test');
    const { base, record } = await serveMonitor(t, [testTarget('eu')]);
    record(euProbe('first'));
    const instance = await chromium.launch({ executablePath: browser.path('chromium'), args: ['--no-sandbox'] });
    t.after(() => instance.close());
    const page = await instance.newPage();
    const problems: string[] = [];
    page.on('console', (m) => problems.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`${base}/?refresh=1`);
    // The details (and so the message) are fetched when the target is opened.
    await page.locator('details[data-target="eu"] > summary').click();
    await page.locator('.check.down .msg').first().waitFor({ timeout: 0 });
    assert.equal(await page.locator('.check.down .msg').first().textContent(), 'first');

    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    record(euProbe(`HTTP 503 (error 503: ${hostile})`));
    await page.locator('.check.down .msg', { hasText: 'HTTP 503' }).first().waitFor({ timeout: 0 });
    assert.equal(await page.locator('.check.down .msg').first().textContent(), `HTTP 503 (error 503: ${hostile})`);
    assert.equal(await page.locator('main img, main script').count(), 0);
    assert.equal(await page.locator('svg.chart polyline').count(), 1);
    assert.deepEqual(problems, []);
  });
});
