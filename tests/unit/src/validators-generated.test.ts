// src/validators.generated.ts is Ajv's standalone code for the validator's schemas. These tests
// hold it to what it replaced: the same Ajv, compiling the same schemas in memory, must give the
// same verdict and the same error objects (instancePath, schemaPath, params, message and the
// verbose schema, parentSchema and data validate.ts reads), for every body we know how to break.
// And the point of it: src/validate.ts loads no part of Ajv.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { MUTATIONS } from '../../../sandbox/mutations.ts';
import { exampleText } from '../../../src/schemas.ts';
import { strictSchemas } from '../../../src/strict-schemas.ts';
import { validators, SUCCESS_SPLIT } from '../../../src/validators.generated.ts';
import { assertLengthsUnitFree, contractAjv } from '../../../scripts/generate-validators.ts';
import { manyTrackers, successEnvelope, usDate } from '../../support/tracker-bodies.ts';

const { twins, split } = strictSchemas();
const ajv = contractAjv();
for (const schema of [...twins, split.envelope]) ajv.addSchema(schema);
const IDS = [...twins, split.envelope].map((s) => s.$id);

const parsedOrText = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

/** The body under each mutation of both documented bodies, and a few hand-broken ones. */
function bodies(): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const m of MUTATIONS) {
    if (m.applies === 'auth') continue;
    for (const name of ['trackers-98662653', 'error-8015'] as const) {
      const text = m.apply({ status: 200, contentType: 'application/json', text: exampleText(name) }).text;
      out.push([`${m.name} on ${name}`, parsedOrText(text)]);
    }
  }
  const trackers = manyTrackers(30).map((t, i) => ({
    ...t,
    ...(i % 3 === 0 && { updatedOn: usDate(t.updatedOn) }),
    ...(i % 5 === 0 && { periodStartDate: '2023-02-30T00:00:00Z', extra: i }),
    ...(i % 7 === 0 && { type: 42, name: null }),
  }));
  out.push(['30 broken trackers', successEnvelope(trackers)]);
  out.push(['broken envelope', { data: {}, pagination: { limit: '0' }, warnings: 'none', errors: [{ code: 'x' }], more: 1 }]);
  out.push(['not an object', [1, 2, 3]]);
  return out;
}

describe('the generated validators', () => {
  test('cover every strict schema and the split success envelope', () => {
    assert.deepEqual(Object.keys(validators).sort(), [...IDS].sort());
    assert.equal(SUCCESS_SPLIT.envelopeId, split.envelope.$id);
    assert.equal(SUCCESS_SPLIT.itemId, split.itemId);
    assert.deepEqual(SUCCESS_SPLIT.after, split.after);
  });

  test('give the verdict and the error objects of the same schemas compiled by Ajv at run time', () => {
    for (const [label, body] of bodies()) {
      for (const id of IDS) {
        const generated = validators[id]!;
        const compiled = ajv.getSchema(id)!;
        const ok = generated(body);
        assert.equal(ok, compiled(body), `${label}: ${id}`);
        assert.deepStrictEqual(generated.errors ?? null, compiled.errors ?? null, `${label}: ${id}`);
      }
    }
  });

  test('check each tracker alone as they do inside the envelope (instancePath from the context)', () => {
    const data = manyTrackers(3).map((t) => ({ ...t, id: String(t.id), updatedOn: usDate(t.updatedOn) }));
    const body = successEnvelope(data);
    const item = validators[SUCCESS_SPLIT.itemId]!;
    const compiled = ajv.getSchema(SUCCESS_SPLIT.itemId)!;
    for (let i = 0; i < data.length; i++) {
      const cxt = { instancePath: `/data/${i}`, parentData: data, parentDataProperty: i, rootData: body, dynamicAnchors: {} };
      assert.equal(item(data[i], cxt), compiled(data[i], cxt));
      assert.deepStrictEqual(item.errors, compiled.errors);
    }
  });
});

describe('unicode: false (a minLength reads .length)', () => {
  test('is refused for any length bound where UTF-16 units and code points could disagree', () => {
    for (const schema of [...twins, split.envelope]) assertLengthsUnitFree(schema, schema.$id);
    assert.doesNotThrow(() => assertLengthsUnitFree({ properties: { a: { minLength: 1 }, b: { minLength: 0 } } }, 'ok'));
    assert.throws(() => assertLengthsUnitFree({ properties: { a: { minLength: 2 } } }, 'x'), /x\/properties\/a: minLength 2/);
    assert.throws(() => assertLengthsUnitFree({ anyOf: [{ maxLength: 40 }] }, 'y'), /y\/anyOf\/0: maxLength 40/);
  });
});

describe('src/validate.ts at run time', () => {
  test('loads no part of Ajv (the schemas are compiled ahead of time)', () => {
    // A child process: this one has loaded Ajv above. ES imports of a CommonJS package land in require.cache.
    const script = `
      import { createRequire } from 'node:module';
      const { validateResponse, validateDocument } = await import('./src/validate.ts');
      validateResponse(JSON.parse(${JSON.stringify(exampleText('trackers-98662653'))}));
      validateDocument('monitor-targets.schema.json', { targets: [] });
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((f) => /[\\\\/]node_modules[\\\\/]ajv[\\\\/]/.test(f));
      process.stdout.write(JSON.stringify(loaded));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out), []);
  });
});
