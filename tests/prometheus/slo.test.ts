// promtool on the generated SLO rules: they match the spec (drift), pass the strictest lint,
// and their burn-rate alerts fire and resolve as the workbook says (trackers-slo.test.yml).
// promtool runs a file's test groups one after another, and three of them evaluate every rule
// minute by minute over 7 to 12 hours (10 CPU-seconds in all): each group runs in a promtool of
// its own, side by side, from a copy of the file holding that group alone.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { SLO_RULES_FILE } from '../../scripts/generate-slo-rules.ts';
import { runToCompletion } from '../support/processes.ts';
import { requireBinaries } from '../support/require-binary.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SLO_TEST_FILE = fileURLToPath(new URL('../../monitor/prometheus/trackers-slo.test.yml', import.meta.url));
const gate = requireBinaries('promtool');

// A limit for a hang, tenfold above what load makes of a group's run: the whole workbook in one
// promtool took 11 CPU-s and was killed at 60 s beside stress-ng --cpu 2.
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

  describe('test rules: pages, tickets, silence and recovery, one promtool per test group', { concurrency: true }, () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'trackers-slo-groups-'));
    after(() => rmSync(dir, { recursive: true, force: true }));
    const doc = parse(readFileSync(SLO_TEST_FILE, 'utf8')) as { rule_files: string[]; tests: { name: string }[] };
    // The rules are named relative to the test file, which the copies do not sit beside.
    const ruleFiles = doc.rule_files.map((f) => path.resolve(path.dirname(SLO_TEST_FILE), f));
    doc.tests.forEach((group, i) => {
      test(group.name, { timeout: HANG_MS + 10_000 }, async () => {
        const file = path.join(dir, `group-${i}.test.yml`);
        const copy = { ...doc, rule_files: ruleFiles, tests: [group] };
        writeFileSync(file, stringify(copy));
        // The copy says what the file says: the same group, read back as it was read.
        assert.deepEqual(parse(readFileSync(file, 'utf8')), copy);
        const r = await runToCompletion(gate.path('promtool'), ['test', 'rules', file], { cwd: ROOT, timeoutMs: HANG_MS });
        assert.equal(r.code, 0, r.output);
        assert.match(r.output, /SUCCESS/);
      });
    });
  });
});
