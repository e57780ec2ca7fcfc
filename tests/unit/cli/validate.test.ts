import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { exampleText } from '../../../src/schemas.ts';
import { programArgs } from '../../support/program.ts';

const VALIDATE = programArgs('cli/validate.ts');

const run = (args: string[], input?: string) => {
  const r = spawnSync(process.execPath, [...VALIDATE, ...args], { input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
type Ran = ReturnType<typeof run>;
const runAsync = (args: string[]) =>
  new Promise<Ran>((resolve) => {
    execFile(process.execPath, [...VALIDATE, ...args], { encoding: 'utf8' }, (err, out, errText) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, out, err: errText }),
    );
  });
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
    // Four trackers end before they start: one grouped line with the count (src/group-findings.ts).
    assert.match(r.out, /warning \$\.data\[\*\]\.periodEndDate \[period_end_before_start\] .*: 4 of 97 trackers, first seen "/);
    assert.equal(r.out.split('[period_end_before_start]').length - 1, 1);
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
    ['an unknown flag', ['--frobnicate', 'x'], undefined, /^validate: unknown option --frobnicate \(see --help\)\n$/],
    ['a flag without its value', ['x', '--expect'], undefined, /^validate: --expect needs a value \(see --help\)\n$/],
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

  // Hostile files: one escaped, bounded line (exit 2) unless the body parsed, then the verdict (exit 1).
  const bytes = (name: string, data: Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, data);
    return p;
  };
  const hostile: [string, () => string, number, 'out' | 'err', RegExp][] = [
    [
      'a binary file',
      () =>
        bytes('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])),
      2,
      'err',
      /^validate: \S+image\.png is not UTF-8: byte 0x89 at byte offset 0 \(a binary file/,
    ],
    ['a NUL byte', () => bytes('nul.json', Buffer.from('{"a":\u0000}')), 2, 'err', /nul\.json has a NUL byte at byte offset 5/],
    [
      'invalid UTF-8 (Latin-1 é)',
      () => bytes('latin1.json', Buffer.from([...Buffer.from('{"name": "caf'), 0xe9, ...Buffer.from('"}')])),
      2,
      'err',
      /latin1\.json is not UTF-8: byte 0xE9 at byte offset 13/,
    ],
    [
      'a syntax error on line 3',
      () => file('syntax.json', '{\n  "data": [\n    {"id": 1,}\n  ]\n}\n'),
      2,
      'err',
      /syntax\.json is not JSON: Expected double-quoted property name at line 3, column 14 \(found "}"\)$/m,
    ],
    [
      'a syntax error V8 gives no position for, after control characters',
      () => file('ctl.json', '{"a":\n hunter\u001b[2J}'),
      2,
      'err',
      /ctl\.json is not JSON: Unexpected token at line 2, column 2 \(found "h"\)$/m,
    ],
    [
      '1,000,000 levels of nesting (it parses: the verdict is about its shape)',
      () => file('deep.json', '['.repeat(1e6) + ']'.repeat(1e6)),
      1,
      'out',
      /ERROR {3}\$ \[type\] must be object \(seen: \[{11}…\]{11} \(nested deeper than 10 levels\)\)\n.*INVALID/,
    ],
  ];
  // Spawned side by side up front: each is a fresh node start-up, most of the time.
  const hostileRuns = new Map<string, Promise<Ran>>();
  before(() => {
    for (const [name, make] of hostile) hostileRuns.set(name, runAsync([make()]));
  });
  for (const [name, , code, stream, pattern] of hostile) {
    test(`exits ${code} with no stack trace and no raw control characters for ${name}`, async () => {
      const r = await hostileRuns.get(name)!;
      assert.equal(r.code, code, r.err);
      assert.match(stream === 'out' ? r.out : r.err, pattern);
      for (const text of [r.out, r.err]) {
        assert.doesNotMatch(text, /\n\s+at /, 'no stack trace');
        assert.doesNotMatch(text, /[^\P{Cc}\n]/u, 'no raw control characters');
        for (const line of text.split('\n')) assert.ok(line.length <= 512, `a line of ${line.length} chars`);
      }
    });
  }

  test('a UTF-8 byte order mark is ignored, with a note on stderr', () => {
    const r = run([bytes('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(exampleText('error-8015'))]))]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /^validate: note: \S+bom\.json starts with a UTF-8 byte order mark; ignored$/m);
    assert.match(r.out, /valid error envelope/);
  });
});
