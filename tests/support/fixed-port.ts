// A loopback port nothing listens on, for a port a child binds a while later or one that must stay
// closed. freePort() gives an ephemeral port: the kernel hands those to every server that listens on
// port 0, and npm test starts dozens at once, so in the seconds before the child binds it (or while a
// test relies on it being closed) another server may be given it. Below the ephemeral range only a
// server asking for that very port could take it.
import { readFileSync } from 'node:fs';
import net from 'node:net';

const LOWEST = 10_000;
const ATTEMPTS = 50;

/** The low end of Linux's ephemeral range (32768 unless configured otherwise). */
function ephemeralLow(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > LOWEST + 1000 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

function listensOn(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A free loopback TCP port below the ephemeral range, picked at random so that two callers seldom meet. */
export async function freeFixedPort(): Promise<number> {
  const high = ephemeralLow();
  for (let i = 0; i < ATTEMPTS; i++) {
    const port = LOWEST + Math.floor(Math.random() * (high - LOWEST));
    if (await listensOn(port)) return port;
  }
  throw new Error(`no free loopback port in ${LOWEST}-${high - 1} after ${ATTEMPTS} attempts`);
}
