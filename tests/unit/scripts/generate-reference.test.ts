// docs/reference.md is made from the code's own data, covers all of it, and `--check` (npm run
// check:generated) refuses a page that no longer matches: a drift is caught whether the page was
// edited by hand or the code changed under it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Registry } from 'prom-client';
import { COMMAND_NAMES } from '../../../cli/trackers-contract.ts';
import { USAGE as MONITOR_USAGE } from '../../../monitor/flags.ts';
import { createMetrics } from '../../../monitor/metrics.ts';
import { REFERENCE, generateReference } from '../../../scripts/generate-reference.ts';
import { driftMessage } from '../../../scripts/write-or-check.ts';
import { REASONS, REASON_MEANINGS } from '../../../src/checks/result.ts';
import { EXIT, EXIT_MEANINGS } from '../../../src/checks/run.ts';
import { ENV_VARS } from '../../../src/config/env.ts';

const page = await generateReference();
/** The table row whose first cell is `name` in backticks, or undefined. */
const row = (name: string) => page.split('\n').find((line) => line.startsWith(`| \`${name}\` `));

describe('docs/reference.md, generated from the code', () => {
  test('every exit code, with its meaning', () => {
    for (const [name, value] of Object.entries(EXIT)) {
      const line = page.split('\n').find((l) => l.startsWith(`| ${value} `));
      assert.ok(line?.includes(name) && line.includes(EXIT_MEANINGS[name as keyof typeof EXIT]), `exit ${value} (${name})`);
    }
  });

  test('every variable of ENV_VARS, secrets marked', () => {
    for (const name of Object.keys(ENV_VARS)) assert.ok(row(name), `${name} has a row`);
    assert.match(row('CAP_PASSWORD')!, /secret: its value is never shown/);
    assert.doesNotMatch(row('CAP_USERNAME')!, /secret/);
  });

  test("every command's --help, word for word", async () => {
    assert.ok(COMMAND_NAMES.length >= 7);
    for (const name of COMMAND_NAMES) assert.match(page, new RegExp(`^### ${name}$`, 'm'), `${name} has a section`);
    // The monitor's lives apart from cli/: the hardest to keep by hand.
    for (const line of MONITOR_USAGE.trimEnd().split('\n')) assert.ok(page.includes(line), `monitor --help line: ${line}`);
  });

  test('every failure reason, with its verdict, the checks that give it and its meaning', () => {
    for (const reason of REASONS) assert.ok(row(reason)?.includes(REASON_MEANINGS[reason]), `${reason}`);
    assert.match(row('timeout')!, /\| inconclusive \|/);
    assert.match(row('error_code_mismatch')!, /\| fail +\| `not_found` +\|/);
  });

  test('every metric the monitor registers, with its type and labels', () => {
    const registry = new Registry();
    createMetrics({
      registry,
      targets: [{ name: 't', config: { latencyBudgetMs: 3000, latencyDegradedMs: 1000 }, authIntervalSeconds: 300 }],
      version: 'v',
      defaultMetrics: false,
    });
    const families = registry.getMetricsAsArray() as unknown as { name: string; type: string; labelNames: string[] }[];
    assert.ok(families.length > 10);
    for (const f of families) {
      const line = row(f.name);
      assert.ok(line, `${f.name} has a row`);
      assert.ok(line.includes(`| ${f.type} `), `${f.name} is a ${f.type}`);
      for (const label of f.labelNames) assert.ok(line.includes(`\`${label}\``), `${f.name} has label ${label}`);
    }
  });

  test('a page edited by hand is drift, named with the command that fixes it', () => {
    assert.equal(driftMessage(REFERENCE, page, page), undefined);
    const edited = page.replace(REASON_MEANINGS.timeout, 'no response');
    assert.notEqual(edited, page);
    assert.equal(
      driftMessage(REFERENCE, edited, page),
      'docs/reference.md is out of date with the code: run `npm run reference` and commit the result.',
    );
    assert.ok(driftMessage(REFERENCE, undefined, page), 'a missing page is drift too');
  });

  test('a change in the code is drift for the committed page', async () => {
    const meanings = REASON_MEANINGS as Record<string, string>;
    const before = meanings.timeout!;
    meanings.timeout = 'a meaning changed in the code';
    let changed: string;
    try {
      changed = await generateReference();
    } finally {
      meanings.timeout = before;
    }
    assert.match(changed, /a meaning changed in the code/);
    assert.ok(driftMessage(REFERENCE, page, changed));
  });
});
