#!/usr/bin/env node
// The one installed command: `trackers-contract <command> [options]`. Each
// command is a module with main(argv) → exit code (src/exit-code.ts); only
// the one asked for is loaded, so `monitor --once` does not pay for Playwright
// or Pact. Usage errors are one line on stderr and exit 2.
import { DONE, EXIT, NOT_DONE } from '../src/exit-code.ts';
import { packageVersion } from '../src/package-root.ts';
import { isEntryPoint, quietOnBrokenPipe } from './entry-point.ts';

export interface Command {
  summary: string;
  main(argv: readonly string[]): Promise<number> | number;
}

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  gate: {
    summary: 'the release gate: every check, JUnit and HTML reports',
    load: async () => (await import('./gate.ts')).COMMAND,
  },
  verify: {
    summary: 'verify the consumer contracts (Pact) against the provider',
    load: async () => (await import('./verify.ts')).COMMAND,
  },
  monitor: {
    summary: 'the monitor: Prometheus metrics, status page; --once [--push] for cron',
    load: async () => (await import('./monitor.ts')).COMMAND,
  },
  validate: {
    summary: 'validate a captured response body against the contract',
    load: async () => (await import('./validate.ts')).COMMAND,
  },
  sandbox: {
    summary: 'serve the embedded sandbox (a local double of the endpoint)',
    load: async () => (await import('./sandbox.ts')).COMMAND,
  },
  replay: {
    summary: 'judge recorded exchanges (failure bundles, HAR) again, offline',
    load: async () => (await import('./replay.ts')).COMMAND,
  },
  record: {
    summary: "record the gate's requests and their answers as a HAR",
    load: async () => (await import('./record.ts')).COMMAND,
  },
  openapi: {
    summary: 'print the OpenAPI 3.1 document of the endpoint',
    load: async () => (await import('./openapi.ts')).COMMAND,
  },
  slo: {
    summary: 'SLO rules from a Sloth spec; slo report: SLIs, budgets, incidents',
    load: async () => (await import('./slo.ts')).COMMAND,
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
  const command = await entry.load();
  return command.main(rest);
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
