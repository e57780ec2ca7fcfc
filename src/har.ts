// A check's requests as a HAR 1.2 log (http://www.softwareishard.com/blog/har-12-spec/), the format
// browsers, Playwright and proxies read: a failure bundle's exchange.har. Pure: it maps what the
// client recorded (credentials already redacted there) and the client's clock-based timings.
// Fields HAR has no place for start with an underscore, as the spec allows.
import type { RecordedExchange } from './client.ts';
import type { CheckResult, CheckStep } from './checks/result.ts';

export const HAR_CREATOR = 'trackers-contract';

export interface HarHeader {
  name: string;
  value: string;
}

export interface HarTimings {
  blocked: number;
  dns: number;
  connect: number;
  ssl: number;
  send: number;
  wait: number;
  receive: number;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: [];
    headers: HarHeader[];
    queryString: HarHeader[];
    headersSize: -1;
    bodySize: number;
    /** Which credentials it carried (their values are redacted): configured, none or wrong. */
    _credentials: RecordedExchange['credentials'];
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: [];
    headers: HarHeader[];
    content: {
      size: number;
      compression?: number;
      mimeType: string;
      text?: string;
      encoding?: 'base64';
      comment?: string;
    };
    redirectURL: string;
    headersSize: -1;
    /** Bytes on the wire, before the Content-Encoding was undone. */
    bodySize: number;
    /** No response arrived: why (HAR has no field for it; Chromium writes status 0 and _error too). */
    _error?: string;
  };
  cache: Record<string, never>;
  timings: HarTimings;
  comment: string;
  /** The check that sent it: a replay runs that check again over the recording. */
  _check: CheckResult['check'];
  /** The check's judgement of this request. */
  _verdict: CheckStep['verdict'];
  _reason?: CheckStep['reason'];
  _message: string;
}

export interface Har {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    entries: HarEntry[];
    comment: string;
  };
}

const TRACKERS_PATH = /^\/v2\/customers\/([^/]+)\/trackers$/;

/** The customerId segment (as sent) of an entry's URL to the endpoint; undefined for any other URL. */
export function trackersSegmentOf(url: unknown): string | undefined {
  try {
    return typeof url === 'string' ? TRACKERS_PATH.exec(new URL(url).pathname)?.[1] : undefined;
  } catch {
    return undefined;
  }
}

const known = (ms: number | undefined): ms is number => ms !== undefined && Number.isFinite(ms);
const round = (ms: number) => Math.max(0, Math.round(ms * 1000) / 1000);

/**
 * The client's timings are offsets from the request's start (DNS done, connected, TLS done, first
 * byte, last byte); HAR wants the length of each phase, -1 where unknown (a reused or unresolved
 * connection). HAR's connect includes ssl. send is not measured apart: it is in wait.
 */
export function harTimings(t: CheckStep['timings']): HarTimings {
  const dns = known(t.dnsMs) ? round(t.dnsMs) : -1;
  const dnsEnd = known(t.dnsMs) ? t.dnsMs : 0;
  const connected = known(t.tlsMs) ? t.tlsMs : t.connectMs;
  const connect = known(connected) ? round(connected - dnsEnd) : -1;
  const ssl = known(t.tlsMs) && known(t.connectMs) ? round(t.tlsMs - t.connectMs) : -1;
  const ready = known(connected) ? connected : dnsEnd;
  const firstByte = known(t.ttfbMs) ? t.ttfbMs : t.totalMs;
  return {
    blocked: -1,
    dns,
    connect,
    ssl,
    send: 0,
    wait: round(firstByte - ready),
    receive: known(t.ttfbMs) ? round(t.totalMs - t.ttfbMs) : 0,
  };
}

function headerValue(headers: [string, string][], name: string): string | undefined {
  return headers.find(([k]) => k.toLowerCase() === name)?.[1];
}

function entryOf(check: CheckResult['check'], step: CheckStep, recorded: RecordedExchange): HarEntry {
  const url = new URL(recorded.url);
  const res = recorded.response;
  const timings = harTimings(step.timings);
  const time = Object.values(timings).reduce((sum, v) => (v > 0 && v !== timings.ssl ? sum + v : sum), 0);
  const content: HarEntry['response']['content'] = {
    size: res?.bodyEncoding === 'base64' ? step.bodySize : step.decodedBodySize,
    mimeType: (res && headerValue(res.headers, 'content-type')) ?? '',
  };
  if (res && step.decodedBodySize > 0) content.compression = step.decodedBodySize - step.bodySize;
  if (res?.bodyText !== undefined) content.text = res.bodyText;
  if (res?.bodyEncoding) {
    content.encoding = res.bodyEncoding;
    content.comment = 'the body as received: it did not decode as its Content-Encoding says';
  }
  if (res?.truncated) {
    const cut = `truncated: the recording keeps the first ${Buffer.byteLength(res.bodyText ?? '', res.bodyEncoding ?? 'utf8')} bytes`;
    content.comment = content.comment ? `${content.comment}; ${cut}` : cut;
  }
  return {
    startedDateTime: new Date(step.timings.startedAt).toISOString(),
    time: round(time),
    request: {
      method: recorded.method,
      url: recorded.url,
      httpVersion: res?.httpVersion ?? 'HTTP/1.1',
      cookies: [],
      headers: recorded.requestHeaders.map(([name, value]) => ({ name, value })),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      headersSize: -1,
      bodySize: 0,
      _credentials: recorded.credentials,
    },
    response: {
      status: res ? (step.status ?? 0) : 0,
      statusText: res?.statusText ?? '',
      httpVersion: res?.httpVersion ?? '',
      cookies: [],
      headers: (res?.headers ?? []).map(([name, value]) => ({ name, value })),
      content,
      redirectURL: (res && headerValue(res.headers, 'location')) ?? '',
      headersSize: -1,
      bodySize: res ? step.bodySize : -1,
      ...(res ? {} : { _error: step.message }),
    },
    cache: {},
    timings,
    comment: step.title,
    _check: check,
    _verdict: step.verdict,
    ...(step.reason ? { _reason: step.reason } : {}),
    _message: step.message,
  };
}

/** Every recorded request of a check, in the order sent. A step the client never sent (no URL) has no entry. */
export function harOf(result: CheckResult, creatorVersion: string): Har {
  const entries = result.steps.flatMap((s) => (s.recorded ? [entryOf(result.check, s, s.recorded)] : []));
  return {
    log: {
      version: '1.2',
      creator: { name: HAR_CREATOR, version: creatorVersion },
      entries,
      comment: `check ${result.check}: ${result.verdict}${result.reason ? ` (${result.reason})` : ''}: ${result.message}`,
    },
  };
}
