import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeJsonBytes, firstInvalidUtf8 } from '../../../src/json-bytes.ts';
import { describeJsonProblem, firstSyntaxErrorOffset, parseJson, positionAt } from '../../../src/json-position.ts';
import { exampleText } from '../../../src/schemas.ts';

describe('json-position', () => {
  const broken = [
    '{"a":1,}',
    '{"a" 1}',
    '[1,2',
    '{"a":"x\u0001"}',
    '{"a":1}x',
    '"\\x"',
    '01',
    '{"a":-}',
    '1e',
    '1.',
    '"abc',
    '{,}',
    '[1 2]',
    '{"a":1 "b":2}',
    '"\\u12x4"',
    '[,]',
    '{"a":}',
    '{1:2}',
    '[] []',
  ];
  test('the scanner puts the error where V8 does, whenever V8 says', () => {
    const base = exampleText('trackers-98662653');
    // Plus the documented body cut at many points: each an "end of input" or a V8 position.
    const samples = [...broken, ...Array.from({ length: 60 }, (_, i) => base.slice(0, 37 * i + 5) + ',]')];
    let compared = 0;
    for (const text of samples) {
      const message = (() => {
        try {
          JSON.parse(text);
          return 'parsed';
        } catch (err) {
          return (err as Error).message;
        }
      })();
      assert.notEqual(message, 'parsed', text);
      const v8 = /at position (\d+)/.exec(message);
      if (v8) {
        assert.equal(firstSyntaxErrorOffset(text), Number(v8[1]), `${message} in ${JSON.stringify(text.slice(-40))}`);
        compared++;
      }
    }
    assert.ok(compared > 40, `${compared} compared`);
    assert.equal(firstSyntaxErrorOffset(base), undefined);
  });

  test('any depth: a loop, not recursion', () => {
    assert.equal(firstSyntaxErrorOffset('['.repeat(1e6) + ']'.repeat(1e6)), undefined);
    assert.equal(firstSyntaxErrorOffset('['.repeat(1e6) + ']'.repeat(1e6 - 1)), 2e6 - 1);
  });

  test('lines end at \\n, \\r\\n or \\r; columns count characters, not UTF-16 units', () => {
    assert.deepEqual(positionAt('a\r\nb\rc\nd', 7), { offset: 7, line: 4, column: 1 });
    assert.deepEqual(positionAt('"😀😀" x', 7), { offset: 7, line: 1, column: 6 });
  });

  test('the reason never quotes the text (it could be a secret)', () => {
    const r = parseJson('{"password":\n  hunter2}');
    assert.ok(!r.ok);
    assert.equal(describeJsonProblem(r.problem), 'Unexpected token at line 2, column 3');
    const end = parseJson('{"password": "hunter2');
    assert.ok(!end.ok);
    assert.equal(describeJsonProblem(end.problem), 'Unterminated string at line 1, column 22');
  });
});

describe('json-bytes', () => {
  const ill: [string, number[], number][] = [
    ['a lone continuation byte', [0x41, 0x80], 1],
    ['an overlong slash', [0xc0, 0xaf], 0],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf], 0],
    ['a surrogate', [0xed, 0xa0, 0x80], 0],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a sequence cut short', [0x41, 0x42, 0xe2, 0x82], 2],
  ];
  for (const [name, bytes, offset] of ill) {
    test(`ill-formed UTF-8 at its first byte: ${name}`, () => assert.equal(firstInvalidUtf8(Uint8Array.from(bytes)), offset));
  }
  test('well-formed UTF-8 of every length passes', () => {
    assert.equal(firstInvalidUtf8(Buffer.from('a é € 😀 \u{10FFFF}')), -1);
  });
  test('a BOM is dropped and reported; offsets count from the file start', () => {
    const r = decodeJsonBytes(Buffer.from('\ufeff{}'));
    assert.deepEqual(r, { ok: true, text: '{}', hadBom: true });
    assert.deepEqual(decodeJsonBytes(Buffer.from('\ufeff{"a":\u0000}')), {
      ok: false,
      problem: 'has a NUL byte at byte offset 8 (a binary file, or UTF-16?)',
    });
  });
});
