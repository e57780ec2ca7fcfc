// What the tests read from the environment (tests/support/, the browser tests). CI=true (set by
// .ci/run and by every CI service) makes tests that need a missing binary fail instead of skipping:
// on a fresh laptop a skip is fine, in CI it would hide that nothing ran. Test material, so not in
// src/config, and CHROMIUM_PATH is not in its ENV_VARS (docs/development.md documents it); it
// reads through the same Reader, so its errors look like every other variable's.
import { Reader, type Env } from '../../src/config/env.ts';

export interface TestEnvironment {
  ci: boolean;
  /** The Chromium the status-page tests drive (CHROMIUM_PATH; Debian's by default). */
  chromiumPath: string;
}

export type TestEnvironmentResult = { ok: true; settings: TestEnvironment } | { ok: false; errors: string[] };

export function loadTestEnvironment(env: Env = process.env): TestEnvironmentResult {
  const r = new Reader(env);
  const ci = r.bool('CI');
  const chromiumPath = r.named('CHROMIUM_PATH') ?? '/usr/bin/chromium';
  if (!chromiumPath.startsWith('/'))
    r.errors.push(`CHROMIUM_PATH=${chromiumPath}: must be an absolute path, e.g. /usr/bin/chromium`);
  if (r.errors.length > 0) return { ok: false, errors: r.errors };
  return { ok: true, settings: { ci, chromiumPath } };
}
