// The closing block of a provider verification: per consumer, PASS, FAIL or
// INCONCLUSIVE (no answer), and for each interaction that did not hold the
// request, the provider state and every expectation that broke (JSON path,
// header or status). Plain text, no colour.
import { basename } from 'node:path';
import type { Verdict } from '../checks/result.ts';
import { runVerdict } from '../exit-code.ts';
import { pathPattern } from '../group-findings.ts';
import { contractVerdicts, verificationVerdicts } from './verdicts.ts';
import type { InteractionResult, Mismatch, VerificationReport } from './verify-contracts.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Long messages (a whole object quoted by the verifier) are cut: the path says where to look. */
const MAX_MESSAGE = 300;
const clip = (text: string) =>
  text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}... (${text.length} characters)` : text;

// $.data[12].value → $.data[*].value (the grouped findings' pathPattern): one change to every tracker is
// one line, not a hundred.
const pattern = pathPattern;
const firstIndex = (where: string) => Number(/\[(\d+)\]/.exec(where)?.[1] ?? -1);

/** One line per kind of breakage: mismatches at the same path pattern are counted, the lowest index shown. */
export function summariseMismatches(mismatches: readonly Mismatch[]): string[] {
  const groups = new Map<string, Mismatch[]>();
  for (const m of mismatches) {
    const key = `${m.kind} ${m.where === undefined ? m.message : pattern(m.where)}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  return [...groups.values()].map((group) => {
    const [first] = [...group].sort((a, b) => firstIndex(a.where ?? '') - firstIndex(b.where ?? ''));
    const m = first!;
    const at = m.where && m.kind !== 'status' && m.kind !== 'error' ? `${m.where}: ` : '';
    const more = group.length > 1 ? ` (and ${group.length - 1} more at ${pattern(m.where ?? '')})` : '';
    return `[${m.kind}] ${at}${clip(m.message)}${more}`;
  });
}

function formatInteraction(consumer: string, i: InteractionResult): string[] {
  return [
    `  x ${consumer}: "${i.description}"`,
    `      request: ${i.method} ${i.path}${i.states.length > 0 ? `   (provider state: ${i.states.join(', ')})` : ''}`,
    ...summariseMismatches(i.mismatches).map((line) => `      - ${line}`),
  ];
}

export function formatVerification(report: VerificationReport, targetLabel: string): string {
  const lines = ['', `=== consumer contract verification against ${targetLabel} ===`];
  const byVerdict: Record<Verdict, string[]> = { pass: [], fail: [], inconclusive: [] };
  for (const c of report.contracts) {
    const verdict: Verdict = c.ok ? 'pass' : runVerdict(contractVerdicts(c));
    byVerdict[verdict].push(c.consumer);
    const failed = c.interactions.filter((i) => !i.ok);
    const file = `contracts/${basename(c.file)}`;
    if (verdict === 'pass') {
      lines.push(`PASS ${c.consumer}: ${plural(c.interactions.length, 'interaction')} (${file})`);
      continue;
    }
    lines.push(
      verdict === 'inconclusive'
        ? `INCONCLUSIVE ${c.consumer}: ${failed.length} of ${plural(c.interactions.length, 'interaction')} got no answer from the provider (${file})`
        : `FAIL ${c.consumer}: ${failed.length} of ${plural(c.interactions.length, 'interaction')} broken (${file})`,
    );
    if (c.error) lines.push(`  ! ${c.error}`);
    for (const i of failed) lines.push(...formatInteraction(c.consumer, i));
  }
  if (report.authProblem) lines.push(`! the configured credentials could not be used: ${report.authProblem}`);
  // The word is the exit code's (src/exit-code.ts): the same verdicts decide both.
  const total = report.contracts.length;
  const some = (names: string[], what: string) =>
    names.length > 0 ? [`${names.length} of ${plural(total, 'contract')} ${what} (${names.join(', ')})`] : [];
  switch (runVerdict(verificationVerdicts(report))) {
    case 'pass':
      lines.push(`verification PASSED: ${plural(total, 'contract')}, every interaction holds`);
      break;
    case 'inconclusive':
      lines.push(
        `verification INCONCLUSIVE: the provider did not answer, so no contract was judged (${plural(total, 'contract')})`,
      );
      break;
    case 'fail': {
      const parts = [...some(byVerdict.fail, 'broken'), ...some(byVerdict.inconclusive, 'got no answer')];
      const why = report.authProblem
        ? 'the configured credentials could not be used'
        : 'a request got no answer from the provider';
      lines.push(`verification FAILED: ${parts.length > 0 ? parts.join('; ') : why}`);
      break;
    }
  }
  return `${lines.join('\n')}\n`;
}
