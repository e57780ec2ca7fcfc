// One sandbox serving every row of the proof table at once: /proof/<row>/… is
// the sandbox at … with that row's faults, asked for by header as a test would.
// So one gate process, one project per row, can run the whole table.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandbox } from '../../sandbox/app.ts';
import { FAULT_HEADER } from '../../sandbox/trackers-route.ts';
import type { ProofRow } from '../support/proof-table.ts';

export interface ProofSandbox {
  /** The base URL of row i. */
  baseUrlOf(row: number): string;
  close(): Promise<void>;
}

export async function startProofSandbox(rows: readonly ProofRow[]): Promise<ProofSandbox> {
  const sandbox = createSandbox();
  const router = http.createServer((req, res) => {
    const m = /^\/proof\/(\d+)(\/.*)$/.exec(req.url ?? '');
    const row = m ? rows[Number(m[1])] : undefined;
    if (!m || !row) {
      res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"errors":[{"code":404,"message":"no such row"}]}');
      return;
    }
    req.url = m[2];
    if (row.faults) req.headers[FAULT_HEADER] = row.faults;
    sandbox.server.emit('request', req, res);
  });
  await new Promise<void>((resolve) => router.listen(0, '127.0.0.1', resolve));
  const { port } = router.address() as AddressInfo;
  return {
    baseUrlOf: (row) => `http://127.0.0.1:${port}/proof/${row}`,
    async close() {
      router.closeAllConnections();
      await new Promise<void>((resolve) => router.close(() => resolve()));
      await sandbox.close();
    },
  };
}
