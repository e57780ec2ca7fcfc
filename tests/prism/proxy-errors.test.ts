// Prism's proxy with --errors, as a gate run through it would see it: a response
// that breaks the document becomes a 500 problem+json (the gate fails loudly), but
// a request that fails Prism's own checks is answered by Prism and never reaches
// the server. So the gate's negative tests (no credentials, bad ids) would test
// Prism, not the server: run the gate through the proxy without --errors and
// assert on the log instead (docs/contracts.md, "Cross-checked by Stoplight Prism").
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Sandbox } from '../../sandbox/app.ts';
import { createClient, type TrackersClient } from '../../src/client.ts';
import { loadConfig } from '../../src/config/api.ts';
import { exampleText } from '../../src/schemas.ts';
import { validateResponse } from '../../src/validate.ts';
import type { RunningPrism } from './prism.ts';
import { sharedProxy } from './shared.ts';

const loaded = loadConfig({});
if (!loaded.ok) throw new Error(loaded.errors.join('; '));

let sandbox: Sandbox;
let prism: RunningPrism;
let client: TrackersClient;

before(async () => {
  ({ prism, sandbox } = await sharedProxy(true));
  client = createClient({ baseUrl: prism.baseUrl, auth: loaded.config.auth, timeoutMs: 10_000 });
});

after(() => client?.close());

const trackerRequests = () => sandbox.stats.byRoute.trackers ?? {};

test('a valid answer passes, re-serialised by Prism: 2400.000 arrives as 2400', async () => {
  const r = await client.getTrackers('98662653');
  assert.equal(r.status, 200);
  assert.equal(validateResponse(r.body).trackerCount, 97);
  assert.deepEqual(r.body, JSON.parse(exampleText('trackers-98662653')));
  assert.ok(exampleText('trackers-98662653').includes('"value": 2400.000'));
  assert.equal(
    r.bodyText?.includes('2400.000'),
    false,
    'Prism passed the bytes through: byte-level checks would work via the proxy',
  );
});

test('the 8015 answer passes', async () => {
  const r = await client.getTrackers('99999999');
  assert.equal(r.status, 404);
  assert.equal(validateResponse(r.body, { expect: 'error', errorCode: 8015 }).ok, true);
});

test('a response that breaks the document becomes a 500 problem+json listing the violation', async () => {
  const r = await client.getTrackers('98662653', { headers: { 'X-Sandbox-Fault': 'mutation=id-string' } });
  assert.equal(r.status, 500);
  assert.match(r.contentType ?? '', /^application\/problem\+json/);
  const problem = r.body as { type: string; validation: { location: string[]; code: string }[] };
  assert.match(problem.type, /VIOLATIONS$/);
  assert.ok(problem.validation.some((v) => v.location.join('.') === 'response.body.data.0.id' && v.code === 'type'));
});

const answeredByPrism = [
  { name: 'without credentials: 401 from Prism', id: '98662653', auth: 'none' as const, status: 401, type: /UNAUTHORIZED$/ },
  { name: 'with customerId -1: 422 from Prism (the server would say 400)', id: '-1', status: 422, type: /UNPROCESSABLE_ENTITY$/ },
];
for (const { name, id, auth, status, type } of answeredByPrism) {
  test(`a request failing Prism's checks never reaches the server: ${name}`, async () => {
    const before = { ...trackerRequests() };
    const r = await client.getTrackers(id, { auth });
    assert.equal(r.status, status);
    assert.match((r.body as { type: string }).type, type);
    assert.deepEqual(trackerRequests(), before, 'the sandbox saw the request');
  });
}
