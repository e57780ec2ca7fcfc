// Findings grouped for people (src/group-findings.ts, formatGroup in src/format-findings.ts): one rule over
// many trackers is one line with a count and the first value seen; errors and warnings never share a group.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatGroup, formatGroups, formatResult } from '../../../src/format-findings.ts';
import { firstField, groupFindings, pathPattern } from '../../../src/group-findings.ts';
import { validateResponse, type Finding } from '../../../src/validate.ts';
import { judgeResponse } from '../../../src/checks/trackers.ts';
import { testConfig } from '../monitor/helpers.ts';
import { findMutation, type ResponseMutation } from '../../../sandbox/mutations.ts';
import { exampleText } from '../../../src/schemas.ts';

const idType = (i: number): Finding => ({
  path: `$.data[${i}].id`,
  rule: 'type',
  message: 'must be integer',
  value: String(9737 + i),
});

describe('groupFindings', () => {
  test('one finding is its own line, with its real path', () => {
    assert.deepEqual(formatGroups([idType(0)], [], 97), ['$.data[0].id [type] must be integer (seen: "9737")']);
  });

  test('the same rule across 97 trackers is one line with a count and the first value seen', () => {
    const errors = Array.from({ length: 97 }, (_, i) => idType(i));
    assert.deepEqual(formatGroups(errors, [], 97), ['$.data[*].id [type] must be integer: 97 of 97 trackers, first seen "9737"']);
    // Without the tracker count (or off data[]), a plain count.
    assert.deepEqual(formatGroups(errors), ['$.data[*].id [type] must be integer: 97 times, first seen "9737"']);
  });

  test('different rules, or different fields, stay apart; a missing value says no "first seen"', () => {
    const errors: Finding[] = [
      idType(0),
      { path: '$.data[0].name', rule: 'required', message: 'is required but missing' },
      idType(1),
      { path: '$.data[1].name', rule: 'required', message: 'is required but missing' },
      { path: '$.data[2].id', rule: 'minimum', message: 'must be >= 1', value: 0 },
    ];
    assert.deepEqual(formatGroups(errors, [], 3), [
      '$.data[*].id [type] must be integer: 2 of 3 trackers, first seen "9737"',
      '$.data[*].name [required] is required but missing: 2 of 3 trackers',
      '$.data[2].id [minimum] must be >= 1 (seen: 0)',
    ]);
  });

  test('nested arrays: every index is [*]; trackers are counted once however many findings each holds', () => {
    const errors: Finding[] = [0, 0, 1].map((t, k) => ({
      path: `$.data[${t}].periods[${k}].end`,
      rule: 'type',
      message: 'must be string',
      value: k,
    }));
    const [g] = groupFindings(errors);
    assert.equal(g!.pattern, '$.data[*].periods[*].end');
    assert.equal(g!.trackers, 2);
    assert.equal(
      formatGroup(g!, 97),
      '$.data[*].periods[*].end [type] must be string: 3 times in 2 of 97 trackers, first seen 0',
    );
    assert.equal(pathPattern('$.errors[0].code'), '$.errors[*].code');
    assert.equal(
      formatGroups(
        [0, 1].map((i) => ({ path: `$.errors[${i}].code`, rule: 'type', message: 'm' })),
        [],
        97,
      )[0],
      '$.errors[*].code [type] m: 2 times',
    );
  });

  test('a quoted key is kept whole, brackets and digits in it included', () => {
    assert.equal(pathPattern('$.data[3]["a[0]\\"]"].x[12]'), '$.data[*]["a[0]\\"]"].x[*]');
  });

  test('warnings and errors with the same rule and pattern are never one group', () => {
    const same: Finding = { path: '$.data[0].id', rule: 'duplicate_tracker_id', message: 'repeats' };
    const groups = groupFindings([same], [same, { ...same, path: '$.data[5].id' }]);
    assert.deepEqual(
      groups.map((g) => [g.severity, g.count]),
      [
        ['error', 1],
        ['warning', 2],
      ],
    );
  });

  test('order is stable: errors first, then warnings, each by first occurrence', () => {
    const w = (path: string, rule: string): Finding => ({ path, rule, message: 'w' });
    const e = (path: string, rule: string): Finding => ({ path, rule, message: 'e' });
    const groups = groupFindings(
      [e('$.data[0].b', 'type'), e('$.data[0].a', 'type'), e('$.data[1].b', 'type')],
      [w('$.data[0].z', 'additional_property'), w('$.data[0].id', 'duplicate_tracker_id')],
    );
    assert.deepEqual(
      groups.map((g) => `${g.severity} ${g.pattern} ${g.count}`),
      ['error $.data[*].b 2', 'error $.data[*].a 1', 'warning $.data[*].z 1', 'warning $.data[*].id 1'],
    );
    assert.equal(firstField([e('$.data[0].b', 'type'), e('$.data[1].b', 'type')]), '$.data[*].b');
    assert.equal(firstField([e('$.data[4].b', 'type')]), '$.data[4].b');
    assert.equal(firstField([]), undefined);
  });
});

// Through the sandbox's own mutations and the validator: the pattern runs over data[]. (The gate's run of
// mutation=date-reformat, tests/gate/gate-user.test.ts, is the same end to end.)
describe('grouped findings of the sandbox mutations', () => {
  const mutated = (name: string) => {
    const mutation = findMutation(name) as ResponseMutation;
    const draft = mutation.apply({ status: 200, contentType: 'application/json', text: exampleText('trackers-98662653') });
    return validateResponse(JSON.parse(draft.text), { expect: 'success' });
  };

  test('mutation=date-reformat: every tracker broken, one line', () => {
    const result = mutated('date-reformat');
    assert.equal(result.errors.length, result.trackerCount);
    const lines = formatGroups(result.errors, [], result.trackerCount);
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /^\$\.data\[\*\]\.updatedOn \[date-time\] .*: 97 of 97 trackers, first seen "2023-12-07 00:00:00"$/);
    assert.match(formatResult(result), /^ {2}ERROR {3}\$\.data\[\*\]\.updatedOn \[date-time\] .*: 97 of 97 trackers/);
  });

  test('mutation=id-string: one tracker broken, its own path', () => {
    const result = mutated('id-string');
    assert.deepEqual(formatGroups(result.errors, [], result.trackerCount), [
      '$.data[0].id [type] must be integer (seen: "9737")',
    ]);
  });

  // The check's one-line message is what the monitor's log, status page and --once lines show.
  test("the trackers check's message names the first group, with its count", () => {
    const mutation = findMutation('date-reformat') as ResponseMutation;
    const text = mutation.apply({ status: 200, contentType: 'application/json', text: exampleText('trackers-98662653') }).text;
    const r = judgeResponse(
      'trackers',
      {
        ok: true,
        method: 'GET',
        path: '/p',
        status: 200,
        headers: {},
        bodySize: 1,
        decodedBodySize: 1,
        body: JSON.parse(text),
        timings: { startedAt: 0, totalMs: 5 },
      },
      testConfig(),
      'GET /p',
    );
    assert.match(
      r.message,
      /^HTTP 200: 97 contract violation\(s\), first: \$\.data\[\*\]\.updatedOn \[date-time\] .*: 97 of 97 trackers, first seen "2023-12-07 00:00:00"$/,
    );
    assert.equal(r.errors.length, 97, 'the result keeps every finding');
  });
});
