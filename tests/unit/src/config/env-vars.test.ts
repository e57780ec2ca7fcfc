// ENV_VARS is the one table of variables: docs/reference.md is generated from it, so a variable
// is documented exactly when the configuration can read it. That holds only if nothing reads the
// environment around it: the product's loaders read the table's variables and no other (and
// every one of them, so no row is stale), no product code reads process.env by name, and
// .env.example, the file users copy, lists the same names.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { loadConfig } from '../../../../src/config/api.ts';
import { colourWanted } from '../../../../src/config/colour.ts';
import { ENV_VARS, SECRET_VARS, type Env } from '../../../../src/config/env.ts';
import { loadMonitorSettings } from '../../../../src/config/monitor.ts';
import { loadGateSettings } from '../../../../src/config/gate.ts';

const ROOT = new URL('../../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');
const sorted = (names: Iterable<string>) => [...new Set(names)].sort();
const known = sorted(Object.keys(ENV_VARS));

/** An environment that records every name asked of it, and holds nothing. */
function recordingEnv(): { env: Env; names: Set<string> } {
  const names = new Set<string>();
  const record = (key: string | symbol) => {
    names.add(String(key));
    return undefined;
  };
  const env = new Proxy({} as Env, {
    get: (_, key) => record(key),
    has: (_, key) => (record(key), false),
    ownKeys: () => {
      names.add('(every variable: the environment was enumerated)');
      return [];
    },
  });
  return { env, names };
}

/** Assignments in .env.example, including commented-out ones ("# CI=true" documents CI without setting it). */
function envExampleVars(): string[] {
  return read('.env.example')
    .split('\n')
    .map((line) => /^(?:#\s*)?([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}

/** The product's TypeScript files (what is built and shipped, and the gate), as repository paths. */
function productFiles(): string[] {
  return ['src', 'cli', 'monitor', 'sandbox', 'gate'].flatMap((dir) =>
    readdirSync(new URL(dir, ROOT), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => join(e.parentPath, e.name).slice(new URL(ROOT).pathname.length)),
  );
}

/** Reads of process.env by name: `process.env.X`, `process.env['X']`, `process.env[name]`, `{ X } = process.env`. Writes are not reads. */
function processEnvReads(source: string): string[] {
  const byName = [...source.matchAll(/process\.env(?:\.\w+\b|\[[^\]]*\])(?!\s*=[^=])/g)].map((m) => m[0]);
  const destructured = [...source.matchAll(/\}\s*=\s*process\.env\b/g)].map((m) => m[0]);
  return [...byName, ...destructured];
}

describe('ENV_VARS is every variable the project reads, and docs/reference.md is made from it', () => {
  test('the configuration reads exactly the variables of ENV_VARS', () => {
    const { env, names } = recordingEnv();
    loadConfig(env);
    loadMonitorSettings(env);
    colourWanted(true, env);
    loadGateSettings(env);
    assert.deepEqual(sorted(names), known);
  });

  test('the recording catches a read of a variable outside the table', () => {
    const { env, names } = recordingEnv();
    void env.HOME;
    assert.ok(names.has('HOME'));
  });

  test('no product code reads process.env by name: the Reader of src/config is the only way in', () => {
    const files = productFiles();
    assert.ok(files.includes('src/config/env.ts') && files.some((f) => f.startsWith('gate/')), 'the scan sees the product');
    const reads = files.flatMap((file) => processEnvReads(read(file)).map((r) => `${file}: ${r}`));
    assert.deepEqual(reads, []);
  });

  test('the scan finds each way of reading a variable by name, and lets writes and whole-environment copies be', () => {
    assert.deepEqual(
      processEnvReads(
        "a = process.env.CAP_BASE_URL; b = process.env['X']; c = process.env[name]; const { Y } = process.env; if (process.env.Z === '1') {}",
      ),
      ['process.env.CAP_BASE_URL', "process.env['X']", 'process.env[name]', 'process.env.Z', '} = process.env'],
    );
    assert.deepEqual(
      processEnvReads(
        "process.env.PACT_DO_NOT_TRACK = 'true'; spawn(x, { env: { ...process.env, A: '1' } }); f(env = process.env)",
      ),
      [],
    );
  });

  test('.env.example lists exactly ENV_VARS', () => {
    const example = envExampleVars();
    assert.deepEqual(sorted(example), known);
    assert.equal(example.length, new Set(example).size, 'each variable is listed once');
  });

  test('the secrets are the three credentials that must never be shown', () => {
    assert.deepEqual(sorted(SECRET_VARS), ['CAP_OAUTH_SECRET', 'CAP_OAUTH_TOKEN', 'CAP_PASSWORD']);
  });
});
