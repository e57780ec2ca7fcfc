import { validateResponse } from '../../src/validate.ts';
import { trackersPath } from '../../src/client.ts';
import { expect, expectJsonBody, expectValid, get, test } from './support/gate.ts';

const NOT_FOUND_CODE = 8015;

test('an unknown customer (CAP_MISSING_CUSTOMER_ID) gets the documented 8015 error envelope', async ({ request, gate }) => {
  const { config } = gate;
  const call = await get(request, gate, trackersPath(config.missingCustomerId), await gate.authHeaders());
  expect(call.status, `GET ${call.path}: HTTP ${call.status} is a server error: an unknown customer must get 8015`).toBeLessThan(
    500,
  );
  expect(
    config.notFoundStatuses,
    `GET ${call.path}: HTTP ${call.status} is not an accepted status for 8015 (CAP_NOT_FOUND_STATUS=${config.notFoundStatuses.join(',')})`,
  ).toContain(call.status);
  expectJsonBody(call);
  expectValid(
    validateResponse(call.body, { expect: 'error', errorCode: NOT_FOUND_CODE }),
    `customer ${config.missingCustomerId} (unknown)`,
  );
  const first = (call.body as { errors: { code: number; status: boolean; message: string }[] }).errors[0]!;
  expect(first.message, '$.errors[0].message').toBe('Customer not found for the given identifiers');
});
