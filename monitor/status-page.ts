// The status page: one self-contained HTML document (inline CSS, inline JS,
// inline SVG; no CDN, no external font). One renderer, written once as plain
// browser JavaScript, runs on two backends: on the server (the first paint,
// and the page without JavaScript) it builds escaped HTML text; in the browser
// it builds DOM nodes every few seconds from /api/status. Both backends treat
// every string from the snapshot as text (escaped, or a text node), so a hostile
// response message cannot inject markup. A Content-Security-Policy with the
// hashes of the inline script and style is the second line of defence.
import { createHash } from 'node:crypto';
import type { StatusSnapshot, StatusSummary } from './status-history.ts';
import type { PrometheusView } from './prometheus-slo.ts';
import type { MaintenanceView } from './maintenance.ts';

export const REFRESH_SECONDS = 5;

// renderStatus(summary, h, open) → array of nodes. h(tag, attrs, children) is the backend; open maps the
// names of the targets whose details are open to their /api/status?target=NAME answer (null while it loads).
// Plain ES2020: it is shipped to the browser as is. Attribute names are constants;
// no attribute is ever an event handler or a URL.
const RENDERER = String.raw`
function renderStatus(s, h, open) {
  open = open || {};
  var ORDER = { DOWN: 0, DEGRADED: 1, PENDING: 2, UP: 3 };
  // A FLAPPING check shows as that, between DOWN and DEGRADED, whatever its latest state: the page stops flipping with it.
  function shown(c) { return c.flapping ? 'FLAPPING' : c.state; }
  function rank(c) { return c.flapping ? 0.5 : ORDER[c.state]; }
  // Maintenance changes what the page says, not the checks' states: a covered row shows MAINTENANCE (over FLAPPING
  // and the state, which stay beside it), sorts below the problems, and the banner counts it as in maintenance.
  var mt = s.maintenance, under = {};
  if (mt) mt.active.forEach(function (m) { (m.targets || s.targets.map(function (t) { return t.name; })).forEach(function (n) { under[n] = m; }); });
  function rowState(r) { return under[r.t.name] ? 'MAINTENANCE' : shown(r.c); }
  function rowRank(r) { return under[r.t.name] ? 2.5 : rank(r.c); }
  function flapWhy(c) { return c.stateChangePercent + '% state change over the last 21 probes, now ' + c.state; }
  var CHECK_ORDER = { trackers: 0, not_found: 1, auth: 2 };
  function time(ms) { return new Date(ms).toISOString().replace('T', ' ').slice(0, 19) + 'Z'; }
  function clock(ms, secs) { return new Date(ms).toISOString().slice(11, secs ? 19 : 16); }
  function dur(ms) { return ms < 10 ? ms.toFixed(1) + ' ms' : ms < 10000 ? Math.round(ms) + ' ms' : (ms / 1000).toFixed(1) + ' s'; }
  // Floored, never rounded up: 99.95% must not read as the 100% it is not.
  function pct(r) { return r === null || r === undefined ? '-' : r >= 1 ? '100%' : (Math.floor(r * 10000) / 100) + '%'; }
  function ratio(w) { return pct(w.probes ? w.successes / w.probes : null); }
  function failure(f) { return f ? f.reason + (f.field ? ' at ' + f.field : '') : ''; }
  var rows = [];
  s.targets.forEach(function (t) { t.checks.forEach(function (c) { rows.push({ t: t, c: c }); }); });
  rows.sort(function (a, b) {
    return rowRank(a) - rowRank(b) || (a.t.name < b.t.name ? -1 : a.t.name > b.t.name ? 1 : 0) || CHECK_ORDER[a.c.check] - CHECK_ORDER[b.c.check];
  });
  function named(list, what) {
    var shown = list.slice(0, 8).map(function (r) {
      var why = r.c.flapping ? flapWhy(r.c) : r.c.state === 'DOWN' ? failure(r.c.lastFailure) : r.c.why;
      return r.t.name + ' ' + r.c.check + (why ? ' (' + why + ')' : '');
    });
    return list.length + ' ' + what + ': ' + shown.join(', ') + (list.length > 8 ? ' and ' + (list.length - 8) + ' more' : '');
  }
  var by = { DOWN: [], FLAPPING: [], DEGRADED: [], PENDING: [], MAINTENANCE: [], UP: [] };
  rows.forEach(function (r) { by[rowState(r)].push(r); });
  var parts = [];
  if (by.DOWN.length) parts.push(named(by.DOWN, 'failing'));
  if (by.FLAPPING.length) parts.push(named(by.FLAPPING, 'flapping'));
  if (by.DEGRADED.length) parts.push(named(by.DEGRADED, 'degraded'));
  if (by.PENDING.length) parts.push(by.PENDING.length + ' pending');
  var banner = by.DOWN.length ? 'down' : by.FLAPPING.length ? 'flapping' : by.DEGRADED.length ? 'degraded' : by.PENDING.length ? 'pending' : 'up';
  var text = parts.length ? parts.join('; ') : (by.MAINTENANCE.length ? by.UP.length + ' checks UP' : 'all ' + rows.length + ' checks UP');
  if (by.MAINTENANCE.length) text += '; ' + by.MAINTENANCE.length + ' in maintenance';
  var out = [h('p', { class: 'banner ' + banner }, [text])];
  function why(m) { return m.name + (m.reason ? ': ' + m.reason : ''); }
  function covered(m) { return '(' + (m.targets ? m.targets.join(', ') : 'every target') + ')'; }
  function span(m) { return time(m.start) + ' to ' + time(m.end) + ' ' + covered(m); }
  if (mt && mt.active.length) {
    out.push(h('p', { class: 'banner maintenance' }, ['MAINTENANCE ' + mt.active.map(function (m) { return why(m) + ', until ' + time(m.end) + ' ' + covered(m); }).join('; ')]));
  }

  var prom = s.prometheus;
  if (prom) {
    out.push(h('p', { class: 'prom ' + prom.status }, ['Prometheus ' + prom.url + ': ' + (prom.status === 'ok'
      ? 'ratios as of ' + time(prom.fetchedAt)
      : prom.status === 'pending' ? 'querying' : 'unavailable' + (prom.reason ? ' (' + prom.reason + ')' : '') + '; the 24 h, 7 d and 30 d ratios need it')]));
  }
  var head = ['state', 'target', 'check', '15 min', '1 h'];
  if (prom) head = head.concat(['24 h', '7 d', '30 d', 'budget left']);
  head = head.concat(['p95', 'why', 'last failure']);
  var trs = rows.map(function (r) {
    var c = r.c, m = under[r.t.name], st = rowState(r).toLowerCase();
    // Classes by column (CSS), not per cell: 600 rows are most of the page.
    var cells = [h('td', {}, [rowState(r)]), h('td', {}, [r.t.name]), h('td', {}, [c.check]), h('td', {}, [ratio(c.last15m)]), h('td', {}, [ratio(c.last1h)])];
    if (prom) {
      var l = prom.ratios && prom.ratios[r.t.name + '/' + c.check];
      cells.push(h('td', {}, [l ? pct(l.ratio1d) : '-']), h('td', {}, [l ? pct(l.ratio7d) : '-']), h('td', {}, [l ? pct(l.ratio30d) : '-']),
        h('td', {}, [l && l.budgetRemaining !== null ? (l.budgetRemaining <= 0 ? 'exhausted' : pct(l.budgetRemaining)) : '-']));
    }
    cells.push(h('td', {}, [c.p95Ms === null ? '-' : dur(c.p95Ms)]), h('td', {}, [m ? shown(c) + ' during ' + why(m) : c.flapping ? flapWhy(c) : c.state === 'DOWN' ? '' : c.why || '']),
      h('td', {}, c.lastFailure ? [h('code', {}, [failure(c.lastFailure)]), ' ' + clock(c.lastFailure.at, true)] : []));
    return h('tr', { class: st }, cells);
  });
  out.push(h('table', { class: 'summary' + (prom ? ' prom' : '') }, [h('thead', {}, [h('tr', {}, head.map(function (x) { return h('th', {}, [x]); }))]), h('tbody', {}, trs)]));
  if (mt && mt.upcoming.length) {
    var items = mt.upcoming.map(function (m) { return h('li', {}, [span(m) + ' ', h('strong', {}, [m.name]), m.reason ? ': ' + m.reason : '']); });
    if (mt.more) items.push(h('li', { class: 'muted' }, ['and ' + mt.more + ' more']));
    out.push(h('h2', {}, ['Maintenance windows, next 7 days']), h('ul', { class: 'maintenance' }, items));
  }

  // Details on demand: the chart and facts of a target are fetched when its <details> opens.
  var W = 640, H = 170, L = 50, R = 8, T = 8, B = 22, PW = W - L - R, PH = H - T - B;
  var LOG_TICKS = [[1, '1 ms'], [10, '10 ms'], [100, '100 ms'], [1000, '1 s'], [10000, '10 s']];
  var STEPS = [10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200].map(function (x) { return x * 1000; });
  function chart(t, c, now) {
    var pts = c.recent;
    // At least 20 s wide: a fresh monitor's first probes do not fill the chart edge to edge.
    var t1 = now, t0 = Math.min(pts.length ? pts[0].at : now, now - 20000);
    function x(at) { return (L + PW * (at - t0) / Math.max(t1 - t0, 1)).toFixed(1); }
    // A log scale fixed from 1 ms to 10 s: a healthy 5 ms and a 3 s budget both stay readable; slower is drawn at the top.
    function y(ms) { return (T + PH * (1 - Math.log(Math.min(Math.max(ms, 1), 10000)) / Math.log(10000))).toFixed(1); }
    var kids = [h('rect', { x: L, y: T, width: PW, height: PH, class: 'bg' }, [])];
    var yAxis = [], xAxis = [];
    LOG_TICKS.forEach(function (tk) {
      yAxis.push(h('line', { x1: L, x2: L + PW, y1: y(tk[0]), y2: y(tk[0]), class: 'grid' }, []),
        h('text', { x: L - 4, y: Number(y(tk[0])) + 3, class: 'tick' }, [tk[1]]));
    });
    var step = STEPS[STEPS.length - 1];
    for (var i = 0; i < STEPS.length; i++) if ((t1 - t0) / STEPS[i] <= 8) { step = STEPS[i]; break; }
    for (var at = Math.ceil(t0 / step) * step; at <= t1; at += step) {
      xAxis.push(h('line', { x1: x(at), x2: x(at), y1: T + PH, y2: T + PH + 4, class: 'axis' }, []),
        h('text', { x: x(at), y: H - 6, class: 'tick time' }, [clock(at, step < 60000)]));
    }
    kids.push(h('g', { class: 'y-axis' }, yAxis), h('g', { class: 'x-axis' }, xAxis),
      h('line', { x1: L, x2: L + PW, y1: T + PH, y2: T + PH, class: 'axis' }, []),
      h('line', { x1: L, x2: L, y1: T, y2: T + PH, class: 'axis' }, []),
      h('line', { x1: L, x2: L + PW, y1: y(t.latencyBudgetMs), y2: y(t.latencyBudgetMs), class: 'budget' }, [h('title', {}, ['latency budget ' + t.latencyBudgetMs + ' ms'])]),
      h('line', { x1: L, x2: L + PW, y1: y(t.latencyDegradedMs), y2: y(t.latencyDegradedMs), class: 'degraded' }, [h('title', {}, ['degraded threshold ' + t.latencyDegradedMs + ' ms'])]));
    if (pts.length > 0) kids.push(h('polyline', { points: pts.map(function (p) { return x(p.at) + ',' + y(p.durationMs); }).join(' '), class: 'line' }, []));
    pts.forEach(function (p) {
      if (!p.success) kids.push(h('circle', { cx: x(p.at), cy: y(p.durationMs), r: 3.5, class: 'fail' }, [h('title', {}, [time(p.at) + ' ' + (p.reason || 'failure') + ' ' + dur(p.durationMs)])]));
    });
    return h('figure', {}, [
      h('svg', { viewBox: '0 0 ' + W + ' ' + H, class: 'chart', role: 'img', 'aria-label': 'latency of the last ' + pts.length + ' probes, log scale, budget ' + t.latencyBudgetMs + ' ms' }, kids),
      h('figcaption', { class: 'legend' }, [h('span', { class: 'key line' }, []), 'latency (log scale; UTC) ', h('span', { class: 'key budget' }, []), 'budget ' + t.latencyBudgetMs + ' ms ',
        h('span', { class: 'key degraded' }, []), 'degraded ' + t.latencyDegradedMs + ' ms ', h('span', { class: 'key fail' }, []), 'failed probe'])]);
  }
  function facts(d, t, c) {
    var every = { trackers: t.intervalSeconds, not_found: t.notFoundIntervalSeconds, auth: t.authIntervalSeconds }[c.check];
    var what = { trackers: 'existing customer: 200 and a valid tracker list', not_found: 'missing customer: error 8015', auth: 'without valid credentials: refused (401/403), no data' }[c.check];
    var dl = [
      h('dt', {}, ['last probe']), h('dd', {}, [c.last ? time(c.last.at) + ', ' + dur(c.last.durationMs) + (c.last.httpStatus ? ', HTTP ' + c.last.httpStatus : '') : 'not yet']),
      h('dt', {}, ['success']), h('dd', {}, [pct(c.recentSuccessRatio) + ' of the last ' + c.recent.length + ' (' + c.successes + '/' + c.probes + ' since start)'])];
    if (c.check === 'trackers') dl.push(h('dt', {}, ['trackers']), h('dd', {}, [c.last && c.last.trackerCount !== undefined ? String(c.last.trackerCount) : '-']));
    dl.push(h('dt', {}, ['warnings']), h('dd', {}, [c.last ? String(c.last.warnings) : '-']));
    dl.push(h('dt', {}, ['last failure']), h('dd', { class: 'failure' }, c.lastFailure
      ? [h('code', {}, [failure(c.lastFailure)]), ' at ' + time(c.lastFailure.at) + ': ', c.lastFailure.message] : ['none']));
    return h('div', { class: 'check ' + shown(c).toLowerCase() }, [
      h('div', { class: 'head' }, [h('span', { class: 'badge' }, [shown(c)]), ' ', h('strong', {}, [c.check]), ' ', h('span', { class: 'muted' }, [what + ', every ' + every + ' s'])]),
      h('dl', {}, dl), chart(t, c, d.generatedAt), h('p', { class: 'msg' }, [c.last ? c.last.message : 'waiting for the first probe'])]);
  }
  var list = s.targets.map(function (t) {
    var d = open[t.name], dt = d && d.targets[0];
    var worst = t.checks.reduce(function (w, c) { return rank(c) < w.r ? { r: rank(c), s: shown(c) } : w; }, { r: ORDER.UP, s: 'UP' }).s;
    var inner = [h('summary', {}, [t.name])];
    if (d !== undefined && !dt) inner.push(h('p', { class: 'muted' }, ['loading']));
    if (dt) {
      inner.push(h('p', { class: 'muted' }, [dt.location + '; latency budget ' + dt.latencyBudgetMs + ' ms, degraded over ' + dt.latencyDegradedMs + ' ms']));
      dt.checks.forEach(function (c) { inner.push(facts(d, dt, c)); });
    }
    return h('details', { class: under[t.name] ? 'maintenance' : worst.toLowerCase(), 'data-target': t.name, open: d === undefined ? null : '' }, inner);
  });
  out.push(h('h2', {}, ['Details']), h('div', { class: 'targets' }, list));
  out.push(h('p', { class: 'muted' }, [(s.location ? 'location ' + s.location + ', ' : '') + 'version ' + s.version + ', up since ' + time(s.startedAt) + ', updated ' + time(s.generatedAt)]));
  return out;
}
`;

const BROWSER_SCRIPT = `(function () {
${RENDERER}
var SVG = { svg: 1, g: 1, rect: 1, line: 1, polyline: 1, circle: 1, text: 1, title: 1 };
function h(tag, attrs, children) {
  var el = SVG[tag] ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  Object.keys(attrs).forEach(function (k) { if (attrs[k] !== undefined && attrs[k] !== null) el.setAttribute(k, String(attrs[k])); });
  children.forEach(function (c) {
    if (c === undefined || c === null) return;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  });
  return el;
}
var root = document.getElementById('root'), stale = document.getElementById('stale'), open = {};
function get(path) {
  return fetch(path, { cache: 'no-store', headers: { Accept: 'application/json' } })
    .then(function (res) { if (!res.ok) throw new Error('HTTP ' + res.status); return res.json(); });
}
function refresh() {
  get('api/status')
    .then(function (s) {
      // Only the open targets' details are fetched: 200 closed targets cost one summary row each.
      return Promise.all(Object.keys(open).map(function (name) {
        return get('api/status?target=' + encodeURIComponent(name)).then(function (d) { if (name in open) open[name] = d; }, function () {});
      })).then(function () { root.replaceChildren.apply(root, renderStatus(s, h, open)); stale.hidden = true; });
    })
    .catch(function () { stale.hidden = false; });
}
// A re-render creates <details open> anew, which fires toggle again: act only on a change.
root.addEventListener('toggle', function (e) {
  var el = e.target, name = el && el.getAttribute && el.getAttribute('data-target');
  if (!name) return;
  if (el.open && !(name in open)) { open[name] = null; refresh(); }
  else if (!el.open && name in open) delete open[name];
}, true);
// ?refresh=SECONDS (1..300) overrides the default period.
var every = Number(new URLSearchParams(location.search).get('refresh'));
setInterval(refresh, (every >= 1 && every <= 300 ? every : ${REFRESH_SECONDS}) * 1000);
})();`;

const STYLE = `
:root { color-scheme: light dark; --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --muted: #6e7781; --line: #0969da; --pending: #6e7781; --flap: #8250df; }
body { font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 1.5rem auto; max-width: 1100px; padding: 0 1rem; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 1.5rem 0 .25rem; }
a { color: var(--line); } code { font: 12px ui-monospace, monospace; }
.muted { color: var(--muted); font-weight: normal; }
.banner { padding: .5rem .75rem; border-radius: 6px; font-weight: 600; overflow-wrap: anywhere; }
.banner.up { background: #dafbe1; color: var(--ok); } .banner.down { background: #ffebe9; color: var(--bad); }
.banner.degraded { background: #fff8c5; color: var(--warn); } .banner.flapping { background: #fbefff; color: var(--flap); } .banner.maintenance { background: #ddf4ff; color: var(--line); }
.maintenance > td:first-child { background: var(--line); } .banner.pending { background: #eaeef2; color: var(--muted); }
#stale, .prom.unavailable { background: #fff8c5; padding: .4rem .75rem; border-radius: 6px; }
.prom { color: var(--muted); margin: .4rem 0; }
table.summary { border-collapse: collapse; width: 100%; font-size: 13px; }
.summary th { text-align: left; color: var(--muted); font-weight: 600; border-bottom: 1px solid #d0d7de; padding: 2px 6px; }
.summary td { border-bottom: 1px solid #eaeef2; padding: 2px 6px; vertical-align: top; }
.summary td:nth-child(2), .summary td:nth-child(3) { white-space: nowrap; }
.summary td:nth-child(n+4) { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.summary td:nth-last-child(-n+2) { text-align: left; white-space: normal; } .summary td:nth-last-child(2) { color: var(--muted); }
.failure code, .summary code { color: var(--bad); }
.summary td:first-child { width: 6.5em; text-align: center; color: #fff; font-weight: 700; font-size: 12px; border: 2px solid Canvas; border-radius: 6px; }
.up > td:first-child { background: var(--ok); } .down > td:first-child { background: var(--bad); } .degraded > td:first-child { background: #bf8700; } .pending > td:first-child { background: var(--pending); } .flapping > td:first-child { background: var(--flap); }
.badge { display: inline-block; min-width: 6.5em; text-align: center; border-radius: 4px; color: #fff; font-weight: 700; font-size: 12px; padding: 1px 6px; }
.check.up .badge { background: var(--ok); } .check.down .badge { background: var(--bad); } .check.degraded .badge { background: #bf8700; } .check.pending .badge { background: var(--pending); } .check.flapping .badge { background: var(--flap); }
.targets > details { border-left: 6px solid var(--ok); border: 1px solid #d0d7de; border-radius: 6px; padding: .3rem .6rem; margin: .3rem 0; }
.targets > details > summary { cursor: pointer; font-weight: 600; }
.targets > details.down { border-left-color: var(--bad); } .targets > details.degraded { border-left-color: #bf8700; } .targets > details.pending { border-left-color: var(--pending); } .targets > details.flapping { border-left-color: var(--flap); } .targets > details.maintenance { border-left-color: var(--line); }
.check { border: 1px solid #d0d7de; border-left-width: 6px; border-radius: 6px; padding: .6rem .8rem; margin: .6rem 0; }
.check.up { border-left-color: var(--ok); } .check.down { border-left-color: var(--bad); } .check.degraded { border-left-color: #bf8700; } .check.pending { border-left-color: var(--pending); } .check.flapping { border-left-color: var(--flap); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: .5rem 0; } dt { color: var(--muted); } dd { margin: 0; overflow-wrap: anywhere; }
figure { margin: 0; }
.chart { width: 100%; height: auto; display: block; }
.chart .bg { fill: rgba(127,127,127,.06); } .chart .grid { stroke: rgba(127,127,127,.25); stroke-width: .5; } .chart .axis { stroke: var(--muted); }
.chart .tick { fill: var(--muted); font-size: 10px; text-anchor: end; } .chart .tick.time { text-anchor: middle; }
.chart .line { fill: none; stroke: var(--line); stroke-width: 1.5; }
.chart .budget { stroke: var(--bad); stroke-dasharray: 6 4; } .chart .degraded { stroke: #bf8700; stroke-dasharray: 2 4; }
.chart .fail { fill: var(--bad); }
.legend { color: var(--muted); font-size: 12px; margin: .2rem 0 0 50px; }
.key { display: inline-block; width: 18px; height: 0; vertical-align: middle; margin: 0 4px 0 10px; border-top: 2px solid var(--line); }
.key.budget { border-top: 2px dashed var(--bad); } .key.degraded { border-top: 2px dotted #bf8700; }
.key.fail { width: 7px; height: 7px; border: 0; border-radius: 50%; background: var(--bad); }
.msg { color: var(--muted); margin: .3rem 0 0; overflow-wrap: anywhere; }
`;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Only the page's own inline script and style run; it may fetch its own origin and nothing else. */
export const STATUS_PAGE_CSP = [
  "default-src 'none'",
  `script-src ${sha256(BROWSER_SCRIPT)}`,
  `style-src ${sha256(STYLE)}`,
  "connect-src 'self'",
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Markup built by the server backend: the only thing inserted without escaping. */
class Html {
  constructor(readonly html: string) {}
}
type Child = Html | string | number | null | undefined;

const NAME = /^[a-z][a-z0-9-]*$/i;

function serverH(tag: string, attrs: Record<string, unknown>, children: Child[]): Html {
  // Tag and attribute names come from the renderer's constants; checked anyway, since they are not escaped.
  if (!NAME.test(tag)) throw new Error(`bad tag ${tag}`);
  const attrText = Object.entries(attrs)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => {
      if (!NAME.test(k) || /^on/i.test(k)) throw new Error(`bad attribute ${k}`);
      return ` ${k}="${escapeHtml(String(v))}"`;
    })
    .join('');
  const inner = children
    .filter((c) => c !== undefined && c !== null)
    .map((c) => (c instanceof Html ? c.html : escapeHtml(String(c))))
    .join('');
  return new Html(`<${tag}${attrText}>${inner}</${tag}>`);
}

/** What the page renders: the summary, and the long-window ratios when PROMETHEUS_URL is set. */
export type PageData = StatusSummary & { prometheus?: PrometheusView; maintenance?: MaintenanceView };
type Renderer = (data: PageData, h: typeof serverH, open: Record<string, StatusSnapshot | null>) => Html[];
// Our own constant source (not input), evaluated once so the server and the browser run the same renderer.
const renderStatus = new Function(`${RENDERER}\nreturn renderStatus;`)() as Renderer;

/** The HTML fragment for the summary (and the open targets' details): what the browser renders into #root. */
export function renderStatusBody(data: PageData, open: Record<string, StatusSnapshot | null> = {}): string {
  return renderStatus(data, serverH, open)
    .map((n) => n.html)
    .join('\n');
}

/** The whole page, with the snapshot's state already rendered (it works without JavaScript, refreshing by meta). */
export function renderStatusPage(data: PageData): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<noscript><meta http-equiv="refresh" content="${REFRESH_SECONDS * 3}"></noscript>
<title>trackers-contract monitor</title>
<style>${STYLE}</style>
</head>
<body>
<h1>trackers-contract monitor</h1>
<p class="muted">Synthetic probes of <code>GET /v2/customers/{customerId}/trackers</code>. Refreshes every ${REFRESH_SECONDS} s (<code>?refresh=SECONDS</code> to change).
<a href="metrics">metrics</a> · <a href="api/status">api/status</a> · <a href="healthz">healthz</a></p>
<p id="stale" hidden>The monitor did not answer the last refresh: the data below may be stale.</p>
<main id="root">
${renderStatusBody(data)}
</main>
<script>${BROWSER_SCRIPT}</script>
</body>
</html>
`;
}
