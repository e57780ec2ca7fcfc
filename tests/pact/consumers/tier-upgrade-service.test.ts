// The tier-upgrade-service's contract with Capillary, written by driving the
// service's real client module against Pact's mock server. It pins what the
// upgrade decision reads (id, conditionId, type, value, the period dates), and
// nothing else.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { MatchersV3 } from '@pact-foundation/pact';
import { createClient } from '../../../src/client.ts';
import { TIER_UPGRADE_SERVICE, checkUpgrade } from './tier-upgrade-service.ts';
import { STATES } from '../../../src/pact/contracts.ts';
import { Secret } from '../../../src/secret.ts';
import {
  EXAMPLE_CUSTOMER_ID,
  basicAuthorization,
  consumerPact,
  isoDateTime,
  jsonContentType,
  trackersPathFor,
} from '../support/consumer-pact.ts';

const { eachLike, integer, number, string } = MatchersV3;

const { pact, publish } = consumerPact(TIER_UPGRADE_SERVICE);
after(publish);

// The service signs in with Capillary's Basic scheme; these credentials exist only for the mock server.
const serviceClient = (baseUrl: string) =>
  createClient({
    baseUrl,
    auth: {
      kind: 'basic',
      username: 'tier-upgrade-service',
      password: new Secret('consumer-test-password'),
      passwordIsMd5: false,
    },
    timeoutMs: 5000,
  });

describe(`${TIER_UPGRADE_SERVICE} reads Capillary's customer trackers`, () => {
  test('upgrades a customer whose tracker of the rule type reached the threshold in its current period', async () => {
    await pact
      .addInteraction()
      .given(STATES.hasTrackers)
      .uponReceiving('a request for the trackers that decide a tier upgrade')
      .withRequest('GET', trackersPathFor(EXAMPLE_CUSTOMER_ID), (req) => req.headers({ Authorization: basicAuthorization }))
      .willRespondWith(200, (res) =>
        res.headers(jsonContentType).jsonBody({
          data: eachLike({
            id: integer(9737),
            conditionId: integer(479),
            type: string('BILL_AMOUNT'),
            value: number(2400),
            periodStartDate: isoDateTime('2023-12-07T00:00:00Z'),
            periodEndDate: isoDateTime('2024-12-31T23:59:59Z'),
          }),
        }),
      )
      .executeTest(async (mock) => {
        const client = serviceClient(mock.url);
        const decision = await checkUpgrade(
          client,
          EXAMPLE_CUSTOMER_ID,
          { trackerType: 'BILL_AMOUNT', threshold: 2000 },
          Date.parse('2024-06-01T00:00:00Z'),
        );
        client.close();
        assert.deepEqual(decision, { kind: 'upgrade', because: { id: 9737, conditionId: 479, value: 2400 } });
      });
  });
});
