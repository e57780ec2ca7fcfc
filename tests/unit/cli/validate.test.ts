import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { exampleText } from '../../../src/schemas.ts';

const run = (args: string[], input?: string) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/validate.ts', ...args], { input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const dir = mkdtempSync(join(tmpdir(), 'validate-cli-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('npm run validate', () => {
  test('exits 0 for the documented body and prints its warnings', () => {
    const r = run([file('ok.json', exampleText('trackers-98662653'))]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /valid success envelope, 97 tracker\(s\), 0 error\(s\), 11 warning\(s\)/);
    assert.match(r.out, /warning \$\.data\[89\]\.periodEndDate \[period_end_before_start\]/);
  });

  test('exits 1 and names path, rule and value for a broken body', () => {
    const body = JSON.parse(exampleText('trackers-98662653'));
    body.data[2].updatedOn = '12/07/2023';
    const r = run([file('bad.json', JSON.stringify(body))]);
    assert.equal(r.code, 1);
    assert.match(r.out, /ERROR {3}\$\.data\[2\]\.updatedOn \[date-time\] .* \(seen: "12\/07\/2023"\)/);
  });

  test('reads stdin with -, and --expect error with --error-code checks the 8015 body', () => {
    assert.equal(run(['-', '--expect', 'error', '--error-code', '8015'], exampleText('error-8015')).code, 0);
    assert.equal(run(['-', '--expect', 'error', '--error-code', '9000'], exampleText('error-8015')).code, 1);
    assert.equal(run(['-', '--expect', 'success'], exampleText('error-8015')).code, 1);
  });

  const usage: [string, string[], string | undefined, RegExp][] = [
    ['a missing file', [join(dir, 'nope.json')], undefined, /cannot read .*nope\.json: no such file/],
    ['input that is not JSON', ['-'], '{"data": [', /stdin is not JSON/],
    ['no file at all', [], undefined, /no input file given/],
    ['an unknown flag', ['--frobnicate', 'x'], undefined, /Unknown option '--frobnicate'/],
    ['a bad --expect', ['--expect', 'maybe', 'x'], undefined, /--expect must be success, error or auto/],
    ['a directory', [dir], undefined, /it is a directory/],
  ];
  for (const [name, args, input, pattern] of usage) {
    test(`exits 2 with one clear line and no stack trace for ${name}`, () => {
      const r = run(args, input);
      assert.equal(r.code, 2);
      assert.match(r.err, pattern);
      assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
    });
  }
});
