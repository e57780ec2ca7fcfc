// Runs provider verifications for the proof tests in a child process, because
// Pact's native verifier prints its report straight to file descriptor 1 and
// would flood the test runner's output. Usage (from run-verifications.ts):
//   node --import tsx verification-worker.ts CASES.json RESULTS.json
// Each case: sandbox options and a config environment; each result: the report
// and the printed summary block.
import '../../../src/pact/no-telemetry.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import type { SandboxOptions } from '../../../sandbox/app.ts';
import { loadConfig } from '../../../src/config/api.ts';
import { loadContracts } from '../../../src/pact/contracts.ts';
import { formatVerification } from '../../../src/pact/format-verification.ts';
import { verifyContracts, type VerificationReport } from '../../../src/pact/verify-contracts.ts';
import { openTarget } from '../../../cli/target.ts';

export interface VerificationCase {
  sandbox?: SandboxOptions;
  /** Configuration environment (the sandbox target unless CAP_BASE_URL is given). */
  env?: Record<string, string>;
}

export type VerificationOutcome = { ok: true; report: VerificationReport; summary: string } | { ok: false; error: string };

async function run(c: VerificationCase): Promise<VerificationOutcome> {
  const loaded = loadConfig(c.env ?? {});
  if (!loaded.ok) return { ok: false, error: loaded.errors.join('; ') };
  const contracts = loadContracts();
  if (!contracts.ok) return { ok: false, error: contracts.errors.join('; ') };
  const target = await openTarget(loaded.config, c.sandbox ?? {});
  try {
    const report = await verifyContracts({ config: loaded.config, baseUrl: target.baseUrl, contracts: contracts.contracts });
    return { ok: true, report, summary: formatVerification(report, target.label) };
  } finally {
    await target.close();
  }
}

const [casesFile, resultsFile] = process.argv.slice(2);
if (!casesFile || !resultsFile) throw new Error('usage: verification-worker.ts CASES.json RESULTS.json');
const cases = JSON.parse(readFileSync(casesFile, 'utf8')) as VerificationCase[];
const results: VerificationOutcome[] = [];
for (const c of cases) results.push(await run(c).catch((err: Error) => ({ ok: false as const, error: err.message })));
writeFileSync(resultsFile, JSON.stringify(results));
