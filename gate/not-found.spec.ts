import { expectCheck, test } from './support/gate.ts';

test('an unknown customer (CAP_MISSING_CUSTOMER_ID) gets the documented 8015 error envelope', async ({ gate }) => {
  await expectCheck(gate, 'not_found');
});
