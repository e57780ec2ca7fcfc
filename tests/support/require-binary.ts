// The one place that decides what a test does when a Debian package it needs is missing
// (a fresh machine before `apt-get install prometheus ...`): skip with a message that names
// the package, except on CI (CI=true), where a skip would hide that nothing ran, so the
// test fails instead.
import { spawnSync } from 'node:child_process';
import { loadTestEnvironment } from './test-env.ts';

/** Binary → the Debian package that provides it (docs/development.md "Setup"). */
export const PACKAGE_OF: Readonly<Record<string, string>> = {
  promtool: 'prometheus',
  prometheus: 'prometheus',
  'prometheus-pushgateway': 'prometheus-pushgateway',
  'prometheus-blackbox-exporter': 'prometheus-blackbox-exporter',
  chromium: 'chromium',
  amtool: 'prometheus-alertmanager',
  'prometheus-alertmanager': 'prometheus-alertmanager',
  ip: 'iproute2',
  iptables: 'iptables',
  openssl: 'openssl',
  setpriv: 'util-linux',
};

export interface BinaryGate {
  /** For node:test's options: a reason to skip (visible in the report), or false to run. */
  readonly skip: string | false;
  /** Absolute path of a binary. Throws when it is missing (only reachable on CI: elsewhere the test was skipped). */
  path(name: string): string;
}

/** `command -v`: the absolute path, or undefined. */
export function lookupOnPath(name: string): string | undefined {
  const r = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', name], { encoding: 'utf8' });
  const found = r.status === 0 ? r.stdout.trim() : '';
  return found.startsWith('/') ? found : undefined;
}

/** Pure core, for tests: which binaries are missing and what that means under `ci`. */
export function gateFor(names: readonly string[], ci: boolean, lookup: (name: string) => string | undefined): BinaryGate {
  const found = new Map(names.map((n) => [n, lookup(n)] as const));
  const missing = names.filter((n) => found.get(n) === undefined);
  const packages = [...new Set(missing.map((n) => PACKAGE_OF[n] ?? n))];
  const what = `${missing.join(', ')} not installed (apt-get install -y ${packages.join(' ')})`;
  return {
    skip: missing.length === 0 || ci ? false : `SKIPPED: ${what}; on CI (CI=true) this fails instead`,
    path(name) {
      const p = found.get(name) ?? lookup(name);
      if (p === undefined) throw new Error(`${what}: CI=true, so a missing binary fails the test instead of skipping it`);
      return p;
    },
  };
}

/** The gate for this machine and environment. A bad CI value is itself an error. */
export function requireBinaries(...names: string[]): BinaryGate {
  const env = loadTestEnvironment();
  if (!env.ok) throw new Error(`configuration error: ${env.errors.join('; ')}`);
  const gate = gateFor(names, env.settings.ci, lookupOnPath);
  // Also on stderr, so a skip shows up even with a terse reporter.
  if (gate.skip) process.stderr.write(`${gate.skip}\n`);
  return gate;
}
