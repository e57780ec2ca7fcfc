// Basic auth against the web-config's bcrypt users, as exporter-toolkit does it.
// bcrypt is slow on purpose (tens of ms in pure JS), and Prometheus scrapes every
// few seconds with the same credentials, so a verified (user, password) pair is
// remembered by its SHA-256 for a while; nothing of the password is kept.
// An unknown user costs a bcrypt comparison too, so timing does not tell which
// user names exist.
import { createHash } from 'node:crypto';
import bcrypt from 'bcryptjs';

const CACHE_MAX = 64;
const CACHE_TTL_MS = 5 * 60_000;
// A valid hash of a random password nobody knows, compared against for unknown users. Made on first
// use, not at import: hashing costs ~80 ms, which every monitor start paid, basic auth or not.
let dummyHash: string | undefined;
const dummy = () => (dummyHash ??= bcrypt.hashSync(createHash('sha256').update(String(Math.random())).digest('hex'), 10));

export interface BasicAuth {
  /** True when the Authorization header names a configured user with the right password. */
  verify(header: string | undefined): Promise<boolean>;
}

function parseBasic(header: string | undefined): { user: string; password: string } | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function createBasicAuth(users: ReadonlyMap<string, string>, now: () => number = Date.now): BasicAuth {
  const verified = new Map<string, number>();
  return {
    async verify(header) {
      const creds = parseBasic(header);
      if (!creds) return false;
      // Looked up by digest, so the map's timing says nothing about the password.
      const key = createHash('sha256').update(`${creds.user}\u0000${creds.password}`).digest('hex');
      const until = verified.get(key);
      if (until !== undefined && until > now()) return true;
      verified.delete(key);
      const hash = users.get(creds.user);
      const ok = await bcrypt.compare(creds.password, hash ?? dummy());
      if (!ok || hash === undefined) return false;
      if (verified.size >= CACHE_MAX) verified.delete(verified.keys().next().value!);
      verified.set(key, now() + CACHE_TTL_MS);
      return true;
    },
  };
}
