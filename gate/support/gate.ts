// What every gate test shares: the validated config, the project's client (the
// one HTTP path to the API), and one way to run a check of src/checks/ that
// stays polite to real clusters, retries only when nothing answered (and says
// so), and turns the check's result into steps, annotations and one expectation
// whose message starts with the first broken field and rule.
import { test as base, expect, type TestInfo } from '@playwright/test';
import { openTarget, type OpenTarget } from '../../cli/target.ts';
import { clientFor, trackersPath, type ClientResult, type TrackersClient } from '../../src/client.ts';
import { resolve } from 'node:path';
import {
  answered,
  ms,
  transportFailure,
  verdictOf,
  withoutRecordings,
  type CheckName,
  type CheckResult,
  type CheckStep,
} from '../../src/checks/result.ts';
import { runCheck, type CheckOptions } from '../../src/checks/run.ts';
import { loadConfig, type Config } from '../../src/config/api.ts';
import { loadGateSettings } from '../../src/config/gate.ts';
import { writeFailureBundle } from '../../src/failure-bundle.ts';
import { formatGroup } from '../../src/format-findings.ts';
import { groupFindings } from '../../src/group-findings.ts';
import { packageVersion } from '../../src/package-root.ts';
import { showValue } from '../../src/show-value.ts';
import { HIDDEN_WARNING_ANNOTATION, VERDICT_ANNOTATION, VERDICT_BLOCK_GROUPS } from './annotations.ts';

export interface Gate {
  config: Config;
  /** The project's client, each request a Playwright step and counted against the request budget. */
  client: TrackersClient;
  /** Where a failing check's bundle goes: GATE_REPORT_DIR/failures. */
  failuresDir: string;
  /** The target's host and port: a bundle's name says where it failed. */
  targetName: string;
}

// Capillary's demo clusters allow 100 requests a minute: stay well under.
const REMOTE_MIN_GAP_MS = 700;
const MAX_REQUESTS_PER_WORKER = 80;

/** Requests so far, per gate fixture (one per worker and project). */
interface Pace {
  sent: number;
  lastAt: number;
}

function isLoopback(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
}

async function politeness(baseUrl: string, pace: Pace): Promise<void> {
  pace.sent += 1;
  if (pace.sent > MAX_REQUESTS_PER_WORKER) {
    throw new Error(`the gate's request budget (${MAX_REQUESTS_PER_WORKER} per run) is spent: refusing to send more`);
  }
  if (!isLoopback(baseUrl)) {
    const wait = pace.lastAt + REMOTE_MIN_GAP_MS - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pace.lastAt = Date.now();
  }
}

/**
 * The client, with every request paced, counted and shown as a step titled by what was asked (never by
 * what came of it: a green step must not read like a failure).
 */
function politeClient(client: TrackersClient, baseUrl: string): TrackersClient {
  const pace: Pace = { sent: 0, lastAt: 0 };
  const send: TrackersClient['request'] = (method, path, options) =>
    test.step(
      `${method} ${path.length > 100 ? `${path.slice(0, 100)}…` : path}${options?.auth === 'none' ? ' (no credentials)' : options?.authHeaders ? ' (other credentials)' : ''}`,
      async () => {
        await politeness(baseUrl, pace);
        return client.request(method, path, options);
      },
      { box: true },
    );
  return {
    getTrackers: (customerId, options) => send('GET', trackersPath(customerId), options),
    request: send,
    authHeaders: () => client.authHeaders(),
    close: () => client.close(),
  };
}

/**
 * Where a worker's requests go. Playwright's own `baseURL` option, when a project sets one, names that
 * project's target, as it does for any Playwright test: a Playwright config of one's own can judge
 * several base URLs in one run, one project each. The shipped config sets none, so the configured
 * target is opened: CAP_BASE_URL, or the embedded sandbox, started in this worker as every command
 * starts it (cli/target.ts) and closed with it.
 */
async function targetOf(config: Config, baseURL: string | undefined): Promise<OpenTarget> {
  if (baseURL === undefined) return openTarget(config);
  return { baseUrl: baseURL, label: baseURL, close: async () => {} };
}

export const test = base.extend<object, { gate: Gate }>({
  gate: [
    // Playwright reads a fixture's dependencies from this pattern: none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, workerInfo) => {
      const loaded = loadConfig();
      const settings = loadGateSettings();
      if (!loaded.ok) throw new Error(`configuration error: ${loaded.errors.join('; ')}`);
      if (!settings.ok) throw new Error(`configuration error: ${settings.errors.join('; ')}`);
      const config = loaded.config;
      const target = await targetOf(config, workerInfo.project.use.baseURL);
      const client = clientFor(config, target.baseUrl);
      await use({
        config,
        client: politeClient(client, target.baseUrl),
        failuresDir: resolve(settings.settings.reportDir, 'failures'),
        targetName: new URL(target.baseUrl).host,
      });
      client.close();
      await target.close();
    },
    { scope: 'worker' },
  ],
});
export { expect };

const MAX_LISTED = 20;

/** The request that decided the verdict: the first that failed, else the first with no answer, else the last. */
export function decisiveStep(r: CheckResult): CheckStep | undefined {
  return r.steps.find((s) => s.verdict === 'fail') ?? r.steps.find((s) => s.verdict === 'inconclusive') ?? r.steps.at(-1);
}

/** What was asked and what came back: "GET /v2/customers/98662653/trackers (the existing customer): HTTP 200 in 12 ms". */
export function requestLine(s: CheckStep): string {
  const answer = s.status === undefined ? `no answer (${s.reason ?? 'no status'})` : `HTTP ${s.status}`;
  const ttfb = s.timings.ttfbMs === undefined ? '' : `, first byte ${ms(s.timings.ttfbMs)}`;
  return `${s.title}: ${answer} in ${ms(s.timings.totalMs)}${ttfb}`;
}

/**
 * The failure, first line first: the first group of broken fields and rules (JUnit's <failure message> is
 * that line), then the other groups (src/group-findings.ts: one line for one rule broken across many
 * trackers), the reason, the request that decided, and the failure's bundle when there is one. Every
 * finding, ungrouped, is in check-result.json.
 */
export function failureMessage(r: CheckResult, options: { bundle?: string } = {}): string {
  const groups = groupFindings(r.errors).map((g) => formatGroup(g, r.trackerCount));
  const lines = groups.length > 0 ? groups.slice(0, MAX_LISTED) : [`${r.reason}: ${r.message}`];
  if (groups.length > MAX_LISTED) lines.push(`… ${groups.length - MAX_LISTED} more in check-result.json`);
  // The reason, and where: not the check's message again, which repeats the first finding.
  if (r.errors.length > 0) lines.push(`  ${r.reason}: ${r.errors.length} contract violation(s)`);
  const step = decisiveStep(r);
  if (step) lines.push(`  request: ${requestLine(step)}`);
  if (options.bundle !== undefined) lines.push(`  failure bundle: ${options.bundle}`);
  return lines.join('\n');
}

/** The annotation a failing check's bundle directory travels in (the HTML report shows it). */
const FAILURE_BUNDLE_ANNOTATION = 'failure bundle';

/**
 * Write the failing check's bundle and name it where a person looks: an annotation, the attachments
 * (the HAR opens from the HTML report) and a line for the failure's text. A bundle that could not be
 * written is said so in that line; the verdict stands either way. Returns the path, or why it is missing.
 */
async function writeBundle(info: TestInfo, gate: Gate, r: CheckResult): Promise<string> {
  const written = writeFailureBundle(gate.failuresDir, {
    result: r,
    target: gate.targetName,
    at: r.steps[0]?.timings.startedAt ?? Date.now(),
    version: packageVersion(),
  });
  if (!written.ok) return written.message.replace(/^failure bundle: /, 'not written: ');
  info.annotations.push({ type: FAILURE_BUNDLE_ANNOTATION, description: written.path });
  await info.attach('exchange.har', { path: `${written.path}/exchange.har`, contentType: 'application/json' });
  await info.attach('reproduce.sh', { path: `${written.path}/reproduce.sh`, contentType: 'text/plain' });
  return written.path;
}

/**
 * The verdict, and the warnings and latency notes. A passing test shows its warnings first (there is
 * nothing else to show); a failing one after its failure, in a `warnings` attachment, so that the first
 * screen of a failure is the failure. The terminal and JUnit get them either way.
 */
function annotate(info: TestInfo, r: CheckResult, config: Config, quiet: boolean): void {
  recordVerdict(info, {
    check: r.check,
    verdict: r.verdict,
    reason: r.reason,
    answered: answered(r),
    message: r.message,
    // Enough for the verdict block to show its first few and say there are more (it travels in JUnit too).
    findings: groupFindings(r.errors)
      .slice(0, VERDICT_BLOCK_GROUPS + 1)
      .map((g) => formatGroup(g, r.trackerCount)),
  });
  if (quiet) return;
  const notes: string[] = [];
  for (const s of r.steps) {
    if (s.verdict === 'pass' && s.timings.totalMs > config.latencyDegradedMs)
      notes.push(
        `${s.title} took ${Math.round(s.timings.totalMs)} ms: above the degraded threshold CAP_LATENCY_DEGRADED_MS=${config.latencyDegradedMs}`,
      );
  }
  for (const g of groupFindings([], r.warnings)) notes.push(`${r.check}: ${formatGroup(g, r.trackerCount)}`);
  const type = r.verdict === 'pass' ? 'warning' : HIDDEN_WARNING_ANNOTATION;
  for (const description of notes) info.annotations.push({ type, description });
  if (type === HIDDEN_WARNING_ANNOTATION && notes.length > 0)
    info.attachments.push({ name: 'warnings', contentType: 'text/plain', body: Buffer.from(`${notes.join('\n')}\n`) });
}

/** One check's outcome in a test, as verdict.json carries it. */
export interface RecordedVerdict {
  check: CheckName;
  verdict: CheckResult['verdict'];
  reason?: CheckResult['reason'];
  answered: boolean;
  /** For the verdict block, not verdict.json: the check's one-line message and its first groups of errors. */
  message?: string;
  findings?: string[];
}

export function recordVerdict(info: TestInfo, v: RecordedVerdict): void {
  info.annotations.push({ type: VERDICT_ANNOTATION, description: JSON.stringify(v) });
}

/** A request outside a check (the stability test) must have got an answer; if not, the run may be inconclusive. */
export function expectAnswer(r: ClientResult): void {
  const transport = transportFailure(r);
  if (transport && r.status === undefined) {
    recordVerdict(test.info(), {
      check: 'trackers',
      verdict: verdictOf(transport.reason),
      reason: transport.reason,
      answered: false,
    });
    expect(r.status, `GET ${r.path}: ${transport.reason}: ${transport.message}`).toBeDefined();
  }
}

// A finding's value is what the server sent: nested a million levels deep, JSON.stringify would
// overflow the stack and the gate would fail with a bare RangeError instead of the finding. The
// attachment shows it as the findings' own messages do: bounded and printable.
function findingValuesShown(key: string, value: unknown): unknown {
  return key === 'value' ? showValue(value) : value;
}

/**
 * Expect the verdict pass, failing with failureMessage. A failed expectation, so JUnit counts a
 * <failure> (not an <error>), but without its stack: where in our own support code the expectation sits
 * is no news to the reader, whose first screen is the findings and the request.
 */
function expectPass(result: CheckResult, options: { bundle?: string } = {}): void {
  try {
    expect(result.verdict, failureMessage(result, options)).toBe('pass');
  } catch (e) {
    if (e instanceof Error) e.stack = `${e.name}: ${e.message}`;
    throw e;
  }
}

/**
 * Run a check and expect it to pass. When no request got an answer (inconclusive), it runs once more and
 * the first attempt is recorded as an annotation: a retry must not hide a flake.
 */
export async function expectCheck(
  gate: Gate,
  name: CheckName,
  options: CheckOptions & { /** No warnings or latency notes: another test reports them. */ quiet?: boolean } = {},
): Promise<CheckResult> {
  const info = test.info();
  let result = await runCheck(name, gate.client, gate.config, options);
  if (result.verdict === 'inconclusive') {
    info.annotations.push({ type: 'retry', description: `${name}: attempt 1 got no HTTP answer: ${result.message}` });
    result = await runCheck(name, gate.client, gate.config, options);
  }
  annotate(info, result, gate.config, options.quiet === true);
  await info.attach('check-result.json', {
    body: JSON.stringify(withoutRecordings(result), findingValuesShown, 2),
    contentType: 'application/json',
  });
  if (result.verdict === 'pass') expectPass(result);
  else expectPass(result, { bundle: await writeBundle(info, gate, result) });
  return result;
}
