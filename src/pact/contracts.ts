// The consumer contracts as files: where they live, what they are called, and
// what the provider verification needs to know about each one. The pact files
// themselves are written by Pact (the consumer tests) and never edited by hand.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isRecord } from '../json-object.ts';
import { PACKAGE_ROOT as ROOT } from '../package-root.ts';

/** Committed contracts: a change here is a change of contract. */
export const CONTRACTS_DIR = join(ROOT, 'contracts');
/** Where the consumer tests write the pact files they generate (git-ignored); the drift check compares it with CONTRACTS_DIR. */
export const GENERATED_PACTS_DIR = join(ROOT, 'reports', 'pacts');

/** The provider every contract is with: Capillary's GET /v2/customers/{customerId}/trackers. */
export const PROVIDER = 'capillary-customer-trackers';

/** Provider states, as plain sentences. Each handler returns { customerId } for the request path. */
export const STATES = {
  hasTrackers: 'customer has trackers',
  doesNotExist: 'customer does not exist',
} as const;

/** The request path, with the customer id injected from the provider state. */
export const TRACKERS_PATH_EXPRESSION = '/v2/customers/${customerId}/trackers';

export function pactFileName(consumer: string, provider = PROVIDER): string {
  return `${consumer}-${provider}.json`;
}

export interface ContractInteraction {
  description: string;
  /** Provider state names, in order. */
  states: string[];
  method: string;
  /** The example path, and the provider-state expression that replaces it when verifying (if any). */
  path: string;
  pathExpression?: string;
}

export interface Contract {
  file: string;
  consumer: string;
  provider: string;
  interactions: ContractInteraction[];
}

export type ContractsResult = { ok: true; contracts: Contract[] } | { ok: false; errors: string[] };

const nameOf = (v: unknown): string | undefined => (isRecord(v) && typeof v.name === 'string' ? v.name : undefined);

function readInteraction(raw: unknown): ContractInteraction | undefined {
  if (!isRecord(raw) || typeof raw.description !== 'string' || !isRecord(raw.request)) return undefined;
  const { request } = raw;
  const states = Array.isArray(raw.providerStates) ? raw.providerStates.map(nameOf).filter((s) => s !== undefined) : [];
  const generators = isRecord(request.generators) && isRecord(request.generators.path) ? request.generators.path : {};
  return {
    description: raw.description,
    states,
    method: typeof request.method === 'string' ? request.method : 'GET',
    path: typeof request.path === 'string' ? request.path : '',
    pathExpression: typeof generators.expression === 'string' ? generators.expression : undefined,
  };
}

/** One pact file, checked enough to verify it and to report on it. */
export function readContract(file: string): { ok: true; contract: Contract } | { ok: false; error: string } {
  const shown = basename(file);
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return { ok: false, error: `${shown}: not readable as JSON (${(err as Error).message})` };
  }
  if (!isRecord(doc)) return { ok: false, error: `${shown}: not a pact file (not a JSON object)` };
  const consumer = nameOf(doc.consumer);
  const provider = nameOf(doc.provider);
  if (!consumer || !provider || !Array.isArray(doc.interactions)) {
    return { ok: false, error: `${shown}: not a pact file (needs consumer.name, provider.name and interactions)` };
  }
  const interactions = doc.interactions.map(readInteraction);
  if (interactions.some((i) => i === undefined))
    return { ok: false, error: `${shown}: an interaction has no description or request` };
  if (shown !== pactFileName(consumer, provider)) {
    return { ok: false, error: `${shown}: must be named ${pactFileName(consumer, provider)} (<consumer>-<provider>.json)` };
  }
  return { ok: true, contract: { file, consumer, provider, interactions: interactions as ContractInteraction[] } };
}

/** Every *.json in the directory, sorted by name. Errors come back as values. */
export function loadContracts(dir: string = CONTRACTS_DIR): ContractsResult {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    return { ok: false, errors: [`${dir}: no such directory`] };
  }
  if (names.length === 0) return { ok: false, errors: [`${dir}: no contracts (*.json)`] };
  const contracts: Contract[] = [];
  const errors: string[] = [];
  for (const name of names) {
    const read = readContract(join(dir, name));
    if (read.ok) contracts.push(read.contract);
    else errors.push(read.error);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, contracts };
}
