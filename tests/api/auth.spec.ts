import { basicAuthHeader, OAUTH_TOKEN_HEADER } from '../../src/auth.ts';
import { trackersPath } from '../../src/client.ts';
import { expect, get, test, type Call } from './support/gate.ts';

// A provider that serves tracker data without valid credentials is a security
// regression: each of these must be refused with 401 and carry no tracker.
const cases: [string, (username: string) => Record<string, string>][] = [
  ['no credentials', () => ({})],
  ['a wrong password', (username) => ({ Authorization: basicAuthHeader(username, 'wrong-password-from-the-gate') })],
  [
    'the plain password instead of its md5',
    (username) => ({ Authorization: `Basic ${Buffer.from(`${username}:not-an-md5`).toString('base64')}` }),
  ],
  ['an invalid OAuth token', () => ({ [OAUTH_TOKEN_HEADER]: 'invalid-token-from-the-gate' })],
];

function trackerCount(call: Call): number {
  const data = (call.body as { data?: unknown } | undefined)?.data;
  return Array.isArray(data) ? data.length : 0;
}

test.describe('authentication is enforced', () => {
  for (const [name, headersFor] of cases) {
    test(`${name} gets 401 and no tracker data`, async ({ request, gate }) => {
      const auth = gate.config.auth;
      const username = auth.kind === 'basic' ? auth.username : 'trackers-contract-gate';
      const call = await get(request, gate, trackersPath(gate.config.customerId), headersFor(username));
      expect(trackerCount(call), `GET ${call.path} with ${name}: served tracker data without valid credentials`).toBe(0);
      expect(call.status, `GET ${call.path} with ${name}: expected HTTP 401, got ${call.status}`).toBe(401);
    });
  }
});
