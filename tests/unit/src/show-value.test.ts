import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatFinding } from '../../../src/format-findings.ts';
import { exampleText } from '../../../src/schemas.ts';
import { jsonQuote, printable, showInline, showValue } from '../../../src/show-value.ts';

describe('showValue', () => {
  test('an ordinary value reads as its JSON, as it always has: every value in the documented body', () => {
    const pending: unknown[] = [JSON.parse(exampleText('trackers-98662653')), JSON.parse(exampleText('error-8015'))];
    let checked = 0;
    while (pending.length > 0) {
      const v = pending.pop();
      const json = JSON.stringify(v);
      if (json.length <= 120) {
        assert.equal(showValue(v), json);
        checked++;
      }
      if (v !== null && typeof v === 'object') pending.push(...Object.values(v));
    }
    assert.ok(checked > 800, `${checked} values checked`);
    assert.equal(showValue(undefined), 'undefined');
    assert.equal(showValue('x'.repeat(118)), JSON.stringify('x'.repeat(118)), 'exactly 120 chars of JSON reads whole');
  });

  const bounded: [string, unknown, string][] = [
    ['a long string, with its length', 'a'.repeat(1048576), `"${'a'.repeat(117)}…" (1048576 chars)`],
    [
      'control characters and bidi overrides, escaped',
      '\u0000\u001b[2J\u202e\u2028\u007f',
      '"\\u0000\\u001b[2J\\u202e\\u2028\\u007f"',
    ],
    ['a lone surrogate, escaped', 'a\ud800', '"a\\ud800"'],
    [
      'deep nesting, to 10 levels',
      JSON.parse('['.repeat(5000) + ']'.repeat(5000)),
      `${'['.repeat(10)}[…]${']'.repeat(10)} (nested deeper than 10 levels)`,
    ],
    ['a long array, with its size', [1, 2, 3, ...new Array(100).fill(0)], `[1,2,3,${'0,'.repeat(55)}0…] (array of 103 items)`],
    ['Infinity and -0 as they are (JSON.stringify says null and 0)', [Infinity, -0, NaN], '[Infinity,-0,NaN]'],
    ['members without JSON left out, as JSON.stringify does', { a: undefined, b: () => 1, c: [undefined] }, '{"c":[null]}'],
    [
      'a value whose reading throws',
      {
        get x() {
          throw new Error('boom');
        },
      },
      '(a value that cannot be read)',
    ],
  ];
  for (const [name, value, expected] of bounded) test(name, () => assert.equal(showValue(value), expected));

  test('a cycle ends at the depth bound', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    assert.match(showValue(cyclic), /^\{"self":\{"self":.*…\}+ \(/);
  });
});

describe('printable, showInline, jsonQuote', () => {
  test('printable escapes and bounds, and leaves ordinary text alone', () => {
    assert.equal(printable('$.data[3].id', 80), '$.data[3].id');
    assert.equal(printable('a\nb\u0007', 80), 'a\\nb\\u0007');
    assert.equal(printable('x'.repeat(100), 10), `${'x'.repeat(10)}… (100 chars)`);
  });
  test('showInline reads as String() for short scalars, bounded otherwise', () => {
    assert.equal(showInline(9737), '9737');
    assert.equal(showInline('2023-12-07T00:00:00Z'), '2023-12-07T00:00:00Z');
    assert.equal(
      showInline(JSON.parse('['.repeat(1e4) + ']'.repeat(1e4))),
      `${'['.repeat(10)}[…]${']'.repeat(10)} (nested deeper than 10 levels)`,
    );
  });
  test('jsonQuote is JSON.stringify for printable text, and escapes what JSON leaves raw', () => {
    assert.equal(jsonQuote('a "b" \\ c'), JSON.stringify('a "b" \\ c'));
    assert.equal(jsonQuote('\u2028\u202e'), '"\\u2028\\u202e"');
  });
  test('formatFinding keeps its one-line shape', () => {
    assert.equal(
      formatFinding({
        path: '$.data[2].updatedOn',
        rule: 'date-time',
        message: 'is not a real calendar date-time (format date-time)',
        value: '2023-02-30T00:00:00Z',
      }),
      '$.data[2].updatedOn [date-time] is not a real calendar date-time (format date-time) (seen: "2023-02-30T00:00:00Z")',
    );
    assert.equal(
      formatFinding({ path: '$.data[1].name', rule: 'required', message: 'is required but missing' }),
      '$.data[1].name [required] is required but missing',
    );
  });
});
