#!/usr/bin/env node
// The one installed command: `trackers-contract <command> [options]`. Each
// command is a module with main(argv) → exit code (src/exit-code.ts); only
// the one asked for is loaded, so `monitor --once` does not pay for Playwright
// or Pact. Usage errors are one line on stderr and exit 2.
import { DONE, EXIT, NOT_DONE } from '../src/exit-code.ts';
import { packageVersion } from '../src/package-root.ts';
import { isEntryPoint, quietOnBrokenPipe } from './entry-point.ts';

/** Each command's summary lives here alone, so --help lists them without loading any. */
const COMMANDS: Record<string, { summary: string; main: (argv: readonly string[]) => Promise<number> }> = {
  gate: {
    summary: 'the release gate: every check, JUnit and HTML reports',
    main: async (argv) => (await import('./gate.ts')).main(argv),
  },
  verify: {
    summary: 'verify the consumer contracts (Pact) against the provider',
    main: async (argv) => (await import('./verify.ts')).main(argv),
  },
  monitor: {
    summary: 'the monitor: Prometheus metrics, status page; --once [--push] for cron',
    main: async (argv) => (await import('./monitor.ts')).main(argv),
  },
  validate: {
    summary: 'validate a captured response body against the contract',
    main: async (argv) => (await import('./validate.ts')).main(argv),
  },
  sandbox: {
    summary: 'serve the embedded sandbox (a local double of the endpoint)',
    main: async (argv) => (await import('./sandbox.ts')).main(argv),
  },
  replay: {
    summary: 'judge recorded exchanges (failure bundles, HAR) again, offline',
    main: async (argv) => (await import('./replay.ts')).main(argv),
  },
  record: {
    summary: "record the gate's requests and their answers as a HAR",
    main: async (argv) => (await import('./record.ts')).main(argv),
  },
  openapi: {
    summary: 'print the OpenAPI 3.1 document of the endpoint',
    main: async (argv) => (await import('./openapi.ts')).main(argv),
  },
  slo: {
    summary: 'SLO rules from a Sloth spec; slo report: SLIs, budgets, incidents',
    main: async (argv) => (await import('./slo.ts')).main(argv),
  },
};

/** The commands, in the order --help lists them (docs/reference.md shows each one's help). */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

export const USAGE = `Usage: trackers-contract <command> [options]

Contract and monitoring tests for Capillary's GET /v2/customers/{customerId}/trackers.
The target is CAP_BASE_URL with its credentials (see .env.example), else the embedded sandbox.

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Options:
  -h, --help     this text (trackers-contract <command> --help for a command's)
  -V, --version  the version

Exit codes: 0 pass, 1 the contract is broken, 2 usage or configuration error (CAP_BASE_URL without
credentials included), 3 inconclusive (no request got an HTTP answer, or nothing was judged).
`;

export async function main(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help') {
    (first === undefined ? process.stderr : process.stdout).write(USAGE);
    return first === undefined ? EXIT.usage : DONE;
  }
  if (first === '-V' || first === '--version') {
    process.stdout.write(`${packageVersion()}\n`);
    return DONE;
  }
  const entry = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (entry === undefined) {
    const what = first.startsWith('-') ? 'option' : 'command';
    process.stderr.write(
      `trackers-contract: unknown ${what} ${JSON.stringify(first)}; commands: ${Object.keys(COMMANDS).join(', ')} (see --help)\n`,
    );
    return EXIT.usage;
  }
  return entry.main(rest);
}

if (isEntryPoint(import.meta.url)) {
  quietOnBrokenPipe();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // A bug, not a user error: one line, no stack.
      process.stderr.write(`trackers-contract: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = NOT_DONE;
    },
  );
}
