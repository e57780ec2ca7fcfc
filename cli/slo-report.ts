// trackers-contract slo report: for each SLO of a spec (the shipped monitor/slo/trackers.slo.yml by
// default) and each target, over a period, the objective, the SLI, the error budget spent and left,
// the incidents and the excluded windows, computed from the probe counters a Prometheus holds
// (monitor/slo/report*.ts), as text, Markdown, JSON or one HTML page.
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { createPrometheusApi, type ApiFailure, type PrometheusApi } from '../monitor/prometheus-api.ts';
import { checkSloSpec } from '../monitor/slo/generate-rules.ts';
import { collectCounts, MAX_STEPS } from '../monitor/slo/report-fetch.ts';
import { FORMATS, iso, reportJson, reportMarkdown, reportText, type ReportFormat } from '../monitor/slo/report-format.ts';
import { reportHtml } from '../monitor/slo/report-html.ts';
import { reportPeriod } from '../monitor/slo/report-period.ts';
import { reportQueries, type SloQueries } from '../monitor/slo/report-queries.ts';
import {
  buildReport,
  type ExcludedWindow,
  type SloCounts,
  type SloReport,
  type SloVerdict,
  type StepGrid,
} from '../monitor/slo/report.ts';
import type { Verdict } from '../src/checks/result.ts';
import { DONE, EXIT, exitCodeFor, type ExitCode } from '../src/exit-code.ts';
import { systemClock, type Clock } from '../src/clock.ts';
import type { Env } from '../src/config/env.ts';
import {
  loadMonitorSettings,
  loadPrometheusUrl,
  parseServiceUrl,
  PROMETHEUS_EXAMPLE,
  type ServiceUrl,
} from '../src/config/monitor.ts';
import { parseOptions } from '../src/parse-options.ts';
import { showInline, showValue } from '../src/show-value.ts';
import type { SloSpec } from '../src/types.generated.ts';
import { SHIPPED_SPEC } from './slo.ts';
import { MaintenanceSchedule } from '../monitor/maintenance.ts';
import { loadMaintenanceWindows } from '../monitor/targets.ts';

export const USAGE = `Usage: trackers-contract slo report [options]

For each SLO of the spec and each target over a period: the objective, the SLI measured, the error
budget spent and remaining, the incidents (each stretch of failing probes: start, end, duration,
main reason, budget spent) and the excluded windows. Computed from the probe counters in Prometheus
(its HTTP API), not from the recording rules, so any past period works, backfilled data included.

Options:
  -p, --prometheus URL  the Prometheus that scrapes the monitors (default: PROMETHEUS_URL)
      --from TIME       the period's start, RFC 3339 (e.g. 2025-11-01T00:00:00Z)
      --to TIME         the period's end, RFC 3339 (default: now)
      --month YYYY-MM   a calendar month in UTC, instead of --from/--to
                        (neither: the last 30 days, the SLO window; a period not over ends now)
  -f, --format FORMAT   text (default), markdown, json or html (one self-contained page)
      --step DURATION   the incidents' resolution, e.g. 15s or 1m (default: the scrape interval)
  -s, --spec FILE       the SLO spec (default: the shipped monitor/slo/trackers.slo.yml)
  -c, --config FILE     the monitor's targets file: its maintenance windows are left out of the figures
                        and listed (default: MONITOR_CONFIG; neither: no windows)
  -o, --out FILE        write the report to FILE instead of stdout
  -h, --help            this text

Exit codes: 0 every SLO with probes in the period met its objective, 1 one missed it (its error
budget ran out), 2 usage error (a bad flag, date or spec, a period in the future or inverted, or a
URL that is not a Prometheus), 3 nothing to judge (Prometheus unreachable, or no probes in the
period).
`;

export interface ReportIo {
  env?: Env;
  out(text: string): void;
  err(line: string): void;
  /** Now, for the default period and a month not over; the queries' deadlines (default systemClock). */
  clock?: Clock;
  fetch?: typeof fetch;
  /** Maintenance windows to exclude besides the targets file's (--config, MONITOR_CONFIG). */
  windows?: readonly ExcludedWindow[];
}

export const PROCESS_IO: ReportIo = {
  out: (text) => void process.stdout.write(text),
  err: (line) => void process.stderr.write(`${line}\n`),
};

/** A whole query's limit: a month of 15 s steps is ten thousand points a series. */
const QUERY_TIMEOUT_MS = 60_000;

export function render(report: SloReport, format: ReportFormat): string {
  return { text: reportText, markdown: reportMarkdown, json: reportJson, html: reportHtml }[format](report);
}

const VERDICT_OF: Readonly<Record<SloVerdict, Verdict>> = { met: 'pass', missed: 'fail', no_data: 'inconclusive' };

/** The report's verdict as the exit code, by the one rule of every command (exitCodeFor). */
export function exitCodeOf(verdict: SloVerdict): ExitCode {
  return exitCodeFor([VERDICT_OF[verdict]]);
}

/** 15, 15s, 1m, 2h → seconds; undefined when not a duration of at least a second. */
export function parseStep(value: string): number | undefined {
  const m = /^(\d{1,6})(s|m|h)?$/.exec(value);
  if (!m) return undefined;
  const seconds = Number(m[1]) * (m[2] === 'h' ? 3600 : m[2] === 'm' ? 60 : 1);
  return seconds >= 1 ? seconds : undefined;
}

/** Prometheus's failure as one line; the exit code says whether there was nothing to judge (3) or a wrong URL (2). */
function failureOf(f: ApiFailure & { query?: string }, display: string): { line: string; code: ExitCode } {
  const detail = f.detail === undefined ? '' : `: ${f.detail}`;
  if (f.kind === 'bad_answer' && f.detail !== undefined) {
    const query = f.query === undefined ? '' : ` ${showValue(f.query, 200)}`;
    return { line: `Prometheus at ${display} refused the query${query} (${f.reason}${detail})`, code: EXIT.usage };
  }
  if (f.kind === 'bad_answer') return { line: `${display} did not answer as a Prometheus (${f.reason})`, code: EXIT.usage };
  return { line: `cannot read Prometheus at ${display} (${f.reason}${detail}): nothing to judge`, code: exitCodeOf('no_data') };
}

/** What a report run needs, from its flags, the environment, the spec and the time now. */
export interface ReportRequest {
  api: PrometheusApi;
  display: string;
  format: ReportFormat;
  out?: string;
  period: { from: number; to: number; inProgress: boolean };
  step?: number;
  spec: SloSpec;
  specName: string;
  queries: SloQueries[];
  /** The targets file's maintenance windows over the period. */
  windows: ExcludedWindow[];
}

type Refused = { ok: false; line: string; code: ExitCode };

function loadSpec(file: string, specName: string): { ok: true; spec: SloSpec; queries: SloQueries[] } | Refused {
  let document: unknown;
  try {
    document = parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = showInline(e.code ?? e.message.split('\n')[0] ?? 'error', 200);
    return { ok: false, line: `${showInline(file, 200)}: cannot read the spec (${why})`, code: EXIT.usage };
  }
  const checked = checkSloSpec(document);
  if (!checked.ok) return { ok: false, line: `${showInline(specName, 200)}: ${checked.errors.join('; ')}`, code: EXIT.usage };
  const queries: SloQueries[] = [];
  for (const [i, slo] of checked.spec.slos.entries()) {
    const q = reportQueries(slo, i);
    if (!q.ok) return { ok: false, line: `${showInline(specName, 200)}: ${q.error}`, code: EXIT.usage };
    queries.push(q.queries);
  }
  return { ok: true, spec: checked.spec, queries };
}

function prometheusOf(flag: string | undefined, env: Env | undefined): { ok: true; url: ServiceUrl } | Refused {
  const refuse = (line: string): Refused => ({ ok: false, line, code: EXIT.usage });
  if (flag !== undefined) {
    const given = parseServiceUrl('--prometheus', flag, PROMETHEUS_EXAMPLE);
    return given.ok ? given : refuse(given.error);
  }
  const fromEnv = loadPrometheusUrl(env);
  if (!fromEnv.ok) return refuse(`configuration error: ${fromEnv.errors.join('; ')}`);
  if (fromEnv.url === undefined)
    return refuse(`which Prometheus? Give --prometheus URL or set PROMETHEUS_URL (e.g. ${PROMETHEUS_EXAMPLE})`);
  return { ok: true, url: fromEnv.url };
}

/** The flags checked and the spec read; `help` when --help was asked. Asks Prometheus nothing. */
export function requestOf(
  argv: readonly string[],
  io: ReportIo,
): { ok: true; request: ReportRequest } | { ok: true; help: true } | Refused {
  const refuse = (line: string): Refused => ({ ok: false, line, code: EXIT.usage });
  const parsed = parseOptions(argv, {
    prometheus: { type: 'string', short: 'p' },
    from: { type: 'string' },
    to: { type: 'string' },
    month: { type: 'string' },
    format: { type: 'string', short: 'f', default: 'text' },
    step: { type: 'string' },
    spec: { type: 'string', short: 's' },
    config: { type: 'string', short: 'c' },
    out: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (!parsed.ok) return refuse(`${parsed.error} (see --help)`);
  const v = parsed.values as Record<string, string | undefined> & { help?: boolean };
  if (v.help === true) return { ok: true, help: true };
  const format = v.format as ReportFormat;
  if (!(FORMATS as readonly string[]).includes(format))
    return refuse(`--format ${showValue(v.format, 40)} is not one of ${FORMATS.join(', ')}`);
  const step = v.step === undefined ? undefined : parseStep(v.step);
  if (v.step !== undefined && step === undefined)
    return refuse(`--step ${showValue(v.step, 40)} is not a duration such as 15s, 1m or 1h`);
  const prometheus = prometheusOf(v.prometheus, io.env);
  if (!prometheus.ok) return prometheus;
  const clock = io.clock ?? systemClock;
  const period = reportPeriod({ from: v.from, to: v.to, month: v.month }, clock.epochMs());
  if (!period.ok) return refuse(period.error);
  if (step !== undefined && (period.to - period.from) / step > MAX_STEPS)
    return refuse(
      `--step ${v.step}: the period would be more than ${MAX_STEPS.toLocaleString('en-US')} steps; give a longer one`,
    );
  const file = v.spec !== undefined && v.spec !== '' ? v.spec : SHIPPED_SPEC;
  const specName = file === SHIPPED_SPEC ? 'monitor/slo/trackers.slo.yml' : file;
  const spec = loadSpec(file, specName);
  if (!spec.ok) return spec;
  const windows = windowsOf(v.config, io.env, period);
  if (!windows.ok) return windows;
  return {
    ok: true,
    request: {
      api: createPrometheusApi({ url: prometheus.url.url, timeoutMs: QUERY_TIMEOUT_MS, clock, fetch: io.fetch }),
      display: prometheus.url.display,
      format,
      ...(v.out === undefined ? {} : { out: v.out }),
      period,
      ...(step === undefined ? {} : { step }),
      spec: spec.spec,
      specName,
      queries: spec.queries,
      windows: windows.windows,
    },
  };
}

/** The targets file's maintenance windows that overlap the period (epoch seconds, as the report counts). */
function windowsOf(
  flag: string | undefined,
  env: Env | undefined,
  period: { from: number; to: number },
): { ok: true; windows: ExcludedWindow[] } | Refused {
  let file = flag;
  if (file === '') return { ok: false, line: '--config needs a file name', code: EXIT.usage };
  if (file === undefined) {
    const settings = loadMonitorSettings(env);
    if (!settings.ok) return { ok: false, line: `configuration error: ${settings.errors.join('; ')}`, code: EXIT.usage };
    file = settings.settings.configFile;
  }
  if (file === undefined) return { ok: true, windows: [] };
  const loaded = loadMaintenanceWindows(file);
  if (!loaded.ok) return { ok: false, line: `configuration error: ${loaded.errors.join('; ')}`, code: EXIT.usage };
  const schedule = new MaintenanceSchedule(loaded.windows);
  return {
    ok: true,
    windows: schedule.between(period.from * 1000, period.to * 1000).map((o) => ({
      name: o.window.name,
      ...(o.window.reason === undefined ? {} : { reason: o.window.reason }),
      ...(o.window.targets === undefined ? {} : { targets: o.window.targets }),
      start: o.startMs / 1000,
      end: o.endMs / 1000,
    })),
  };
}

/** The report from what Prometheus answered, the windows' steps left out of its figures. */
export function reportFrom(
  request: ReportRequest,
  collected: { grid: StepGrid; counts: SloCounts[] },
  windows: readonly ExcludedWindow[],
): SloReport {
  return buildReport(
    { service: request.spec.service, spec: request.specName, prometheus: request.display, inProgress: request.period.inProgress },
    { grid: collected.grid, windows, slos: request.spec.slos.map((slo, i) => ({ slo, counts: collected.counts[i]! })) },
  );
}

export async function main(argv: readonly string[], io: ReportIo = PROCESS_IO): Promise<number> {
  const fail = (line: string, code: ExitCode) => {
    io.err(`slo report: ${line}`);
    return code;
  };
  const asked = requestOf(argv, io);
  if (!asked.ok) return fail(asked.line, asked.code);
  if ('help' in asked) {
    io.out(USAGE);
    return DONE;
  }
  const { request } = asked;
  const collected = await collectCounts(request.api, request.queries, request.period, request.step);
  if (!collected.ok) {
    const f = failureOf(collected, request.display);
    return fail(f.line, f.code);
  }
  const report = reportFrom(request, collected, [...request.windows, ...(io.windows ?? [])]);
  if (report.verdict === 'no_data') {
    const { from, to } = report.grid;
    const where = `${showInline(request.specName, 200)} in Prometheus at ${request.display} from ${iso(from)} to ${iso(to)}`;
    return fail(`no probes of any SLO of ${where}: nothing to judge`, exitCodeOf('no_data'));
  }
  const text = render(report, request.format);
  if (request.out === undefined) io.out(text);
  else {
    try {
      writeFileSync(request.out, text);
    } catch (err) {
      const why = (err as NodeJS.ErrnoException).code ?? String(err);
      return fail(`cannot write ${showInline(request.out, 200)}: ${why}`, EXIT.usage);
    }
  }
  return exitCodeOf(report.verdict);
}
