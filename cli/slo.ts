// trackers-contract slo: Prometheus rules from an SLO spec in Sloth's
// prometheus/v1 format (monitor/slo/generate-rules.ts): SLI recordings per
// window, budget and burn-rate rules, and page/ticket multiwindow burn alerts.
// Without a file it reads the shipped spec, monitor/slo/trackers.slo.yml.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { generateSloRules } from '../monitor/slo/generate-rules.ts';
import { DONE, EXIT } from '../src/exit-code.ts';
import { PACKAGE_ROOT } from '../src/package-root.ts';
import { parseOptions } from '../src/parse-options.ts';
import { showInline } from '../src/show-value.ts';
import { isEntryPoint } from './entry-point.ts';

export const SHIPPED_SPEC = join(PACKAGE_ROOT, 'monitor', 'slo', 'trackers.slo.yml');

export const USAGE = `Usage: trackers-contract slo [options]

Writes Prometheus recording and alerting rules for the SLOs of a spec in Sloth's prometheus/v1
format (https://sloth.dev): error ratios over 5m, 30m, 1h, 2h, 6h, 1d, 3d and 30d, the budget
remaining and burn rates, and multiwindow, multi-burn-rate alerts (severity page and ticket).

Options:
  -s, --spec FILE  the SLO spec (default: the shipped monitor/slo/trackers.slo.yml)
  -o, --out FILE   write the rules to FILE instead of stdout
  -h, --help       this text

Exit codes: 0 written, 2 usage error, or a spec that cannot be read or is not valid (each problem
named by its JSON path).
`;

export function main(argv: readonly string[]): number {
  const parsed = parseOptions(argv, {
    spec: { type: 'string', short: 's' },
    out: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (!parsed.ok) {
    process.stderr.write(`slo: ${parsed.error} (see --help)\n`);
    return EXIT.usage;
  }
  const { spec, out, help } = parsed.values;
  if (help === true) {
    process.stdout.write(USAGE);
    return DONE;
  }
  const file = typeof spec === 'string' && spec !== '' ? spec : SHIPPED_SPEC;
  let document: unknown;
  try {
    document = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code ?? e.message.split('\n')[0] ?? 'error';
    process.stderr.write(`slo: ${showInline(file, 200)}: cannot read the spec (${showInline(why, 200)})\n`);
    return EXIT.usage;
  }
  const generated = generateSloRules(document, file === SHIPPED_SPEC ? 'monitor/slo/trackers.slo.yml' : file);
  if (!generated.ok) {
    process.stderr.write(`slo: ${showInline(file, 200)}:\n${generated.errors.map((e) => `  - ${e}`).join('\n')}\n`);
    return EXIT.usage;
  }
  if (typeof out !== 'string') {
    process.stdout.write(generated.yaml);
    return DONE;
  }
  try {
    writeFileSync(out, generated.yaml);
  } catch (err) {
    process.stderr.write(`slo: cannot write ${showInline(out, 200)}: ${(err as NodeJS.ErrnoException).code ?? String(err)}\n`);
    return EXIT.usage;
  }
  return DONE;
}

export const COMMAND = { summary: 'Prometheus SLO rules (burn-rate alerts) from a Sloth spec', main };

if (isEntryPoint(import.meta.url)) process.exitCode = main(process.argv.slice(2));
