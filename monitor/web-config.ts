// --web.config.file: the exporter-toolkit web configuration that Prometheus,
// blackbox_exporter and every exporter read (github.com/prometheus/exporter-toolkit
// docs/web-configuration.md), so one file format protects the whole stack:
//
//   tls_server_config: { cert_file, key_file }     HTTPS instead of HTTP
//   basic_auth_users: { NAME: BCRYPT_HASH, ... }   Basic auth on every path but /healthz
//
// Like exporter-toolkit, unknown keys are errors (a typo must not silently leave the endpoint
// open) and relative file names are relative to the web-config file. Errors name the file and
// the key, never a value: the hashes and the key file are secrets.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createSecureContext } from 'node:tls';
import { parse } from 'yaml';
import { isRecord } from '../src/json-object.ts';

export interface WebConfig {
  /** PEM contents, already checked to be a matching pair. */
  tls?: { cert: Buffer; key: Buffer };
  /** user name → bcrypt hash; empty: no authentication. */
  users: ReadonlyMap<string, string>;
}

export type WebConfigResult = { ok: true; config: WebConfig } | { ok: false; error: string };

// Modular crypt format of bcrypt: $2a$/$2b$/$2y$, a two-digit cost, 53 characters of salt and hash.
const BCRYPT = /^\$2[aby]\$(0[4-9]|[12]\d|3[01])\$[./A-Za-z0-9]{53}$/;
const TOP_LEVEL = new Set(['tls_server_config', 'basic_auth_users', 'http_server_config']);
// min_version is left out: Node's floor is already TLS 1.2, and a key we accepted but ignored would lie.
const TLS_KEYS = new Set(['cert_file', 'key_file', 'client_auth_type']);

function readPem(file: string, base: string, key: string, what: string): Buffer | string {
  const full = path.resolve(base, file);
  try {
    return readFileSync(full);
  } catch (e) {
    return `${what}: tls_server_config.${key} ${JSON.stringify(file)} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`;
  }
}

/** Read and check a web-config file. Never throws. */
export function loadWebConfig(file: string): WebConfigResult {
  const what = `--web.config.file ${JSON.stringify(file)}`;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, error: `${what}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    // yaml's messages quote the offending line, which may hold a hash: only the position is kept.
    const pos = (e as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    return { ok: false, error: `${what}: not YAML${pos ? ` (line ${pos.line}, column ${pos.col})` : ''}` };
  }
  if (doc === null || doc === undefined) doc = {};
  if (!isRecord(doc)) return { ok: false, error: `${what}: must be a YAML mapping` };
  for (const k of Object.keys(doc)) {
    if (!TOP_LEVEL.has(k))
      return { ok: false, error: `${what}: unknown key ${JSON.stringify(k)} (expected ${[...TOP_LEVEL].join(', ')})` };
  }
  if (doc.http_server_config !== undefined && doc.http_server_config !== null)
    return { ok: false, error: `${what}: http_server_config is not supported by this monitor` };

  const users = new Map<string, string>();
  const auth = doc.basic_auth_users;
  if (auth !== undefined && auth !== null) {
    if (!isRecord(auth)) return { ok: false, error: `${what}: basic_auth_users must map user names to bcrypt hashes` };
    for (const [user, hash] of Object.entries(auth)) {
      if (user === '' || user.includes(':') || [...user].some((ch) => ch.charCodeAt(0) < 0x20))
        return { ok: false, error: `${what}: basic_auth_users has a user name that Basic auth cannot carry` };
      // The value is not shown: a hash is offline-crackable material.
      if (typeof hash !== 'string' || !BCRYPT.test(hash))
        return {
          ok: false,
          error: `${what}: basic_auth_users.${user} is not a bcrypt hash ($2y$..., e.g. from htpasswd -nBC 10 USER)`,
        };
      users.set(user, hash);
    }
  }

  const tlsDoc = doc.tls_server_config;
  if (tlsDoc === undefined || tlsDoc === null) return { ok: true, config: { users } };
  if (!isRecord(tlsDoc)) return { ok: false, error: `${what}: tls_server_config must be a mapping` };
  for (const k of Object.keys(tlsDoc)) {
    if (!TLS_KEYS.has(k))
      return { ok: false, error: `${what}: tls_server_config: unknown or unsupported key ${JSON.stringify(k)}` };
  }
  if (tlsDoc.client_auth_type !== undefined && tlsDoc.client_auth_type !== 'NoClientCert')
    return { ok: false, error: `${what}: tls_server_config.client_auth_type: only NoClientCert is supported` };
  const { cert_file: certFile, key_file: keyFile } = tlsDoc;
  if (typeof certFile !== 'string' || certFile === '' || typeof keyFile !== 'string' || keyFile === '')
    return { ok: false, error: `${what}: tls_server_config needs cert_file and key_file` };
  const base = path.dirname(path.resolve(file));
  const cert = readPem(certFile, base, 'cert_file', what);
  if (typeof cert === 'string') return { ok: false, error: cert };
  const key = readPem(keyFile, base, 'key_file', what);
  if (typeof key === 'string') return { ok: false, error: key };
  try {
    createSecureContext({ cert, key });
  } catch (e) {
    // OpenSSL's reason (e.g. "key values mismatch"); it never quotes the key.
    const reason = (e as Error).message.split('\n')[0]!.slice(0, 120);
    return { ok: false, error: `${what}: tls_server_config: cert_file and key_file are not a usable pair (${reason})` };
  }
  return { ok: true, config: { users, tls: { cert, key } } };
}
