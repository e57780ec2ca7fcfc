// A small client of Prometheus's HTTP API (/api/v1/query and /api/v1/query_range), for the two
// readers of a Prometheus: the status page's long windows (prometheus-slo.ts) and the SLO report
// (slo/report-fetch.ts). Prometheus is not the endpoint, so this is not src/client.ts's path.
// Every call is bounded by a timeout on an injected clock, never throws, and says what went wrong
// without the URL: a fetch error's message can quote it, and the URL may hold user info, which
// travels as a Basic Authorization header (fetch() refuses a URL that carries it).
import { abortAfter, systemClock, type Clock } from '../src/clock.ts';
import type { Secret } from '../src/secret.ts';
import { splitUserInfo } from './user-info.ts';

export interface InstantSample {
  metric: Record<string, string>;
  value: [number, string];
}

export interface RangeSeries {
  metric: Record<string, string>;
  values: [number, string][];
}

/**
 * Why a call gave no data: `no_answer` (refused, DNS, a time-out), `server_error` (an HTTP 5xx: Prometheus is there
 * but cannot answer now), `bad_answer` (a 4xx, an error answer, or not Prometheus at all). `detail` is Prometheus's
 * own error text, when it sent one (a PromQL parse error, the resolution limit).
 */
export interface ApiFailure {
  ok: false;
  kind: 'no_answer' | 'server_error' | 'bad_answer';
  reason: string;
  detail?: string;
}

export type ApiResult<T> = { ok: true; data: T } | ApiFailure;

export interface PrometheusApi {
  /** An instant query, at `timeSeconds` (default: Prometheus's now). */
  query(expr: string, timeSeconds?: number): Promise<ApiResult<InstantSample[]>>;
  /** A range query: a point every `stepSeconds` from start to end (Prometheus allows 11,000 a series). */
  queryRange(expr: string, startSeconds: number, endSeconds: number, stepSeconds: number): Promise<ApiResult<RangeSeries[]>>;
}

export interface PrometheusApiOptions {
  url: Secret;
  /** A whole call's limit, the answer read and parsed included. */
  timeoutMs: number;
  clock?: Clock;
  fetch?: typeof fetch;
}

/** The most of Prometheus's error text a failure carries. */
const MAX_DETAIL = 300;

function reasonOf(err: unknown): string {
  const e = err as { cause?: { code?: string; errors?: { code?: string }[] } };
  // Only a code: a fetch error's message can quote the URL. Several addresses tried: the first one's.
  return e?.cause?.code ?? e?.cause?.errors?.[0]?.code ?? 'connection failed';
}

interface Answer {
  status?: string;
  error?: string;
  errorType?: string;
  data?: { resultType?: string; result?: unknown };
}

function detailOf(body: Answer | undefined): string | undefined {
  if (typeof body?.error !== 'string') return undefined;
  const text = `${typeof body.errorType === 'string' ? `${body.errorType}: ` : ''}${body.error}`.replace(/[^\x20-\x7e]/g, '?');
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text;
}

export function createPrometheusApi(options: PrometheusApiOptions): PrometheusApi {
  const clock = options.clock ?? systemClock;
  const doFetch = options.fetch ?? fetch;
  const { base, authorization } = splitUserInfo(options.url);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (authorization !== undefined) headers.Authorization = authorization;

  async function call<T>(path: string, params: Record<string, string>, resultType: string): Promise<ApiResult<T>> {
    const deadline = abortAfter(clock, options.timeoutMs);
    try {
      const res = await doFetch(`${base}${path}?${new URLSearchParams(params).toString()}`, { headers, signal: deadline.signal });
      const body = (await res.json().catch(() => undefined)) as Answer | undefined;
      const detail = detailOf(body);
      if (!res.ok) {
        const kind = res.status >= 500 ? 'server_error' : 'bad_answer';
        return { ok: false, kind, reason: `HTTP ${res.status}`, ...(detail === undefined ? {} : { detail }) };
      }
      if (body?.status !== 'success' || body.data?.resultType !== resultType || !Array.isArray(body.data.result))
        return {
          ok: false,
          kind: 'bad_answer',
          reason: 'not a Prometheus query answer',
          ...(detail === undefined ? {} : { detail }),
        };
      return { ok: true, data: body.data.result as T };
    } catch (err) {
      return {
        ok: false,
        kind: 'no_answer',
        reason: deadline.signal.aborted ? `timeout after ${options.timeoutMs} ms` : reasonOf(err),
      };
    } finally {
      deadline.cancel();
    }
  }

  return {
    query(expr, timeSeconds) {
      const params: Record<string, string> = { query: expr };
      if (timeSeconds !== undefined) params.time = String(timeSeconds);
      return call<InstantSample[]>('/api/v1/query', params, 'vector');
    },
    queryRange(expr, start, end, step) {
      return call<RangeSeries[]>(
        '/api/v1/query_range',
        { query: expr, start: String(start), end: String(end), step: String(step) },
        'matrix',
      );
    },
  };
}
