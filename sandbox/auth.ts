// Capillary's two authentication schemes, as the sandbox enforces them.
// Basic is Capillary's own variant: base64(username + ':' + md5hex(password)), so
// a client that sends the plain password (curl -u) is refused, as in production.
// OAuth: POST /v3/oauth/token/generate trades a key/secret for a token that is
// then sent as X-CAP-API-OAUTH-TOKEN.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const OAUTH_TOKEN_PATH = '/v3/oauth/token/generate';
export const OAUTH_TOKEN_HEADER = 'x-cap-api-oauth-token';
export const WWW_AUTHENTICATE = 'Basic realm="capillary"';

export const DEFAULT_USERS: Readonly<Record<string, string>> = { sandbox_user: 'sandbox_password' };
export const DEFAULT_OAUTH_CLIENTS: Readonly<Record<string, string>> = { sandbox_key: 'sandbox_secret' };
export const DEFAULT_TOKEN_TTL_SECONDS = 3600;

// Issued tokens are bounded so a load test that asks for a token per request cannot grow memory without end.
const MAX_LIVE_TOKENS = 10_000;

// md5Hex and basicAuthHeader repeat src/auth.ts on purpose: the double must not share
// the code under test, or a wrong header would be accepted by the very code that built it.
export function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

/** The Authorization header Capillary expects for these credentials. */
export function basicAuthHeader(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${md5Hex(password)}`, 'utf8').toString('base64')}`;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Constant-time string equality: hashing first gives equal lengths, so neither content nor length leaks. */
export function safeEqual(a: string, b: string): boolean {
  return timingSafeEqual(sha256(a), sha256(b));
}

export interface AuthOptions {
  users: Readonly<Record<string, string>>;
  oauthClients: Readonly<Record<string, string>>;
  tokenTtlSeconds: number;
  now: () => number;
}

export type TokenIssue = { ok: true; accessToken: string; ttlSeconds: number } | { ok: false };

export interface Authenticator {
  /** Trade an OAuth client key/secret for a token. */
  issueToken(key: string, secret: string): TokenIssue;
  /** Whether the request carries valid Basic credentials or a live OAuth token. */
  authenticate(headers: IncomingHttpHeaders): boolean;
}

export function createAuthenticator(options: AuthOptions): Authenticator {
  // Maps, not the option objects: a username like "__proto__" must not reach Object.prototype.
  const passwordHashes = new Map(Object.entries(options.users).map(([user, password]) => [user, md5Hex(password)]));
  const clients = new Map(Object.entries(options.oauthClients));
  // Keyed by the token's hash, so the map lookup's timing says nothing about a guessed token.
  const tokens = new Map<string, number>();
  const tokenKey = (token: string) => sha256(token).toString('hex');

  // Unknown names still pay for one comparison, so timing does not reveal which names exist.
  const checkAgainst = (expected: string | undefined, given: string) =>
    safeEqual(expected ?? '\u0000unknown', given) && expected !== undefined;

  function dropExpired(now: number): void {
    // Insertion order is expiry order (one TTL for all), so expired tokens sit at the front.
    for (const [key, expiresAt] of tokens) {
      if (expiresAt > now) break;
      tokens.delete(key);
    }
  }

  function basicOk(header: string): boolean {
    const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header);
    if (!match) return false;
    const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return false;
    // Capillary sends the md5 in lowercase hex; anything else (a plain password, uppercase hex) is refused.
    return checkAgainst(passwordHashes.get(decoded.slice(0, colon)), decoded.slice(colon + 1));
  }

  function tokenOk(token: string): boolean {
    const key = tokenKey(token);
    const expiresAt = tokens.get(key);
    if (expiresAt === undefined) return false;
    if (options.now() >= expiresAt) {
      tokens.delete(key);
      return false;
    }
    return true;
  }

  return {
    issueToken(key, secret) {
      if (!checkAgainst(clients.get(key), secret)) return { ok: false };
      const now = options.now();
      dropExpired(now);
      if (tokens.size >= MAX_LIVE_TOKENS) tokens.delete(tokens.keys().next().value!);
      const accessToken = randomBytes(24).toString('base64url');
      tokens.set(tokenKey(accessToken), now + options.tokenTtlSeconds * 1000);
      return { ok: true, accessToken, ttlSeconds: options.tokenTtlSeconds };
    },
    authenticate(headers) {
      const token = headers[OAUTH_TOKEN_HEADER];
      if (typeof token === 'string' && token !== '' && tokenOk(token)) return true;
      const authorization = headers.authorization;
      return typeof authorization === 'string' && basicOk(authorization);
    },
  };
}
