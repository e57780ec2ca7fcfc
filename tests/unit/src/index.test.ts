// The library API (src/index.ts, the package's "exports"): what another project's
// tests import works on its own, without the CLI.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checks, createClient, formatFinding, validateResponse } from '../../../src/index.ts';
import { exampleText } from '../../../src/schemas.ts';

test('validateResponse accepts the documented body and reports its warnings as findings', () => {
  const result = validateResponse(JSON.parse(exampleText('trackers-98662653')));
  assert.equal(result.ok, true);
  assert.ok(result.warnings.length > 0);
  assert.match(formatFinding(result.warnings[0]!), /^\$\.data\[\d+\]\.\w+ \[\w+\]/);
});

test('validateResponse names the field and rule of a breaking change', () => {
  const body = JSON.parse(exampleText('trackers-98662653')) as { data: { id: unknown }[] };
  body.data[0]!.id = '1';
  const result = validateResponse(body);
  assert.equal(result.ok, false);
  assert.ok(result.errors.some((f) => f.path === '$.data[0].id'));
});

test('checks carries the four checks and the exit-code contract', () => {
  assert.deepEqual([...checks.CHECK_NAMES], ['trackers', 'not_found', 'auth', 'bad_input']);
  assert.deepEqual(checks.EXIT, { pass: 0, broken: 1, usage: 2, inconclusive: 3 });
  assert.equal(typeof checks.runCheck, 'function');
  assert.equal(typeof createClient, 'function');
});
