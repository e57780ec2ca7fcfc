// The README's table, .env.example and ENV_VARS each list every variable the
// project reads; users find a variable in whichever they open first, so a
// variable missing from one of them is one nobody will set.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { ENV_VARS, SECRET_VARS } from '../../../../src/config/env.ts';

const read = (path: string) => readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8');

/** The first cells of the table under "## Pointing it at a real cluster"; a cell may name several variables. */
function readmeVars(): string[] {
  const readme = read('README.md');
  const start = readme.indexOf('\n## Pointing it at a real cluster\n');
  assert.notEqual(start, -1, 'README.md has a "Pointing it at a real cluster" section');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]!));
}

/** Assignments in .env.example, including commented-out ones ("# CI=true" documents CI without setting it). */
function envExampleVars(): string[] {
  return read('.env.example')
    .split('\n')
    .map((line) => /^(?:#\s*)?([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}

const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

describe('every variable is documented in the README, .env.example and ENV_VARS alike', () => {
  const known = sorted(Object.keys(ENV_VARS));

  test('the README table lists exactly ENV_VARS', () => {
    const readme = readmeVars();
    assert.ok(readme.length > 0, 'the table was found');
    assert.deepEqual(sorted(readme), known);
    assert.equal(readme.length, new Set(readme).size, 'each variable has one row');
  });

  test('.env.example lists exactly ENV_VARS', () => {
    const example = envExampleVars();
    assert.deepEqual(sorted(example), known);
    assert.equal(example.length, new Set(example).size, 'each variable is listed once');
  });

  test('every secret is a known variable', () => {
    for (const name of SECRET_VARS) assert.ok(name in ENV_VARS, `${name} is in ENV_VARS`);
  });
});
