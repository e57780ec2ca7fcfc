import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { listeningMessage, sandboxPortFrom } from '../../../sandbox/server.ts';
import { answered, startSandbox, trackersPath } from './helpers.ts';

describe('sandboxPortFrom', () => {
  const VALID: [string | undefined, number][] = [
    [undefined, 8787],
    ['', 8787],
    ['0', 0],
    ['8080', 8080],
    ['65535', 65535],
  ];
  for (const [raw, port] of VALID) {
    test(`SANDBOX_PORT=${JSON.stringify(raw)} gives ${port}`, () => {
      assert.deepEqual(sandboxPortFrom({ SANDBOX_PORT: raw }), { ok: true, port });
    });
  }

  for (const raw of ['65536', '-1', 'abc', '80.5', ' 80', '0x50', '123456']) {
    test(`SANDBOX_PORT=${JSON.stringify(raw)} is refused on one line naming the variable and value`, () => {
      assert.deepEqual(sandboxPortFrom({ SANDBOX_PORT: raw }), {
        ok: false,
        error: `SANDBOX_PORT must be an integer from 0 to 65535, got ${JSON.stringify(raw)}`,
      });
    });
  }
});

test('the start-up hint carries a curl header that really authenticates', async (t) => {
  const { base } = await startSandbox(t);
  const line = listeningMessage(base);
  assert.ok(line.startsWith(`sandbox listening on ${base} — try: curl -H 'Authorization: Basic `));
  assert.doesNotMatch(line, /\n/);
  const header = /'Authorization: (Basic [A-Za-z0-9+/=]+)'/.exec(line)![1]!;
  const res = await answered(base, trackersPath(98662653), { headers: { authorization: header } });
  assert.equal(res.status, 200);
});
