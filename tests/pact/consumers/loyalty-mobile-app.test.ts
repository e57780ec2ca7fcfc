// The loyalty-mobile-app's contract with Capillary, written by driving the app's
// real client module against Pact's mock server. It pins what the screen shows
// (name, type, value, period end of each tracker) and the 8015 "no profile"
// answer, and nothing else.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { MatchersV3 } from '@pact-foundation/pact';
import { OAUTH_TOKEN_HEADER } from '../../../src/auth.ts';
import { createClient } from '../../../src/client.ts';
import { CUSTOMER_NOT_FOUND, LOYALTY_MOBILE_APP, NO_PROFILE_STATUSES, loadLoyaltyScreen } from './loyalty-mobile-app.ts';
import { STATES } from '../../../src/pact/contracts.ts';
import { Secret } from '../../../src/secret.ts';
import {
  EXAMPLE_CUSTOMER_ID,
  EXAMPLE_MISSING_CUSTOMER_ID,
  consumerPact,
  jsonContentType,
  equalAt,
  isoDateTime,
  oauthToken,
  statusIn,
  trackersPathFor,
} from '../support/consumer-pact.ts';

const { eachLike, atLeastOneLike, number, string } = MatchersV3;

const { pact, publish } = consumerPact(LOYALTY_MOBILE_APP);
after(publish);

// The app signs in with an OAuth token; this one exists only for the mock server.
const appClient = (baseUrl: string) =>
  createClient({ baseUrl, auth: { kind: 'oauth-token', token: new Secret('consumer-test-token') }, timeoutMs: 5000 });

describe(`${LOYALTY_MOBILE_APP} reads Capillary's customer trackers`, () => {
  test('shows the name, type, current value and period end of each tracker', async () => {
    await pact
      .addInteraction()
      .given(STATES.hasTrackers)
      .uponReceiving('a request for the trackers shown on the loyalty screen')
      .withRequest('GET', trackersPathFor(EXAMPLE_CUSTOMER_ID), (req) => req.headers({ [OAUTH_TOKEN_HEADER]: oauthToken }))
      .willRespondWith(200, (res) =>
        res.headers(jsonContentType).jsonBody({
          data: eachLike({
            name: string('Transaction Amount tracker'),
            type: string('BILL_AMOUNT'),
            value: number(2400),
            periodEndDate: isoDateTime('2024-12-31T23:59:59Z'),
          }),
        }),
      )
      .executeTest(async (mock) => {
        const client = appClient(mock.url);
        const screen = await loadLoyaltyScreen(client, EXAMPLE_CUSTOMER_ID);
        client.close();
        assert.deepEqual(screen, {
          kind: 'trackers',
          rows: [{ name: 'Transaction Amount tracker', type: 'BILL_AMOUNT', value: 2400, periodEnd: '2024-12-31T23:59:59Z' }],
        });
      });
  });

  // The docs do not say which HTTP status comes with 8015: the app accepts any of
  // NO_PROFILE_STATUSES with the 8015 body, and the contract says exactly that with
  // a V4 status-code rule (the 404 below is only the example the mock server sends).
  test('shows "no loyalty profile" when Capillary answers 8015 for the customer', async () => {
    await pact
      .addInteraction()
      .given(STATES.doesNotExist)
      .uponReceiving('a request for the trackers of a customer without a loyalty profile (8015; HTTP status 200, 400 or 404)')
      .withRequest('GET', trackersPathFor(EXAMPLE_MISSING_CUSTOMER_ID), (req) =>
        req.headers({ [OAUTH_TOKEN_HEADER]: oauthToken }),
      )
      .willRespondWith(404, (res) => {
        res.headers(jsonContentType).jsonBody({ errors: atLeastOneLike({ status: false, code: CUSTOMER_NOT_FOUND }) });
        // The app reads errors[0] only: that item is pinned exactly, any others just by type.
        res.matchingRules({ ...statusIn(NO_PROFILE_STATUSES), ...equalAt('$.errors[0].status', '$.errors[0].code') });
      })
      .executeTest(async (mock) => {
        const client = appClient(mock.url);
        const screen = await loadLoyaltyScreen(client, EXAMPLE_MISSING_CUSTOMER_ID);
        client.close();
        assert.deepEqual(screen, { kind: 'no-profile' });
      });
  });
});
