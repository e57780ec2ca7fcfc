// trackers-contract replay PATH: judge recorded exchanges again, offline, with today's checks. PATH
// is a failure bundle, a HAR file, or a directory of them. Each recording is served by an in-process
// sandbox (sandbox/replay.ts) on a loopback port, and the real checks run over it through the real
// client: the judgement is the one verdict (src/checks), not a second copy of it. So a fixed
// validator, or a changed contract, is checked against yesterday's real failures.
import { SANDBOX_PASSWORD, SANDBOX_USERNAME, loadConfig, type Config } from '../src/config/api.ts';
import { createClient } from '../src/client.ts';
import { runCheck } from '../src/checks/run.ts';
import type { CheckResult } from '../src/checks/result.ts';
import { DONE, EXIT, exitCodeFor, runVerdict } from '../src/exit-code.ts';
import { formatGroups } from '../src/format-findings.ts';
import { parseOptions } from '../src/parse-options.ts';
import { readRecordings, type ReadRecording } from '../src/read-bundle.ts';
import { planReplay } from '../src/replay-plan.ts';
import { Secret } from '../src/secret.ts';
import { isEntryPoint } from './entry-point.ts';
import { startSandbox } from './target.ts';

export const USAGE = `Usage: trackers-contract replay PATH [options]

Judges recorded exchanges again, offline, with today's checks: PATH is a failure bundle directory
(the gate's GATE_REPORT_DIR/failures/…, the monitor's --failures-dir), a HAR file (exchange.har, or
one written by record), or a directory of them. Each recording is served on a loopback port, as
late as it was recorded, and the checks that sent it run again; nothing leaves this machine.
CAP_LATENCY_BUDGET_MS, CAP_NOT_FOUND_STATUSES and the other judging settings apply; CAP_BASE_URL and
credentials do not.

Options:
  -h, --help   this text

Exit codes: 0 every recording passes now, 1 a recording still fails, 2 usage error or bad input
(a truncated HAR, a HAR of another API, a missing directory, a bundle from a later version),
3 nothing could be judged (no recorded request belongs to a check).
`;

export interface Replayed {
  /** The checks' verdicts; none when no recorded request belongs to a check. */
  results: CheckResult[];
  /** Requests today's checks sent that nothing recorded answered (each got a 501). */
  unrecorded: string[];
}

export async function replayRecording(recording: ReadRecording, config: Config): Promise<Replayed> {
  const plans = planReplay(recording.bundle);
  if (plans.length === 0) return { results: [], unrecorded: [] };
  const lines: string[] = [];
  const running = await startSandbox({ replay: recording.bundle.entries, log: (line) => lines.push(line) });
  const client = createClient({
    baseUrl: running.baseUrl,
    // The sandbox's own credentials: it sorts each request into valid, none or wrong against them.
    auth: { kind: 'basic', username: SANDBOX_USERNAME, password: new Secret(SANDBOX_PASSWORD), passwordIsMd5: false },
    timeoutMs: config.timeoutMs,
  });
  try {
    const results: CheckResult[] = [];
    for (const plan of plans) {
      const settings = {
        ...config,
        customerId: plan.customerId ?? config.customerId,
        missingCustomerId: plan.missingCustomerId ?? config.missingCustomerId,
      };
      results.push(await runCheck(plan.check, client, settings, plan.options));
    }
    return { results, unrecorded: lines };
  } finally {
    client.close();
    await running.close();
  }
}

/** Finding groups shown per check; result.json and the recording keep every finding. */
const MAX_FINDINGS = 10;

/** A recording's verdicts for people: one line per check, its findings under it. */
export function formatReplay(recording: ReadRecording, { results, unrecorded }: Replayed): string {
  const recorded = recording.bundle.result;
  const was = recorded
    ? ` (recorded: ${recorded.check} ${recorded.verdict}${recorded.reason ? `, ${recorded.reason}` : ''})`
    : '';
  const lines = [`replay ${recording.file}: ${recording.bundle.entries.length} recorded request(s)${was}`];
  if (results.length === 0) lines.push('  nothing to judge: no recorded request belongs to a check');
  for (const r of results) {
    lines.push(`  ${r.check}: ${r.verdict}${r.reason ? ` (${r.reason})` : ''}: ${r.message}`);
    // Grouped for people, as the gate prints them: one line per rule and path pattern.
    const groups = formatGroups(r.errors, [], r.trackerCount);
    for (const g of groups.slice(0, MAX_FINDINGS)) lines.push(`    ${g}`);
    if (groups.length > MAX_FINDINGS) lines.push(`    … and ${groups.length - MAX_FINDINGS} more finding group(s)`);
  }
  for (const line of unrecorded) lines.push(`  ${line.replace(/^sandbox --replay: /, '')}`);
  return `${lines.join('\n')}\n`;
}

export async function main(argv: readonly string[]): Promise<number> {
  const fail = (message: string) => {
    process.stderr.write(`replay: ${message}\n`);
    return EXIT.usage;
  };
  const parsed = parseOptions(argv, { help: { type: 'boolean', short: 'h', default: false } }, { positionals: true });
  if (!parsed.ok) return fail(`${parsed.error} (see --help)`);
  if (parsed.values.help === true) {
    process.stdout.write(USAGE);
    return DONE;
  }
  if (parsed.positionals.length !== 1)
    return fail(`${parsed.positionals.length === 0 ? 'no PATH given' : 'give exactly one PATH'} (see --help)`);
  // Only the judging settings matter here: the target and its credentials are never called.
  const loaded = loadConfig(process.env, { credentials: 'per-target' });
  if (!loaded.ok) return fail(`configuration error: ${loaded.errors.join('; ')} (see .env.example)`);
  const read = readRecordings(parsed.positionals[0]!);
  if (!read.ok) return fail(read.message);
  const all: CheckResult[] = [];
  for (const recording of read.recordings) {
    const replayed = await replayRecording(recording, loaded.config);
    process.stdout.write(formatReplay(recording, replayed));
    all.push(...replayed.results);
  }
  process.stdout.write(`replay: ${all.length} check(s) over ${read.recordings.length} recording(s): ${runVerdict(all)}\n`);
  return exitCodeFor(all);
}

if (isEntryPoint(import.meta.url)) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
