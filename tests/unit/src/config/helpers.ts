import assert from 'node:assert/strict';
import { loadConfig, type Config } from '../../../../src/config/api.ts';
import type { Env } from '../../../../src/config/env.ts';

/** The config for an environment that must be valid. */
export function ok(env: Env): Config {
  const r = loadConfig(env);
  assert.ok(r.ok, r.ok ? '' : r.errors.join('\n'));
  return r.config;
}

/** The errors for an environment that must be invalid. */
export function errors(env: Env): string[] {
  const r = loadConfig(env);
  assert.equal(r.ok, false, 'expected a configuration error');
  return r.ok ? [] : r.errors;
}
