// One set of credential rules for every place credentials come from: the CAP_*
// variables (api.ts) and the variables a targets file names (resolveCredentialRefs
// below). Each source only says how to name a field in messages; the rules, and
// the promise that no message shows a credential's value, live here once.
import { Secret } from '../secret.ts';
import type { MonitorCredentialRefs } from '../types.generated.ts';
import { Reader, type Env } from './env.ts';

export type AuthConfig =
  | { kind: 'none' }
  | { kind: 'basic'; username: string; password: Secret; passwordIsMd5: boolean }
  | { kind: 'oauth-client'; key: string; secret: Secret }
  | { kind: 'oauth-token'; token: Secret };

export type CredentialResult = { ok: true; auth: AuthConfig } | { ok: false; errors: string[] };

/**
 * Raw credential values, trimmed. `undefined`: not given. `null`: given (a targets file names a
 * variable) but without a usable value; the caller reports why, and no AuthConfig comes back.
 */
export interface CredentialValues {
  username?: string | null;
  password?: string | null;
  passwordIsMd5?: boolean;
  oauthKey?: string | null;
  oauthSecret?: string | null;
  oauthToken?: string | null;
}

export type CredentialField = keyof CredentialValues;

/** How messages name each field: CAP_PASSWORD, or $.targets[0].auth.passwordEnv (EU_PASSWORD). */
export type CredentialNames = Record<CredentialField, string>;

const SCHEMES = [
  ['username', 'password'],
  ['oauthKey', 'oauthSecret'],
  ['oauthToken'],
] as const satisfies readonly (readonly CredentialField[])[];

function listed(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Turn raw values into an AuthConfig, or every problem at once. No message contains a value. */
export function credentialsFrom(values: CredentialValues, names: CredentialNames): CredentialResult {
  const given = (field: CredentialField) => values[field] !== undefined;
  const schemes = SCHEMES.map((fields) => fields.filter(given)).filter((fields) => fields.length > 0);
  if (schemes.length > 1) {
    const groups = schemes.map((fields) => fields.map((f) => names[f]).join('/'));
    return {
      ok: false,
      errors: [
        `${listed(groups)}: set one kind of credentials (Basic, an OAuth client key and secret, or an OAuth token), not ${schemes.length === 2 ? 'both' : 'all three'}`,
      ],
    };
  }

  const errors: string[] = [];
  // Values are hidden even where they are not secret: a user name with ":" is
  // typically "user:password" pasted into the wrong place.
  const bad = (field: CredentialField, problem: string) => errors.push(`${names[field]}=(value hidden): ${problem}`);
  const pair = (a: CredentialField, b: CredentialField) => {
    if (given(a) && !given(b)) errors.push(`${names[b]}: is required when ${names[a]} is set`);
    if (given(b) && !given(a)) errors.push(`${names[a]}: is required when ${names[b]} is set`);
  };
  const { username, password, oauthKey, oauthSecret, oauthToken } = values;
  const passwordIsMd5 = values.passwordIsMd5 ?? false;

  pair('username', 'password');
  pair('oauthKey', 'oauthSecret');
  if (passwordIsMd5 && !given('username') && !given('password')) {
    errors.push(`${names.passwordIsMd5}: only applies with ${names.password}`);
  }
  if (username?.includes(':')) bad('username', 'must not contain ":" (Basic auth separator)');
  if (passwordIsMd5 && typeof password === 'string' && !/^[0-9a-fA-F]{32}$/.test(password)) {
    bad('password', `must be 32 hex characters when ${names.passwordIsMd5} is true`);
  }
  // Sent as a header value: anything but visible ASCII would make the request itself invalid.
  if (typeof oauthToken === 'string' && !/^[\x21-\x7e]+$/.test(oauthToken)) {
    bad('oauthToken', 'must be visible ASCII characters only (it is sent as a header)');
  }

  if (errors.length > 0) return { ok: false, errors };
  if (typeof username === 'string' && typeof password === 'string') {
    return { ok: true, auth: { kind: 'basic', username, password: new Secret(password), passwordIsMd5 } };
  }
  if (typeof oauthKey === 'string' && typeof oauthSecret === 'string') {
    return { ok: true, auth: { kind: 'oauth-client', key: oauthKey, secret: new Secret(oauthSecret) } };
  }
  if (typeof oauthToken === 'string') return { ok: true, auth: { kind: 'oauth-token', token: new Secret(oauthToken) } };
  // Here a field was null: the caller holds the reason.
  if (SCHEMES.flat().some(given)) return { ok: false, errors };
  return { ok: true, auth: { kind: 'none' } };
}

/** Credentials by reference (schemas/monitor-targets.schema.json): each *Env field names an environment variable. */
export type CredentialRefs = MonitorCredentialRefs;

/**
 * Resolve a targets file's credential references to an AuthConfig. `where` is the JSON path of the
 * refs in the file ($.targets[0].auth), so errors name the field and the variable, never a value.
 * An empty object means no credentials.
 */
export function resolveCredentialRefs(refs: CredentialRefs, where = '$.auth', env: Env = process.env): CredentialResult {
  const errors: string[] = [];
  const reader = new Reader(env);
  const read = (field: 'usernameEnv' | 'passwordEnv' | 'oauthKeyEnv' | 'oauthSecretEnv' | 'oauthTokenEnv') => {
    const name = refs[field];
    if (name === undefined) return undefined;
    const v = reader.named(name);
    if (v !== undefined) return v;
    errors.push(`${where}.${field}: environment variable ${name} is not set`);
    return null;
  };
  const label = (field: keyof CredentialRefs, fallback = `${where}.${field}`) =>
    typeof refs[field] === 'string' ? `${where}.${field} (${refs[field]})` : fallback;

  if (refs.username !== undefined && refs.usernameEnv !== undefined) {
    errors.push(`${where}: give username or usernameEnv, not both`);
  }
  const names: CredentialNames = {
    username: refs.username !== undefined ? `${where}.username` : label('usernameEnv', `${where}.usernameEnv (or username)`),
    password: label('passwordEnv'),
    passwordIsMd5: `${where}.passwordIsMd5`,
    oauthKey: label('oauthKeyEnv'),
    oauthSecret: label('oauthSecretEnv'),
    oauthToken: label('oauthTokenEnv'),
  };
  const result = credentialsFrom(
    {
      username: refs.username ?? read('usernameEnv'),
      password: read('passwordEnv'),
      passwordIsMd5: refs.passwordIsMd5,
      oauthKey: read('oauthKeyEnv'),
      oauthSecret: read('oauthSecretEnv'),
      oauthToken: read('oauthTokenEnv'),
    },
    names,
  );
  if (!result.ok) return { ok: false, errors: [...errors, ...result.errors] };
  if (errors.length > 0) return { ok: false, errors };
  return result;
}
