// What the monitor probes: one target named `default` from the environment, or
// several (clusters × customers) from a JSON file checked against
// schemas/monitor-targets.schema.json. The file names credentials by environment
// variable; src/config.ts resolves them. Errors are data naming the file and the
// JSON path of the bad field, never a credential's value.
import { readFileSync } from 'node:fs';
import { CUSTOMER_ID_MAX, ENV_CREDENTIALS_TO_SET, parseBaseUrl, type Config, type Target } from '../src/config/api.ts';
import { resolveCredentialRefs, type AuthConfig } from '../src/config/credentials.ts';
import type { Env } from '../src/config/env.ts';
import { decodeJsonBytes } from '../src/json-bytes.ts';
import { describeJsonProblem, parseJson } from '../src/json-position.ts';
import { printable } from '../src/show-value.ts';
import type { FlapThresholds } from './flapping.ts';
import type { MonitorTargetSpec, MonitorTargetsFile } from '../src/types.generated.ts';
import { validateDocument } from '../src/validate.ts';
import { parseMaintenance, type MaintenanceWindow } from './maintenance.ts';

export const TARGETS_SCHEMA_ID = 'monitor-targets.schema.json';
export const DEFAULT_TARGET_NAME = 'default';
export const TARGET_DEFAULTS = { intervalSeconds: 30, notFoundIntervalSeconds: 300, authIntervalSeconds: 300 } as const;

/** A targets-file entry (docs/architecture.md glossary): a named target with its own intervals. */
export interface TargetEntry {
  /** The `target` label of every metric: from a bounded, configured set. */
  name: string;
  /** Where and how to call, for this target (the environment's Config with the file's overrides). */
  config: Config;
  intervalSeconds: number;
  notFoundIntervalSeconds: number;
  /** 0: the auth check is off for this target. */
  authIntervalSeconds: number;
  /** When its checks count as FLAPPING (monitor/flapping.ts); absent: DEFAULT_FLAP_THRESHOLDS. */
  flapping?: FlapThresholds;
}

export type TargetsResult =
  { ok: true; targets: TargetEntry[]; maintenance: MaintenanceWindow[] } | { ok: false; errors: string[] };

// A path in the file can be a 10 MB key, and a file name anything: every error line is one
// printable line of bounded length, whatever the document held.
const MAX_LABEL_CHARS = 200;
const MAX_ERROR_CHARS = 500;
const errorLine = (label: string, error: string) => `${printable(label, MAX_LABEL_CHARS)}: ${printable(error, MAX_ERROR_CHARS)}`;
/** A million bad items are a million findings: the first few say what is wrong, a count the rest. */
const MAX_ERROR_LINES = 20;
function errorLines(label: string, errors: readonly string[]): string[] {
  const lines = errors.slice(0, MAX_ERROR_LINES).map((e) => errorLine(label, e));
  const more = errors.length - MAX_ERROR_LINES;
  if (more > 0) lines.push(errorLine(label, `… and ${more} more error${more === 1 ? '' : 's'}`));
  return lines;
}

/** The single entry the environment describes, when there is no targets file. */
export function defaultTargets(base: Config): TargetEntry[] {
  return [{ name: DEFAULT_TARGET_NAME, config: base, ...TARGET_DEFAULTS }];
}

function sameLocation(a: Target, b: Target): boolean {
  return a.kind === 'sandbox' ? b.kind === 'sandbox' : b.kind === 'remote' && a.baseUrl === b.baseUrl;
}

/**
 * A remote entry with no credentials anywhere: every check would be refused, and that reads as a broken
 * contract though none were configured (CAP_BASE_URL alone is the same error, in src/config/api.ts).
 * The entry's own "auth" always works; the CAP_* variables only where it calls CAP_BASE_URL.
 */
function noCredentials(at: string, name: string, baseUrl: string, atBaseUrl: boolean): string {
  const fromEnv = atBaseUrl ? `, or set ${ENV_CREDENTIALS_TO_SET} for CAP_BASE_URL` : '';
  return `${at}.auth: is required for "${name}" (${baseUrl}), which has no credentials: name usernameEnv and passwordEnv, oauthKeyEnv and oauthSecretEnv, or oauthTokenEnv${fromEnv}; "auth": {} probes without any`;
}

function buildTarget(spec: MonitorTargetSpec, at: string, base: Config, env: Env | undefined, errors: string[]): TargetEntry {
  let target: Target = base.target;
  if (spec.baseUrl !== undefined) {
    const parsed = parseBaseUrl(spec.baseUrl);
    // The value is not shown: a URL with user info is itself a credential.
    if (parsed.ok) target = { kind: 'remote', baseUrl: parsed.baseUrl };
    else errors.push(`${at}.baseUrl: ${parsed.problem}`);
  }
  for (const field of ['customerId', 'missingCustomerId'] as const) {
    const v = spec[field];
    if (v !== undefined && BigInt(v) > CUSTOMER_ID_MAX)
      errors.push(`${at}.${field}: must be at most 9223372036854775807 (seen: "${v}")`);
  }
  const customerId = spec.customerId ?? base.customerId;
  const missingCustomerId = spec.missingCustomerId ?? base.missingCustomerId;
  if (customerId === missingCustomerId) errors.push(`${at}.missingCustomerId: must differ from customerId (${customerId})`);

  // Credentials never travel to a base URL they were not configured for.
  const atBaseUrl = sameLocation(target, base.target);
  let auth: AuthConfig = atBaseUrl ? base.auth : { kind: 'none' };
  if (spec.auth !== undefined) {
    const resolved = resolveCredentialRefs(spec.auth, `${at}.auth`, env);
    if (resolved.ok) auth = resolved.auth;
    else errors.push(...resolved.errors);
  } else if (target.kind === 'remote' && auth.kind === 'none') {
    errors.push(noCredentials(at, spec.name, target.baseUrl, atBaseUrl));
  }
  const latencyBudgetMs = spec.latencyBudgetMs ?? base.latencyBudgetMs;
  const latencyDegradedMs = spec.latencyDegradedMs ?? base.latencyDegradedMs;
  if (latencyDegradedMs > latencyBudgetMs) {
    errors.push(`${at}.latencyDegradedMs: ${latencyDegradedMs} must not exceed the latency budget (${latencyBudgetMs})`);
  }
  const flap = spec.flapping;
  if (flap && flap.lowPercent >= flap.highPercent) {
    errors.push(`${at}.flapping.lowPercent: ${flap.lowPercent} must be under highPercent (${flap.highPercent})`);
  }
  return {
    name: spec.name,
    config: {
      ...base,
      target,
      customerId,
      missingCustomerId,
      auth,
      timeoutMs: spec.timeoutMs ?? base.timeoutMs,
      notFoundStatuses: spec.notFoundStatuses ? [...spec.notFoundStatuses] : base.notFoundStatuses,
      latencyBudgetMs,
      latencyDegradedMs,
    },
    intervalSeconds: spec.intervalSeconds ?? TARGET_DEFAULTS.intervalSeconds,
    notFoundIntervalSeconds: spec.notFoundIntervalSeconds ?? TARGET_DEFAULTS.notFoundIntervalSeconds,
    authIntervalSeconds: spec.authIntervalSeconds ?? TARGET_DEFAULTS.authIntervalSeconds,
    ...(flap ? { flapping: { lowPercent: flap.lowPercent, highPercent: flap.highPercent } } : {}),
  };
}

/**
 * Targets from a parsed targets document. `base` is the environment's Config (fields a target leaves
 * out); `env` is where credential variables are looked up (default: the process environment, read by
 * src/config.ts). Error lines start with `label` (the file name).
 */
export function parseTargets(document: unknown, base: Config, label: string, env?: Env): TargetsResult {
  const findings = validateDocument(TARGETS_SCHEMA_ID, document);
  if (findings.length > 0) {
    return {
      ok: false,
      errors: errorLines(
        label,
        findings.map((f) => `${f.path}: ${f.message}`),
      ),
    };
  }
  const file = document as MonitorTargetsFile;
  const errors: string[] = [];
  const seen = new Map<string, number>();
  const targets = file.targets.map((spec, i) => {
    const at = `$.targets[${i}]`;
    const earlier = seen.get(spec.name);
    if (earlier !== undefined) errors.push(`${at}.name: "${spec.name}" is already the name of $.targets[${earlier}]`);
    else seen.set(spec.name, i);
    return buildTarget(spec, at, base, env, errors);
  });
  const maintenance = parseMaintenance(file.maintenance ?? [], [...seen.keys()]);
  if (!maintenance.ok) errors.push(...maintenance.errors);
  if (errors.length > 0 || !maintenance.ok) return { ok: false, errors: errorLines(label, errors) };
  return { ok: true, targets, maintenance: maintenance.windows };
}

/** A targets file read and parsed as JSON (not yet checked). Never throws. */
function readTargetsDocument(path: string): { ok: true; value: unknown } | { ok: false; errors: string[] } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    return {
      ok: false,
      errors: [errorLine(path, `cannot read the targets file (${(err as NodeJS.ErrnoException).code ?? 'error'})`)],
    };
  }
  // As `validate` reads a file: not UTF-8 or a NUL byte is named by byte offset, a BOM is ignored.
  const decoded = decodeJsonBytes(bytes);
  if (!decoded.ok) return { ok: false, errors: [errorLine(path, decoded.problem)] };
  const parsed = parseJson(decoded.text);
  if (!parsed.ok) {
    // Where, and the parser's reason stripped of the text it quotes: that text could be a misplaced secret.
    return { ok: false, errors: [errorLine(path, `is not valid JSON: ${describeJsonProblem(parsed.problem)}`)] };
  }
  return { ok: true, value: parsed.value };
}

/** Read and check a targets file. Never throws. */
export function loadTargetsFile(path: string, base: Config, env?: Env): TargetsResult {
  const read = readTargetsDocument(path);
  return read.ok ? parseTargets(read.value, base, path, env) : read;
}

/**
 * Only the maintenance windows of a targets file (slo report): the file is checked against its schema
 * and the windows against its target names, but no credential is resolved. Never throws.
 */
export function loadMaintenanceWindows(
  path: string,
): { ok: true; windows: MaintenanceWindow[] } | { ok: false; errors: string[] } {
  const read = readTargetsDocument(path);
  if (!read.ok) return read;
  const findings = validateDocument(TARGETS_SCHEMA_ID, read.value);
  if (findings.length > 0)
    return {
      ok: false,
      errors: errorLines(
        path,
        findings.map((f) => `${f.path}: ${f.message}`),
      ),
    };
  const file = read.value as MonitorTargetsFile;
  const parsed = parseMaintenance(
    file.maintenance ?? [],
    file.targets.map((t) => t.name),
  );
  return parsed.ok ? parsed : { ok: false, errors: errorLines(path, parsed.errors) };
}

/** Every target probed every `seconds` (the --interval flag); the 8015 check keeps its own, longer interval. */
export function withInterval(targets: readonly TargetEntry[], seconds: number): TargetEntry[] {
  return targets.map((t) => ({ ...t, intervalSeconds: seconds }));
}
