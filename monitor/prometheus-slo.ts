// The long windows the monitor's memory does not hold (24 h, 7 d, 30 d, and the
// SLO's budget left), asked of the Prometheus that scrapes it (PROMETHEUS_URL)
// through its HTTP API. Server-side only: the page's CSP stays same-origin.
// Answers are cached and refreshed in the background, each query bounded by a
// timeout, so a slow or absent Prometheus never slows or breaks /api/status:
// it shows as "unavailable" with a reason that never holds the URL.
import { systemClock, type Clock } from '../src/clock.ts';
import type { Secret } from '../src/secret.ts';
import { createPrometheusApi, type InstantSample } from './prometheus-api.ts';

/**
 * Per target and check ("target/check"), for the checks an SLO covers (trackers, not_found): success ratios over the
 * long windows and the 30-day budget left; null where Prometheus has no value yet.
 */
export interface LongRatios {
  ratio1d: number | null;
  ratio7d: number | null;
  ratio30d: number | null;
  /** slo:period_error_budget_remaining:ratio (1 = untouched, ≤ 0 = spent). */
  budgetRemaining: number | null;
}

export interface PrometheusView {
  /** Scheme, host and path: never user info. */
  url: string;
  status: 'pending' | 'ok' | 'unavailable';
  reason?: string;
  fetchedAt?: number;
  ratios?: Record<string, LongRatios>;
}

export interface PrometheusSloSource {
  /** The latest answer; starts a background refresh when it is older than maxAgeMs. Never waits, never throws. */
  view(): PrometheusView;
  /** Query now (tests, and the first answer at start). Never throws. */
  refresh(): Promise<void>;
}

export interface PrometheusSloOptions {
  url: Secret;
  display: string;
  timeoutMs?: number;
  maxAgeMs?: number;
  /** The queries' time-out and the answers' age (default systemClock). */
  clock?: Clock;
  fetch?: typeof fetch;
}

/** The SLOs of monitor/slo/trackers.slo.yml whose budget is a check's. */
const BUDGET_SLO: Record<string, string> = { 'trackers-availability': 'trackers', 'not-found-availability': 'not_found' };

const SLOS = Object.keys(BUDGET_SLO).join('|');
const errorRate = (rule: string) => `${rule}{sloth_slo=~"${SLOS}"}`;

/**
 * The SLO recording rules (monitor/prometheus/trackers-slo.rules.yml), not the raw counters: the same fleet view the
 * alerts use (median or minimum across locations), and cheap to ask every few seconds, where increase() over 30 days
 * of every series would not be. 7 d has no rule: the 5-minute ratio averaged over it, as the 30 d rule does.
 */
export const LONG_QUERIES = {
  ratio1d: `1 - ${errorRate('slo:sli_error:ratio_rate1d')}`,
  ratio7d: `1 - (sum_over_time(${errorRate('slo:sli_error:ratio_rate5m')}[7d]) / count_over_time(${errorRate('slo:sli_error:ratio_rate5m')}[7d]))`,
  ratio30d: `1 - ${errorRate('slo:sli_error:ratio_rate30d')}`,
  budgetRemaining: errorRate('slo:period_error_budget_remaining:ratio'),
} as const;

export function createPrometheusSloSource(options: PrometheusSloOptions): PrometheusSloSource {
  const timeoutMs = options.timeoutMs ?? 2000;
  const maxAgeMs = options.maxAgeMs ?? 10_000;
  const clock = options.clock ?? systemClock;
  const api = createPrometheusApi({ url: options.url, timeoutMs, clock, fetch: options.fetch });
  let current: PrometheusView = { url: options.display, status: 'pending' };
  let checkedAt = -Infinity;
  let inFlight: Promise<void> | undefined;

  async function refresh(): Promise<void> {
    checkedAt = clock.now();
    const fetchedAt = clock.epochMs();
    const keys = Object.keys(LONG_QUERIES) as Array<keyof LongRatios>;
    const answers = await Promise.all(keys.map((k) => api.query(LONG_QUERIES[k])));
    const failed = answers.find((a) => !a.ok);
    if (failed) {
      current = { url: options.display, status: 'unavailable', reason: failed.reason, fetchedAt };
      return;
    }
    const ratios: Record<string, LongRatios> = {};
    keys.forEach((k, i) => {
      for (const s of (answers[i] as { data: InstantSample[] }).data) {
        const check = BUDGET_SLO[s.metric.sloth_slo ?? ''];
        if (!s.metric.target || !check) continue;
        const v = Number(s.value[1]);
        const row = (ratios[`${s.metric.target}/${check}`] ??= {
          ratio1d: null,
          ratio7d: null,
          ratio30d: null,
          budgetRemaining: null,
        });
        row[k] = Number.isFinite(v) ? v : null;
      }
    });
    if (Object.keys(ratios).length === 0) {
      // Reachable, but without the rules: say what is missing rather than show a column of dashes.
      current = {
        url: options.display,
        status: 'unavailable',
        reason: 'no SLO recording rules there (monitor/prometheus/trackers-slo.rules.yml)',
        fetchedAt,
      };
      return;
    }
    current = { url: options.display, status: 'ok', fetchedAt, ratios };
  }

  const guarded = () =>
    (inFlight ??= refresh()
      .catch(() => {
        current = { url: options.display, status: 'unavailable', reason: 'internal error', fetchedAt: clock.epochMs() };
      })
      .finally(() => {
        inFlight = undefined;
      }));

  return {
    view() {
      if (clock.now() - checkedAt >= maxAgeMs) void guarded();
      return current;
    },
    refresh: guarded,
  };
}
