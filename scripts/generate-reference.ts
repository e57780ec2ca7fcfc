// Writes docs/reference.md from the code (npm run reference), or with --check fails when the
// committed page differs from what the code generates (npm run check:generated). Every table is
// read from the data the program itself runs on, so the page cannot say what the code does not:
// exit codes from EXIT, variables from ENV_VARS (the Reader reads no other), each command's
// --help text from its USAGE, failure reasons from REASONS, and metrics from the families
// createMetrics registers.
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { Registry } from 'prom-client';
import { COMMAND_NAMES, USAGE as TOP_USAGE } from '../cli/trackers-contract.ts';
import { isEntryPoint } from '../cli/entry-point.ts';
import { createMetrics } from '../monitor/metrics.ts';
import { CHECK_NAMES, REASONS, REASON_MEANINGS, REASONS_BY_CHECK, verdictOf } from '../src/checks/result.ts';
import { EXIT, EXIT_MEANINGS } from '../src/exit-code.ts';
import { ENV_VARS, SECRET_VARS, type EnvVar } from '../src/config/env.ts';
import { PACKAGE_ROOT } from '../src/package-root.ts';
import { writeOrCheck, type GeneratedFile } from './write-or-check.ts';

export const REFERENCE: GeneratedFile = {
  path: join(PACKAGE_ROOT, 'docs', 'reference.md'),
  shown: 'docs/reference.md',
  tool: 'reference',
  from: 'the code',
  matches: 'EXIT, ENV_VARS, the USAGE texts, REASONS and the metrics',
  fix: 'npm run reference',
};

/** Where each command's --help text lives. A command without an entry stops the generator. */
const HELP: Readonly<Record<string, () => Promise<string>>> = {
  gate: async () => (await import('../cli/gate.ts')).USAGE,
  verify: async () => (await import('../cli/verify.ts')).USAGE,
  monitor: async () => (await import('../monitor/flags.ts')).USAGE,
  validate: async () => (await import('../cli/validate.ts')).USAGE,
  sandbox: async () => (await import('../cli/sandbox.ts')).USAGE,
  replay: async () => (await import('../cli/replay.ts')).USAGE,
  record: async () => (await import('../cli/record.ts')).USAGE,
  openapi: async () => (await import('../cli/openapi.ts')).USAGE,
  slo: async () => (await import('../cli/slo.ts')).USAGE,
};

/** One Markdown table; cells are already Markdown, so only a pipe needs escaping. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const code = (text: string) => `\`${text}\``;

/** Text that is not Markdown (a metric's # HELP, say), escaped so that it renders as written. */
const plain = (text: string) => text.replace(/[\\`*[\]<]/g, (c) => `\\${c}`);

/** A fenced block that no line of the text can close early. */
function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${text.trimEnd()}\n${fence}`;
}

function exitCodes(): string {
  const rows = (Object.keys(EXIT) as (keyof typeof EXIT)[]).map((name) => [String(EXIT[name]), name, EXIT_MEANINGS[name]]);
  return `## Exit codes

Every command follows one contract: \`EXIT\` and \`EXIT_MEANINGS\` in [\`src/exit-code.ts\`](../src/exit-code.ts), decided by \`exitCodeFor\`.
A command that cannot give one of them says so in its [help](#commands-and-flags).

${table(['code', 'name', 'meaning'], rows)}`;
}

function variables(): string {
  const rows = Object.entries(ENV_VARS as Record<string, EnvVar>).map(([name, v]) => [
    code(name),
    `${v.meaning}${SECRET_VARS.has(name) ? ' (secret: its value is never shown)' : ''}`,
  ]);
  return `## Environment variables

\`ENV_VARS\` in [\`src/config/env.ts\`](../src/config/env.ts): the configuration reads these and no other, except
the variables a targets file names for its credentials ([monitor.md](monitor.md#targets-file)).
[\`.env.example\`](../.env.example) lists the same, with example values. A bad value stops the command with
exit 2 and a message naming the variable and the value (a secret's value is never shown).

${table(['variable', 'meaning'], rows)}`;
}

async function commands(): Promise<string> {
  const missing = COMMAND_NAMES.filter((name) => !Object.hasOwn(HELP, name));
  if (missing.length > 0) throw new Error(`generate-reference: no USAGE source for ${missing.join(', ')}; add it to HELP`);
  const sections = [`### trackers-contract\n\n${fenced(TOP_USAGE)}`];
  for (const name of COMMAND_NAMES) sections.push(`### ${name}\n\n${fenced(await HELP[name]!())}`);
  // Subcommands with flags of their own.
  sections.push(`### slo report\n\n${fenced((await import('../cli/slo-report.ts')).USAGE)}`);
  return `## Commands and flags

Each command's \`--help\`: \`trackers-contract <command> --help\` (in a clone,
\`node dist/cli/trackers-contract.js <command> --help\`; \`npm ci\` builds \`dist/\`), from the \`USAGE\` text
of its module under [\`cli/\`](../cli) (the monitor's is in [\`monitor/flags.ts\`](../monitor/flags.ts)).

${sections.join('\n\n')}`;
}

function reasons(): string {
  const rows = REASONS.map((reason) => [
    code(reason),
    verdictOf(reason),
    CHECK_NAMES.filter((check) => REASONS_BY_CHECK[check].includes(reason))
      .map(code)
      .join(', '),
    REASON_MEANINGS[reason],
  ]);
  return `## Failure reasons

A check that does not pass gives exactly one reason, the first that applies in a fixed order (transport,
then status, media type and JSON, contract, latency), so the same fault always counts the same way. It is
the \`reason\` label of the metrics. \`REASONS\`, \`REASON_MEANINGS\` and \`REASONS_BY_CHECK\` in
[\`src/checks/result.ts\`](../src/checks/result.ts); the verdict is \`verdictOf\`'s: a reason that means no
HTTP answer arrived makes the check inconclusive, any other makes it fail.

${table(['reason', 'verdict', 'checks that give it', 'meaning'], rows)}`;
}

interface Family {
  name: string;
  help: string;
  type: string;
  labelNames?: readonly string[];
}

function metrics(): string {
  const registry = new Registry();
  // One target with every check enabled, so every family the monitor can export is registered.
  createMetrics({
    registry,
    targets: [{ name: 'reference', config: { latencyBudgetMs: 3000, latencyDegradedMs: 1000 }, authIntervalSeconds: 300 }],
    version: 'reference',
    defaultMetrics: false,
  });
  const families = (registry.getMetricsAsArray() as unknown as Family[]).slice().sort((a, b) => a.name.localeCompare(b.name));
  const rows = families.map((f) => [
    code(f.name),
    f.type,
    (f.labelNames ?? []).length > 0 ? (f.labelNames ?? []).map(code).join(', ') : '',
    plain(f.help),
  ]);
  return `## Metrics

What the monitor exports, as \`createMetrics\` in [\`monitor/metrics.ts\`](../monitor/metrics.ts) registers it,
with the \`# HELP\` text of each. Every series also has a \`location\` label when the monitor has a location
(\`MONITOR_LOCATION\`, \`--location\`). The service adds prom-client's default \`process_*\` and \`nodejs_*\`
metrics; \`--once\` does not. How the rules, dashboards and SLOs use them: [monitor.md](monitor.md#metrics),
[prometheus.md](prometheus.md).

${table(['metric', 'type', 'labels', 'help'], rows)}`;
}

export async function generateReference(): Promise<string> {
  const markdown = `# Reference

<!-- Generated from the code by \`npm run reference\` (scripts/generate-reference.ts). DO NOT EDIT:
change the code and regenerate. \`npm run check:generated\` fails when this page drifts. -->

Generated from the code, so it says what the code does:
[exit codes](#exit-codes), [environment variables](#environment-variables),
[commands and flags](#commands-and-flags), [failure reasons](#failure-reasons) and [metrics](#metrics).

${exitCodes()}

${variables()}

${await commands()}

${reasons()}

${metrics()}
`;
  return format(markdown, { ...(await resolveConfig(REFERENCE.path)), parser: 'markdown' });
}

async function main(): Promise<void> {
  writeOrCheck(REFERENCE, await generateReference());
}

if (isEntryPoint(import.meta.url)) await main();
