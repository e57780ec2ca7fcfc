import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { renderStatusBody, renderStatusPage, STATUS_PAGE_CSP, escapeHtml } from '../../../monitor/status-page.ts';
import { createStatusHistory } from '../../../monitor/status-history.ts';
import type { ProbeResult } from '../../../monitor/probe.ts';
import { testTarget } from './helpers.ts';

const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(2)>',
  "'><svg onload=alert(3)>",
  '</textarea><iframe src=javascript:alert(4)>',
  '&lt;b&gt;already-escaped&lt;/b&gt;',
];

function failure(message: string, overrides: Partial<ProbeResult> = {}): ProbeResult {
  return {
    target: 'eu',
    check: 'trackers',
    success: false,
    verdict: 'fail',
    answered: true,
    reason: 'http_5xx',
    message,
    httpStatus: 503,
    startedAt: Date.UTC(2026, 0, 2, 3, 4, 5),
    durationMs: 42,
    degraded: false,
    bodySize: 10,
    errors: [],
    warnings: [],
    authRefreshed: false,
    ...overrides,
  };
}

function historyWith(results: ProbeResult[]) {
  const history = createStatusHistory([testTarget('eu'), testTarget('us', { latencyBudgetMs: 500, latencyDegradedMs: 100 })], {
    version: '9.9.9',
    now: () => Date.UTC(2026, 0, 2, 3, 5, 0),
  });
  for (const r of results) history.add(r);
  return history;
}

describe('status page', () => {
  for (const hostile of HOSTILE) {
    test(`escapes a hostile response message: ${hostile}`, () => {
      const html = renderStatusPage(historyWith([failure(`HTTP 503 (error 503: ${hostile})`)]).snapshot());
      assert.ok(!html.includes(hostile), 'the raw string must not appear');
      const escaped = escapeHtml(hostile);
      assert.ok(html.includes(`<p class="msg">HTTP 503 (error 503: ${escaped})</p>`), 'shown as text in the last message');
      assert.ok(
        html.includes(`<code>http_5xx</code> at 2026-01-02 03:04:05Z: HTTP 503 (error 503: ${escaped})`),
        'and in the last failure',
      );
      assert.equal(html.match(/<script\b/g)?.length, 1, 'the page’s own script only');
      assert.doesNotMatch(html, /<img|<iframe|<svg onload/i, 'no element comes from the message');
    });
  }

  test('the inline script and style are the ones the Content-Security-Policy allows', () => {
    const html = renderStatusPage(historyWith([]).snapshot());
    const script = html.match(/<script>([\s\S]*?)<\/script>/)![1]!;
    const style = html.match(/<style>([\s\S]*?)<\/style>/)![1]!;
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    assert.ok(STATUS_PAGE_CSP.includes(`script-src ${hash(script)}`));
    assert.ok(STATUS_PAGE_CSP.includes(`style-src ${hash(style)}`));
    assert.match(STATUS_PAGE_CSP, /default-src 'none'/);
    assert.match(STATUS_PAGE_CSP, /connect-src 'self'/);
  });

  test('is self-contained: no external script, style, font or image', () => {
    const html = renderStatusPage(historyWith([failure('x')]).snapshot());
    assert.doesNotMatch(html, /<script[^>]+src=|<link\b|@import|url\(|(src|href)="?(https?:)?\/\//i);
  });

  test('shows up/down, success ratio, last failure, tracker count, warnings and a latency chart with the budget line', () => {
    const ok: ProbeResult = {
      ...failure('HTTP 200, 35 tracker(s), 4 warning(s), 12 ms'),
      success: true,
      reason: undefined,
      httpStatus: 200,
      trackerCount: 35,
      warnings: Array.from({ length: 4 }, () => ({ path: '$', rule: 'pagination_nonzero', message: 'w' })),
    };
    const body = renderStatusBody(
      historyWith([
        failure('HTTP 503 (error 503: down)'),
        ok,
        ok,
        ok,
        failure('timed out', { check: 'not_found', reason: 'timeout' }),
      ]).snapshot(),
    );
    assert.match(body, /<div class="check up">[\s\S]*?<span class="badge">UP<\/span> <strong>trackers<\/strong>/);
    assert.match(body, /<div class="check down">[\s\S]*?<span class="badge">DOWN<\/span> <strong>not_found<\/strong>/);
    assert.match(body, /<div class="check pending">/, 'the second target has not been probed');
    assert.match(body, /75% of the last 4 \(3\/4 since start\)/);
    assert.match(body, /<dt>trackers<\/dt><dd>35<\/dd>/);
    assert.match(body, /<dt>warnings<\/dt><dd>4<\/dd>/);
    assert.match(body, /<code>http_5xx<\/code> at 2026-01-02 03:04:05Z: HTTP 503 \(error 503: down\)/);
    assert.match(body, /<svg viewBox="0 0 600 120" class="chart"/);
    assert.match(body, /<polyline points="[\d. ,]+" class="line">/);
    assert.match(body, /<line [^>]*class="budget"><title>latency budget 3000 ms<\/title>/);
    assert.match(body, /<circle [^>]*class="fail"><title>2026-01-02 03:04:05Z http_5xx 42 ms<\/title>/);
    assert.match(body, /1 check\(s\) failing/);
  });

  test('the history window is bounded', () => {
    const history = createStatusHistory([testTarget('eu')], { version: 'x', capacity: 5 });
    for (let i = 0; i < 20; i++) history.add(failure(`m${i}`));
    const c = history.snapshot().targets[0]!.checks[0]!;
    assert.equal(c.recent.length, 5);
    assert.equal(c.probes, 20);
    assert.equal(c.lastFailure?.message, 'm19');
  });

  test('a snapshot is a copy: later probes do not change it', () => {
    const history = historyWith([failure('first')]);
    const before = history.snapshot();
    history.add(failure('second'));
    assert.equal(before.targets[0]!.checks[0]!.probes, 1);
  });
});
