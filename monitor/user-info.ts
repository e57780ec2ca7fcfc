// A service URL's user info (PROMETHEUS_URL, --alertmanager-url) travels as a Basic Authorization
// header: fetch() refuses a URL that carries it, and the URL without it is safe in an error.
import type { Secret } from '../src/secret.ts';

export interface SplitUrl {
  /** The URL without user info or trailing slash. */
  base: string;
  /** `Basic …` when the URL had user info. */
  authorization?: string;
}

export function splitUserInfo(url: Secret): SplitUrl {
  const parsed = new URL(url.reveal());
  let authorization: string | undefined;
  if (parsed.username || parsed.password) {
    const pair = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
    authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
    parsed.username = '';
    parsed.password = '';
  }
  const base = parsed.href.replace(/\/+$/, '');
  return authorization === undefined ? { base } : { base, authorization };
}
