// The proof that the contract checks bite: every mutation in the table is served
// by the sandbox and judged by the real validator. Breaking ones must fail with the
// finding the table promises; additive ones must pass with the promised warning.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_CUSTOMER_ID, MISSING_CUSTOMER_ID } from '../../../sandbox/data.ts';
import { MUTATIONS, findMutation } from '../../../sandbox/mutations.ts';
import type { Mutation } from '../../../sandbox/mutations.ts';
import { exampleText } from '../../../src/schemas.ts';
import { validateResponse } from '../../../src/validate.ts';
import type { Finding, ValidateOptions } from '../../../src/validate.ts';
import { AUTH, answered, startSandbox, trackersPath } from './helpers.ts';
import { NOT_FOUND_CODE, NOT_FOUND_MESSAGE } from '../../../src/checks/trackers.ts';
import { isJsonMediaType } from '../../../src/media-type.ts';

const SUCCESS: ValidateOptions = { expect: 'success' };
const NOT_FOUND: ValidateOptions = { expect: 'error', errorCode: NOT_FOUND_CODE, errorMessage: NOT_FOUND_MESSAGE };
const key = (f: { path: string; rule: string }) => `${f.rule} at ${f.path}`;

/** Warnings the unmutated body already raises (the documented example has data-quality warnings). */
function baselineWarnings(target: Mutation['applies']): Set<string> {
  const text = target === 'not-found' ? exampleText('error-8015') : exampleText('trackers-98662653');
  return new Set(validateResponse(JSON.parse(text), target === 'not-found' ? NOT_FOUND : SUCCESS).warnings.map(key));
}

function newWarnings(warnings: Finding[], target: Mutation['applies']): string[] {
  const before = baselineWarnings(target);
  return warnings.map(key).filter((w) => !before.has(w));
}

describe('the mutations table', () => {
  test('has unique names and includes the required mutations', () => {
    const names = MUTATIONS.map((m) => m.name);
    assert.equal(new Set(names).size, names.length);
    for (const required of [
      'id-string',
      'missing-field',
      'date-reformat',
      'date-epoch',
      'value-string',
      'name-null',
      'data-not-array',
      'lose-8015',
      'wrong-error-code',
      'not-found-5xx',
      'no-auth',
      'html-content-type',
      'extra-field',
      'new-type',
      'fractional-seconds',
      'offset-date',
      'charset',
      'extra-envelope-field',
    ]) {
      assert.ok(findMutation(required), required);
    }
  });

  test('gives every breaking body mutation the finding that proves it', () => {
    for (const m of MUTATIONS) {
      if (m.breaking && (m.applies === 'success' || m.applies === 'not-found')) assert.ok(m.expect, `${m.name} needs expect`);
    }
  });

  test('apply() does not change its input', () => {
    const draft = { status: 200, contentType: 'application/json', text: exampleText('trackers-98662653') };
    for (const m of MUTATIONS) if (m.applies !== 'auth') m.apply(draft);
    assert.equal(draft.text, exampleText('trackers-98662653'));
  });
});

describe('each mutation, served and validated', () => {
  for (const m of MUTATIONS) {
    const verdict = m.breaking ? 'breaks the contract' : 'is tolerated';
    test(`${m.name} ${verdict}${m.expect ? ` (${key(m.expect)})` : ''}`, async (t) => {
      const { base } = await startSandbox(t);
      const fault = { 'X-Sandbox-Fault': `mutation=${m.name}` };

      if (m.applies === 'auth') {
        const control = await answered(base, trackersPath(DEFAULT_CUSTOMER_ID));
        assert.equal(control.status, 401);
        const res = await answered(base, trackersPath(DEFAULT_CUSTOMER_ID), { headers: fault });
        assert.equal(res.status, 200, 'data without credentials');
        assert.equal(validateResponse(JSON.parse(res.text), SUCCESS).trackerCount > 0, true);
        return;
      }

      if (m.applies === 'content-type') {
        const res = await answered(base, trackersPath(DEFAULT_CUSTOMER_ID), { headers: { ...AUTH, ...fault } });
        assert.equal(isJsonMediaType(res.headers['content-type']), !m.breaking, `content-type ${res.headers['content-type']}`);
        assert.equal(validateResponse(JSON.parse(res.text), SUCCESS).ok, true, 'the body itself is untouched');
        return;
      }

      const id = m.applies === 'not-found' ? MISSING_CUSTOMER_ID : DEFAULT_CUSTOMER_ID;
      const options = m.applies === 'not-found' ? NOT_FOUND : SUCCESS;
      const res = await answered(base, trackersPath(id), { headers: { ...AUTH, ...fault } });
      assert.equal(res.headers['content-type'], 'application/json');
      const result = validateResponse(JSON.parse(res.text), options);

      if (m.breaking) {
        assert.equal(result.ok, false);
        assert.ok(
          result.errors.some((e) => e.path === m.expect!.path && e.rule === m.expect!.rule),
          `expected ${key(m.expect!)} among ${JSON.stringify(result.errors.map(key))}`,
        );
      } else {
        assert.equal(result.ok, true, JSON.stringify(result.errors));
        const added = newWarnings(result.warnings, m.applies);
        if (m.expect) {
          assert.ok(added.includes(key(m.expect)), `expected warning ${key(m.expect)} among ${JSON.stringify(added)}`);
          assert.ok(
            added.every((w) => w.startsWith(`${m.expect!.rule} at`)),
            `only ${m.expect.rule} warnings: ${JSON.stringify(added)}`,
          );
        } else {
          assert.deepEqual(added, []);
        }
      }
    });
  }

  test('not-found-5xx answers HTTP 500 and lose-8015 answers 200', async (t) => {
    const { base } = await startSandbox(t);
    const path = trackersPath(MISSING_CUSTOMER_ID);
    assert.equal((await answered(base, path, { headers: { ...AUTH, 'X-Sandbox-Fault': 'mutation=not-found-5xx' } })).status, 500);
    assert.equal((await answered(base, path, { headers: { ...AUTH, 'X-Sandbox-Fault': 'mutation=lose-8015' } })).status, 200);
  });

  test('a mutation leaves responses it does not target alone', async (t) => {
    const { base } = await startSandbox(t);
    const missing = await answered(base, trackersPath(MISSING_CUSTOMER_ID), {
      headers: { ...AUTH, 'X-Sandbox-Fault': 'mutation=id-string' },
    });
    assert.equal(missing.text, exampleText('error-8015'));
    const found = await answered(base, trackersPath(DEFAULT_CUSTOMER_ID), {
      headers: { ...AUTH, 'X-Sandbox-Fault': 'mutation=lose-8015' },
    });
    assert.equal(found.text, exampleText('trackers-98662653'));
  });
});
