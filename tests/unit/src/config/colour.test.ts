import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { colourWanted } from '../../../../src/config/colour.ts';
import type { Env } from '../../../../src/config/env.ts';

// [case, stdout is a terminal, environment, colour wanted]
const cases: [string, boolean, Env, boolean][] = [
  ['a terminal', true, {}, true],
  ['a pipe or a file', false, {}, false],
  ['NO_COLOR on a terminal (no-color.org: any non-empty value)', true, { NO_COLOR: '1' }, false],
  ['NO_COLOR=0 still means no colour (the value does not matter)', true, { NO_COLOR: '0' }, false],
  ['an empty NO_COLOR is unset', true, { NO_COLOR: '' }, true],
  ['FORCE_COLOR=1 into a pipe', false, { FORCE_COLOR: '1' }, true],
  ['FORCE_COLOR=3 (a colour depth, as in Node)', false, { FORCE_COLOR: '3' }, true],
  ['FORCE_COLOR=true', false, { FORCE_COLOR: 'true' }, true],
  ['FORCE_COLOR wins over NO_COLOR, as in Node', false, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
  ['FORCE_COLOR=0 on a terminal: never', true, { FORCE_COLOR: '0' }, false],
  ['FORCE_COLOR=false on a terminal: never', true, { FORCE_COLOR: 'FALSE' }, false],
  ['an empty FORCE_COLOR is unset', false, { FORCE_COLOR: ' ' }, false],
];

describe('colourWanted: colour only on a terminal, unless NO_COLOR or FORCE_COLOR says otherwise', () => {
  for (const [name, terminal, env, wanted] of cases) {
    test(`${name}: ${wanted ? 'colour' : 'none'}`, () => {
      assert.equal(colourWanted(terminal, env), wanted);
    });
  }
});
