// trackers-contract slo (or slo rules) as a user runs it: rules from the shipped spec or a given one, a
// bad spec refused naming its fields (exit 2), --out writing the file. slo report: cli/slo-report.test.ts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { programArgs } from '../../support/program.ts';

const dir = mkdtempSync(join(tmpdir(), 'slo-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function slo(...args: string[]) {
  const r = spawnSync(process.execPath, [...programArgs('cli/trackers-contract.ts'), 'slo', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('trackers-contract slo', { concurrency: true }, () => {
  test('without a spec: the shipped SLOs, a page and a ticket alert each; `slo rules` is the same command', () => {
    const r = slo();
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^# Generated from monitor\/slo\/trackers\.slo\.yml/);
    assert.equal(r.stdout.match(/alert: TrackersAvailabilityBudgetBurn/g)?.length, 2);
    assert.match(r.stdout, /record: slo:sli_error:ratio_rate30d/);
    assert.deepEqual(slo('rules'), r);
  });

  test('a bad spec: exit 2, each problem by its JSON path, no stack trace', () => {
    const file = join(dir, 'bad.yml');
    writeFileSync(file, 'version: prometheus/v1\nservice: Not Valid\nslos: []\n');
    const r = slo('--spec', file);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /\$\.service: /);
    assert.match(r.stderr, /\$\.slos: /);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  test('an unreadable spec and an unknown flag are one line each, exit 2', () => {
    const missing = slo('--spec', join(dir, 'none.yml'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read the spec \(ENOENT\)\n$/);
    const flag = slo('--window', '28d');
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /^slo: unknown option --window \(see --help\)\n$/);
  });

  test('--out writes the rules, naming the spec it came from', () => {
    const spec = join(dir, 'mine.slo.yml');
    writeFileSync(
      spec,
      readFileSync('monitor/slo/trackers.slo.yml', 'utf8').replace('capillary-customer-trackers', 'my-service'),
    );
    const out = join(dir, 'rules.yml');
    const r = slo('-s', spec, '-o', out);
    assert.equal(r.code, 0, r.stderr);
    const rules = readFileSync(out, 'utf8');
    assert.ok(rules.startsWith(`# Generated from ${spec}`));
    assert.match(rules, /sloth_service: my-service/);
  });
});
