// Prism's validator and ours, on the same edge-case bodies: a stub upstream serves
// each body as written (so 2400.000 and 9737.0 reach Prism as text), Prism proxies
// it and reports, our validator judges the same text. Where the specs (JSON Schema
// 2020-12, RFC 3339, OpenAPI 3.1) decide, the table says which; each row pins a
// verdict. Two variants of the document show why the generator writes
// jsonSchemaDialect and turns assertions beside a $ref into allOf.
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildOpenApi } from '../../scripts/generate-openapi.ts';
import { createClient, type TrackersClient } from '../../src/client.ts';
import { loadConfig } from '../../src/config/api.ts';
import { exampleText } from '../../src/schemas.ts';
import { validateResponse } from '../../src/validate.ts';
import { requestViolations, responseViolations, startPrism, violationsOf, type RunningPrism } from './prism.ts';

const loaded = loadConfig({});
if (!loaded.ok) throw new Error(loaded.errors.join('; '));

const DOCUMENTED = exampleText('trackers-98662653');
const NOT_FOUND = exampleText('error-8015');
const TRACKER = JSON.parse(DOCUMENTED).data[0] as Record<string, unknown>;
/** A success body with one tracker, fields overridden by raw JSON text (so numbers keep their spelling). */
function oneTracker(raw: Record<string, string> = {}): string {
  const fields = Object.entries(TRACKER).map(([k, v]) => `"${k}": ${raw[k] ?? JSON.stringify(v)}`);
  return `{"pagination": {"limit": 0, "offset": 0, "total": 0}, "data": [{${fields.join(', ')}}], "warnings": [], "errors": []}`;
}
const withDate = (date: string) => oneTracker({ updatedOn: JSON.stringify(date) });

interface Case {
  name: string;
  status: number;
  body: string;
  /** Both verdicts: true = valid. They agree on every row; `why` gives the spec's answer. */
  valid: boolean;
  why: string;
}

const CASES: Case[] = [
  {
    name: 'the documented body, 2400.000 and all',
    status: 200,
    body: DOCUMENTED,
    valid: true,
    why: 'a number; JSON does not distinguish 2400.000 from 2400',
  },
  {
    name: 'an id written 9737.0',
    status: 200,
    body: oneTracker({ id: '9737.0' }),
    valid: true,
    why: 'JSON Schema 2020-12: an integer is any number with a zero fractional part',
  },
  {
    name: 'an id of 2^63-1',
    status: 200,
    body: oneTracker({ id: '9223372036854775807' }),
    valid: true,
    why: 'an integer (both read it as a double: precision is lost, not validity)',
  },
  { name: 'an id of 9737.5', status: 200, body: oneTracker({ id: '9737.5' }), valid: false, why: 'not an integer' },
  { name: 'a value as a string', status: 200, body: oneTracker({ value: '"2400"' }), valid: false, why: 'type number' },
  {
    name: 'fractional seconds',
    status: 200,
    body: withDate('2023-12-07T00:00:00.123456789Z'),
    valid: true,
    why: 'RFC 3339 time-secfrac',
  },
  {
    name: 'a +05:30 offset',
    status: 200,
    body: withDate('2023-12-07T05:30:00+05:30'),
    valid: true,
    why: 'RFC 3339 time-numoffset',
  },
  {
    name: 'a space instead of T',
    status: 200,
    body: withDate('2023-12-07 00:00:00Z'),
    valid: false,
    why: "RFC 3339 5.6 requires T (a space is only a note for readers); ajv-formats and Prism's own date-time would allow it, the contract's pattern does not",
  },
  {
    name: 'lowercase t and z',
    status: 200,
    body: withDate('2023-12-07t00:00:00z'),
    valid: false,
    why: 'RFC 3339 allows them; the contract is stricter on purpose (every documented value is uppercase): both apply its pattern',
  },
  {
    name: 'an offset without colon (+0530)',
    status: 200,
    body: withDate('2023-12-07T05:30:00+0530'),
    valid: false,
    why: 'ISO 8601 basic format, not RFC 3339',
  },
  { name: 'no zone', status: 200, body: withDate('2023-12-07T00:00:00'), valid: false, why: 'RFC 3339 requires an offset' },
  {
    name: '30 February',
    status: 200,
    body: withDate('2023-02-30T00:00:00Z'),
    valid: false,
    why: 'format date-time: not a calendar date',
  },
  { name: 'hour 24', status: 200, body: withDate('2023-12-07T24:00:00Z'), valid: false, why: 'RFC 3339 time-hour is 00-23' },
  {
    name: 'an extra property',
    status: 200,
    body: oneTracker({ extraField: '"x"' }),
    valid: true,
    why: 'the schemas allow additional properties (ours warns)',
  },
  {
    name: 'an undocumented tracker type',
    status: 200,
    body: oneTracker({ type: '"BILL_NET_AMOUNT"' }),
    valid: true,
    why: 'the type set is open (ours warns)',
  },
  { name: 'a null name', status: 200, body: oneTracker({ name: 'null' }), valid: false, why: 'type string' },
  { name: 'the documented 8015 body', status: 200, body: NOT_FOUND, valid: true, why: '200 is anyOf both envelopes' },
  {
    name: 'an 8015 body with "data": []',
    status: 200,
    body: NOT_FOUND.replace('"warnings"', '"data": [], "warnings"'),
    valid: true,
    why: 'it satisfies both envelopes: anyOf accepts it, oneOf would not',
  },
  {
    name: 'an error item with status true',
    status: 404,
    body: NOT_FOUND.replace('"status": false', '"status": true'),
    valid: false,
    why: 'const false beside the $ref (OpenAPI 3.1 applies it)',
  },
  {
    name: 'an error envelope without errors',
    status: 404,
    body: NOT_FOUND.replace(/"errors": \[[^\]]*\]/, '"errors": []'),
    valid: false,
    why: 'minItems 1',
  },
  { name: 'tracker data with HTTP 404', status: 404, body: DOCUMENTED, valid: false, why: '404 carries the error envelope only' },
];

/** Customer n + 1 gets CASES[n] (ids start at 1). */
const customerFor = (n: number) => String(n + 1);

/** Serves CASES[n] for /v2/customers/{n + 1}/trackers, the 8015 body with 404 for any other id. */
function stubUpstream(): http.Server {
  return http.createServer((req, res) => {
    const id = Number(/^\/v2\/customers\/(\d+)\/trackers/.exec(req.url ?? '')?.[1]);
    const c = CASES[id - 1];
    const body = c?.body ?? NOT_FOUND;
    res.writeHead(c?.status ?? 404, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  });
}

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const dir = mkdtempSync(join(tmpdir(), 'prism-variants-'));
function variant(name: string, change: (d: Doc) => void): string {
  const d = buildOpenApi();
  change(d);
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(d));
  return file;
}

let upstream: http.Server;
let prism: RunningPrism;
let noDialect: RunningPrism;
let refSiblings: RunningPrism;
const clients: TrackersClient[] = [];
const clientFor = (p: RunningPrism) => {
  const c = createClient({ baseUrl: p.baseUrl, auth: loaded.config.auth, timeoutMs: 10_000 });
  clients.push(c);
  return c;
};

before(async () => {
  upstream = stubUpstream();
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(upstream.address() as { port: number }).port}`;
  [prism, noDialect, refSiblings] = await Promise.all([
    startPrism({ mode: 'proxy', upstream: url }),
    startPrism({ mode: 'proxy', upstream: url, document: variant('no-dialect', (d) => delete d.jsonSchemaDialect) }),
    startPrism({
      mode: 'proxy',
      upstream: url,
      // The error item as the hand-written schema says it: const false beside the $ref.
      document: variant('ref-siblings', (d) => {
        const items = d.components.schemas.ErrorResponse.properties.errors.items;
        d.components.schemas.ErrorResponse.properties.errors.items = { ...items.allOf[0], ...items.allOf[1] };
      }),
    }),
  ]);
});

after(async () => {
  for (const c of clients) c.close();
  await Promise.all([prism?.stop(), noDialect?.stop(), refSiblings?.stop()]);
  await new Promise((resolve) => upstream?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('Prism and validateResponse agree on each edge case, as the specs say', () => {
  CASES.forEach((c, n) => {
    test(`${c.name} (HTTP ${c.status}): ${c.valid ? 'valid' : 'invalid'}: ${c.why}`, async () => {
      const ours = validateResponse(JSON.parse(c.body), { expect: c.status === 200 ? 'auto' : 'error' });
      assert.equal(ours.ok, c.valid, `ours: ${JSON.stringify(ours.errors)}`);
      const r = await clientFor(prism).getTrackers(customerFor(n));
      assert.deepEqual(requestViolations(violationsOf(r.headers)), []);
      assert.equal(r.status, c.status);
      const errors = responseViolations(violationsOf(r.headers)).filter((v) => v.severity === 'Error');
      assert.equal(errors.length === 0, c.valid, `Prism: ${JSON.stringify(errors)}`);
    });
  });
});

describe('why the generated document looks the way it does', () => {
  const LONG_ABOVE_2_53 = '9007199254740993';

  test('with jsonSchemaDialect 2020-12, an int64 customerId above 2^53 is a valid request', async () => {
    const r = await clientFor(prism).getTrackers(LONG_ABOVE_2_53);
    assert.deepEqual(requestViolations(violationsOf(r.headers)), []);
  });

  test('without it, Prism converts the schemas to draft-07 and caps int64 at 2^53-1: that valid id is refused', async () => {
    const r = await clientFor(noDialect).getTrackers(LONG_ABOVE_2_53);
    const found = requestViolations(violationsOf(r.headers)).map((v) => `${v.location.join('.')} ${v.code}`);
    assert.deepEqual(found, ['request.path.customerid maximum']);
  });

  const statusTrue = customerFor(CASES.findIndex((c) => c.name === 'an error item with status true'));

  test('with assertions beside a $ref (valid OpenAPI 3.1), Prism 5.14 drops them: status true slips through', async () => {
    const r = await clientFor(refSiblings).getTrackers(statusTrue);
    assert.deepEqual(responseViolations(violationsOf(r.headers)), []);
  });

  test('written as allOf (the same meaning), Prism applies them', async () => {
    const r = await clientFor(prism).getTrackers(statusTrue);
    const found = responseViolations(violationsOf(r.headers)).map((v) => `${v.location.join('.')} ${v.code}`);
    assert.deepEqual(found, ['response.body.errors.0.status const']);
  });
});
