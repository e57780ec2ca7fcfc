// The auth check: a provider that serves tracker data without valid credentials
// is a security regression, and no body validation would see it. Each attempt
// must be refused with 401 or 403 and carry no tracker.
import { OAUTH_TOKEN_HEADER, basicAuthHeader, md5Hex } from '../auth.ts';
import { trackersPath, type ClientResult, type RequestOptions, type TrackersClient } from '../client.ts';
import {
  combine,
  ms,
  serverSays,
  stepOf,
  trackersIn,
  transportFailure,
  type CheckResult,
  type CheckSettings,
  type Reason,
} from './result.ts';
import type { RunOptions } from './trackers.ts';

export interface AuthAttempt {
  /** For people: "no credentials", "a wrong password". */
  name: string;
  /** The request's credentials instead of the configured ones. */
  request: Pick<RequestOptions, 'auth' | 'authHeaders'>;
}

// Used when no user is configured (OAuth, or none): any well-formed Basic header must still be refused.
export const PROBE_USER = 'trackers-contract-auth-check';
/** The OAuth token the check sends as an invalid one; reproduce.sh sends it again. */
export const INVALID_TOKEN = 'trackers-contract-invalid-token';

/** An md5 that is not the configured password's: the header stays well formed, only the secret is wrong. */
function otherMd5(settings: CheckSettings): string {
  const wrong = md5Hex('trackers-contract: a wrong password');
  if (settings.auth.kind !== 'basic') return wrong;
  const real = settings.auth.passwordIsMd5
    ? settings.auth.password.reveal().toLowerCase()
    : md5Hex(settings.auth.password.reveal());
  return real === wrong ? md5Hex('trackers-contract: another wrong password') : wrong;
}

/**
 * The attempts: no credentials, and a wrong secret of the configured kind (a Basic header for the
 * configured user with another md5; with OAuth, an invalid token). `thorough` (the gate) adds the
 * other kind and the plain password sent where its md5 belongs, as curl -u would.
 */
export function authAttempts(settings: CheckSettings, thorough = false): AuthAttempt[] {
  const user = settings.auth.kind === 'basic' ? settings.auth.username : PROBE_USER;
  const wrongBasic: AuthAttempt = {
    name: 'a wrong password',
    request: { authHeaders: { Authorization: basicAuthHeader(user, otherMd5(settings), true) } },
  };
  const wrongToken: AuthAttempt = {
    name: 'an invalid OAuth token',
    request: { authHeaders: { [OAUTH_TOKEN_HEADER]: INVALID_TOKEN } },
  };
  const none: AuthAttempt = { name: 'no credentials', request: { auth: 'none' } };
  const oauth = settings.auth.kind === 'oauth-client' || settings.auth.kind === 'oauth-token';
  const attempts = [none, oauth ? wrongToken : wrongBasic];
  if (thorough) {
    attempts.push(oauth ? wrongBasic : wrongToken, {
      name: 'the plain password instead of its md5',
      request: { authHeaders: { Authorization: `Basic ${Buffer.from(`${user}:not-an-md5`).toString('base64')}` } },
    });
  }
  return attempts;
}

/** Judge one attempt: refused (401/403) with no tracker data passes. */
export function judgeAuthAttempt(attempt: AuthAttempt, r: ClientResult, title: string) {
  const transport = transportFailure(r);
  // A body we could not read still came with a status: judge the status, not the body.
  if (transport && r.status === undefined) return stepOf(title, r, transport.reason, transport.message);
  const status = r.status!;
  const data = trackersIn(r.body);
  const took = ms(r.timings.totalMs);
  let reason: Reason | undefined;
  let message: string;
  if (data > 0) {
    reason = 'auth_not_enforced';
    message = `HTTP ${status} with ${data} tracker(s): served tracker data without valid credentials`;
  } else if (status === 401 || status === 403) {
    message = `refused: HTTP ${status}, no tracker data, ${took}`;
  } else if (status >= 500) {
    reason = 'http_5xx';
    message = `HTTP ${status}${serverSays(r.body)}, expected 401 or 403, after ${took}`;
  } else if (status >= 200 && status < 300) {
    reason = 'auth_not_enforced';
    message = `HTTP ${status}: accepted without valid credentials (expected 401 or 403)`;
  } else {
    reason = status >= 400 && status < 500 ? 'http_4xx' : 'unexpected_status';
    message = `HTTP ${status}${serverSays(r.body)}, expected 401 or 403, after ${took}`;
  }
  return stepOf(title, r, reason, message);
}

export async function checkAuth(
  client: TrackersClient,
  settings: CheckSettings,
  options: RunOptions & { thorough?: boolean } = {},
): Promise<CheckResult> {
  const path = trackersPath(settings.customerId);
  const steps = [];
  // One at a time: a rate limiter must not see a burst, and the order is the report's.
  for (const attempt of authAttempts(settings, options.thorough)) {
    const r = await client.getTrackers(settings.customerId, { headers: options.headers, ...attempt.request });
    steps.push(judgeAuthAttempt(attempt, r, `GET ${path} with ${attempt.name}`));
  }
  return combine('auth', steps, `every request without valid credentials was refused (${steps.length} attempts)`);
}
