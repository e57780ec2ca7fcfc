// Stoplight Prism as a validating proxy in front of the embedded sandbox: the
// endpoint's documented behaviours, driven through the project's client, pass
// someone else's validator; and the proxy does catch a sandbox that breaks the
// contract. Prism runs without --errors, so every request reaches the sandbox and
// Prism only reports (sl-violations header and log); tests/prism/proxy-errors.test.ts
// shows what --errors changes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Sandbox } from '../../sandbox/app.ts';
import { MUTATIONS, type Mutation } from '../../sandbox/mutations.ts';
import { basicAuthHeader, md5Hex } from '../../src/auth.ts';
import { createClient, type ClientResult, type TrackersClient } from '../../src/client.ts';
import { SANDBOX_PASSWORD, SANDBOX_USERNAME, loadConfig } from '../../src/config/api.ts';
import { Secret } from '../../src/secret.ts';
import { validateResponse } from '../../src/validate.ts';
import { redactCredentials, requestViolations, responseViolations, violationsOf, type RunningPrism } from './prism.ts';
import { sharedProxy } from './shared.ts';

const TIMEOUT_MS = 10_000;
const loaded = loadConfig({});
if (!loaded.ok) throw new Error(loaded.errors.join('; '));
const sandboxAuth = loaded.config.auth;

let sandbox: Sandbox;
let prism: RunningPrism;
let client: TrackersClient;
let oauthClient: TrackersClient;

before(async () => {
  ({ prism, sandbox } = await sharedProxy());
  client = createClient({ baseUrl: prism.baseUrl, auth: sandboxAuth, timeoutMs: TIMEOUT_MS });
  // The token request (POST /v3/oauth/token/generate) is not in the document: Prism forwards it with a warning.
  oauthClient = createClient({
    baseUrl: prism.baseUrl,
    auth: { kind: 'oauth-client', key: 'sandbox_key', secret: new Secret('sandbox_secret') },
    timeoutMs: TIMEOUT_MS,
  });
});

after(() => {
  client?.close();
  oauthClient?.close();
});

const locations = (r: ClientResult, pick: typeof requestViolations) =>
  pick(violationsOf(r.headers)).map((v) => v.location.join('.'));

interface Behaviour {
  name: string;
  id: string;
  status: number;
  expect: 'success' | 'error';
  errorCode?: number;
  trackers?: number;
  fault?: string;
  auth?: 'none';
  authHeaders?: Record<string, string>;
  /** What Prism says about the request: the bad requests are bad on purpose. */
  requestViolations?: string[];
}

const DOCUMENTED: Behaviour[] = [
  { name: 'the documented customer gets its 97 trackers', id: '98662653', status: 200, expect: 'success', trackers: 97 },
  { name: 'the first generated customer gets its trackers', id: '200000001', status: 200, expect: 'success' },
  { name: 'the last generated customer gets its trackers', id: '200009999', status: 200, expect: 'success' },
  { name: 'a customer without trackers gets an empty data', id: '98662654', status: 200, expect: 'success', trackers: 0 },
  { name: 'an unknown customer gets 8015 with HTTP 404', id: '99999999', status: 404, expect: 'error', errorCode: 8015 },
  {
    name: 'an unknown customer gets 8015 with HTTP 200',
    id: '99999999',
    fault: 'status=200',
    status: 200,
    expect: 'error',
    errorCode: 8015,
  },
  {
    name: 'an unknown customer gets 8015 with HTTP 400',
    id: '99999999',
    fault: 'status=400',
    status: 400,
    expect: 'error',
    errorCode: 8015,
  },
  {
    name: 'a request without credentials gets 401',
    id: '98662653',
    auth: 'none',
    status: 401,
    expect: 'error',
    errorCode: 401,
    requestViolations: ['request'],
  },
  {
    // Prism checks the Basic header's shape only: md5 or not is the server's business.
    name: 'Basic with the plain password (not md5) gets 401',
    id: '98662653',
    authHeaders: { Authorization: basicAuthHeader(SANDBOX_USERNAME, SANDBOX_PASSWORD, true) },
    status: 401,
    expect: 'error',
    errorCode: 401,
  },
  {
    name: 'a customerId that is not a number gets 400',
    id: 'abc',
    status: 400,
    expect: 'error',
    errorCode: 400,
    requestViolations: ['request.path.customerid'],
  },
  {
    name: 'customerId 0 gets 400',
    id: '0',
    status: 400,
    expect: 'error',
    errorCode: 400,
    requestViolations: ['request.path.customerid'],
  },
  {
    name: 'a negative customerId gets 400',
    id: '-1',
    status: 400,
    expect: 'error',
    errorCode: 400,
    requestViolations: ['request.path.customerid'],
  },
];

describe("the endpoint's documented behaviours through Prism: no response violation", () => {
  // From here: the shared proxy may have logged other files' requests before.
  let logStart = 0;
  before(() => (logStart = prism.mark()));

  for (const b of DOCUMENTED) {
    test(b.name, async () => {
      const r = await client.getTrackers(b.id, {
        headers: b.fault ? { 'X-Sandbox-Fault': b.fault } : undefined,
        auth: b.auth,
        authHeaders: b.authHeaders,
      });
      assert.equal(r.ok, true, r.failure?.message);
      assert.equal(r.status, b.status);
      const result = validateResponse(r.body, { expect: b.expect, errorCode: b.errorCode });
      assert.equal(result.ok, true, JSON.stringify(result.errors));
      if (b.trackers !== undefined) assert.equal(result.trackerCount, b.trackers);
      assert.deepEqual(locations(r, responseViolations), []);
      assert.deepEqual(locations(r, requestViolations), b.requestViolations ?? []);
    });
  }

  test('an OAuth token in X-CAP-API-OAUTH-TOKEN satisfies the apiKey scheme and gets the trackers', async () => {
    const r = await oauthClient.getTrackers('98662653');
    assert.equal(r.status, 200);
    assert.equal(validateResponse(r.body).trackerCount, 97);
    assert.deepEqual(violationsOf(r.headers), []);
  });

  test("Prism's log holds no response violation for any of them, and the expected request ones", async () => {
    const logged = prism.loggedViolations(logStart, await prism.settle());
    assert.deepEqual(
      logged.filter((v) => v.location.startsWith('response')),
      [],
    );
    const expected = DOCUMENTED.flatMap((b) => b.requestViolations ?? []).sort();
    assert.deepEqual(logged.map((v) => v.location).sort(), expected);
  });
});

// Prism checks the path parameter on the number it coerces the segment to; the
// sandbox, like a Java server, parses the text as a long. Both answers are in the
// document (400 is declared), so no response violation; Prism is just more lenient
// about the request. Pinned, so a change on either side is noticed.
describe('customerIds Prism accepts and the sandbox refuses with 400 (request-side leniency, documented)', () => {
  const cases = [
    { id: '9223372036854775808', why: '2^63 is beyond int64, but as a double it equals 2^63-1' },
    { id: '98662653.0', why: 'coerced to the number 98662653, an integer in JSON Schema' },
    { id: '1e3', why: 'coerced to the number 1000' },
  ];
  for (const { id, why } of cases) {
    test(`${id}: ${why}`, async () => {
      const r = await client.getTrackers(id);
      assert.equal(r.status, 400);
      assert.deepEqual(violationsOf(r.headers), []);
    });
  }

  test('a valid long above 2^53 is no request violation (int64 read as JSON Schema 2020-12: see jsonSchemaDialect)', async () => {
    const r = await client.getTrackers('9007199254740993');
    assert.equal(r.status, 404);
    assert.deepEqual(violationsOf(r.headers), []);
  });
});

// Every contract mutation the sandbox can serve: breaking ones must raise a response
// violation of severity Error, additive ones none, except the breaking changes no
// OpenAPI document (or Prism) can see, each with its reason. A new mutation in
// sandbox/mutations.ts fails here until it is classified.
const PRISM_CANNOT_SEE: Readonly<Record<string, string>> = {
  'lose-8015':
    'a 200 success envelope is valid for this path; that the customer is unknown is provider state (our validator: expect error)',
  'wrong-error-code':
    'the document does not pin code 8015: the error envelope also carries 400 and 401 (our validator: errorCode 8015)',
  'not-found-5xx':
    'an undeclared non-2xx status is only a Warning in Prism, never an error even with --errors (the gate checks the status)',
  'no-auth': 'the request without credentials is a request violation and the 200 a valid response (the gate expects 401)',
};

function requestFor(m: Mutation): { id: string; auth?: 'none' } {
  if (m.applies === 'not-found') return { id: '99999999' };
  if (m.applies === 'auth') return { id: '98662653', auth: 'none' };
  return { id: '98662653' };
}

describe('the proxy catches a sandbox that breaks the contract (X-Sandbox-Fault: mutation=NAME, forwarded by Prism)', () => {
  test('every mutation Prism cannot see is a breaking one', () => {
    for (const name of Object.keys(PRISM_CANNOT_SEE)) assert.equal(MUTATIONS.find((m) => m.name === name)?.breaking, true, name);
  });

  for (const m of MUTATIONS) {
    const flagged = m.breaking && !(m.name in PRISM_CANNOT_SEE);
    test(`${m.name} (${m.breaking ? 'breaking' : 'additive'}): ${flagged ? 'a response violation' : `no response error${m.breaking ? `: ${PRISM_CANNOT_SEE[m.name]}` : ''}`}`, async () => {
      const { id, auth } = requestFor(m);
      const r = await client.getTrackers(id, { headers: { 'X-Sandbox-Fault': `mutation=${m.name}` }, auth });
      // html-content-type makes our client fail the result (non_json_content_type); the response still came.
      assert.notEqual(r.status, undefined, r.failure?.message);
      const errors = responseViolations(violationsOf(r.headers)).filter((v) => v.severity === 'Error');
      assert.equal(errors.length > 0, flagged, JSON.stringify(violationsOf(r.headers)));
    });
  }

  test('the 5xx for an unknown customer is reported, as a Warning only', async () => {
    const r = await client.getTrackers('99999999', { headers: { 'X-Sandbox-Fault': 'mutation=not-found-5xx' } });
    assert.equal(r.status, 500);
    assert.deepEqual(
      responseViolations(violationsOf(r.headers)).map((v) => v.severity),
      ['Warning'],
    );
  });

  test("a global fault set on the sandbox's control side is caught too, and clearing it clears the violation", async () => {
    sandbox.setFaults('mutation=id-string');
    try {
      const r = await client.getTrackers('98662653');
      const found = responseViolations(violationsOf(r.headers)).map((v) => `${v.location.join('.')} ${v.code}`);
      assert.ok(found.includes('response.body.data.0.id type'), found.join('; '));
    } finally {
      sandbox.clearFaults();
    }
    const clean = await client.getTrackers('98662653');
    assert.deepEqual(violationsOf(clean.headers), []);
  });

  test('the violation is in the log too, with its JSON path', async () => {
    const mark = prism.mark();
    await client.getTrackers('98662653', { headers: { 'X-Sandbox-Fault': 'mutation=name-null' } });
    const lines = prism.loggedViolations(mark, await prism.settle());
    assert.ok(
      lines.some((v) => v.level === 'error' && v.location === 'response.body.data.0.name'),
      lines.map((v) => v.line).join('\n'),
    );
  });
});

test("no credential reaches Prism's log", async () => {
  const token = await oauthClient.authHeaders();
  await prism.settle();
  const log = prism.log();
  assert.ok(log.includes('Violation:'), 'the log was collected');
  const secrets = [
    basicAuthHeader(SANDBOX_USERNAME, SANDBOX_PASSWORD),
    md5Hex(SANDBOX_PASSWORD),
    SANDBOX_PASSWORD,
    'sandbox_secret',
  ];
  if (token.ok) secrets.push(...Object.values(token.headers));
  for (const secret of secrets) assert.equal(log.includes(secret), false, 'a credential is in the log');
});

describe('the log redaction, in case Prism ever logs headers', () => {
  const basic = basicAuthHeader(SANDBOX_USERNAME, SANDBOX_PASSWORD);
  const cases = [
    { name: 'a debug header line', line: `\tauthorization: ${basic}`, secret: basic.slice(6) },
    { name: 'the token header', line: '\tx-cap-api-oauth-token: tok-123456', secret: 'tok-123456' },
    { name: 'a JSON object', line: `{"headers":{"Authorization":"${basic}","accept":"*/*"}}`, secret: basic.slice(6) },
    { name: 'a bare Basic value', line: `sent ${basic}`, secret: basic.slice(6) },
  ];
  for (const { name, line, secret } of cases) {
    test(`redacts ${name}`, () => {
      const out = redactCredentials(line);
      assert.equal(out.includes(secret), false, out);
      assert.match(out, /\[redacted\]/);
    });
  }
});
