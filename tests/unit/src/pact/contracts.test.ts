import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { PROVIDER, loadContracts, pactFileName } from '../../../../src/pact/contracts.ts';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'contracts-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const pact = (consumer: string) =>
  JSON.stringify({
    consumer: { name: consumer },
    provider: { name: PROVIDER },
    interactions: [
      {
        description: 'a request',
        providerStates: [{ name: 'customer has trackers' }],
        request: {
          method: 'GET',
          path: '/v2/customers/1/trackers',
          generators: { path: { expression: '/v2/customers/${customerId}/trackers', type: 'ProviderState' } },
        },
      },
    ],
  });

describe('reading the contracts directory', () => {
  test('reads each pact file: consumer, provider, and per interaction its state, method and path expression', () => {
    const loaded = loadContracts(
      dirWith({ [pactFileName('b-app')]: pact('b-app'), [pactFileName('a-app')]: pact('a-app'), 'notes.txt': 'x' }),
    );
    assert.ok(loaded.ok);
    assert.deepEqual(
      loaded.contracts.map((c) => c.consumer),
      ['a-app', 'b-app'],
    );
    assert.deepEqual(loaded.contracts[0]!.interactions, [
      {
        description: 'a request',
        states: ['customer has trackers'],
        method: 'GET',
        path: '/v2/customers/1/trackers',
        pathExpression: '/v2/customers/${customerId}/trackers',
      },
    ]);
  });

  const bad: [string, Record<string, string> | undefined, RegExp][] = [
    ['a missing directory', undefined, /no such directory/],
    ['an empty directory', {}, /no contracts/],
    ['a file that is not JSON', { 'x-capillary-customer-trackers.json': '{' }, /not readable as JSON/],
    ['JSON that is not a pact', { 'x-capillary-customer-trackers.json': '{"a":1}' }, /not a pact file/],
    [
      'a file not named <consumer>-<provider>.json',
      { 'other.json': pact('a-app') },
      /must be named a-app-capillary-customer-trackers\.json/,
    ],
  ];
  for (const [name, files, message] of bad) {
    test(`${name} is an error naming the problem`, () => {
      const loaded = loadContracts(files === undefined ? join(tmpdir(), 'no-such-contracts-dir-0') : dirWith(files));
      assert.equal(loaded.ok, false);
      assert.match(loaded.ok ? '' : loaded.errors.join('\n'), message);
    });
  }
});
