// What crosses between the main thread and the probe thread (probe-thread.ts,
// probe-worker.ts). Structured cloning keeps plain data only, and a Secret keeps
// its value in a private field that cloning drops: so credentials cross as plain
// strings and become Secrets again on the other side. They never leave the
// process, and nothing here logs or prints them.
import type { AuthConfig } from '../src/config/credentials.ts';
import { Secret } from '../src/secret.ts';
import type { Probe, ProbeOptions } from './probe.ts';
import type { TargetEntry } from './targets.ts';

type WireAuth =
  | { kind: 'none' }
  | { kind: 'basic'; username: string; password: string; passwordIsMd5: boolean }
  | { kind: 'oauth-client'; key: string; secret: string }
  | { kind: 'oauth-token'; token: string };

/** A targets-file entry as sent to the probe thread: its credentials in plain strings, and where it is probed. */
export interface WireEntry {
  entry: Omit<TargetEntry, 'config'> & { config: Omit<TargetEntry['config'], 'auth'> & { auth: WireAuth } };
  /** Where its probes go (the embedded sandbox's URL for an entry without a base URL). */
  baseUrl: string;
}

export interface WorkerInput {
  entries: WireEntry[];
  jitter?: number;
  probeOptions?: ProbeOptions;
}

export type FromMain = { type: 'stop' };
export type ToMain = { type: 'probe'; probe: Probe; inFlight: number } | { type: 'stopped' };

function authToWire(auth: AuthConfig): WireAuth {
  switch (auth.kind) {
    case 'none':
      return auth;
    case 'basic':
      return { ...auth, password: auth.password.reveal() };
    case 'oauth-client':
      return { ...auth, secret: auth.secret.reveal() };
    case 'oauth-token':
      return { ...auth, token: auth.token.reveal() };
  }
}

function authFromWire(auth: WireAuth): AuthConfig {
  switch (auth.kind) {
    case 'none':
      return auth;
    case 'basic':
      return { ...auth, password: new Secret(auth.password) };
    case 'oauth-client':
      return { ...auth, secret: new Secret(auth.secret) };
    case 'oauth-token':
      return { ...auth, token: new Secret(auth.token) };
  }
}

export function toWire(entry: TargetEntry, baseUrl: string): WireEntry {
  return { entry: { ...entry, config: { ...entry.config, auth: authToWire(entry.config.auth) } }, baseUrl };
}

export function fromWire(wire: WireEntry): { entry: TargetEntry; baseUrl: string } {
  const { entry } = wire;
  return { entry: { ...entry, config: { ...entry.config, auth: authFromWire(entry.config.auth) } }, baseUrl: wire.baseUrl };
}
