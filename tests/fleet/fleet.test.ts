// The monitor as a fleet, end to end on real components: three monitors as three locations, each in a
// network namespace made here; the sandbox as the API (one listener per location, on the host side of
// its veth); one Prometheus scraping the three; two Alertmanagers in one cluster, both fed by
// Prometheus; and a webhook receiver (this test's own HTTP server) that records every notification.
// Timing comes from a test-only rendering of the shipped rules (`for:` 2s, windows 5s) and of the
// example Alertmanager config (second-scale grouping, its webhook URLs pointing here); the shipped
// thresholds and the quorum are untouched. Network faults are iptables REJECTs inside one namespace;
// API faults are sandbox faults. The test waits for events (a notification, an alert's state in
// Prometheus or Alertmanager), each bounded well inside the test's timeout; only "nothing more came"
// is a fixed quiet window, longer than the Alertmanager timer that would send it. Everything is stopped
// and every namespace deleted in after(), also when a step fails, and on exit or SIGINT/SIGTERM.
// Prints the scenario table at the end.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MONITOR_CHECKS } from '../../monitor/probe.ts';
import { createSandbox, type Sandbox } from '../../sandbox/app.ts';
import { testRules } from '../support/prometheus.ts';
import { readAlertRules, withForOf } from '../support/rules-file.ts';
import { createNamespaces, iptablesIn, type Namespace } from '../support/netns.ts';
import { requireBinaries } from '../support/require-binary.ts';
import { childEnv, freePort, getJson, startService, stopAll, waitFor, type Service } from '../support/processes.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const AM_CONFIG = fileURLToPath(new URL('../../monitor/alertmanager/alertmanager.example.yml', import.meta.url));
const LOCATIONS = ['a', 'b', 'c'] as const;
const TARGET = 'eu';
const MONITOR_PORT = 9464;
const SUITE_STARTED = Date.now();

// Test-time timings. Prometheus scrapes and evaluates every second, probes run every second.
const FOR = '2s';
const WINDOW = '5s';
// Set apart from the outage page's `for:` so that the page is in Alertmanager before this alert can
// fire: both begin within one probe, scrape and evaluation interval of each other (3 s at most), and
// the inhibition must be in place when this alert's group is first flushed, not race it.
const NOT_FOUND_FOR = '7s';
const GROUP_WAIT = '2s';
// A second Alertmanager waits one peer timeout for the first's notification log to reach it by gossip
// (every 100 ms), then sends whatever it has not seen logged: a tenfold margin over the gossip.
const PEER_TIMEOUT = '1500ms';
// Longer than the peer timeout: a flush waiting its turn must not outlive the next one, or it sends the
// alert set it had before a resolve (a late `firing` after `resolved`).
const GROUP_INTERVAL = '3s';
// "Nothing more came": longer than a peer timeout plus a group interval after the notification that
// would be repeated, when a duplicate or a stale flush would have been sent.
const QUIET_MS = 5000;
// Bound on every wait for an event (a notification takes about 6 s): ten times that, inside the
// runner's 120 s per test.
const EVENT_MS = 60_000;

const gate = requireBinaries('prometheus', 'prometheus-alertmanager', 'ip', 'iptables', 'setpriv');
const notRoot = process.getuid?.() !== 0 ? 'SKIPPED: the fleet suite makes network namespaces and needs root' : false;
const skip = gate.skip || (process.env.CI === 'true' ? false : notRoot);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The command, run so that the kernel kills it when this process dies, even by SIGKILL (util-linux setpriv). */
const dieWithParent = (command: string, args: string[]): [string, string[]] => [
  gate.path('setpriv'),
  ['--pdeathsig', 'KILL', '--', command, ...args],
];

interface Notification {
  receiver: 'pager' | 'ticket';
  at: number;
  /** Which Alertmanager sent it (its port, from the payload's externalURL). */
  from: string;
  status: 'firing' | 'resolved';
  groupLabels: Record<string, string>;
  alerts: { status: string; labels: Record<string, string>; annotations: Record<string, string> }[];
}

/** An alert as Alertmanager's API v2 shows it. */
interface AmAlert {
  labels: Record<string, string>;
  fingerprint: string;
  status: { state: 'active' | 'suppressed' | 'unprocessed'; inhibitedBy: string[]; silencedBy: string[] };
}

/** The webhook receiver: every POST, in order. */
function startReceiver(): Promise<{ url: string; got: Notification[]; close(): Promise<void> }> {
  const got: Notification[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const receiver = req.url === '/pager' ? 'pager' : 'ticket';
      try {
        const n = JSON.parse(body) as Omit<Notification, 'receiver' | 'at' | 'from'> & { externalURL?: string };
        const from = /:(\d+)\/?$/.exec(n.externalURL ?? '')?.[1] ?? '?';
        got.push({ receiver, at: Date.now(), from, status: n.status, groupLabels: n.groupLabels, alerts: n.alerts });
      } catch {
        got.push({
          receiver,
          at: Date.now(),
          from: '?',
          status: 'firing',
          groupLabels: { unparsable: body.slice(0, 200) },
          alerts: [],
        });
      }
      res.writeHead(200).end();
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        got,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

describe('the monitor as a fleet: 3 locations, 1 Prometheus, 2 clustered Alertmanagers, a receiver', { skip }, () => {
  const services: Service[] = [];
  const sandboxes: Sandbox[] = [];
  const monitors = new Map<string, Service>();
  const alertmanagers: Service[] = [];
  let namespaces: Namespace[] = [];
  let removeNamespaces = () => {};
  let dir = '';
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let promUrl = '';
  const amUrls: string[] = [];
  let sandboxPort = 0;
  const table: string[] = [];

  const since = (t: number) => receiver.got.filter((n) => n.at >= t);
  const describeN = (n: Notification) =>
    `${n.receiver}:${n.status}:${n.groupLabels.alertname}{${n.alerts
      .map((a) =>
        Object.entries(a.labels)
          .filter(([k]) => ['location', 'check', 'field', 'instance'].includes(k))
          .map(([k, v]) => `${k}=${v}`)
          .join(','),
      )
      .join(' | ')}}`;
  const record = (scenario: string, from: number) => {
    const got = since(from).map(
      (n) => `+${((n.at - from) / 1000).toFixed(1)}s am${amUrls.findIndex((u) => u.endsWith(`:${n.from}`)) + 1} ${describeN(n)}`,
    );
    table.push(`${scenario}\n    ${got.length === 0 ? '(nothing)' : got.join('\n    ')}`);
  };
  const waitNotification = async (what: string, from: number, match: (n: Notification) => boolean) => {
    try {
      return await waitFor(what, () => since(from).find(match), { timeoutMs: EVENT_MS, intervalMs: 200 });
    } catch (e) {
      // What each stage held, so a failure says where the alert stopped.
      const alerts = await getJson<{ data: { alerts: { labels: Record<string, string>; state: string }[] } }>(
        `${promUrl}/api/v1/alerts`,
      ).catch(() => undefined);
      const firing = alerts?.data.alerts.map((x) => `${x.labels.alertname}{${x.labels.location ?? ''}}:${x.state}`).join(', ');
      const am = await Promise.all(
        amUrls.map((u) =>
          getJson<unknown[]>(`${u}/api/v2/alerts`).then(
            (x) => x.length,
            () => 'down',
          ),
        ),
      );
      throw new Error(
        `${(e as Error).message.split('\n')[0]}; Prometheus alerts: [${firing}]; alerts per Alertmanager: ${am.join(', ')}; receiver got: ${receiver.got.map(describeN).join('; ') || 'nothing'}`,
      );
    }
  };
  const promQuery = async (expr: string) =>
    (await getJson<{ data: { result: unknown[] } }>(`${promUrl}/api/v1/query?query=${encodeURIComponent(expr)}`)).data.result;
  const amAlerts = (url: string) => getJson<AmAlert[]>(`${url}/api/v2/alerts`);
  /** Between scenarios: no page active in Prometheus, and every live location passing every check. */
  const settle = (locations: number) =>
    waitFor(
      'the fleet to settle (no page active, every live location passing)',
      async () =>
        (await promQuery('ALERTS{severity="page"}')).length === 0 &&
        (await promQuery('probe_success == 1')).length === locations * MONITOR_CHECKS.length
          ? true
          : undefined,
      { timeoutMs: EVENT_MS, intervalMs: 250 },
    );
  const allFaults = (spec: string) => sandboxes.forEach((s) => (spec ? s.setFaults(spec) : s.clearFaults()));

  // A signal ends the process through exit(), whose handlers kill the services (support/processes.ts)
  // and delete the namespaces (support/netns.ts): the host is left as it was. A SIGKILL leaves no such
  // chance: the services die with this process (dieWithParent), and the next run sweeps the namespaces.
  const onSignal = (signal: NodeJS.Signals) => {
    for (const s of services) s.child.kill('SIGKILL');
    try {
      if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // a leftover temporary directory harms nothing
    }
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };

  before(async () => {
    process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
    dir = mkdtempSync(path.join(os.tmpdir(), 'fleet-e2e-'));
    const made = createNamespaces(LOCATIONS);
    namespaces = made.namespaces;
    removeNamespaces = made.remove;
    receiver = await startReceiver();

    // The API: one sandbox listener per location, on the host side of that location's veth.
    sandboxPort = await freePort();
    for (const ns of namespaces) {
      const s = createSandbox();
      await s.listen(sandboxPort, ns.hostIp);
      sandboxes.push(s);
    }

    // Alertmanager: the example config, with this test's receiver and second-scale grouping.
    const amText = readFileSync(AM_CONFIG, 'utf8')
      .replace("'http://pager.example.internal/alertmanager'", `'${receiver.url}/pager'`)
      .replace("'http://tickets.example.internal/alertmanager'", `'${receiver.url}/ticket'`)
      .replace(/group_wait: \S+/, `group_wait: ${GROUP_WAIT}`)
      .replace(/group_interval: \S+/, `group_interval: ${GROUP_INTERVAL}`);
    assert.ok(
      amText.includes(`${receiver.url}/pager`) && amText.includes(`group_wait: ${GROUP_WAIT}`),
      'the rendering must apply',
    );
    writeFileSync(path.join(dir, 'alertmanager.yml'), amText);
    const amPorts = [await freePort(), await freePort()];
    const clusterPorts = [await freePort(), await freePort()];
    amUrls.push(...amPorts.map((p) => `http://127.0.0.1:${p}`));
    for (let i = 0; i < 2; i++) {
      const am = startService(
        `alertmanager-${i + 1}`,
        ...dieWithParent(gate.path('prometheus-alertmanager'), [
          `--config.file=${path.join(dir, 'alertmanager.yml')}`,
          `--storage.path=${path.join(dir, `am${i + 1}`)}`,
          `--web.listen-address=127.0.0.1:${amPorts[i]}`,
          `--cluster.listen-address=127.0.0.1:${clusterPorts[i]}`,
          `--cluster.peer=127.0.0.1:${clusterPorts[1 - i]}`,
          `--cluster.peer-timeout=${PEER_TIMEOUT}`,
          '--cluster.gossip-interval=100ms',
          '--cluster.pushpull-interval=1s',
          '--log.level=warn',
        ]),
      );
      services.push(am);
      alertmanagers.push(am);
    }

    // The monitors: one per namespace, all probing the same target through their own veth, every second,
    // with the default timeout (10 s) and latency budget (3 s): a probe of the sandbox takes milliseconds.
    for (const [i, ns] of namespaces.entries()) {
      const base = `http://${ns.hostIp}:${sandboxPort}`;
      const targetsFile = path.join(dir, `targets-${LOCATIONS[i]}.json`);
      writeFileSync(
        targetsFile,
        JSON.stringify({
          targets: [
            {
              name: TARGET,
              baseUrl: base,
              intervalSeconds: 1,
              notFoundIntervalSeconds: 1,
              authIntervalSeconds: 1,
            },
          ],
        }),
      );
      const m = startService(
        `monitor-${LOCATIONS[i]}`,
        ...dieWithParent(ns.exec[0]!, [
          ...ns.exec.slice(1),
          process.execPath,
          '--import',
          'tsx',
          'cli/monitor.ts',
          '--config',
          targetsFile,
          '--location',
          LOCATIONS[i]!,
          '--host',
          ns.nsIp,
          '--port',
          String(MONITOR_PORT),
        ]),
        childEnv({ CAP_BASE_URL: base, CAP_USERNAME: 'sandbox_user', CAP_PASSWORD: 'sandbox_password' }),
        ROOT,
      );
      services.push(m);
      monitors.set(LOCATIONS[i]!, m);
    }

    // Prometheus: both Alertmanagers, and no rules yet. It scrapes nothing for its first 5 s (its target
    // discovery sends its first update then), time the monitors need to start anyway; the rules come once
    // it sees every location pass every check, so no evaluation sees a fleet still starting (monitors
    // down, absent, not probed yet) and nothing fires from it.
    const rulesFile = path.join(dir, 'rules.yml');
    writeFileSync(rulesFile, 'groups: []\n');
    const promPort = await freePort();
    promUrl = `http://127.0.0.1:${promPort}`;
    writeFileSync(
      path.join(dir, 'prometheus.yml'),
      JSON.stringify({
        global: { scrape_interval: '1s', scrape_timeout: '900ms', evaluation_interval: '1s' },
        rule_files: [rulesFile],
        alerting: { alertmanagers: [{ static_configs: [{ targets: amPorts.map((p) => `127.0.0.1:${p}`) }] }] },
        scrape_configs: [
          { job_name: 'trackers-monitor', static_configs: [{ targets: namespaces.map((ns) => `${ns.nsIp}:${MONITOR_PORT}`) }] },
        ],
      }),
    );
    services.push(
      startService(
        'prometheus',
        ...dieWithParent(gate.path('prometheus'), [
          `--config.file=${path.join(dir, 'prometheus.yml')}`,
          `--storage.tsdb.path=${path.join(dir, 'prom')}`,
          `--web.listen-address=127.0.0.1:${promPort}`,
          '--web.enable-lifecycle',
          '--rules.alert.resend-delay=1s',
          '--log.level=warn',
        ]),
      ),
    );

    await waitFor(
      'the Alertmanagers to form one cluster of 2',
      async () => {
        const s = await getJson<{ cluster: { peers: unknown[] } }>(`http://127.0.0.1:${amPorts[0]}/api/v2/status`);
        return s.cluster.peers.length === 2 ? true : undefined;
      },
      { services, timeoutMs: EVENT_MS },
    );
    await waitFor(
      'every location passing every check, as Prometheus sees it',
      async () =>
        (await promQuery('probe_success == 1')).length === LOCATIONS.length * MONITOR_CHECKS.length ? true : undefined,
      { services, timeoutMs: EVENT_MS },
    );

    // The shipped rules with short `for:` and windows, loaded now (a reload applies them before it answers).
    const rules = withForOf(testRules(FOR, WINDOW), 'TrackersNotFoundCheckFailing', NOT_FOUND_FOR);
    assert.match(
      rules,
      new RegExp(`alert: TrackersNotFoundCheckFailing\\n[^]*?for: ${NOT_FOUND_FOR}\\n`),
      'the rendering must apply',
    );
    writeFileSync(rulesFile, rules);
    const reload = await fetch(`${promUrl}/-/reload`, { method: 'POST' });
    assert.equal(reload.status, 200, await reload.text());
    const loaded = await getJson<{ data: { groups: { rules: unknown[] }[] } }>(`${promUrl}/api/v1/rules`);
    assert.equal(loaded.data.groups.flatMap((g) => g.rules).length, readAlertRules(rules).length, 'every rule loaded');
  });

  after(async () => {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await stopAll(services);
    for (const s of sandboxes) await s.close().catch(() => {});
    await receiver?.close();
    removeNamespaces();
    if (dir) rmSync(dir, { recursive: true, force: true });
    process.stdout.write(
      `\nfleet scenarios (what the receiver got):\n${table.map((t) => `  ${t}`).join('\n')}\nfleet suite wall time: ${((Date.now() - SUITE_STARTED) / 1000).toFixed(1)} s\n`,
    );
  });

  test('healthy: no alert pending or firing, none in either Alertmanager, the receiver gets nothing', async () => {
    // Awaited, not sampled: Prometheus's first evaluations may still see TrackersMonitorAbsent pending
    // before its first scrapes. A healthy fleet has no alert at all once they are in.
    await waitFor(
      'no alert pending or firing in Prometheus',
      async () => ((await promQuery('ALERTS')).length === 0 ? true : undefined),
      {
        services,
        timeoutMs: EVENT_MS,
      },
    );
    for (const url of amUrls) assert.deepEqual(await amAlerts(url), [], `${url} holds an alert`);
    assert.deepEqual(receiver.got.map(describeN), []);
  });

  test('one location cut off from the API (iptables REJECT in its namespace): a ticket naming it, no page', async () => {
    const from = Date.now();
    const a = namespaces[0]!;
    // Only the API's port: the scrape's answers go to the same host address and must still flow. A reset,
    // not a DROP: the probes fail at once instead of after the 10 s timeout, and the scenario is the same
    // (one location's path to the API is gone; which error it sees is the probe's unit tests' business).
    const rule = [
      'OUTPUT',
      '-d',
      a.hostIp,
      '-p',
      'tcp',
      '--dport',
      String(sandboxPort),
      '-j',
      'REJECT',
      '--reject-with',
      'tcp-reset',
    ];
    iptablesIn(a, ['-A', ...rule]);
    try {
      const ticket = await waitNotification(
        'a ticket for location a',
        from,
        (n) => n.receiver === 'ticket' && n.status === 'firing' && n.groupLabels.alertname === 'TrackersCheckFailingAtLocation',
      );
      assert.deepEqual([...new Set(ticket.alerts.map((x) => x.labels.location))], ['a']);
      assert.equal(ticket.groupLabels.target, TARGET);
      assert.match(ticket.alerts[0]!.annotations.summary!, /from location a$/);
    } finally {
      iptablesIn(a, ['-D', ...rule]);
    }
    await waitNotification(
      'the ticket resolved',
      from,
      (n) => n.receiver === 'ticket' && n.status === 'resolved' && n.groupLabels.alertname === 'TrackersCheckFailingAtLocation',
    );
    assert.deepEqual(
      since(from)
        .filter((n) => n.receiver === 'pager')
        .map(describeN),
      [],
      'no page',
    );
    record('1 location cut off (iptables REJECT in a)', from);
  });

  test('a contract break for everyone (mutation id-string): exactly one page, naming the target, the reason and the field', async () => {
    const from = Date.now();
    allFaults('mutation=id-string');
    const page = await waitNotification('the schema page', from, (n) => n.receiver === 'pager' && n.status === 'firing');
    assert.equal(page.groupLabels.alertname, 'TrackersSchemaViolations');
    assert.equal(page.groupLabels.target, TARGET);
    assert.equal(page.alerts.length, 1);
    assert.equal(page.alerts[0]!.labels.field, '$.data[*].id');
    assert.match(page.alerts[0]!.annotations.summary!, /breaks the contract at \$\.data\[\*\]\.id/);
    // The other Alertmanager would send its duplicate one peer timeout after this one.
    await sleep(QUIET_MS);
    const pages = since(from).filter((n) => n.receiver === 'pager' && n.status === 'firing');
    assert.equal(pages.length, 1, `one page across both Alertmanagers: ${pages.map(describeN).join('; ')}`);
    allFaults('');
    const resolved = await waitNotification(
      'the schema page resolved',
      from,
      (n) => n.receiver === 'pager' && n.status === 'resolved',
    );
    await settle(3);
    // Nothing pages again after the resolve, from either Alertmanager: a stale flush would come within a
    // peer timeout.
    await sleep(QUIET_MS);
    const after = since(resolved.at).filter((n) => n.receiver === 'pager' && n.status === 'firing');
    assert.deepEqual(after.map(describeN), [], 'no page after the resolve');
    record('contract break for all (mutation id-string)', from);
  });

  test('one monitor killed: a ticket about the monitor, no page', async () => {
    const from = Date.now();
    await monitors.get('c')!.stop();
    const ticket = await waitNotification(
      'a TrackersMonitorDown ticket',
      from,
      (n) => n.receiver === 'ticket' && n.status === 'firing' && n.groupLabels.alertname === 'TrackersMonitorDown',
    );
    assert.equal(ticket.alerts[0]!.labels.instance, `${namespaces[2]!.nsIp}:${MONITOR_PORT}`);
    assert.deepEqual(
      since(from)
        .filter((n) => n.receiver === 'pager')
        .map(describeN),
      [],
      'no page',
    );
    record('monitor c killed', from);
  });

  test('the API down for everyone (HTTP 503), an Alertmanager killed during it, then recovery: one page, then resolved', async () => {
    const from = Date.now();
    allFaults('status=503');
    const page = await waitNotification('the outage page', from, (n) => n.receiver === 'pager' && n.status === 'firing');
    assert.equal(page.groupLabels.alertname, 'TrackersProbeFailing');
    assert.equal(page.groupLabels.target, TARGET);
    // Two monitors report (c is dead): both failing is the quorum.
    assert.match(page.alerts[0]!.annotations.summary!, /from 2 locations$/);
    await alertmanagers[0]!.stop();
    // The 8015 check fails too, a page of its own, which the outage page must mute: seen in the surviving
    // Alertmanager, inhibited by the page's alert, before the quiet window in which it would be sent.
    const { outage, muted } = await waitFor(
      'TrackersNotFoundCheckFailing in the surviving Alertmanager, muted',
      async () => {
        const held = await amAlerts(amUrls[1]!);
        const outage = held.find((x) => x.labels.alertname === 'TrackersProbeFailing');
        const muted = held.find((x) => x.labels.alertname === 'TrackersNotFoundCheckFailing' && x.status.state === 'suppressed');
        return outage && muted ? { outage, muted } : undefined;
      },
      { services: [alertmanagers[1]!], timeoutMs: EVENT_MS },
    );
    assert.deepEqual(muted.status.inhibitedBy, [outage.fingerprint], 'muted by the outage page');
    await sleep(QUIET_MS);
    record('API down for all (503) + alertmanager-1 killed', from);
    const pages = since(from).filter((n) => n.receiver === 'pager' && n.status === 'firing');
    assert.deepEqual(pages.map(describeN), [describeN(page)], 'exactly one page, also after an Alertmanager died');
    const outageRecorded = Date.now();
    allFaults('');
    await waitNotification(
      'the outage page resolved',
      outageRecorded,
      (n) => n.receiver === 'pager' && n.status === 'resolved' && n.groupLabels.alertname === 'TrackersProbeFailing',
    );
    record('recovery', outageRecorded);
  });
});
