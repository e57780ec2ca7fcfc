// Writes monitor/prometheus/trackers-slo.rules.yml from monitor/slo/trackers.slo.yml
// (npm run slo), or with --check fails when the committed rules differ from what the
// spec generates. A bad spec is one line per problem, naming the JSON path; exit 2.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { parse } from 'yaml';
import { generateSloRules } from '../monitor/slo/generate-rules.ts';
import { isEntryPoint } from '../cli/entry-point.ts';
import { writeOrCheck } from './write-or-check.ts';

export const SLO_SPEC_FILE = fileURLToPath(new URL('../monitor/slo/trackers.slo.yml', import.meta.url));
export const SLO_RULES_FILE = fileURLToPath(new URL('../monitor/prometheus/trackers-slo.rules.yml', import.meta.url));

function fail(message: string): never {
  process.stderr.write(`slo: ${message}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let document: unknown;
  try {
    document = parse(readFileSync(SLO_SPEC_FILE, 'utf8'));
  } catch (err) {
    fail(`monitor/slo/trackers.slo.yml: ${(err as Error).message.split('\n')[0]}`);
  }
  const generated = generateSloRules(document);
  if (!generated.ok) fail(`monitor/slo/trackers.slo.yml:\n${generated.errors.map((e) => `  - ${e}`).join('\n')}`);
  // Formatted as the repository's YAML is, so `prettier --check .` and the drift check agree.
  const text = await format(generated.yaml, { ...(await resolveConfig(SLO_RULES_FILE)), parser: 'yaml' });
  writeOrCheck(
    {
      path: SLO_RULES_FILE,
      shown: 'monitor/prometheus/trackers-slo.rules.yml',
      tool: 'slo',
      from: 'monitor/slo/',
      matches: 'monitor/slo/trackers.slo.yml',
      fix: 'npm run slo',
    },
    text,
  );
}

// Only when run: the tests import the file names above, and an import that rewrote the committed
// rules (truncate, then write) let another test process read the file empty.
if (isEntryPoint(import.meta.url)) await main();
