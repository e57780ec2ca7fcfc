// Provider verification: replays every interaction of every consumer contract
// against a running provider (the embedded sandbox or a real cluster) and says,
// per consumer and interaction, what broke.
//
// - Provider states are the plain sentences of STATES; their handlers hand the
//   configured customers to the request path ({ customerId } → fromProviderState).
// - A request filter swaps the contract's placeholder credentials for the
//   configured ones, in Pact's local proxy: the native verifier never sees them,
//   and log levels stay at warn so nothing logs request headers.
// - Pact's proxy hands each request to a loopback relay (provider-relay.ts) that
//   sends it with the project's client: a refused or reset connection is a line
//   in the report, not a crash.
// - One verifier run per contract file, so every failure is attributed to its
//   consumer without parsing names out of text.
import './no-telemetry.ts';
import type { IncomingMessage } from 'node:http';
import { Verifier } from '@pact-foundation/pact';
import { OAUTH_TOKEN_HEADER, basicAuthHeader, md5Hex } from '../auth.ts';
import type { AuthHeaders } from '../auth.ts';
import { clientFor } from '../client.ts';
import type { Config } from '../config/api.ts';
import { PROVIDER, STATES, type Contract, type ContractInteraction } from './contracts.ts';
import { startRelay, type TransportProblem } from './provider-relay.ts';
import { NO_ANSWER } from './verdicts.ts';
import { isRecord } from '../json-object.ts';
import { stripVTControlCharacters } from 'node:util';

export type MismatchKind = 'status' | 'header' | 'body' | 'request' | 'error';

export interface Mismatch {
  kind: MismatchKind;
  /** Where: a JSONPath ($.data[0].id), a header name, or 'status'. */
  where?: string;
  message: string;
}

export interface InteractionResult {
  description: string;
  states: string[];
  method: string;
  /** The path actually requested (the provider state's customer id filled in). */
  path: string;
  ok: boolean;
  mismatches: Mismatch[];
}

export interface ContractResult {
  consumer: string;
  provider: string;
  file: string;
  ok: boolean;
  interactions: InteractionResult[];
  /** The verifier could not run this contract at all. */
  error?: string;
}

export interface VerificationReport {
  ok: boolean;
  contracts: ContractResult[];
  /** The configured credentials could not be turned into headers (e.g. the OAuth token endpoint failed). */
  authProblem?: string;
  /**
   * Requests that got no complete answer from the provider (timeout, refused, reset...), or one whose
   * body could not be read (it did not decode, or was over the cap: those carry the status).
   */
  transportProblems: TransportProblem[];
}

export interface VerifyOptions {
  config: Config;
  /** Base URL of the provider under test (requests go there through the project's client). */
  baseUrl: string;
  contracts: Contract[];
}

/** How a mismatch says the provider answered with a body no consumer could read (a contract break). */
const UNREADABLE = 'an answer no consumer could read';

/** The values each provider state hands to the request: the configured customers. */
export function stateValues(config: Config): Record<string, { customerId: string }> {
  return {
    [STATES.hasTrackers]: { customerId: config.customerId },
    [STATES.doesNotExist]: { customerId: config.missingCustomerId },
  };
}

const CREDENTIAL_HEADERS = ['authorization', OAUTH_TOKEN_HEADER.toLowerCase()];

/** Every form a configured credential could take in text, longest first (redaction replaces the longest match). */
function configuredSecrets(config: Config): string[] {
  const auth = config.auth;
  switch (auth.kind) {
    case 'basic': {
      const password = auth.password.reveal();
      const header = basicAuthHeader(auth.username, password, auth.passwordIsMd5);
      return [header, header.slice('Basic '.length), password, auth.passwordIsMd5 ? password.toLowerCase() : md5Hex(password)];
    }
    case 'oauth-token':
      return [auth.token.reveal()];
    case 'oauth-client':
      return [auth.secret.reveal()];
    case 'none':
      return [];
  }
}

function redactor(secrets: Set<string>): (text: string) => string {
  return (text) => {
    let out = text;
    for (const s of [...secrets].filter((v) => v.length >= 4).sort((a, b) => b.length - a.length))
      out = out.split(s).join('[redacted]');
    return out;
  };
}

function resolvePath(interaction: ContractInteraction, values: Record<string, { customerId: string }>): string {
  if (!interaction.pathExpression) return interaction.path;
  const vars: Record<string, string> = {};
  for (const state of interaction.states) Object.assign(vars, values[state]);
  return interaction.pathExpression.replace(/\$\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

const text = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** One mismatch of pact_matching's JSON report → ours. */
function toMismatch(m: Record<string, unknown>): Mismatch {
  const message = text(m.mismatch ?? m.message ?? `expected ${text(m.expected)}, got ${text(m.actual)}`);
  switch (m.type) {
    case 'StatusMismatch':
      // A refusal is not a contract change: say so, or the reader hunts for a broken field.
      return {
        kind: 'status',
        where: 'status',
        message: m.actual === 401 || m.actual === 403 ? `${message} (the provider refused the configured credentials)` : message,
      };
    case 'HeaderMismatch':
      return { kind: 'header', where: text(m.key), message };
    case 'BodyMismatch':
      return { kind: 'body', where: text(m.path), message };
    case 'BodyTypeMismatch':
      return { kind: 'body', where: 'body', message };
    case 'MethodMismatch':
    case 'PathMismatch':
    case 'QueryMismatch':
      return { kind: 'request', where: text(m.type), message };
    default:
      return { kind: 'error', message };
  }
}

interface VerifierJson {
  result?: boolean;
  output?: string[];
  errors?: { interaction?: string; mismatch?: unknown }[];
  interactionResults?: { description?: string; result?: string }[];
}

function parseVerifierJson(raw: unknown): VerifierJson | undefined {
  if (typeof raw !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isRecord(parsed) ? (parsed as VerifierJson) : undefined;
  } catch {
    return undefined;
  }
}

/** The verifier's last few non-blank output lines, without colour codes. */
function lastOutput(json: VerifierJson): string {
  const lines = (json.output ?? [])
    .flatMap((l) => l.split('\n'))
    .map((l) => stripVTControlCharacters(l).trim())
    .filter(Boolean);
  return lines.slice(-5).join(' | ') || '(no output)';
}

/** Failures by interaction description. The verifier names an interaction "... Given <state> - <description>". */
function failuresByDescription(json: VerifierJson, descriptions: string[]): Map<string, Mismatch[]> {
  const byDescription = new Map<string, Mismatch[]>();
  const longestFirst = [...descriptions].sort((a, b) => b.length - a.length);
  for (const error of json.errors ?? []) {
    const label = error.interaction ?? '';
    const description = longestFirst.find((d) => label === d || label.endsWith(` - ${d}`)) ?? label;
    const found: Mismatch[] = [];
    const mismatch = error.mismatch;
    if (isRecord(mismatch) && Array.isArray(mismatch.mismatches)) {
      for (const m of mismatch.mismatches) if (isRecord(m)) found.push(toMismatch(m));
    } else if (isRecord(mismatch)) {
      found.push({ kind: 'error', message: text(mismatch.message ?? mismatch) });
    }
    if (found.length === 0) found.push({ kind: 'error', message: 'failed (the verifier gave no detail)' });
    byDescription.set(description, [...(byDescription.get(description) ?? []), ...found]);
  }
  return byDescription;
}

/** Verify each contract against the provider at baseUrl. Never throws for a verification failure: it is in the report. */
export async function verifyContracts(options: VerifyOptions): Promise<VerificationReport> {
  const { config, baseUrl, contracts } = options;
  const values = stateValues(config);
  const secrets = new Set(configuredSecrets(config));
  const client = clientFor(config, baseUrl);
  let authProblem: string | undefined;

  const credentialHeaders = async (): Promise<AuthHeaders> => {
    try {
      return await client.authHeaders();
    } catch (err) {
      return { ok: false, message: (err as Error).message };
    }
  };

  // Express middleware in Pact's proxy, in front of the provider.
  const requestFilter = (req: IncomingMessage, _res: unknown, next: () => void): void => {
    for (const name of CREDENTIAL_HEADERS) delete req.headers[name];
    void credentialHeaders().then((h) => {
      if (h.ok) {
        for (const [name, value] of Object.entries(h.headers)) {
          req.headers[name.toLowerCase()] = value;
          secrets.add(value); // a generated OAuth token too
        }
      } else {
        authProblem = h.message;
      }
      next();
    });
  };

  const stateHandlers = Object.fromEntries(Object.entries(values).map(([state, v]) => [state, async () => ({ ...v })]));

  const relay = await startRelay(client);
  const results: ContractResult[] = [];
  try {
    for (const contract of contracts) results.push(await verifyOne(contract));
  } finally {
    await relay.close();
    client.close();
  }
  const redact = redactor(secrets);
  const clean = (r: ContractResult): ContractResult => ({
    ...r,
    error: r.error === undefined ? undefined : redact(r.error),
    interactions: r.interactions.map((i) => ({
      ...i,
      mismatches: i.mismatches.map((m) => ({ ...m, message: redact(m.message) })),
    })),
  });
  const cleaned = results.map(clean);
  return {
    ok: cleaned.every((r) => r.ok) && authProblem === undefined && relay.problems.length === 0,
    contracts: cleaned,
    authProblem: authProblem === undefined ? undefined : redact(authProblem),
    transportProblems: relay.problems.map((p) => ({ ...p, message: redact(p.message) })),
  };

  async function verifyOne(contract: Contract): Promise<ContractResult> {
    const base = { consumer: contract.consumer, provider: contract.provider, file: contract.file };
    const problemsBefore = relay.problems.length;
    const interactions = (failures: Map<string, Mismatch[]>): InteractionResult[] => {
      // Verification is sequential: the relay's problems since this contract began are this contract's.
      const transport = relay.problems.slice(problemsBefore);
      return contract.interactions.map((i) => {
        const path = resolvePath(i, values);
        const unknownStates = i.states.filter((s) => !(s in values));
        const relayProblems = [
          ...new Set(
            transport
              .filter((p) => p.path === path)
              .map((p) =>
                p.status === undefined
                  ? `${NO_ANSWER}: ${p.reason} (${p.message})`
                  : `${UNREADABLE} (HTTP ${p.status}): ${p.reason} (${p.message})`,
              ),
          ),
        ];
        const mismatches = [
          ...unknownStates.map((s): Mismatch => ({
            kind: 'error',
            message: `no handler for provider state "${s}" (known: ${Object.keys(values).join('; ')})`,
          })),
          ...relayProblems.map((why): Mismatch => ({ kind: 'error', message: why })),
          ...(failures.get(i.description) ?? []),
        ];
        return { description: i.description, states: i.states, method: i.method, path, ok: mismatches.length === 0, mismatches };
      });
    };

    if (contract.provider !== PROVIDER) {
      return { ...base, ok: false, interactions: [], error: `is a contract with "${contract.provider}", not with ${PROVIDER}` };
    }
    const verifier = new Verifier({
      provider: contract.provider,
      providerBaseUrl: relay.baseUrl,
      pactUrls: [contract.file],
      stateHandlers,
      requestFilter,
      // warn, never debug: at debug Pact's proxy logs every request with its headers.
      logLevel: 'warn',
      // Longer than the client's own timeout, so the relay's clear answer arrives first.
      timeout: config.timeoutMs + 5000,
      failIfNoPactsFound: true,
    });
    let raw: unknown;
    let passed: boolean;
    try {
      raw = await verifier.verifyProvider();
      passed = true;
    } catch (err) {
      raw = (err as Error).message;
      passed = false;
    }
    const json = parseVerifierJson(raw);
    if (!json) {
      return { ...base, ok: false, interactions: interactions(new Map()), error: `the verifier did not run: ${text(raw)}` };
    }
    const failures = failuresByDescription(
      json,
      contract.interactions.map((i) => i.description),
    );
    const results = interactions(failures);
    // Failures the verifier reported for no interaction of the file (should not happen) still fail the contract.
    const orphans = [...failures.keys()].filter((d) => !contract.interactions.some((i) => i.description === d));
    const ok = passed && json.result !== false && results.every((r) => r.ok) && orphans.length === 0;
    let error: string | undefined;
    if (orphans.length > 0) error = `failures outside the contract's interactions: ${orphans.join('; ')}`;
    else if (!ok && results.every((r) => r.ok)) error = `the verifier failed without naming an interaction: ${lastOutput(json)}`;
    return { ...base, ok, interactions: results, error };
  }
}
