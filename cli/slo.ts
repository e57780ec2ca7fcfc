// trackers-contract slo [rules]: Prometheus rules from an SLO spec in Sloth's
// prometheus/v1 format (monitor/slo/generate-rules.ts): SLI recordings per
// window, budget and burn-rate rules, and page/ticket multiwindow burn alerts.
// Without a file it reads the shipped spec, monitor/slo/trackers.slo.yml.
// trackers-contract slo report: the report over a period (cli/slo-report.ts).
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

export const USAGE = `Usage: trackers-contract slo [rules] [options]
       trackers-contract slo report [options]   (see slo report --help)

slo rules (or slo alone) writes Prometheus recording and alerting rules for the SLOs of a spec in
Sloth's prometheus/v1 format (https://sloth.dev): error ratios over 5m, 30m, 1h, 2h, 6h, 1d, 3d and
30d, the budget remaining and burn rates, and multiwindow, multi-burn-rate alerts (severity page and
ticket). slo report says how each SLO did over a period: SLI, budget, incidents.

Options:
  -s, --spec FILE  the SLO spec (default: the shipped monitor/slo/trackers.slo.yml)
  -o, --out FILE   write the rules to FILE instead of stdout
  -h, --help       this text

Exit codes: 0 written, 2 usage error, or a spec that cannot be read or is not valid (each problem
named by its JSON path).
`;

/** slo report, or the rules (`slo rules`, and `slo` alone as before there was a report). */
export async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === 'report') return (await import('./slo-report.ts')).main(argv.slice(1));
  return rules(argv[0] === 'rules' ? argv.slice(1) : argv);
}

function rules(argv: readonly string[]): number {
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

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
