// A tiny loopback server that answers every request under /hostile/<row>/ with that row's hostile
// body (tests/support/hostile-bodies.ts), 200 application/json, whatever the path, method or
// credentials: a provider gone wrong, for every entry point that reads its answers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HostileBody } from './hostile-bodies.ts';

export interface HostileServer {
  /** The base URL whose every answer is row `row`'s body. */
  baseUrlOf(row: number): string;
  /** The base URL under which /hostile/<row>/ are the rows. */
  base: string;
  close(): Promise<void>;
}

export async function startHostileServer(rows: readonly HostileBody[]): Promise<HostileServer> {
  const cache = new Map<number, Buffer>(); // some bodies are megabytes: build each once
  const server = http.createServer((req, res) => {
    req.resume();
    const m = /^\/hostile\/(\d+)\//.exec(req.url ?? '');
    const i = m ? Number(m[1]) : -1;
    const row = rows[i];
    if (!row) {
      res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"errors":[{"code":404,"message":"no such row"}]}');
      return;
    }
    let body = cache.get(i);
    if (!body) cache.set(i, (body = row.bytes()));
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(body.length) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    baseUrlOf: (row) => `${base}/hostile/${row}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
