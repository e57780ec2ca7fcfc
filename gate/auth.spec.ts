import { expectCheck, test } from './support/gate.ts';

// A provider that serves tracker data without valid credentials is a security regression. The gate
// tries more than the monitor does: both credential kinds, and the plain password where its md5 belongs.
test('requests without valid credentials are refused (401 or 403) and get no tracker data', async ({ gate }) => {
  await expectCheck(gate, 'auth', { thorough: true });
});
