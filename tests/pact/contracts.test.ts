// The committed contracts themselves: they hold no credential, host or cookie
// (in particular none from the docs' example request), they are V4 pacts with
// the provider's name, the customer in every path comes from a provider state,
// and each consumer's contract pins exactly the fields that consumer reads.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { OAUTH_TOKEN_HEADER, basicAuthHeader, md5Hex } from '../../src/auth.ts';
import { SANDBOX_PASSWORD, SANDBOX_USERNAME } from '../../src/config/api.ts';
import {
  CUSTOMER_NOT_FOUND,
  LOYALTY_APP_READS,
  LOYALTY_MOBILE_APP,
  NO_PROFILE_STATUSES,
} from './consumers/loyalty-mobile-app.ts';
import { TIER_SERVICE_READS, TIER_UPGRADE_SERVICE } from './consumers/tier-upgrade-service.ts';
import { CONTRACTS_DIR, PROVIDER, STATES, TRACKERS_PATH_EXPRESSION, pactFileName } from '../../src/pact/contracts.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- pact files are read as plain JSON */
const files = readdirSync(CONTRACTS_DIR).filter((f) => f.endsWith('.json'));
const text = (name: string) => readFileSync(join(CONTRACTS_DIR, name), 'utf8');
const pact = (name: string): any => JSON.parse(text(name));

// From the docs' example request (curl with a real-looking Basic header and a Cloudflare cookie), and the sandbox's credentials.
const FORBIDDEN = [
  'dGVzdF9kaXZ5YTEymY2OWZmZmRkYg',
  'test_divya',
  '_cfuvid',
  'PoDtDQ1VoNKSRCHB28EvVnQtadvWLBEsH2CBKuDvxHo',
  'capillarytech.com',
  'eu.api',
  SANDBOX_PASSWORD,
  md5Hex(SANDBOX_PASSWORD),
  basicAuthHeader(SANDBOX_USERNAME, SANDBOX_PASSWORD).slice('Basic '.length),
  'sandbox_secret',
  '://',
  '127.0.0.1',
  'localhost',
];

describe('the committed contracts', () => {
  test('are exactly one per consumer, named <consumer>-<provider>.json', () => {
    assert.deepEqual(files.sort(), [pactFileName(LOYALTY_MOBILE_APP), pactFileName(TIER_UPGRADE_SERVICE)].sort());
  });

  for (const name of files) {
    describe(name, () => {
      test('holds no credential, host name or cookie', () => {
        const body = text(name);
        for (const s of FORBIDDEN)
          assert.ok(!body.toLowerCase().includes(s.toLowerCase()), `${name} contains ${JSON.stringify(s)}`);
        assert.doesNotMatch(body, /"cookie"/i, `${name} has a Cookie header`);
      });

      test('matches credentials by shape only: a regex rule on every auth header, a placeholder example', () => {
        for (const i of pact(name).interactions) {
          const headers = Object.keys(i.request.headers ?? {});
          const auth = headers.filter((h) => ['authorization', OAUTH_TOKEN_HEADER.toLowerCase()].includes(h.toLowerCase()));
          assert.equal(auth.length, 1, `${i.description}: one credential header`);
          const rule = i.request.matchingRules?.header?.[auth[0]!]?.matchers?.[0];
          assert.equal(rule?.match, 'regex', `${i.description}: ${auth[0]} is matched by a regex`);
          const example: string = i.request.headers[auth[0]!][0];
          assert.match(example, new RegExp(rule.regex));
          if (example.startsWith('Basic '))
            assert.match(Buffer.from(example.slice(6), 'base64').toString(), /^example_user:0{32}$/);
          else assert.equal(example, 'example-oauth-token');
        }
      });

      test('is a V4 pact with the provider, every path from a provider state the verifier knows', () => {
        const doc = pact(name);
        assert.equal(doc.metadata.pactSpecification.version, '4.0');
        assert.equal(doc.provider.name, PROVIDER);
        for (const i of doc.interactions) {
          assert.equal(i.type, 'Synchronous/HTTP');
          assert.deepEqual(i.request.generators?.path, { expression: TRACKERS_PATH_EXPRESSION, type: 'ProviderState' });
          for (const s of i.providerStates) assert.ok(Object.values<string>(STATES).includes(s.name), `unknown state ${s.name}`);
        }
      });
    });
  }

  const pinnedTrackerFields = (consumer: string): string[] => {
    const fields = new Set<string>();
    for (const i of pact(pactFileName(consumer)).interactions) {
      for (const path of Object.keys(i.response.matchingRules?.body ?? {})) {
        const m = /^\$\.data\[\*\]\.(\w+)$/.exec(path);
        if (m) fields.add(m[1]!);
      }
      for (const t of i.response.body?.content?.data ?? []) for (const k of Object.keys(t)) fields.add(k);
    }
    return [...fields].sort();
  };

  test('the loyalty app pins exactly what its screen shows: name, type, value, periodEndDate', () => {
    assert.deepEqual(pinnedTrackerFields(LOYALTY_MOBILE_APP), [...LOYALTY_APP_READS].sort());
  });

  test('the tier service pins exactly what its decision reads: id, conditionId, type, value and the period dates', () => {
    assert.deepEqual(pinnedTrackerFields(TIER_UPGRADE_SERVICE), [...TIER_SERVICE_READS].sort());
  });

  test('the 8015 answer pins errors[0] exactly and accepts the statuses the app accepts', () => {
    const i = pact(pactFileName(LOYALTY_MOBILE_APP)).interactions.find(
      (x: any) => x.providerStates[0].name === STATES.doesNotExist,
    );
    assert.deepEqual(i.response.body.content.errors[0], { code: CUSTOMER_NOT_FOUND, status: false });
    for (const path of ['$.errors[0].code', '$.errors[0].status'])
      assert.equal(i.response.matchingRules.body[path].matchers[0].match, 'equality');
    assert.deepEqual(i.response.matchingRules.status.$.matchers, [{ match: 'statusCode', status: [...NO_PROFILE_STATUSES] }]);
  });
});
