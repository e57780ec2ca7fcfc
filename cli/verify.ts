// trackers-contract verify (npm run verify): verify every consumer contract in
// contracts/ against the configured target (the embedded sandbox unless
// CAP_BASE_URL is set). Exit codes are the one contract (src/exit-code.ts):
// 0 every interaction holds, 1 any breaks, 2 a usage, configuration or setup
// problem (one line each, never a stack trace), 3 no request got an answer.
// Colour only on a terminal (or with FORCE_COLOR; never with NO_COLOR): see
// src/config/colour.ts, and cli/without-colour.ts for why that takes a child process.
import '../src/pact/no-telemetry.ts';
import { fileURLToPath } from 'node:url';
import { DONE, EXIT, exitCodeFor } from '../src/exit-code.ts';
import { colourWanted } from '../src/config/colour.ts';
import { describeTarget, loadConfig } from '../src/config/api.ts';
import { CONTRACTS_DIR, loadContracts } from '../src/pact/contracts.ts';
import { formatVerification } from '../src/pact/format-verification.ts';
import { verificationVerdicts } from '../src/pact/verdicts.ts';
import { verifyContracts } from '../src/pact/verify-contracts.ts';
import { parseOptions } from '../src/parse-options.ts';
import { isEntryPoint } from './entry-point.ts';
import { openTarget } from './target.ts';
import { runWithoutColour } from './without-colour.ts';

export const USAGE = `Usage: trackers-contract verify [options]    (in a clone: npm run verify)

Verifies every consumer contract (Pact) shipped in contracts/ against CAP_BASE_URL
(default: the embedded sandbox), with the credentials of .env.example.

Options:
  -h, --help   this text

Exit codes: 0 every interaction holds, 1 an interaction broke, 2 usage, configuration or setup
error (CAP_BASE_URL without credentials included), 3 inconclusive (the provider did not answer).
`;

export async function main(argv: readonly string[]): Promise<number> {
  const fail = (message: string) => {
    process.stderr.write(`verify: ${message}\n`);
    return EXIT.usage;
  };
  const parsed = parseOptions(argv, { help: { type: 'boolean', short: 'h', default: false } });
  if (!parsed.ok) return fail(`${parsed.error} (see --help)`);
  if (parsed.values.help === true) {
    process.stdout.write(USAGE);
    return DONE;
  }
  const loadedConfig = loadConfig();
  if (!loadedConfig.ok) return fail(`configuration error: ${loadedConfig.errors.join('; ')} (see .env.example)`);
  const config = loadedConfig.config;
  const loaded = loadContracts(CONTRACTS_DIR);
  if (!loaded.ok) return fail(`cannot read the contracts:\n${loaded.errors.map((e) => `  - ${e}`).join('\n')}`);
  if (!colourWanted(process.stdout.isTTY === true)) {
    // The child checks the options, configuration and contracts again (milliseconds), and prints the rest.
    const run = await runWithoutColour(fileURLToPath(import.meta.url), argv);
    return run.ok ? run.exitCode : fail(run.error);
  }
  process.stdout.write(
    `verifying ${loaded.contracts.length} consumer contracts (${loaded.contracts.map((c) => c.consumer).join(', ')}) against ${describeTarget(config.target)}\n`,
  );
  const target = await openTarget(config);
  let report;
  try {
    report = await verifyContracts({ config, baseUrl: target.baseUrl, contracts: loaded.contracts });
  } finally {
    await target.close();
  }
  process.stdout.write(formatVerification(report, target.label));
  return exitCodeFor(verificationVerdicts(report));
}

if (isEntryPoint(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`verify: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
