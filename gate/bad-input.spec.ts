import { expectCheck, test } from './support/gate.ts';

// customerId is documented as an integer: every malformed id of the check's table
// (src/checks/bad-input.ts) must get a 4xx JSON error envelope, never a 5xx or
// data. One request per id, each a step; the failure names the first id that broke.
test('malformed customerIds get a 4xx JSON error, never a 5xx or data', async ({ gate }) => {
  await expectCheck(gate, 'bad_input');
});
