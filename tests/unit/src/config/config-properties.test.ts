// Random environments and random targets documents never crash the configuration: fast-check,
// seeded and bounded. loadConfig, loadMonitorSettings, loadGateSettings and loadTestEnvironment get random values
// for every variable of ENV_VARS; parseTargets gets random documents shaped like a targets file.
// Nothing throws; every error is one bounded, printable line naming the variable (or, for a
// targets file, the file and the JSON path); no secret's value appears. A failure prints its seed
// and shrunk case (fast-check's report); each one found is a row of the regression table below.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { loadConfig } from '../../../../src/config/api.ts';
import { ENV_VARS, SECRET_VARS, type Env } from '../../../../src/config/env.ts';
import { loadMonitorSettings } from '../../../../src/config/monitor.ts';
import { loadGateSettings } from '../../../../src/config/gate.ts';
import { loadTestEnvironment } from '../../../support/test-env.ts';
import { parseTargets } from '../../../../monitor/targets.ts';
import { testConfig } from '../../monitor/helpers.ts';

const SEED = 20261201;
const RUNS = 300;
const MAX_ERROR_CHARS = 800;
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const NAMES = Object.keys(ENV_VARS) as (keyof typeof ENV_VARS)[];
/** Every secret's value carries this, so a leak is a substring search. */
const SECRET_MARK = 'Zq9SECRET';

// Values people and tools put in variables: near-valid ones, numbers at the edges, URLs with
// user info, lists, whitespace, control and bidi characters, long strings.
const value = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'true',
    'false',
    'TRUE',
    '1',
    '0',
    '-0',
    '1e400',
    'NaN',
    '9007199254740993',
    '200,404',
    '401',
    ',,',
    ' 200 , 404 ',
  ),
  fc.constantFrom(
    'http://127.0.0.1:1',
    'https://u:p@h/',
    'ftp://x',
    'http://[::1',
    '::',
    '0.0.0.0',
    'localhost',
    '__proto__',
    'constructor',
  ),
  fc.integer({ min: -1, max: 100_000 }).map(String),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('\u202etxt.exe', 'a\u2028b', 'nul\u0000', '\u001b[31mred', '\ud800', '\ufeff1000'),
  fc.string({ minLength: 1000, maxLength: 20_000, unit: 'binary' }),
);
const env = fc
  .dictionary(fc.constantFrom(...NAMES), value, { maxKeys: NAMES.length })
  .map((vars): Env => Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, SECRET_VARS.has(k) ? SECRET_MARK + v : v])));

/** The problems an entry point reported, or [] when it accepted; throws are the failure we look for. */
function errorsOf(e: Env): string[] {
  return [loadConfig(e), loadMonitorSettings(e), loadGateSettings(e), loadTestEnvironment(e)].flatMap((r) =>
    r.ok ? [] : r.errors,
  );
}

function assertGoodErrors(errors: readonly string[]): void {
  for (const line of errors) {
    assert.ok(
      NAMES.some((n) => line.includes(n)),
      `names a variable: ${line.slice(0, 300)}`,
    );
    assert.ok(line.length <= MAX_ERROR_CHARS, `bounded (${line.length} chars): ${line.slice(0, 300)}`);
    assert.doesNotMatch(line, NON_PRINTABLE, `printable: ${JSON.stringify(line.slice(0, 300))}`);
    assert.ok(!line.includes(SECRET_MARK), `no secret shown: ${line.slice(0, 300)}`);
  }
}

// A targets document: mostly the file's shape with random values and keys, sometimes anything.
const json = fc.jsonValue({ maxDepth: 3 });
const spec = fc.dictionary(
  fc.constantFrom(
    'name',
    'baseUrl',
    'customerId',
    'missingCustomerId',
    'auth',
    'timeoutMs',
    'intervalSeconds',
    'notFoundIntervalSeconds',
    'authIntervalSeconds',
    'notFoundStatuses',
    'latencyBudgetMs',
    'latencyDegradedMs',
    '__proto__',
    'constructor',
    'x',
  ),
  fc.oneof(
    json,
    fc.constantFrom(
      'eu',
      'us',
      'https://a.b',
      '98662653',
      '99999999',
      1,
      0,
      -0,
      30,
      Infinity /* what JSON.parse makes of 1e400 */,
      [200],
      [401],
      {},
      { username: 'u' },
      { usernameEnv: 'NOPE' },
    ),
  ),
  { maxKeys: 6 },
);
const document = fc.oneof(
  { weight: 4, arbitrary: fc.record({ targets: fc.array(spec, { maxLength: 5 }) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: json },
);
const base = testConfig();

describe('random configuration never crashes', () => {
  test(`random values of every variable (${RUNS} runs, seed ${SEED}): errors name the variable, bounded, no secret`, () => {
    fc.assert(
      fc.property(env, (e) => assertGoodErrors(errorsOf(e))),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test(`random targets documents (${RUNS} runs, seed ${SEED}): errors name the file and a JSON path`, () => {
    fc.assert(
      fc.property(document, (doc) => {
        const r = parseTargets(doc, base, 'targets.json', {});
        if (r.ok) return;
        assert.ok(r.errors.length > 0);
        for (const line of r.errors) {
          assert.match(line, /^targets\.json: (\$|… and \d+ more)/, line.slice(0, 300));
          assert.ok(line.length <= MAX_ERROR_CHARS, `bounded (${line.length} chars)`);
          assert.doesNotMatch(line, NON_PRINTABLE);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

// What the properties found, kept as rows: each failed before its fix.
const BIG = 'x'.repeat(1024 * 1024);
const REGRESSIONS: [string, Env][] = [
  // Seed 20261201, run 2, shrunk: the bad value was echoed whole (JSON.stringify), a 6,078-char line.
  ['CAP_BASE_URL of 1,000 NUL characters', { CAP_BASE_URL: '\u0000'.repeat(1000) }],
  ['a 1 MB CAP_TIMEOUT_MS', { CAP_TIMEOUT_MS: BIG }],
  // JSON.stringify leaves bidi overrides and line separators raw.
  ['a bidi override in MONITOR_HOST', { MONITOR_HOST: '\u202eevil' }],
  ['a line separator in CAP_NOT_FOUND_STATUS', { CAP_NOT_FOUND_STATUS: '200\u2028404' }],
];

describe('regressions found by the properties', () => {
  for (const [name, e] of REGRESSIONS) {
    test(name, () => {
      const errors = errorsOf(e);
      assert.ok(errors.length > 0, 'refused');
      assertGoodErrors(errors);
    });
  }
});
