// What the release gate reads besides the target and its settings (api.ts): where it writes its
// reports, and whether it runs on CI, where a `test.only` left in a spec must fail the run rather
// than quietly narrow it.
import { Reader, type Env } from './env.ts';

export interface GateSettings {
  /** Where junit.xml, html/ and verdict.json go (GATE_REPORT_DIR, default reports/gate). */
  reportDir: string;
  /** CI=true: Playwright's forbidOnly. */
  ci: boolean;
}

export type GateSettingsResult = { ok: true; settings: GateSettings } | { ok: false; errors: string[] };

export function loadGateSettings(env: Env = process.env): GateSettingsResult {
  const r = new Reader(env);
  const ci = r.bool('CI');
  const reportDir = r.raw('GATE_REPORT_DIR') ?? 'reports/gate';
  if (r.errors.length > 0) return { ok: false, errors: r.errors };
  return { ok: true, settings: { reportDir, ci } };
}
