// Prism serving a mock from the OpenAPI document alone (as `npm run openapi:mock`
// does on port 4010): what it answers passes our own shape checks. The examples are
// picked with Prism's Prefer header (example=NAME, code=STATUS).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createClient, type TrackersClient } from '../../src/client.ts';
import { DEFAULTS, loadConfig } from '../../src/config/api.ts';
import { exampleText } from '../../src/schemas.ts';
import { validateResponse } from '../../src/validate.ts';
import { requestViolations, responseViolations, violationsOf, type RunningPrism } from './prism.ts';
import { sharedPrism } from './shared.ts';

const loaded = loadConfig({});
if (!loaded.ok) throw new Error(loaded.errors.join('; '));

let prism: RunningPrism;
let client: TrackersClient;

before(async () => {
  prism = await sharedPrism({ mode: 'mock' });
  client = createClient({ baseUrl: prism.baseUrl, auth: loaded.config.auth, timeoutMs: 10_000 });
});

after(() => client?.close());

const prefer = (value: string) => ({ headers: { Prefer: value } });

test('by default the mock serves the documented body: our validator accepts its 97 trackers', async () => {
  const r = await client.getTrackers('98662653');
  assert.equal(r.status, 200);
  const result = validateResponse(r.body, { expect: 'success' });
  assert.equal(result.ok, true, JSON.stringify(result.errors));
  assert.equal(result.trackerCount, 97);
  assert.deepEqual(r.body, JSON.parse(exampleText('trackers-98662653')));
  assert.deepEqual(violationsOf(r.headers), []);
});

test('Prefer example=no-trackers: a valid success envelope with no data', async () => {
  const r = await client.getTrackers('98662654', prefer('example=no-trackers'));
  assert.equal(r.status, 200);
  const result = validateResponse(r.body, { expect: 'success' });
  assert.deepEqual([result.ok, result.trackerCount], [true, 0]);
});

for (const status of DEFAULTS.notFoundStatuses) {
  test(`Prefer code=${status}, example=error-8015: the 8015 body with HTTP ${status}, accepted by our validator`, async () => {
    const r = await client.getTrackers('99999999', prefer(`code=${status}, example=error-8015`));
    assert.equal(r.status, status);
    const result = validateResponse(r.body, { expect: 'error', errorCode: 8015 });
    assert.equal(result.ok, true, JSON.stringify(result.errors));
    assert.deepEqual(r.body, JSON.parse(exampleText('error-8015')));
  });
}

test('without credentials the mock answers 401 with the 401 example of the document, a valid error envelope', async () => {
  const r = await client.getTrackers('98662653', { auth: 'none' });
  assert.equal(r.status, 401);
  assert.equal(validateResponse(r.body, { expect: 'error', errorCode: 401 }).ok, true);
  assert.deepEqual(
    requestViolations(violationsOf(r.headers)).map((v) => v.code),
    [401],
  );
});

test('a customerId that is not an integer gets the 400 example, a valid error envelope', async () => {
  const r = await client.getTrackers('abc');
  assert.equal(r.status, 400);
  assert.equal(validateResponse(r.body, { expect: 'error', errorCode: 400 }).ok, true);
});

test('the OAuth token header alone satisfies the mock', async () => {
  const r = await client.getTrackers('98662653', { auth: 'none', headers: { 'X-CAP-API-OAUTH-TOKEN': 'any-token' } });
  assert.equal(r.status, 200);
  assert.deepEqual(violationsOf(r.headers), []);
});

test('Prism finds nothing wrong with its own answers: no response violation for any example', async () => {
  for (const value of ['example=trackers-98662653', 'example=no-trackers', 'example=error-8015', 'code=400', 'code=404']) {
    const r = await client.getTrackers('98662653', prefer(value));
    assert.deepEqual(responseViolations(violationsOf(r.headers)), [], value);
  }
});
