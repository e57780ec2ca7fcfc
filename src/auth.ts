// Capillary's credentials, turned into request headers. No HTTP here: the token
// endpoint is called through the client, which hands this module a fetcher.
import { createHash } from 'node:crypto';
import { systemClock, type Clock } from './clock.ts';
import type { AuthConfig } from './config/credentials.ts';

export const OAUTH_TOKEN_HEADER = 'X-CAP-API-OAUTH-TOKEN';
export const OAUTH_TOKEN_PATH = '/v3/oauth/token/generate';

export function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

/** Capillary's Basic scheme: base64(username:md5(password)), not the plain password. */
export function basicAuthHeader(username: string, password: string, passwordIsMd5 = false): string {
  const hashed = passwordIsMd5 ? password.toLowerCase() : md5Hex(password);
  return `Basic ${Buffer.from(`${username}:${hashed}`, 'utf8').toString('base64')}`;
}

export interface IssuedToken {
  accessToken: string;
  ttlSeconds: number;
}

export type TokenFetch = () => Promise<{ ok: true; token: IssuedToken } | { ok: false; message: string }>;

export type AuthHeaders = { ok: true; headers: Record<string, string>; generated: boolean } | { ok: false; message: string };

/**
 * Gives the headers for the configured credentials. A generated OAuth token is
 * cached until shortly before it expires; concurrent callers share one fetch.
 * Its age is the clock's monotonic time: a ttl is a duration, and a wall clock
 * set back must not keep an expired token alive.
 */
export class AuthProvider {
  #cached: { token: string; refreshAt: number } | undefined;
  #inFlight: Promise<AuthHeaders> | undefined;

  constructor(
    private readonly auth: AuthConfig,
    private readonly fetchToken: TokenFetch,
    private readonly clock: Pick<Clock, 'now'> = systemClock,
  ) {}

  /** Forget a generated token (after a 401), so the next call fetches a fresh one. */
  invalidate(): void {
    this.#cached = undefined;
  }

  async headers(): Promise<AuthHeaders> {
    const auth = this.auth;
    switch (auth.kind) {
      case 'none':
        return { ok: true, headers: {}, generated: false };
      case 'basic':
        return {
          ok: true,
          headers: { Authorization: basicAuthHeader(auth.username, auth.password.reveal(), auth.passwordIsMd5) },
          generated: false,
        };
      case 'oauth-token':
        return { ok: true, headers: { [OAUTH_TOKEN_HEADER]: auth.token.reveal() }, generated: false };
      case 'oauth-client': {
        if (this.#cached && this.clock.now() < this.#cached.refreshAt) {
          return { ok: true, headers: { [OAUTH_TOKEN_HEADER]: this.#cached.token }, generated: true };
        }
        this.#inFlight ??= this.#generate().finally(() => (this.#inFlight = undefined));
        return this.#inFlight;
      }
    }
  }

  async #generate(): Promise<AuthHeaders> {
    const got = await this.fetchToken();
    if (!got.ok) return got;
    const ttlMs = got.token.ttlSeconds * 1000;
    // Renew before expiry: a tenth of the lifetime early, at most a minute early.
    const margin = Math.min(60_000, ttlMs / 10);
    this.#cached = { token: got.token.accessToken, refreshAt: this.clock.now() + ttlMs - margin };
    return { ok: true, headers: { [OAUTH_TOKEN_HEADER]: got.token.accessToken }, generated: true };
  }
}
