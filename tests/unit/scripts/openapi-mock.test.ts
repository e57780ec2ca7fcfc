// npm run openapi:mock -- --port N: Prism gets exactly one --port (two made it fail), and a
// bad flag is one line, not a Prism stack trace.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { prismArgs } from '../../../scripts/openapi-mock.ts';

const MOCK = ['mock', 'openapi/trackers.openapi.json'];

const CASES = [
  { argv: [], args: [...MOCK, '--port', '4010', '--host', '127.0.0.1'] },
  { argv: ['--port', '5123'], args: [...MOCK, '--port', '5123', '--host', '127.0.0.1'] },
  { argv: ['--port=5123', '--host', '0.0.0.0'], args: [...MOCK, '--port', '5123', '--host', '0.0.0.0'] },
] as const;

for (const c of CASES) {
  test(`openapi:mock ${c.argv.join(' ') || '(no flags)'} runs prism ${c.args.slice(2).join(' ')}`, () => {
    const r = prismArgs(c.argv);
    assert.deepEqual(r, { ok: true, args: c.args });
    if (r.ok) assert.equal(r.args.filter((a) => a === '--port').length, 1);
  });
}

const BAD = [
  { argv: ['--port', 'http'], error: /--port "http": expected a port number/ },
  { argv: ['--port', '70000'], error: /--port "70000"/ },
  { argv: ['--prot', '5000'], error: /Unknown option '--prot'/ },
  { argv: ['extra'], error: /extra/ },
] as const;

for (const c of BAD) {
  test(`openapi:mock ${c.argv.join(' ')} is a usage error`, () => {
    const r = prismArgs(c.argv);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.error, c.error);
  });
}
