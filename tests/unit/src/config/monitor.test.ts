import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isListenHost, loadMonitorSettings, loadPrometheusUrl, parseServiceUrl } from '../../../../src/config/monitor.ts';

describe('monitor settings (loadMonitorSettings)', () => {
  test('defaults: 127.0.0.1:9464, no file, no Pushgateway', () => {
    assert.deepEqual(loadMonitorSettings({}), {
      ok: true,
      settings: { configFile: undefined, port: 9464, host: '127.0.0.1', pushgateway: undefined },
    });
  });
  test('every variable', () => {
    const r = loadMonitorSettings({
      MONITOR_CONFIG: 'targets.json',
      MONITOR_PORT: '0',
      MONITOR_HOST: '0.0.0.0',
      PUSHGATEWAY_URL: 'http://pgw:9091/',
    });
    assert.ok(r.ok);
    assert.equal(r.settings.configFile, 'targets.json');
    assert.equal(r.settings.port, 0);
    assert.equal(r.settings.host, '0.0.0.0');
    assert.equal(r.settings.pushgateway?.url.reveal(), 'http://pgw:9091');
    assert.equal(r.settings.pushgateway?.display, 'http://pgw:9091');
  });
  test('bad values name the variable', () => {
    const r = loadMonitorSettings({ MONITOR_PORT: '70000', MONITOR_HOST: 'a b', PUSHGATEWAY_URL: 'ftp://pgw' });
    assert.equal(r.ok, false);
    const text = r.ok ? '' : r.errors.join('\n');
    assert.match(text, /MONITOR_PORT="70000": must be a whole number from 0 to 65535/);
    assert.match(text, /MONITOR_HOST="a b": must be a host name or IP address/);
    assert.match(text, /PUSHGATEWAY_URL="ftp:\/\/pgw": must start with http:\/\/ or https:\/\//);
  });
  test('a Pushgateway URL with credentials is accepted but never shown', () => {
    const ok = loadMonitorSettings({ PUSHGATEWAY_URL: 'https://push:hunter2-secret@pgw.example:9091' });
    assert.ok(ok.ok);
    assert.equal(ok.settings.pushgateway?.display, 'https://pgw.example:9091');
    assert.doesNotMatch(JSON.stringify(ok.settings), /hunter2/);
    const bad = loadMonitorSettings({ PUSHGATEWAY_URL: 'https://push:hunter2-secret@pgw.example:9091/?x=1' });
    assert.equal(bad.ok, false);
    assert.doesNotMatch(bad.ok ? '' : bad.errors.join(), /hunter2/);
  });
});

describe('PROMETHEUS_URL (the status page’s long windows)', () => {
  test('with credentials: accepted, shown without them', () => {
    const ok = loadMonitorSettings({ PROMETHEUS_URL: 'https://scraper:hunter2-secret@prom.example:9090/' });
    assert.ok(ok.ok);
    assert.equal(ok.settings.prometheus?.display, 'https://prom.example:9090');
    assert.equal(ok.settings.prometheus?.url.reveal(), 'https://scraper:hunter2-secret@prom.example:9090');
    assert.doesNotMatch(JSON.stringify(ok.settings), /hunter2/);
    const unset = loadMonitorSettings({});
    assert.ok(unset.ok);
    assert.equal(unset.settings.prometheus, undefined, 'unset: none');
  });
  const BAD: [string, string][] = [
    ['ftp://prom:9090', 'PROMETHEUS_URL="ftp://prom:9090": must start with http:// or https://'],
    ['http://prom:9090/?x=1', 'PROMETHEUS_URL="http://prom:9090/?x=1": must not have a query or fragment'],
    ['https://u:hunter2-secret@prom:9090/#x', 'PROMETHEUS_URL=(value hidden): must not have a query or fragment'],
    ['http://u:hunter2-secret@pr om', 'PROMETHEUS_URL=(value hidden): is not a URL (expected e.g. http://prometheus:9090)'],
  ];
  for (const [value, error] of BAD) {
    test(`${value.replace(/hunter2-secret/, '…')}: one error naming the variable, no secret`, () => {
      assert.deepEqual(loadMonitorSettings({ PROMETHEUS_URL: value }), { ok: false, errors: [error] });
      // The SLO report's reader, and its --prometheus flag, say the same.
      assert.deepEqual(loadPrometheusUrl({ PROMETHEUS_URL: value }), { ok: false, errors: [error] });
      assert.deepEqual(parseServiceUrl('--prometheus', value, 'http://prometheus:9090'), {
        ok: false,
        error: error.replace(/^PROMETHEUS_URL/, '--prometheus'),
      });
    });
  }
  test('the SLO report reads PROMETHEUS_URL alone: a bad MONITOR_PORT is not its business', () => {
    const read = loadPrometheusUrl({ PROMETHEUS_URL: 'http://prom:9090/', MONITOR_PORT: 'x' });
    assert.ok(read.ok);
    assert.equal(read.url?.display, 'http://prom:9090');
    assert.deepEqual(loadPrometheusUrl({}), { ok: true });
  });
});

describe('listen hosts (isListenHost, shared by --host and MONITOR_HOST)', () => {
  test('names and addresses', () => {
    for (const host of ['localhost', '127.0.0.1', '0.0.0.0', '::', 'fe80::1', 'monitor_1.internal'])
      assert.ok(isListenHost(host), host);
  });
  test('anything else', () => {
    for (const host of ['', 'a b', 'http://x', 'x/y', 'h'.repeat(254)]) assert.equal(isListenHost(host), false, host);
  });
  test('a bad URL for the Pushgateway is refused without echoing it', () => {
    const r = loadMonitorSettings({ PUSHGATEWAY_URL: 'http://push:hunter2-secret@exa mple' });
    assert.deepEqual(r, {
      ok: false,
      errors: ['PUSHGATEWAY_URL=(value hidden): is not a URL (expected e.g. http://pushgateway:9091)'],
    });
  });
});
