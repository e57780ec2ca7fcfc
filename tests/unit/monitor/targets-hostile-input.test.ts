// The hostile-input table through the targets file (loadTargetsFile): every input is refused with
// error lines that each name the file and where it goes wrong (a JSON path, a byte offset, a line
// and column), one printable line of bounded length, never a throw; a BOM is ignored, as
// `validate` ignores it. The file is written as bytes, as an editor or a broken generator would.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { loadTargetsFile } from '../../../monitor/targets.ts';
import { NON_PRINTABLE } from '../../support/hostile-bodies.ts';
import { testConfig } from './helpers.ts';

const base = testConfig();
const dir = mkdtempSync(join(tmpdir(), 'targets-hostile-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const MAX_LINE_CHARS = 1000; // the file's name (≤ 200) and the error (≤ 500), each with a length note
const MAX_LINES = 21; // the first 20 and a count of the rest
const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const doc = (target: string) => `{"targets":[{"name":"eu",${target}}]}`;
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

type Expect = { names: RegExp } | 'accepted';
const ROWS: [string, () => Buffer, Expect][] = [
  ['1,000,000 levels as the whole document', () => bytes(deep(1e6)), { names: /: \$: must be object/ }],
  ['1,000,000 levels as a target name', () => bytes(`{"targets":[{"name":${deep(1e6)}}]}`), { names: /\$\.targets\[0\]\.name/ }],
  ['1,000,000 levels in an unknown field', () => bytes(doc(`"extra":${deep(1e6)}`)), { names: /\$\.targets\[0\]/ }],
  [
    'a 10 MB string as a target name',
    () => bytes(`{"targets":[{"name":${JSON.stringify('a'.repeat(10 * 1024 * 1024))}}]}`),
    { names: /\$\.targets\[0\]\.name/ },
  ],
  [
    'a 10 MB key in a target',
    () => bytes(doc(`${JSON.stringify('k'.repeat(10 * 1024 * 1024))}:1`)),
    { names: /\$\.targets\[0\]/ },
  ],
  [
    'a 1,000,000-element targets array',
    () => bytes(`{"targets":${JSON.stringify(new Array(1e6).fill(0))}}`),
    { names: /\$\.targets: must NOT have more than \d+ items/ },
  ],
  [
    'a __proto__ key in a target',
    () => bytes(doc('"__proto__":{"intervalSeconds":0}')),
    { names: /\$\.targets\[0\].*__proto__/ },
  ],
  [
    'a constructor key in the document',
    () => bytes('{"constructor":{"prototype":{}},"targets":[{"name":"eu"}]}'),
    { names: /\$.*constructor/ },
  ],
  [
    'invalid UTF-8 in a target name',
    () => bytes('{"targets":[{"name":"e', [0xff], 'u"}]}'),
    { names: /is not UTF-8: byte 0xFF at byte offset 22/ },
  ],
  [
    'a NUL byte in a target name',
    () => bytes('{"targets":[{"name":"e', [0], 'u"}]}'),
    { names: /has a NUL byte at byte offset 22/ },
  ],
  ['1e400 as intervalSeconds', () => bytes(doc('"intervalSeconds":1e400')), { names: /\$\.targets\[0\]\.intervalSeconds/ }],
  ['-0 as timeoutMs', () => bytes(doc('"timeoutMs":-0')), { names: /\$\.targets\[0\]\.timeoutMs/ }],
  [
    'duplicate targets keys, the last one a string',
    () => bytes('{"targets":[{"name":"eu"}],"targets":"x"}'),
    { names: /\$\.targets: must be array/ },
  ],
  ['a syntax error after 1,000,000 levels', () => bytes(`{"targets":${'['.repeat(1e6)}}`), { names: /line 1, column 1000012/ }],
  ['a syntax error on line 3', () => bytes('{\n  "targets": [\n    {"name": "eu",}\n  ]\n}'), { names: /line 3, column 19/ }],
  ['a BOM before a good document', () => bytes([0xef, 0xbb, 0xbf], '{"targets":[{"name":"eu"}]}'), 'accepted'],
];

describe('a hostile targets file', () => {
  ROWS.forEach(([name, make, expect], i) => {
    test(name, () => {
      const file = join(dir, `targets-${i}.json`);
      writeFileSync(file, make());
      const r = loadTargetsFile(file, base, {});
      if (expect === 'accepted') {
        assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
        assert.deepEqual(
          r.targets.map((t) => t.name),
          ['eu'],
        );
        return;
      }
      assert.equal(r.ok, false, 'refused');
      if (r.ok) return;
      assert.ok(r.errors.length >= 1 && r.errors.length <= MAX_LINES, `${r.errors.length} error lines`);
      for (const line of r.errors) {
        assert.ok(line.startsWith(`${file}: `), `names the file: ${line.slice(0, 200)}`);
        assert.ok(line.length <= MAX_LINE_CHARS, `a bounded line (${line.length} chars): ${line.slice(0, 200)}…`);
        assert.doesNotMatch(line, NON_PRINTABLE);
      }
      assert.match(r.errors[0]!, expect.names, r.errors[0]);
    });
  });

  test('a file name with control characters is shown escaped', () => {
    const file = join(dir, 'bad\u001b[31mname.json');
    writeFileSync(file, '{');
    const r = loadTargetsFile(file, base, {});
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.match(r.errors[0]!, /bad\\u001b\[31mname\.json: is not valid JSON: .* at line 1, column 2$/);
  });
});
