// Every command's options go through parseOptions: a mistake is one line in the project's words,
// whatever Node's own text says (two or three lines, varying between versions).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseOptions } from '../../../src/parse-options.ts';

const OPTIONS = {
  grep: { type: 'string', short: 'g' },
  list: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

describe('parseOptions', () => {
  const cases: [string[], boolean, string][] = [
    [['--bogus'], false, 'unknown option --bogus'],
    [['--bogus=1'], false, 'unknown option --bogus'],
    [['-x'], false, 'unknown option -x'],
    [['--bogus'], true, 'unknown option --bogus'],
    [['--bo\u001b[31mgus'], false, 'unknown option --bo\\u001b[31mgus'],
    [['--grep'], false, '--grep needs a value'],
    [['-g'], false, '--grep needs a value'],
    [['--grep', '--list'], false, '--grep needs a value; one starting with "-" is written --grep=-…'],
    [['--list=yes'], false, '--list takes no value'],
    [['extra'], false, 'unexpected argument extra'],
  ];
  for (const [argv, positionals, error] of cases) {
    test(`${JSON.stringify(argv)}${positionals ? ' (positionals allowed)' : ''} → ${error}`, () => {
      const r = parseOptions(argv, OPTIONS, { positionals });
      assert.deepEqual(r, { ok: false, error });
    });
  }

  test('values and positionals when the command takes them', () => {
    const r = parseOptions(['body.json', '-g', 'x', '--list'], OPTIONS, { positionals: true });
    assert.ok(r.ok);
    assert.deepEqual(r.positionals, ['body.json']);
    assert.equal(r.values.grep, 'x');
    assert.equal(r.values.list, true);
  });
});
