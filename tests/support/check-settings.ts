// Check settings for the sandbox's two customers (the one it knows, the one it does not), with
// latency never judged: a minute's budget, so a loaded machine's slow answer cannot decide a test
// about something else.
import type { CheckSettings } from '../../src/checks/result.ts';
import { SANDBOX_PASSWORD, SANDBOX_USERNAME } from '../../src/config/api.ts';
import type { AuthConfig } from '../../src/config/credentials.ts';
import { Secret } from '../../src/secret.ts';

/** The Basic credentials a sandbox created without users accepts. */
export const SANDBOX_BASIC_AUTH: AuthConfig = {
  kind: 'basic',
  username: SANDBOX_USERNAME,
  password: new Secret(SANDBOX_PASSWORD),
  passwordIsMd5: false,
};

export function sandboxCheckSettings(
  auth: AuthConfig = SANDBOX_BASIC_AUTH,
  overrides: Partial<CheckSettings> = {},
): CheckSettings {
  return {
    customerId: '98662653',
    missingCustomerId: '99999999',
    notFoundStatuses: [404],
    latencyBudgetMs: 60_000,
    latencyDegradedMs: 60_000,
    auth,
    ...overrides,
  };
}
