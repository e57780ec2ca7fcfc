// promtool on the generated SLO rules: they match the spec (drift), pass the strictest lint,
// and their burn-rate alerts fire and resolve as the workbook says (trackers-slo.test.yml).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SLO_RULES_FILE } from '../../scripts/generate-slo-rules.ts';
import { requireBinaries } from '../support/require-binary.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SLO_TEST_FILE = fileURLToPath(new URL('../../monitor/prometheus/trackers-slo.test.yml', import.meta.url));
const gate = requireBinaries('promtool');

// promtool's test of the SLO workbook evaluates every rule each minute over hours of series: 11
// CPU-s alone, and it ran past 60 s beside stress-ng --cpu 2 and the other lanes. The limit is for
// a hang, so it sits tenfold above that.
const HANG_MS = 600_000;

function run(command: string, args: string[]) {
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', timeout: HANG_MS });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

test('the committed SLO rules are what monitor/slo/trackers.slo.yml generates', () => {
  const r = run(process.execPath, ['--import', 'tsx', 'scripts/generate-slo-rules.ts', '--check']);
  assert.equal(r.status, 0, r.output);
});

describe('promtool on the SLO rules', { skip: gate.skip }, () => {
  test('check rules --lint=all', () => {
    const r = run(gate.path('promtool'), ['check', 'rules', '--lint=all', SLO_RULES_FILE]);
    assert.equal(r.status, 0, r.output);
    assert.match(r.output, /SUCCESS: \d+ rules found/);
  });

  test('test rules: pages, tickets, silence and recovery', { timeout: HANG_MS + 10_000 }, () => {
    const r = run(gate.path('promtool'), ['test', 'rules', SLO_TEST_FILE]);
    assert.equal(r.status, 0, r.output);
  });
});
