// npm run verify: verify every consumer contract in contracts/ against the
// configured target (the embedded sandbox unless CAP_BASE_URL is set).
// Exit codes are the one contract (src/checks/run.ts EXIT): 0 every interaction
// holds, 1 any breaks, 2 a usage, configuration or setup problem (one line each,
// never a stack trace), 3 no request got an answer from the provider.
import '../src/pact/no-telemetry.ts';
import { describeTarget, loadConfigOrExit } from '../src/config/api.ts';
import { CONTRACTS_DIR, loadContracts } from '../src/pact/contracts.ts';
import { formatVerification } from '../src/pact/format-verification.ts';
import { verificationExitCode, verifyContracts } from '../src/pact/verify-contracts.ts';
import { startTarget } from './target.ts';

const USAGE = 'usage: npm run verify   (verifies every contract in contracts/ against the configured target; see .env.example)';

function fail(message: string): never {
  process.stderr.write(`verify: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (args.length > 0) fail(`unexpected argument ${JSON.stringify(args[0])}\n${USAGE}`);
  const config = loadConfigOrExit();
  const loaded = loadContracts(CONTRACTS_DIR);
  if (!loaded.ok) fail(`cannot read the contracts:\n${loaded.errors.map((e) => `  - ${e}`).join('\n')}`);
  process.stdout.write(
    `verifying ${loaded.contracts.length} consumer contracts (${loaded.contracts.map((c) => c.consumer).join(', ')}) against ${describeTarget(config.target)}\n`,
  );
  const target = await startTarget(config);
  let report;
  try {
    report = await verifyContracts({ config, baseUrl: target.baseUrl, contracts: loaded.contracts });
  } finally {
    await target.close();
  }
  process.stdout.write(formatVerification(report, target.label));
  process.exitCode = verificationExitCode(report);
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
