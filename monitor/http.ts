// The monitor's HTTP face, as a server factory that does not listen (main.ts
// listens; tests listen on port 0):
//   GET /metrics      Prometheus exposition, the registry's content type
//   GET /healthz      {"status":"ok","targets":N,"uptime":seconds}
//   GET /             the status page (status-page.ts)
//   GET /api/status   the JSON the page renders: the summary (plus Prometheus's long windows)
//   GET /api/status?target=NAME   one target's details (chart points, latest probe), fetched when opened
// HEAD works wherever GET does; another method on a known path is 405; anything else 404.
import http from 'node:http';
import https from 'node:https';
import type { Registry } from 'prom-client';
import { createBasicAuth } from './web-auth.ts';
import { ExpositionRegistry } from './exposition.ts';
import type { WebConfig } from './web-config.ts';
import { renderStatusPage, STATUS_PAGE_CSP } from './status-page.ts';
import type { StatusHistory } from './status-history.ts';
import type { PrometheusSloSource } from './prometheus-slo.ts';
import { maintenanceView, type MaintenanceSchedule } from './maintenance.ts';
import { systemClock, type Clock } from '../src/clock.ts';

export interface MonitorServerOptions {
  registry: Registry;
  history: StatusHistory;
  targetCount: number;
  /** Monotonic-enough clock for uptime (ms); default Date.now. */
  now?: () => number;
  /** Where a failed request is logged, one line each; default stderr. */
  log?: (line: string) => void;
  /** --web.config.file: HTTPS and/or basic auth (every path but /healthz, which liveness probes call bare). */
  web?: WebConfig;
  /** PROMETHEUS_URL: the 24 h, 7 d and 30 d ratios and the budget left. */
  prometheus?: PrometheusSloSource;
  /** The targets file's maintenance windows: those in force and the next 7 days' are on the page. */
  maintenance?: MaintenanceSchedule;
  /** The wall clock the windows are read on (default systemClock). */
  clock?: Clock;
}

/** HTTP, or HTTPS when the web config has tls_server_config. */
export type MonitorServer = http.Server | https.Server;

const OPEN_PATHS = new Set(['/healthz']);

const ROUTES = new Set(['/metrics', '/healthz', '/', '/api/status']);

/** On every answer: nothing here is to be cached, or sniffed as another type. */
const COMMON_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } as const;

/** Resolves when the response can take more, or is gone. */
function drained(res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });
}

export function createMonitorServer(options: MonitorServerOptions): MonitorServer {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const startedAt = now();

  const send = (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    status: number,
    type: string,
    body: string,
    extra: Record<string, string> = {},
  ) => {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': String(Buffer.byteLength(body)),
      ...COMMON_HEADERS,
      ...extra,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  // 8 MB at 1,000 targets: written slice by slice as rendered (chunked), so neither the text nor its
  // encoding holds the event loop in one piece.
  const streamMetrics = async (req: http.IncomingMessage, res: http.ServerResponse, registry: ExpositionRegistry) => {
    // The first slice before the headers: a collector that throws at once is still a clean 500.
    const slices = registry.slices();
    let next = await slices.next();
    res.writeHead(200, { 'Content-Type': registry.contentType, ...COMMON_HEADERS });
    if (req.method === 'HEAD') {
      await slices.return(undefined);
      return void res.end();
    }
    for (; !next.done; next = await slices.next()) {
      if (res.destroyed) return void (await slices.return(undefined));
      const slice = next.value;
      if (!res.write(slice, () => registry.release(slice))) await drained(res);
    }
    res.end();
  };
  const json = (req: http.IncomingMessage, res: http.ServerResponse, status: number, value: unknown) =>
    send(req, res, status, 'application/json; charset=utf-8', JSON.stringify(value));

  const pageData = () => ({
    ...options.history.summary(),
    ...(options.prometheus ? { prometheus: options.prometheus.view() } : {}),
    ...(options.maintenance
      ? { maintenance: maintenanceView(options.maintenance, (options.clock ?? systemClock).epochMs()) }
      : {}),
  });

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const [path = '/', search = ''] = (req.url ?? '/').split('?', 2);
    if (!ROUTES.has(path)) return json(req, res, 404, { error: 'not found', paths: [...ROUTES] });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(req, res, 405, 'application/json; charset=utf-8', JSON.stringify({ error: 'method not allowed' }), {
        Allow: 'GET, HEAD',
      });
    }
    switch (path) {
      case '/metrics':
        return options.registry instanceof ExpositionRegistry
          ? streamMetrics(req, res, options.registry)
          : send(req, res, 200, options.registry.contentType, await options.registry.metrics());
      case '/healthz':
        return json(req, res, 200, {
          status: 'ok',
          targets: options.targetCount,
          uptime: Math.round((now() - startedAt) / 1000),
        });
      case '/api/status': {
        const target = new URLSearchParams(search).get('target');
        if (target === null) return json(req, res, 200, pageData());
        const detail = options.history.target(target);
        return detail ? json(req, res, 200, detail) : json(req, res, 404, { error: 'no such target' });
      }
      default:
        return send(req, res, 200, 'text/html; charset=utf-8', renderStatusPage(pageData()), {
          'Content-Security-Policy': STATUS_PAGE_CSP,
          'Referrer-Policy': 'no-referrer',
          'X-Frame-Options': 'DENY',
        });
    }
  }

  const auth = options.web && options.web.users.size > 0 ? createBasicAuth(options.web.users) : undefined;
  async function guarded(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    if (auth && !OPEN_PATHS.has(path) && !(await auth.verify(req.headers.authorization))) {
      return send(req, res, 401, 'application/json; charset=utf-8', JSON.stringify({ error: 'unauthorized' }), {
        'WWW-Authenticate': 'Basic realm="trackers-monitor", charset="UTF-8"',
      });
    }
    return route(req, res);
  }

  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    guarded(req, res).catch((err: unknown) => {
      // A collector or renderer bug: answer 500 (Prometheus marks the scrape failed), keep serving. The reason goes
      // to our log, one line and no stack; the client gets nothing of our internals.
      const message = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim().slice(0, 300);
      log(`monitor: internal error serving ${req.method ?? 'GET'} ${(req.url ?? '/').split('?')[0]}: ${message}`);
      if (res.headersSent) return void res.destroy();
      json(req, res, 500, { error: 'internal error' });
    });
  };
  const tls = options.web?.tls;
  return tls ? https.createServer({ cert: tls.cert, key: tls.key }, handler) : http.createServer(handler);
}
