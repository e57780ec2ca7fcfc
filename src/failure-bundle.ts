// A failure bundle: one directory per failing check, enough to see and resend the exchange on a
// laptop without production credentials. exchange.har (every request of the check, HAR 1.2,
// credentials redacted by the client), result.json (the check's result, every finding) and
// reproduce.sh (a curl command per request, credentials read from the environment). Written by the
// gate, by `monitor --once` and by the monitor service; a write that fails is an error value, never
// a crash: the probe or the gate's verdict matters more than its bundle.
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OAUTH_TOKEN_HEADER } from './auth.ts';
import { REDACTED, type RecordedExchange } from './client.ts';
import { INVALID_TOKEN, PROBE_USER } from './checks/auth.ts';
import { withoutRecordings, type CheckResult } from './checks/result.ts';
import { harOf } from './har.ts';
import { showValue } from './show-value.ts';

/** result.json's format: a reader refuses a bundle from a later one. */
export const BUNDLE_VERSION = 1;
export const BUNDLE_FILES = ['exchange.har', 'result.json', 'reproduce.sh'] as const;

export interface BundleInput {
  result: CheckResult;
  /** The target's name (the monitor's `target` label; the gate's base URL's host). */
  target: string;
  /** When the check ran, epoch ms: the directory's name starts with it. */
  at: number;
  /** The package's version, the HAR's creator version. */
  version: string;
}

export type BundleWritten = { ok: true; path: string; bytes: number } | { ok: false; message: string };

/** Letters, digits, '.', '_' and '-' only: a directory name safe in any shell and file system. */
function safe(text: string): string {
  return (
    text
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^[.-]+/, '')
      .slice(0, 80) || '_'
  );
}

/** `20261208T045512.123Z` + target + check: sorts by time, says what failed where. */
export function bundleName(at: number, target: string, check: string): string {
  const stamp = new Date(at).toISOString().replace(/[-:]/g, '');
  return `${stamp}_${safe(target)}_${safe(check)}`;
}

/** Where a bundle for this failure goes under `dir` (the gate's report names it before the write). */
export function bundlePathFor(dir: string, at: number, target: string, check: string): string {
  return join(dir, bundleName(at, target, check));
}

/** A shell word: single-quoted, a quote inside closed, escaped and reopened. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

// What the auth check sends as other credentials: recognisably wrong, never a real one.
const WRONG_BASIC = `Authorization: Basic ${Buffer.from(`${PROBE_USER}:0123456789abcdef0123456789abcdef`).toString('base64')}`;
const WRONG_TOKEN = `${OAUTH_TOKEN_HEADER}: ${INVALID_TOKEN}`;

const PROLOGUE = `set -eu
# Credentials come from the environment, never from this file: CAP_OAUTH_TOKEN, or CAP_USERNAME and
# CAP_PASSWORD (Capillary's Basic: base64(user:md5(password)); CAP_PASSWORD_IS_MD5=true when
# CAP_PASSWORD is the md5 already). CAP_BASE_URL sends the requests elsewhere (e.g. a sandbox).
md5_hex() {
  if command -v md5sum >/dev/null 2>&1; then printf '%s' "$1" | md5sum | cut -d ' ' -f 1
  else printf '%s' "$1" | md5 -q; fi
}
# The credential header, printed to curl's stdin (-H @-) so it never shows in the process list.
credentials() {
  if [ -n "\${CAP_OAUTH_TOKEN:-}" ]; then
    printf '${OAUTH_TOKEN_HEADER}: %s\\n' "$CAP_OAUTH_TOKEN"
  elif [ -n "\${CAP_USERNAME:-}" ] && [ -n "\${CAP_PASSWORD:-}" ]; then
    if [ "\${CAP_PASSWORD_IS_MD5:-false}" = true ]; then hash=$CAP_PASSWORD; else hash=$(md5_hex "$CAP_PASSWORD"); fi
    printf 'Authorization: Basic %s\\n' "$(printf '%s:%s' "$CAP_USERNAME" "$hash" | base64 | tr -d '\\n')"
  else
    echo 'reproduce.sh: set CAP_USERNAME and CAP_PASSWORD, or CAP_OAUTH_TOKEN' >&2
    exit 2
  fi
}
`;

/** One curl command for one recorded request: same method, path, headers; credentials by their kind. */
function curlOf(x: RecordedExchange, title: string): string {
  const url = new URL(x.url);
  const args = ['--silent', '--show-error', '--include', '--compressed', '--request', shellQuote(x.method)];
  for (const [name, value] of x.requestHeaders) {
    if (value === REDACTED) continue;
    args.push('--header', shellQuote(`${name}: ${value}`));
  }
  if (x.credentials === 'wrong') {
    const token = x.requestHeaders.some(([name]) => name.toLowerCase() === OAUTH_TOKEN_HEADER.toLowerCase());
    args.push('--header', shellQuote(token ? WRONG_TOKEN : WRONG_BASIC));
  }
  const target = `"$base"${shellQuote(url.pathname + url.search)}`;
  const command = `curl ${args.join(' ')} ${target}`;
  const comment = `# ${title.replace(/[\r\n]+/g, ' ')}${x.credentials === 'wrong' ? ' (a wrong credential, as the auth check sends)' : ''}`;
  if (x.credentials === 'configured') return `${comment}\ncredentials | ${command.replace('curl ', 'curl --header @- ')}`;
  return `${comment}\n${command}`;
}

/** reproduce.sh: a curl command per request of the check, in the order sent. */
export function reproduceScript(result: CheckResult): string {
  const recorded = result.steps.flatMap((s) => (s.recorded ? [{ x: s.recorded, title: s.title }] : []));
  const origin = recorded[0] ? new URL(recorded[0].x.url).origin : 'http://127.0.0.1:8080';
  const commands = recorded.map(({ x, title }) => curlOf(x, title));
  return [
    '#!/bin/sh',
    "# shellcheck disable=SC2016 # recorded values are single-quoted on purpose: a '$' in them is literal",
    `# Sends the requests of check ${result.check} again (${result.verdict}${result.reason ? `: ${result.reason}` : ''}).`,
    PROLOGUE,
    `base=\${CAP_BASE_URL:-${shellQuote(origin)}}`,
    // In a pipeline its exit would be lost: fail here, before any request, when none are set.
    ...(recorded.some(({ x }) => x.credentials === 'configured') ? ['credentials >/dev/null'] : []),
    '',
    ...commands.flatMap((c) => [c, 'echo']),
    '',
  ].join('\n');
}

// A finding's value is what the server sent, possibly nested past the stack's depth: shown bounded then.
function resultJson(input: BundleInput): string {
  const doc = {
    bundleVersion: BUNDLE_VERSION,
    target: input.target,
    at: new Date(input.at).toISOString(),
    result: withoutRecordings(input.result),
  };
  try {
    return `${JSON.stringify(doc, null, 2)}\n`;
  } catch {
    return `${JSON.stringify(doc, (key, value: unknown) => (key === 'value' ? showValue(value) : value), 2)}\n`;
  }
}

/** The three files' contents, for a writer or a test. */
export function bundleFiles(input: BundleInput): Record<(typeof BUNDLE_FILES)[number], string> {
  return {
    'exchange.har': `${JSON.stringify(harOf(input.result, input.version), null, 2)}\n`,
    'result.json': resultJson(input),
    'reproduce.sh': reproduceScript(input.result),
  };
}

/** Write one bundle under `dir` (created if missing). An existing name gets a suffix: a bundle is never overwritten. */
export function writeFailureBundle(dir: string, input: BundleInput): BundleWritten {
  const base = bundlePathFor(dir, input.at, input.target, input.result.check);
  try {
    mkdirSync(dir, { recursive: true });
    let path = base;
    for (let n = 2; ; n++) {
      try {
        mkdirSync(path);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || n > 100) throw err;
        path = `${base}-${n}`;
      }
    }
    let bytes = 0;
    for (const [name, text] of Object.entries(bundleFiles(input))) {
      writeFileSync(join(path, name), text);
      bytes += Buffer.byteLength(text);
    }
    chmodSync(join(path, 'reproduce.sh'), 0o755);
    return { ok: true, path, bytes };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    return { ok: false, message: `failure bundle: cannot write under ${dir} (${code})` };
  }
}

/** Delete all but the newest `keep` bundles of one target and check under `dir`. Returns how many went, or why not. */
export function pruneBundles(
  dir: string,
  target: string,
  check: string,
  keep: number,
): { ok: true; deleted: number } | { ok: false; message: string } {
  try {
    const which = `${safe(target)}_${safe(check)}`;
    // The name starts with the time (no '_' in it), so the names' order is the bundles' order.
    const mine = readdirSync(dir)
      .filter((name) => name.replace(/-\d+$/, '').slice(name.indexOf('_') + 1) === which)
      .sort();
    const old = mine.slice(0, Math.max(0, mine.length - keep));
    for (const name of old) rmSync(join(dir, name), { recursive: true, force: true });
    return { ok: true, deleted: old.length };
  } catch (err) {
    return { ok: false, message: `failure bundle: cannot prune ${dir} (${(err as NodeJS.ErrnoException).code ?? 'error'})` };
  }
}
