// npm run test:openapi: every file of this directory in one process, so that the Prisms they can
// share start once (tests/prism/shared.ts): 6 starts instead of 8, and one test process instead
// of five. Imported statically: node:test collects every file's tests and hooks before it runs any.
// Each file still runs on its own (node --import tsx --test tests/prism/mock.test.ts).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import './mock.test.ts';
import './proxy.test.ts';
import './proxy-errors.test.ts';
import './disagreements.test.ts';
import './gate-through-prism.test.ts';

const IMPORTED = ['disagreements', 'gate-through-prism', 'mock', 'proxy-errors', 'proxy'];

test('the suite imports every test file of tests/prism', () => {
  const files = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.test.ts'));
  assert.deepEqual(files.sort(), IMPORTED.map((f) => `${f}.test.ts`).sort(), 'add the new file to the imports and IMPORTED');
});
