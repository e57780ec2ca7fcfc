import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, test } from 'node:test';
import { ansiStripper } from '../../../src/strip-ansi.ts';

/** The chunks, written one by one, as the stripper passes them on. */
const through = (chunks: (string | Buffer)[]) =>
  text(Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))).pipe(ansiStripper()));

// [case, chunks, output]
const cases: [string, (string | Buffer)[], string][] = [
  [
    'colour and bold (as the Pact verifier prints them)',
    ['has status code \x1b[1m200\x1b[0m (\x1b[32mOK\x1b[0m)\n'],
    'has status code 200 (OK)\n',
  ],
  ['a sequence split across chunks', ['a \x1b[3', '2mOK\x1b', '[0m\n'], 'a OK\n'],
  ['a last line without a newline', ['one\n', 'two \x1b[31mred\x1b[0m'], 'one\ntwo red'],
  ['cursor moves and erases', ['\x1b[2K\x1b[1Gdone\n'], 'done\n'],
  ['text without codes is unchanged', ['plain\n\nlines\n'], 'plain\n\nlines\n'],
  ['a UTF-8 character split across chunks', [Buffer.from([0xc3]), Buffer.from([0xa9, 0x0a])], 'é\n'],
  ['no output', [], ''],
];

describe('ansiStripper: text through, escape codes out', () => {
  for (const [name, chunks, output] of cases) {
    test(name, async () => {
      assert.equal(await through(chunks), output);
    });
  }
});
