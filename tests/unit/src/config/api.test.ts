import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { AUTH_REFUSAL_STATUSES, loadConfig, loadSandboxPort, parseBaseUrl } from '../../../../src/config/api.ts';
import type { Env } from '../../../../src/config/env.ts';
import { errors, ok } from './helpers.ts';

describe('defaults', () => {
  test('no environment means the embedded sandbox with its own credentials', () => {
    const c = ok({});
    assert.deepEqual(c.target, { kind: 'sandbox' });
    assert.equal(c.customerId, '98662653');
    assert.equal(c.missingCustomerId, '99999999');
    assert.equal(c.auth.kind, 'basic');
    assert.equal(c.timeoutMs, 10000);
    assert.deepEqual(c.notFoundStatuses, [200, 400, 404]);
    assert.equal(c.latencyBudgetMs, 3000);
    assert.equal(c.latencyDegradedMs, 1000);
  });

  test('a remote cluster with credentials: the base URL without its trailing slash', () => {
    const c = ok({ CAP_BASE_URL: 'https://eu.api.capillarytech.com/', CAP_OAUTH_TOKEN: 'tok' });
    assert.deepEqual(c.target, { kind: 'remote', baseUrl: 'https://eu.api.capillarytech.com' });
    assert.equal(c.auth.kind, 'oauth-token');
  });
});

describe('a remote cluster without credentials', () => {
  // Every check would be refused and read as a broken contract: a usage error instead, naming what to set.
  test('is one error naming every way to give them', () => {
    assert.deepEqual(errors({ CAP_BASE_URL: 'https://eu.api.capillarytech.com' }), [
      'CAP_BASE_URL is set but no credentials are: set CAP_USERNAME and CAP_PASSWORD, CAP_OAUTH_KEY and CAP_OAUTH_SECRET, or CAP_OAUTH_TOKEN',
    ]);
  });

  test('blank credentials count as none', () => {
    assert.match(errors({ CAP_BASE_URL: 'https://x.example', CAP_USERNAME: ' ', CAP_PASSWORD: '' })[0]!, /no credentials/);
  });

  test('is allowed when a monitor targets file names credentials per entry', () => {
    const r = loadConfig({ CAP_BASE_URL: 'https://eu.api.capillarytech.com' }, { credentials: 'per-target' });
    assert.ok(r.ok, r.ok ? '' : r.errors.join('; '));
    assert.equal(r.config.auth.kind, 'none');
  });

  test('the embedded sandbox needs none', () => {
    assert.equal(ok({}).auth.kind, 'basic');
  });
});

describe('a base URL with the API version in it', () => {
  const cases: [string, string][] = [
    ['https://eu.api.capillarytech.com/v2', 'https://eu.api.capillarytech.com'],
    ['https://eu.api.capillarytech.com/v2/', 'https://eu.api.capillarytech.com'],
    ['https://eu.api.capillarytech.com/V3', 'https://eu.api.capillarytech.com'],
    ['https://gw.example/capillary/v2/customers/98662653/trackers', 'https://gw.example/capillary'],
  ];
  for (const [url, root] of cases) {
    test(`${url} is refused, naming the root to use`, () => {
      const e = errors({ CAP_BASE_URL: url, CAP_OAUTH_TOKEN: 'tok' });
      assert.deepEqual(e, [
        `CAP_BASE_URL="${url}": must be the API's root, without the version: ${root} (the client adds /v2/customers/{customerId}/trackers itself)`,
      ]);
    });
  }

  test('a path that only looks like one is kept (a gateway prefix)', () => {
    assert.deepEqual(parseBaseUrl('https://gw.example/v2api/'), { ok: true, baseUrl: 'https://gw.example/v2api' });
  });
});

test('the sandbox command reads SANDBOX_PORT alone: no target, so no credentials', () => {
  assert.deepEqual(loadSandboxPort({ SANDBOX_PORT: '9000', CAP_BASE_URL: 'https://eu.api.capillarytech.com' }), {
    ok: true,
    port: 9000,
  });
  assert.deepEqual(loadSandboxPort({ SANDBOX_PORT: 'x' }), {
    ok: false,
    errors: ['SANDBOX_PORT="x": must be a whole number from 0 to 65535'],
  });
});

const bad: [string, Env, RegExp][] = [
  ['a base URL that is not a URL', { CAP_BASE_URL: 'eu.api' }, /CAP_BASE_URL="eu.api": is not a URL/],
  ['a base URL of another scheme', { CAP_BASE_URL: 'ftp://x' }, /CAP_BASE_URL="ftp:\/\/x": must start with https/],
  ['a base URL with a query', { CAP_BASE_URL: 'https://x/?a=1' }, /must not have a query/],
  ['a non-numeric customer', { CAP_CUSTOMER_ID: 'abc' }, /CAP_CUSTOMER_ID="abc": must be a positive integer/],
  ['customer zero', { CAP_CUSTOMER_ID: '0' }, /CAP_CUSTOMER_ID="0"/],
  [
    'a customer beyond a long',
    { CAP_MISSING_CUSTOMER_ID: '9223372036854775808' },
    /CAP_MISSING_CUSTOMER_ID="9223372036854775808"/,
  ],
  ['the same id for both customers', { CAP_CUSTOMER_ID: '5', CAP_MISSING_CUSTOMER_ID: '5' }, /must differ from CAP_CUSTOMER_ID/],
  ['a timeout with units', { CAP_TIMEOUT_MS: '10s' }, /CAP_TIMEOUT_MS="10s": must be a whole number from 1 to 600000/],
  ['a zero timeout', { CAP_TIMEOUT_MS: '0' }, /CAP_TIMEOUT_MS="0"/],
  ['a 5xx accepted for 8015', { CAP_NOT_FOUND_STATUS: '404,500' }, /CAP_NOT_FOUND_STATUS="404,500": must not contain a 5xx/],
  [
    'a 401 accepted for 8015',
    { CAP_NOT_FOUND_STATUS: '200,401' },
    /CAP_NOT_FOUND_STATUS="200,401": must not contain 401: an authentication refusal \(401, 403, 407\) is never an accepted answer/,
  ],
  ['a 403 accepted for 8015', { CAP_NOT_FOUND_STATUS: '403,404' }, /CAP_NOT_FOUND_STATUS="403,404": must not contain 403: /],
  ['a 407 accepted for 8015', { CAP_NOT_FOUND_STATUS: '407' }, /CAP_NOT_FOUND_STATUS="407": must not contain 407: /],
  ['a status list with junk', { CAP_NOT_FOUND_STATUS: '404,abc' }, /CAP_NOT_FOUND_STATUS="404,abc": must be comma-separated/],
  [
    'degraded above budget',
    { CAP_LATENCY_BUDGET_MS: '500', CAP_LATENCY_DEGRADED_MS: '900' },
    /CAP_LATENCY_DEGRADED_MS="900": must not exceed/,
  ],
  ['a boolean that is not one', { CAP_PASSWORD_IS_MD5: 'maybe' }, /CAP_PASSWORD_IS_MD5="maybe": must be true or false/],
  ['a port out of range', { SANDBOX_PORT: '70000' }, /SANDBOX_PORT="70000"/],
];

describe('bad values are errors that name the variable and the value', () => {
  for (const [name, env, pattern] of bad) {
    test(name, () => assert.match(errors(env).join('\n'), pattern));
  }

  test('a base URL with credentials in it is refused without echoing them', () => {
    const e = errors({ CAP_BASE_URL: 'https://user:s3cret-pw@eu.api.capillarytech.com' }).join('\n');
    assert.match(e, /CAP_BASE_URL=\(value hidden\): must not contain credentials/);
    assert.doesNotMatch(e, /s3cret-pw/);
  });

  const hidden: [string, string][] = [
    ['credentials in a URL that does not parse', 'https://user:s3cret-pw@exa mple.com'],
    ['credentials with a port out of range', 'https://user:s3cret-pw@eu.api.capillarytech.com:99999'],
    ['credentials without a scheme', 'user:s3cret-pw@eu.api.capillarytech.com'],
  ];
  for (const [name, url] of hidden) {
    test(`a base URL with ${name} is refused without echoing it`, () => {
      const e = errors({ CAP_BASE_URL: url }).join('\n');
      assert.match(e, /CAP_BASE_URL=\(value hidden\)/);
      assert.doesNotMatch(e, /s3cret-pw/);
    });
  }

  test('an OAuth token that cannot travel in a header is refused, without showing it', () => {
    const e = errors({ CAP_OAUTH_TOKEN: 'tok\u00e9n-secret' }).join('\n');
    assert.match(e, /CAP_OAUTH_TOKEN=\(value hidden\): must be visible ASCII/);
    assert.doesNotMatch(e, /secret/);
  });

  test('every error is reported at once', () => {
    assert.equal(errors({ CAP_TIMEOUT_MS: 'x', CAP_CUSTOMER_ID: 'y' }).length, 2);
  });
});

test('valid values are taken', () => {
  const c = ok({
    CAP_CUSTOMER_ID: '000123',
    CAP_TIMEOUT_MS: '2500',
    CAP_NOT_FOUND_STATUS: ' 404 , 400 ',
    CAP_LATENCY_BUDGET_MS: '800',
    CAP_LATENCY_DEGRADED_MS: '200',
  });
  assert.equal(c.customerId, '123');
  assert.equal(c.timeoutMs, 2500);
  assert.deepEqual(c.notFoundStatuses, [404, 400]);
});

test('every authentication refusal in the list is named, and a 5xx is reported too', () => {
  const e = errors({ CAP_NOT_FOUND_STATUS: '401,403,407,503' }).join('\n');
  assert.match(e, /must not contain 401, 403, 407: an authentication refusal/);
  assert.match(e, /must not contain a 5xx/);
});

test('the targets file forbids the same authentication refusals as CAP_NOT_FOUND_STATUS', () => {
  const schema = JSON.parse(readFileSync(new URL('../../../../schemas/monitor-targets.schema.json', import.meta.url), 'utf8'));
  const items = schema.properties.targets.items.properties.notFoundStatuses.items;
  assert.deepEqual(items.not.enum, AUTH_REFUSAL_STATUSES);
  assert.equal(items.maximum, 499, 'and no 5xx');
});
