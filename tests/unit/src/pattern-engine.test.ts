// Ajv's pattern engine: the contract's date-time pattern is answered by the hand-written
// matcher, every other pattern by a RegExp with Ajv's flags, and both answer as the regex does.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { patternEngine } from '../../../src/pattern-engine.ts';
import { schemaById } from '../../../src/schemas.ts';

const DATE_TIME_PATTERN = schemaById('date-time.schema.json').pattern as string;

describe('the pattern engine Ajv compiles patterns with', () => {
  test('answers the date-time pattern as its regex does', () => {
    const matcher = patternEngine(DATE_TIME_PATTERN, 'u');
    const regex = new RegExp(DATE_TIME_PATTERN, 'u');
    assert.ok(!(matcher instanceof RegExp), 'the hand-written matcher, not a RegExp');
    for (const value of [
      '2023-12-07T00:00:00Z',
      '2023-12-07T00:00:00.5+05:30',
      '2023-02-30T00:00:00Z', // the right shape: the calendar is the format's job
      '2023-12-07 00:00:00Z',
      '2023-12-07T00:00:00',
      '2023-12-07T00:00:00z',
      '',
    ]) {
      assert.equal(matcher.test(value), regex.test(value), value);
    }
  });

  test('compiles any other pattern as a RegExp with the flags Ajv asks for', () => {
    const other = patternEngine('^[a-z0-9_-]{1,40}$', 'u');
    assert.ok(other instanceof RegExp);
    assert.equal((other as RegExp).flags, 'u');
    assert.equal(other.test('probe_1'), true);
    assert.equal(other.test('Probe 1'), false);
  });
});
