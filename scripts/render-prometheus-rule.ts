// Writes deploy/kubernetes/common/prometheusrule.yaml from monitor/prometheus/*.rules.yml
// (npm run k8s:rules), or with --check fails (exit 1) when the committed file differs from
// what the rule files render. A bad rule file is one line naming it; exit 2.
import { fileURLToPath } from 'node:url';
import { readRuleFiles, renderPrometheusRule } from './prometheus-rule.ts';
import { isEntryPoint } from '../cli/entry-point.ts';
import { writeOrCheck } from './write-or-check.ts';

export const RULES_DIR = fileURLToPath(new URL('../monitor/prometheus/', import.meta.url));
export const PROMETHEUS_RULE_FILE = fileURLToPath(new URL('../deploy/kubernetes/common/prometheusrule.yaml', import.meta.url));

function main(): void {
  let rendered: string;
  try {
    rendered = renderPrometheusRule(readRuleFiles(RULES_DIR, 'monitor/prometheus'));
  } catch (err) {
    process.stderr.write(`k8s:rules: ${(err as Error).message.split('\n')[0]}\n`);
    process.exit(2);
  }
  writeOrCheck(
    {
      path: PROMETHEUS_RULE_FILE,
      shown: 'deploy/kubernetes/common/prometheusrule.yaml',
      tool: 'k8s:rules',
      from: 'monitor/prometheus/',
      matches: 'monitor/prometheus/*.rules.yml',
      fix: 'npm run k8s:rules',
    },
    rendered,
  );
}

if (isEntryPoint(import.meta.url)) main();
