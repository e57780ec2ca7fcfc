// Network namespaces for the fleet suite: one per location, each joined to the host by a veth pair on
// its own /30 (host side .1, namespace side .2). Addresses go only on those veths, and a namespace has
// no default route, so its processes reach the host's .1 address and nothing beyond. Everything made
// here is removed by remove() (deleting a namespace deletes its veth), which never throws, and also
// when the process exits without calling it. Names carry the creating process's pid: a run that was
// killed (SIGKILL leaves no chance to clean up) is swept by the next one, processes and all.
import { execFileSync } from 'node:child_process';

export interface Namespace {
  name: string;
  /** The host side's address: what processes inside reach (the sandbox listens there). */
  hostIp: string;
  /** The namespace side's address: where its monitor listens, scraped from the host. */
  nsIp: string;
  /** argv prefix that runs a command inside the namespace. */
  exec: string[];
}

function ip(args: string[]): void {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 10_000 });
}

/** Subnets already routed on this host (so the suite never shadows a real network). */
function routed(prefix: string): boolean {
  return execFileSync('ip', ['-4', 'route', 'show'], { encoding: 'utf8', timeout: 10_000 }).includes(prefix);
}

const NAMESPACE = /^fleet-[a-z0-9]+-(\d+)$/;
const HOST_LINK = /^fl\d+h(\d+)$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the namespaces, their processes and the host links of fleet runs whose process is gone. */
function sweepStale(): void {
  const run = (args: string[]) => execFileSync('ip', args, { encoding: 'utf8', timeout: 10_000 });
  const stale = (name: string, pattern: RegExp) => {
    const pid = Number(pattern.exec(name)?.[1] ?? 0);
    return pid > 0 && pid !== process.pid && !alive(pid);
  };
  for (const line of run(['netns', 'list']).split('\n')) {
    const name = line.split(' ')[0] ?? '';
    if (!stale(name, NAMESPACE)) continue;
    // What the dead run started in there (its monitors) would otherwise run on, probing nothing.
    for (const pid of run(['netns', 'pids', name]).split('\n').filter(Boolean)) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        // already gone
      }
    }
    try {
      ip(['netns', 'del', name]);
    } catch {
      // already gone
    }
  }
  for (const line of run(['-o', 'link', 'show']).split('\n')) {
    const name = /^\d+: ([^:@]+)/.exec(line)?.[1] ?? '';
    if (!stale(name, HOST_LINK)) continue;
    try {
      ip(['link', 'del', name]);
    } catch {
      // already gone
    }
  }
}

export function createNamespaces(locations: readonly string[], octet = 213): { namespaces: Namespace[]; remove(): void } {
  const made: string[] = [];
  const links: string[] = [];
  const remove = () => {
    process.off('exit', remove);
    // The namespace's deletion takes its veth along, but asynchronously: delete the host side too.
    for (const l of links.splice(0)) {
      try {
        ip(['link', 'del', l]);
      } catch {
        // already gone
      }
    }
    for (const n of made.splice(0).reverse()) {
      try {
        ip(['netns', 'del', n]);
      } catch {
        // already gone
      }
    }
  };
  sweepStale();
  if (routed(`10.${octet}.`))
    throw new Error(
      `10.${octet}.0.0/16 is already routed on this host (another fleet run, alive?); the fleet suite will not shadow it`,
    );
  // The whole pid (at most 7 digits): an interface name holds 15 characters.
  const tag = String(process.pid);
  process.on('exit', remove);
  try {
    const namespaces = locations.map((location, i) => {
      const name = `fleet-${location}-${tag}`;
      const hostIf = `fl${i}h${tag}`;
      const nsIf = `fl${i}n${tag}`;
      const hostIp = `10.${octet}.${i + 1}.1`;
      const nsIp = `10.${octet}.${i + 1}.2`;
      ip(['netns', 'add', name]);
      made.push(name);
      ip(['link', 'add', hostIf, 'type', 'veth', 'peer', 'name', nsIf, 'netns', name]);
      links.push(hostIf);
      ip(['addr', 'add', `${hostIp}/30`, 'dev', hostIf]);
      ip(['link', 'set', hostIf, 'up']);
      ip(['-n', name, 'addr', 'add', `${nsIp}/30`, 'dev', nsIf]);
      ip(['-n', name, 'link', 'set', nsIf, 'up']);
      ip(['-n', name, 'link', 'set', 'lo', 'up']);
      return { name, hostIp, nsIp, exec: ['ip', 'netns', 'exec', name] };
    });
    return { namespaces, remove };
  } catch (e) {
    remove();
    throw e;
  }
}

/** Run iptables inside a namespace (its own tables: the host's are untouched). */
export function iptablesIn(ns: Namespace, args: string[]): void {
  execFileSync('ip', ['netns', 'exec', ns.name, 'iptables', ...args], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 10_000 });
}
