// A month of a monitor's probe counters as OpenMetrics, for `promtool tsdb create-blocks-from
// openmetrics`: what Prometheus would have scraped every 2 minutes from two locations probing target
// "eu" once a minute, from 2025-10-31T22:00Z to 2025-12-01T02:00Z, with outages of known length
// (OUTAGES). Counters as the monitor's (monitor/metrics.ts): the probe counts by result and the
// trackers latency histogram from the first scrape, a failure reason from its first failure.
// Location eu-west restarts once (every counter back to 0), as a redeployed monitor does.
//
// The probe of minute m counts in the first scrape at or after m, so an outage (start, end] on
// even minutes fails the probes of the steps that end after start and at or before end: a report in
// steps of the scrape interval shows it from start to end. A month is 21,600 steps of 2 minutes:
// three range queries a series, so the report's chunks meet inside the not_found outage.

export const HISTORY_START = Date.UTC(2025, 9, 31, 22) / 1000;
export const HISTORY_END = Date.UTC(2025, 11, 1, 2) / 1000;
export const TARGET = 'eu';
export const LOCATIONS = ['eu-west', 'eu-central'] as const;
/** Only eu-west probes not_found and records the latency histogram. */
const FULL = 'eu-west';
/** eu-west's monitor restarts here: its counters start again from 0. */
export const RESTART = Date.UTC(2025, 10, 10, 12) / 1000;
export const SCRAPE_SECONDS = 120;

const at = (iso: string) => Date.parse(iso) / 1000;

export interface Outage {
  check: 'trackers' | 'not_found';
  locations: readonly string[];
  start: number;
  end: number;
  /** A failure's reason; absent: the probes succeed, slowly. */
  reason?: string;
  durationSeconds: number;
}

function outage(
  check: Outage['check'],
  locations: readonly string[],
  start: string,
  end: string,
  reason: string | undefined,
  durationSeconds: number,
): Outage {
  return { check, locations, start: at(start), end: at(end), ...(reason === undefined ? {} : { reason }), durationSeconds };
}

export const OUTAGES: readonly Outage[] = [
  // Before the month: must not count in November.
  outage('trackers', LOCATIONS, '2025-10-31T23:00:00Z', '2025-10-31T23:30:00Z', 'http_5xx', 0.2),
  outage('trackers', LOCATIONS, '2025-11-03T10:00:00Z', '2025-11-03T10:24:00Z', 'http_5xx', 0.2),
  outage('trackers', LOCATIONS, '2025-11-17T02:00:00Z', '2025-11-17T02:08:00Z', 'timeout', 10),
  outage('trackers', LOCATIONS, '2025-11-17T02:08:00Z', '2025-11-17T02:10:00Z', 'connect_error', 0.05),
  // Across the end of the report's first range query (step 10,000 ends at 2025-11-14T21:20Z).
  outage('not_found', [FULL], '2025-11-14T21:00:00Z', '2025-11-14T21:50:00Z', 'error_code_mismatch', 0.2),
  // One location alone: its network, not the API; the fleet's view (the minimum of two) spends nothing.
  outage('trackers', ['eu-central'], '2025-11-24T08:00:00Z', '2025-11-24T09:00:00Z', 'connect_error', 0.05),
  // Slow but correct: the latency SLO's, not availability's.
  outage('trackers', LOCATIONS, '2025-11-25T06:00:00Z', '2025-11-25T12:00:00Z', undefined, 1.5),
];

interface Probe {
  success: boolean;
  reason?: string;
  durationSeconds: number;
}

function probe(check: Outage['check'], location: string, t: number): Probe {
  const o = OUTAGES.find((x) => x.check === check && x.locations.includes(location) && t > x.start && t <= x.end);
  if (!o) return { success: true, durationSeconds: 0.2 };
  return o.reason === undefined
    ? { success: true, durationSeconds: o.durationSeconds }
    : { success: false, reason: o.reason, durationSeconds: o.durationSeconds };
}

/** One series: its samples as "value timestamp", and whether it exists yet (a reason's series is born at its first failure). */
class Series {
  private value = 0;
  private born: boolean;
  private readonly key: string;
  readonly lines: string[] = [];
  constructor(
    readonly name: string,
    readonly labels: string,
    bornAtStart: boolean,
  ) {
    this.born = bornAtStart;
    this.key = `${name}{${labels}}`;
  }
  add(n: number): void {
    this.value += n;
    if (n > 0) this.born = true;
  }
  reset(bornAgain: boolean): void {
    this.value = 0;
    this.born = bornAgain;
  }
  sample(t: number): void {
    // Whole counts, except the histogram's sum of seconds (kept to the millisecond: no float noise).
    if (this.born)
      this.lines.push(`${this.key} ${Number.isInteger(this.value) ? this.value : Number(this.value.toFixed(3))} ${t}`);
  }
}

/** The OpenMetrics text (about 33 MB: a sample every 2 minutes of 18 series). */
export function sloHistory(): string {
  const families = new Map<string, { type: string; series: Series[] }>();
  const series = new Map<string, Series>();
  const get = (family: string, type: string, name: string, labels: string, bornAtStart: boolean) => {
    const key = `${name}{${labels}}`;
    let s = series.get(key);
    if (!s) {
      s = new Series(name, labels, bornAtStart);
      series.set(key, s);
      const f = families.get(family) ?? { type, series: [] };
      families.set(family, f);
      f.series.push(s);
    }
    return s;
  };
  const counters = (location: string, check: Outage['check']) => {
    const l = `target="${TARGET}",location="${location}",check="${check}"`;
    return {
      success: get('trackers_probes', 'counter', 'trackers_probes_total', `${l},result="success"`, true),
      failure: get('trackers_probes', 'counter', 'trackers_probes_total', `${l},result="failure"`, true),
      reason: (r: string) =>
        get(
          'trackers_probe_failures',
          'counter',
          'trackers_probe_failures_total',
          `${l},reason="${r}"`,
          r === 'error_code_mismatch',
        ),
      histogram:
        check === 'trackers' && location === FULL
          ? {
              fast: get(
                'trackers_probe_duration_seconds',
                'histogram',
                'trackers_probe_duration_seconds_bucket',
                `${l},le="1"`,
                true,
              ),
              all: get(
                'trackers_probe_duration_seconds',
                'histogram',
                'trackers_probe_duration_seconds_bucket',
                `${l},le="+Inf"`,
                true,
              ),
              count: get('trackers_probe_duration_seconds', 'histogram', 'trackers_probe_duration_seconds_count', l, true),
              sum: get('trackers_probe_duration_seconds', 'histogram', 'trackers_probe_duration_seconds_sum', l, true),
            }
          : undefined,
    };
  };
  const probed = [
    ...LOCATIONS.map((location) => ({ location, check: 'trackers' as const })),
    { location: FULL, check: 'not_found' as const },
  ].map((p) => ({ ...p, c: counters(p.location, p.check) }));
  // A contract reason's series is there from the first scrape (monitor/metrics.ts CONTRACT_REASONS).
  for (const p of probed) if (p.check === 'not_found') p.c.reason('error_code_mismatch');
  for (let t = HISTORY_START; t <= HISTORY_END; t += SCRAPE_SECONDS) {
    if (t === RESTART)
      for (const s of series.values())
        if (s.labels.includes(`location="${FULL}"`))
          s.reset(!s.name.endsWith('failures_total') || s.labels.includes('error_code_mismatch'));
    for (let m = t - SCRAPE_SECONDS + 60; m <= t && t > HISTORY_START; m += 60)
      for (const { location, check, c } of probed) {
        const p = probe(check, location, m);
        (p.success ? c.success : c.failure).add(1);
        if (p.reason !== undefined) c.reason(p.reason).add(1);
        if (c.histogram) {
          if (p.durationSeconds <= 1) c.histogram.fast.add(1);
          c.histogram.all.add(1);
          c.histogram.count.add(1);
          c.histogram.sum.add(p.durationSeconds);
        }
      }
    for (const s of series.values()) s.sample(t);
  }
  const out: string[] = [];
  for (const [family, f] of families) {
    out.push(`# TYPE ${family} ${f.type}`);
    for (const s of f.series) out.push(...s.lines);
  }
  out.push('# EOF', '');
  return out.join('\n');
}
