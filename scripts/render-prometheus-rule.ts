// Writes deploy/kubernetes/common/prometheusrule.yaml from monitor/prometheus/*.rules.yml
// (npm run k8s:rules), or with --check fails (exit 1) when the committed file differs from
// what the rule files render. A bad rule file is one line naming it; exit 2.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readRuleFiles, renderPrometheusRule } from './prometheus-rule.ts';

export const RULES_DIR = fileURLToPath(new URL('../monitor/prometheus/', import.meta.url));
export const PROMETHEUS_RULE_FILE = fileURLToPath(new URL('../deploy/kubernetes/common/prometheusrule.yaml', import.meta.url));
const SHOWN = 'deploy/kubernetes/common/prometheusrule.yaml';

function main(): void {
  let rendered: string;
  try {
    rendered = renderPrometheusRule(readRuleFiles(RULES_DIR, 'monitor/prometheus'));
  } catch (err) {
    process.stderr.write(`k8s:rules: ${(err as Error).message.split('\n')[0]}\n`);
    process.exit(2);
  }
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(PROMETHEUS_RULE_FILE, 'utf8');
    } catch {
      // a missing file is drift too
    }
    if (committed !== rendered) {
      process.stderr.write(`${SHOWN} is out of date with monitor/prometheus/: run \`npm run k8s:rules\` and commit it.\n`);
      process.exit(1);
    }
    process.stdout.write(`k8s:rules: ${SHOWN} matches monitor/prometheus/*.rules.yml\n`);
    return;
  }
  writeFileSync(PROMETHEUS_RULE_FILE, rendered);
  process.stdout.write(`wrote ${SHOWN}\n`);
}

main();
