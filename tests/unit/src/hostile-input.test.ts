// Inputs a server (or a broken proxy) could send, through the path the CLI and the monitor take:
// bytes → decodeJsonBytes → parseJson → validateResponse → formatFinding / formatResult. None may
// throw; each gets its verdict and the finding at the path it concerns; every line printed is
// bounded and has no control characters, whatever the input held.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatFinding, formatResult, MAX_FINDING_LINE_CHARS } from '../../../src/format-findings.ts';
import { decodeJsonBytes } from '../../../src/json-bytes.ts';
import { describeJsonProblem, parseJson } from '../../../src/json-position.ts';
import { exampleText } from '../../../src/schemas.ts';
import { showValue } from '../../../src/show-value.ts';
import { validateResponse, type ValidationResult } from '../../../src/validate.ts';

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const deep = (levels: number, open = '[', close = ']', inner = '') => open.repeat(levels) + inner + close.repeat(levels);
const MB10 = 10 * 1024 * 1024;

// The documented body with one tracker (fast to parse), and a raw JSON fragment spliced in
// where a field's value, or a whole member, goes: so the input is text, as a server sends it.
const example = JSON.parse(exampleText('trackers-98662653')) as { data: Record<string, unknown>[] };
const oneTracker = JSON.stringify({ ...example, data: [example.data[0]] });
const withField = (field: string, rawValue: string) =>
  oneTracker.replace('"id":9737', `${JSON.stringify(field)}:${rawValue},"id":9737`);
const withValue = (field: string, rawValue: string) =>
  oneTracker.replace(new RegExp(`"${field}":("[^"]*"|[^,}]*)`), () => `"${field}":${rawValue}`);

type Outcome =
  | { verdict: 'valid' | 'invalid'; finding?: ['errors' | 'warnings', string, string]; seen?: RegExp }
  | { verdict: 'not JSON' | 'not decodable'; problem: RegExp };

type Input = string | Buffer | (() => unknown);
const rows: [string, () => Input, Outcome][] = [
  // Nesting: V8's JSON.parse takes a million levels; JSON.stringify and Array#join overflow at a few thousand.
  [
    '10,000 levels where a string is wanted',
    () => withValue('name', deep(1e4)),
    {
      verdict: 'invalid',
      finding: ['errors', '$.data[0].name', 'type'],
      seen: /\(seen: \[{10}\[…\]{11} \(nested deeper than 10 levels\)\)/,
    },
  ],
  [
    '1,000,000 levels where a string is wanted',
    () => withValue('name', deep(1e6)),
    {
      verdict: 'invalid',
      finding: ['errors', '$.data[0].name', 'type'],
    },
  ],
  [
    '1,000,000 levels as the id (data-quality checks read ids)',
    () => withValue('id', deep(1e6)),
    {
      verdict: 'invalid',
      finding: ['errors', '$.data[0].id', 'type'],
    },
  ],
  [
    '1,000,000 levels of objects in an extra field',
    () => withField('extra', deep(1e6, '{"a":', '}', '1')),
    {
      verdict: 'valid',
      finding: ['warnings', '$.data[0].extra', 'additional_property'],
      seen: /\(seen: \{"a":\{"a":.*\{…\}\}+ \(nested deeper than 10 levels\)\)/,
    },
  ],
  ['1,000,000 levels as the whole body', () => deep(1e6), { verdict: 'invalid', finding: ['errors', '$', 'type'] }],
  [
    '1,000,000 levels in the 8015 message',
    () => exampleText('error-8015').replace(/"message":\s*"[^"]*"/, `"message":${deep(1e6)}`),
    {
      verdict: 'invalid',
      finding: ['errors', '$.errors[0].message', 'type'],
    },
  ],
  // Size.
  [
    'a 10 MB string where an integer is wanted',
    () => withValue('id', JSON.stringify('a'.repeat(MB10))),
    {
      verdict: 'invalid',
      finding: ['errors', '$.data[0].id', 'type'],
      seen: /\(seen: "a{100,}…" \(10485760 chars\)\)$/,
    },
  ],
  [
    'a 10 MB key',
    () => withField('k'.repeat(MB10), '1'),
    {
      verdict: 'valid',
      finding: ['warnings', `$.data[0].${'k'.repeat(MB10)}`, 'additional_property'],
    },
  ],
  [
    'a 1,000,000-element array where a string is wanted',
    () => withValue('name', JSON.stringify(new Array(1e6).fill(0))),
    {
      verdict: 'invalid',
      finding: ['errors', '$.data[0].name', 'type'],
      seen: /\(seen: \[0(,0)+…\] \(array of 1000000 items\)\)$/,
    },
  ],
  // Keys that mean something to JavaScript objects.
  [
    'a __proto__ key in a tracker',
    () => withField('__proto__', '{"polluted":true}'),
    {
      verdict: 'valid',
      finding: ['warnings', '$.data[0].__proto__', 'additional_property'],
      seen: /\(seen: \{"polluted":true\}\)$/,
    },
  ],
  [
    'a __proto__ key in the envelope',
    () => `{"__proto__":{"data":[1]},${oneTracker.slice(1)}`,
    {
      verdict: 'valid',
      finding: ['warnings', '$.__proto__', 'additional_property'],
    },
  ],
  [
    'a constructor key',
    () => withField('constructor', '"x"'),
    {
      verdict: 'valid',
      finding: ['warnings', '$.data[0].constructor', 'additional_property'],
    },
  ],
  // NUL and other control characters.
  ['a NUL (escaped) inside a name', () => withValue('name', '"a\\u0000b"'), { verdict: 'valid' }],
  [
    'NUL and ESC (escaped) in a key',
    () => withField('\u0000\u001b[2J', '1'),
    {
      verdict: 'valid',
      finding: ['warnings', '$.data[0]["\\u0000\\u001b[2J"]', 'additional_property'],
    },
  ],
  [
    'a raw NUL byte',
    () => Buffer.from(withValue('name', '"a\u0000b"')),
    { verdict: 'not decodable', problem: /NUL byte at byte offset \d+/ },
  ],
  [
    'a raw control character in a string',
    () => withValue('name', '"a\u0007b"'),
    {
      verdict: 'not JSON',
      problem: /^Bad control character in string literal at line 1, column \d+$/,
    },
  ],
  // Numbers JSON allows and JavaScript reads oddly.
  [
    '1e400 as the value (parses to Infinity)',
    () => withValue('value', '1e400'),
    {
      verdict: 'invalid',
      finding: ['errors', '$.data[0].value', 'type'],
      seen: /\(seen: Infinity\)$/,
    },
  ],
  ['-0 as the id (an integer)', () => withValue('id', '-0'), { verdict: 'valid' }],
  [
    '-0 where a string is wanted',
    () => withValue('name', '-0'),
    {
      verdict: 'invalid',
      finding: ['errors', '$.data[0].name', 'type'],
      seen: /\(seen: -0\)$/,
    },
  ],
  // Duplicate keys: JSON.parse keeps the last, so the verdict is about the last.
  ['duplicate keys, the last one good', () => withField('id', '"x"'), { verdict: 'valid' }],
  [
    'duplicate keys, the last one bad',
    () => oneTracker.replace('"id":9737', '"id":9737,"id":"x"'),
    {
      verdict: 'invalid',
      finding: ['errors', '$.data[0].id', 'type'],
      seen: /\(seen: "x"\)$/,
    },
  ],
  // A BOM: not JSON, so the text parser stops at it; the byte decoder drops it.
  ['a BOM, as text', () => `\ufeff${oneTracker}`, { verdict: 'not JSON', problem: /^Unexpected token at line 1, column 1$/ }],
  ['a BOM, as bytes', () => Buffer.from(`\ufeff${oneTracker}`), { verdict: 'valid' }],
  [
    'bytes that are not UTF-8',
    () => Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
    {
      verdict: 'not decodable',
      problem: /^is not UTF-8: byte 0xC3 at byte offset 2/,
    },
  ],
  // Not JSON at all: a body whose reading throws (a getter standing in for a stack overflow deep inside).
  [
    'a value that overflows the stack when read',
    () => () => ({
      get data(): unknown {
        throw new RangeError('Maximum call stack size exceeded');
      },
    }),
    { verdict: 'invalid', finding: ['errors', '$', 'depth'] },
  ],
];

function run(input: Input): { result?: ValidationResult; problem?: string; lines: string[] } {
  let value: unknown;
  if (typeof input === 'function') value = input();
  else {
    let text: string;
    if (typeof input === 'string') text = input;
    else {
      const decoded = decodeJsonBytes(input);
      if (!decoded.ok) return { problem: decoded.problem, lines: [decoded.problem] };
      text = decoded.text;
    }
    const parsed = parseJson(text);
    if (!parsed.ok) {
      const problem = describeJsonProblem(parsed.problem);
      return { problem, lines: [problem] };
    }
    value = parsed.value;
  }
  const result = validateResponse(value);
  const findings = [...result.errors, ...result.warnings].map(formatFinding);
  return { result, lines: [...findings, ...formatResult(result).split('\n')] };
}

describe('hostile input: no throw, the right verdict, bounded printable lines', () => {
  for (const [name, make, expected] of rows) {
    test(name, () => {
      const { result, problem, lines } = run(make());
      for (const line of lines) {
        assert.ok(line.length <= MAX_FINDING_LINE_CHARS, `a line of ${line.length} chars: ${line.slice(0, 200)}`);
        assert.doesNotMatch(line, NON_PRINTABLE, `a non-printable in: ${showValue(line)}`);
      }
      if ('problem' in expected) {
        assert.equal(result, undefined, 'it should not have parsed');
        assert.match(problem!, expected.problem);
        return;
      }
      assert.ok(result, problem);
      assert.equal(result.ok, expected.verdict === 'valid', lines.join('\n').slice(0, 2000));
      if (!expected.finding) return;
      const [list, path, rule] = expected.finding;
      const finding = result[list].find((f) => f.path === path && f.rule === rule);
      assert.ok(finding, `no ${rule} at ${path.slice(0, 80)} among ${list}: ${lines.join('\n').slice(0, 2000)}`);
      if (expected.seen) assert.match(formatFinding(finding), expected.seen);
    });
  }

  test('a __proto__ key pollutes nothing', () => {
    validateResponse(JSON.parse(withField('__proto__', '{"polluted":true}')));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});
