import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { exampleText } from '../../../src/schemas.ts';
import { validateResponse, pointerToPath, type Finding } from '../../../src/validate.ts';

const example = () => JSON.parse(exampleText('trackers-98662653')) as { data: Record<string, unknown>[]; [k: string]: unknown };
const notFound = () => JSON.parse(exampleText('error-8015')) as { errors: Record<string, unknown>[]; [k: string]: unknown };
const has = (list: Finding[], path: string, rule: string) => list.some((f) => f.path === path && f.rule === rule);
const show = (list: Finding[]) => list.map((f) => `${f.path} ${f.rule}`).join('; ');

describe('the documented example bodies', () => {
  test('the 97-tracker success body validates verbatim, with its known data-quality warnings', () => {
    const r = validateResponse(JSON.parse(exampleText('trackers-98662653')));
    assert.equal(r.ok, true, show(r.errors));
    assert.equal(r.kind, 'success');
    assert.equal(r.trackerCount, 97);
    const byRule = (rule: string) => r.warnings.filter((w) => w.rule === rule);
    assert.equal(byRule('period_end_before_start').length, 4);
    assert.deepEqual(
      byRule('period_end_before_start').map((w) => w.path),
      ['$.data[89].periodEndDate', '$.data[90].periodEndDate', '$.data[91].periodEndDate', '$.data[92].periodEndDate'],
    );
    assert.equal(byRule('duplicate_tracker_id').length, 7);
    assert.deepEqual(
      byRule('duplicate_tracker_id')
        .map((w) => w.value)
        .sort(),
      [4938, 5040, 5041, 5362, 6212, 9199, 9645],
    );
    assert.equal(r.warnings.length, 11, show(r.warnings));
  });

  // README.md ("Validate: is this body valid?") describes this body; these are the facts it states.
  test('the README’s account of the 97-tracker body holds: repeated ids, no identical rows, zero pagination', () => {
    const body = example();
    const rows = body.data.map((row) => JSON.stringify(row));
    assert.equal(rows.length, 97);
    assert.equal(new Set(rows).size, 97, 'no two rows are identical');
    const keys = body.data.map((t) => `${String(t.id)}/${String(t.conditionId)}`);
    assert.equal(new Set(keys).size, 97, 'no (id, conditionId) repeats');
    const conditionsById = new Map<unknown, unknown[]>();
    for (const t of body.data) conditionsById.set(t.id, [...(conditionsById.get(t.id) ?? []), t.conditionId]);
    const repeated = [...conditionsById].filter(([, conditions]) => conditions.length > 1);
    assert.deepEqual(Object.fromEntries(repeated), {
      4938: [173, 174],
      5040: [186, 187, 188],
      5041: [246, 189],
      5362: [263, 264],
      6212: [369, 370],
      9199: [375, 376],
      9645: [468, 475, 476],
    });
    assert.equal(repeated.flatMap(([, c]) => c).length, 16, '7 ids on 16 rows');
    assert.deepEqual(body.pagination, { limit: 0, offset: 0, total: 0 });
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    assert.match(readme, /7 ids, on 16 of its 97 rows/);
    assert.match(readme, /It has no two identical rows, no repeated `\(id, conditionId\)` and an all-zero pagination/);
  });

  test('the 8015 body validates verbatim as an error envelope with code 8015', () => {
    const r = validateResponse(JSON.parse(exampleText('error-8015')), { expect: 'error', errorCode: 8015 });
    assert.deepEqual(r, { ok: true, kind: 'error', errors: [], warnings: [], trackerCount: 0 });
  });

  test('auto-detection tells the two envelopes apart', () => {
    assert.equal(validateResponse(example()).kind, 'success');
    assert.equal(validateResponse(notFound()).kind, 'error');
  });
});

type Mutate = (b: ReturnType<typeof example>) => void;
const breaking: [string, Mutate, string, string][] = [
  ['an id turned into a string', (b) => (b.data[0]!.id = '9737'), '$.data[0].id', 'type'],
  ['a float id', (b) => (b.data[0]!.id = 9737.5), '$.data[0].id', 'type'],
  ['a conditionId turned into a string', (b) => (b.data[1]!.conditionId = '383'), '$.data[1].conditionId', 'type'],
  ['a missing name', (b) => delete b.data[1]!.name, '$.data[1].name', 'required'],
  ['a missing updatedOn', (b) => delete b.data[2]!.updatedOn, '$.data[2].updatedOn', 'required'],
  ['a null conditionName', (b) => (b.data[3]!.conditionName = null), '$.data[3].conditionName', 'type'],
  ['a numeric name', (b) => (b.data[3]!.name = 12), '$.data[3].name', 'type'],
  ['value as a string', (b) => (b.data[4]!.value = '2400.000'), '$.data[4].value', 'type'],
  ['value null', (b) => (b.data[4]!.value = null), '$.data[4].value', 'type'],
  ['a numeric type', (b) => (b.data[5]!.type = 7), '$.data[5].type', 'type'],
  ['an empty type', (b) => (b.data[5]!.type = ''), '$.data[5].type', 'minLength'],
  ['a date-only value', (b) => (b.data[6]!.updatedOn = '2023-12-07'), '$.data[6].updatedOn', 'date-time'],
  ['a US-style date', (b) => (b.data[6]!.periodStartDate = '12/07/2023'), '$.data[6].periodStartDate', 'date-time'],
  ['a space instead of T', (b) => (b.data[6]!.updatedOn = '2023-12-07 00:00:00'), '$.data[6].updatedOn', 'date-time'],
  ['a date-time without a zone', (b) => (b.data[6]!.updatedOn = '2023-12-07T00:00:00'), '$.data[6].updatedOn', 'date-time'],
  ['an epoch number', (b) => (b.data[7]!.periodEndDate = 1701907200000), '$.data[7].periodEndDate', 'type'],
  ['month 13', (b) => (b.data[7]!.periodEndDate = '2023-13-07T00:00:00Z'), '$.data[7].periodEndDate', 'date-time'],
  ['30 February', (b) => (b.data[7]!.updatedOn = '2024-02-30T00:00:00Z'), '$.data[7].updatedOn', 'date-time'],
  ['data not an array', (b) => (b.data = {} as never), '$.data', 'type'],
  ['data missing', (b) => delete (b as Record<string, unknown>).data, '$.data', 'required'],
  ['pagination missing', (b) => delete b.pagination, '$.pagination', 'required'],
  ['pagination limit a string', (b) => ((b.pagination as Record<string, unknown>).limit = '0'), '$.pagination.limit', 'type'],
  ['errors not an array', (b) => (b.errors = null), '$.errors', 'type'],
  ['a tracker that is not an object', (b) => (b.data[8] = 'tracker' as never), '$.data[8]', 'type'],
];

describe('breaking changes fail with the JSON path and the rule', () => {
  for (const [name, mutate, path, rule] of breaking) {
    test(name, () => {
      const body = example();
      mutate(body);
      const r = validateResponse(body);
      assert.equal(r.ok, false);
      assert.ok(has(r.errors, path, rule), `expected ${path} [${rule}], got: ${show(r.errors)}`);
    });
  }

  test('every violation is reported, not just the first', () => {
    const body = example();
    body.data[0]!.id = 'x';
    body.data[50]!.value = 'y';
    body.data[96]!.updatedOn = '2024';
    const r = validateResponse(body);
    assert.deepEqual(
      r.errors.map((e) => e.path),
      ['$.data[0].id', '$.data[50].value', '$.data[96].updatedOn'],
    );
    assert.equal(r.errors[0]!.value, 'x');
  });

  test('a body that is not an object fails at the root', () => {
    for (const body of [null, 'text', 42, []]) {
      const r = validateResponse(body);
      assert.equal(r.ok, false);
      assert.ok(has(r.errors, '$', 'type'), show(r.errors));
    }
  });
});

const tolerated: [string, Mutate, string | undefined, string | undefined][] = [
  ['an extra tracker field', (b) => (b.data[0]!.tier = 'GOLD'), '$.data[0].tier', 'additional_property'],
  ['an extra envelope field', (b) => (b.requestId = 'abc'), '$.requestId', 'additional_property'],
  ['a new tracker type', (b) => (b.data[0]!.type = 'BILL_NET_AMOUNT'), '$.data[0].type', 'unknown_tracker_type'],
  ['fractional seconds', (b) => (b.data[0]!.updatedOn = '2023-12-07T00:00:00.123Z'), undefined, undefined],
  ['an offset zone', (b) => (b.data[0]!.updatedOn = '2023-12-07T05:30:00+05:30'), undefined, undefined],
  ['a negative offset', (b) => (b.data[0]!.periodEndDate = '2024-12-31T18:59:59-05:00'), undefined, undefined],
  ['a decimal value', (b) => (b.data[0]!.value = 12.5), undefined, undefined],
  ['no trackers at all', (b) => (b.data = []), undefined, undefined],
  [
    'a non-zero pagination',
    (b) => ((b.pagination as Record<string, unknown>).total = 97),
    '$.pagination.total',
    'pagination_nonzero',
  ],
  ['an exact duplicate row', (b) => b.data.push({ ...b.data[0]! }), '$.data[97]', 'duplicate_tracker_key'],
];

describe('additive changes pass with a warning (tolerant reader)', () => {
  for (const [name, mutate, path, rule] of tolerated) {
    test(name, () => {
      const body = example();
      mutate(body);
      const r = validateResponse(body);
      assert.equal(r.ok, true, show(r.errors));
      if (path && rule) assert.ok(has(r.warnings, path, rule), `expected warning ${path} [${rule}], got: ${show(r.warnings)}`);
      else {
        const baseline = new Set(['period_end_before_start', 'duplicate_tracker_id']);
        const fresh = r.warnings.filter((w) => !baseline.has(w.rule));
        assert.deepEqual(fresh, [], `no new warning expected: ${show(fresh)}`);
      }
    });
  }
});

describe('the 8015 error envelope', () => {
  test('a lost error (200, empty data, no error) fails when an error is expected', () => {
    const r = validateResponse(
      { pagination: { limit: 0, offset: 0, total: 0 }, data: [], warnings: [], errors: [] },
      { expect: 'error', errorCode: 8015 },
    );
    assert.equal(r.ok, false);
    assert.ok(has(r.errors, '$', 'envelope'));
    assert.ok(has(r.errors, '$.errors', 'minItems'));
  });

  test('another error code fails with error_code', () => {
    const body = notFound();
    body.errors[0]!.code = 8016;
    const r = validateResponse(body, { expect: 'error', errorCode: 8015 });
    assert.ok(has(r.errors, '$.errors[0].code', 'error_code'), show(r.errors));
    assert.equal(r.errors.find((e) => e.rule === 'error_code')!.value, 8016);
  });

  test('status true in an error item fails', () => {
    const body = notFound();
    body.errors[0]!.status = true;
    assert.ok(has(validateResponse(body, { expect: 'error' }).errors, '$.errors[0].status', 'const'));
  });

  test('tracker data next to the error fails', () => {
    const body = { ...notFound(), data: example().data.slice(0, 1) };
    const r = validateResponse(body, { expect: 'error', errorCode: 8015 });
    assert.ok(has(r.errors, '$.data', 'maxItems'), show(r.errors));
  });

  test('an error envelope where a success one is expected names the error', () => {
    const r = validateResponse(notFound(), { expect: 'success' });
    assert.equal(r.ok, false);
    const envelope = r.errors.find((e) => e.rule === 'envelope');
    assert.match(envelope?.message ?? '', /8015 Customer not found/);
  });

  test('a missing message fails', () => {
    const body = notFound();
    delete body.errors[0]!.message;
    assert.ok(has(validateResponse(body, { expect: 'error' }).errors, '$.errors[0].message', 'required'));
  });
});

test('JSON pointers become readable JSON paths', () => {
  assert.equal(pointerToPath(''), '$');
  assert.equal(pointerToPath('/data/3/id'), '$.data[3].id');
  assert.equal(pointerToPath('/a~1b/c d'), '$["a/b"]["c d"]');
});
