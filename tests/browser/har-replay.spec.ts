// A tool we did not write reads our files: a failure bundle's exchange.har, replayed by Playwright's
// own HAR router (routeFromHAR) in Chromium with the sandbox that answered already gone, and the
// project's checks run over that replay reach the verdict the original run reached.
import { test, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox } from '../../sandbox/app.ts';
import { runCheck } from '../../src/checks/run.ts';
import type { CheckName, CheckResult } from '../../src/checks/result.ts';
import { createClient, trackersPath, type ClientResult, type TrackersClient } from '../../src/client.ts';
import { writeFailureBundle } from '../../src/failure-bundle.ts';
import { isJsonMediaType } from '../../src/media-type.ts';
import { SANDBOX_BASIC_AUTH, sandboxCheckSettings } from '../support/check-settings.ts';
import { requireBinaries } from '../support/require-binary.ts';

const binaries = requireBinaries('chromium');
test.skip(binaries.skip !== false, binaries.skip || '');

const SETTINGS = sandboxCheckSettings(SANDBOX_BASIC_AUTH);

/**
 * The TrackersClient interface over a browser page: each request a navigation, answered by whatever
 * routes the page's context (here Playwright's HAR router). Time is not replayed: 0 ms, so only the
 * recorded answers decide.
 */
function pageClient(page: Page, baseUrl: string): TrackersClient {
  const request = async (method: string, path: string): Promise<ClientResult> => {
    const response = await page.goto(baseUrl + path);
    if (!response) throw new Error(`no response for ${path}`);
    const headers = await response.allHeaders();
    const bytes = await response.body();
    const text = bytes.toString('utf8');
    const result: ClientResult = {
      ok: true,
      method,
      path,
      status: response.status(),
      headers,
      contentType: headers['content-type'],
      bodySize: bytes.length,
      decodedBodySize: bytes.length,
      bodyText: text,
      timings: { startedAt: Date.now(), totalMs: 0 },
    };
    if (!isJsonMediaType(result.contentType)) {
      return { ...result, ok: false, failure: { reason: 'non_json_content_type', message: 'not JSON' } };
    }
    try {
      return { ...result, body: JSON.parse(text) as unknown };
    } catch {
      return { ...result, ok: false, failure: { reason: 'invalid_json', message: 'not valid JSON' } };
    }
  };
  return {
    getTrackers: (customerId) => request('GET', trackersPath(customerId)),
    request,
    authHeaders: async () => ({ ok: true, headers: {}, generated: false }),
    close: () => {},
  };
}

const CASES: { check: CheckName; fault?: string }[] = [
  { check: 'trackers', fault: 'mutation=id-string' },
  { check: 'not_found' },
];

for (const c of CASES) {
  test(`${c.check}${c.fault ? ` (${c.fault})` : ''}: Playwright's routeFromHAR replays our exchange.har to the same verdict`, async ({
    page,
  }) => {
    const dir = mkdtempSync(join(tmpdir(), 'har-replay-'));
    try {
      const sandbox = createSandbox();
      const baseUrl = await sandbox.listen(0);
      const client = createClient({ baseUrl, auth: SANDBOX_BASIC_AUTH, timeoutMs: 60_000 });
      let original: CheckResult;
      try {
        original = await runCheck(c.check, client, SETTINGS, { headers: c.fault ? { 'X-Sandbox-Fault': c.fault } : undefined });
      } finally {
        client.close();
        await sandbox.close();
      }
      expect(original.verdict).toBe(c.fault ? 'fail' : 'pass');
      const written = writeFailureBundle(dir, { result: original, target: 'sandbox', at: Date.now(), version: 'test' });
      expect(written.ok).toBe(true);
      if (!written.ok) return;

      // The sandbox is closed: an answer can only come from the HAR ('abort' fails any request it lacks).
      await page.context().routeFromHAR(join(written.path, 'exchange.har'), { notFound: 'abort' });
      const replayed = await runCheck(c.check, pageClient(page, baseUrl), SETTINGS);

      expect(replayed.verdict).toBe(original.verdict);
      expect(replayed.reason).toBe(original.reason);
      expect(replayed.errors.map((e) => [e.path, e.rule])).toEqual(original.errors.map((e) => [e.path, e.rule]));
      expect(replayed.steps.map((s) => s.status)).toEqual(original.steps.map((s) => s.status));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
