// The status page: one self-contained HTML document (inline CSS, inline JS,
// inline SVG; no CDN, no external font). One renderer, written once as plain
// browser JavaScript, runs on two backends: on the server (the first paint,
// and the page without JavaScript) it builds escaped HTML text; in the browser
// it builds DOM nodes every few seconds from /api/status. Both backends treat
// every string from the snapshot as text (escaped, or a text node), so a hostile
// response message cannot inject markup. A Content-Security-Policy with the
// hashes of the inline script and style is the second line of defence.
import { createHash } from 'node:crypto';
import type { StatusSnapshot } from './status-history.ts';

export const REFRESH_SECONDS = 5;

// renderStatus(snapshot, h) → array of nodes. h(tag, attrs, children) is the backend.
// Plain ES2020: it is shipped to the browser as is. Attribute names are constants;
// no attribute is ever an event handler or a URL.
const RENDERER = String.raw`
function renderStatus(s, h) {
  var W = 600, H = 120, PAD = 6;
  function time(ms) { return new Date(ms).toISOString().replace('T', ' ').slice(0, 19) + 'Z'; }
  function dur(ms) { return ms < 10 ? ms.toFixed(1) + ' ms' : Math.round(ms) + ' ms'; }
  function pct(r) { return r === null ? '-' : (Math.round(r * 1000) / 10) + '%'; }
  function chart(t, c) {
    var pts = c.recent, n = Math.max(s.capacity, 2);
    var top = Math.max(t.latencyBudgetMs * 2, 2);
    pts.forEach(function (p) { if (p.durationMs > top) top = p.durationMs; });
    function x(i) { return (PAD + (W - 2 * PAD) * (n - pts.length + i) / (n - 1)).toFixed(1); }
    // A log scale (1 ms at the bottom): a healthy 5 ms and a 3 s budget both stay readable.
    function y(ms) { return (H - PAD - (H - 2 * PAD) * Math.log(Math.max(Math.min(ms, top), 1)) / Math.log(top)).toFixed(1); }
    var kids = [
      h('rect', { x: 0, y: 0, width: W, height: H, class: 'bg' }, []),
      h('line', { x1: 0, x2: W, y1: y(t.latencyBudgetMs), y2: y(t.latencyBudgetMs), class: 'budget' }, [
        h('title', {}, ['latency budget ' + t.latencyBudgetMs + ' ms'])]),
      h('line', { x1: 0, x2: W, y1: y(t.latencyDegradedMs), y2: y(t.latencyDegradedMs), class: 'degraded' }, [
        h('title', {}, ['degraded threshold ' + t.latencyDegradedMs + ' ms'])]),
      h('text', { x: W - PAD, y: Number(y(t.latencyBudgetMs)) - 3, class: 'label' }, ['budget ' + t.latencyBudgetMs + ' ms']),
      h('text', { x: W - PAD, y: Number(y(t.latencyDegradedMs)) - 3, class: 'label warn' }, ['degraded ' + t.latencyDegradedMs + ' ms']),
      h('text', { x: PAD, y: H - PAD - 2, class: 'label axis' }, ['1 ms (log scale)'])
    ];
    if (pts.length > 0) {
      kids.push(h('polyline', { points: pts.map(function (p, i) { return x(i) + ',' + y(p.durationMs); }).join(' '), class: 'line' }, []));
    }
    var last = pts[pts.length - 1];
    if (last && last.success) kids.push(h('circle', { cx: x(pts.length - 1), cy: y(last.durationMs), r: 3, class: 'last' }, []));
    pts.forEach(function (p, i) {
      if (!p.success) kids.push(h('circle', { cx: x(i), cy: y(p.durationMs), r: 3.5, class: 'fail' }, [
        h('title', {}, [time(p.at) + ' ' + (p.reason || 'failure') + ' ' + dur(p.durationMs)])]));
    });
    return h('svg', { viewBox: '0 0 ' + W + ' ' + H, class: 'chart', role: 'img',
      'aria-label': 'latency of the last ' + pts.length + ' probes, budget ' + t.latencyBudgetMs + ' ms' }, kids);
  }
  function check(t, c) {
    var state = c.up === null ? 'pending' : c.up ? 'up' : 'down';
    var every = { trackers: t.intervalSeconds, not_found: t.notFoundIntervalSeconds, auth: t.authIntervalSeconds }[c.check];
    var what = {
      trackers: 'existing customer: 200 and a valid tracker list',
      not_found: 'missing customer: error 8015',
      auth: 'without valid credentials: refused (401/403), no data',
    }[c.check];
    var facts = [
      h('dt', {}, ['last probe']), h('dd', {}, [c.last ? time(c.last.at) + ', ' + dur(c.last.durationMs) + (c.last.httpStatus ? ', HTTP ' + c.last.httpStatus : '') : 'not yet']),
      h('dt', {}, ['success']), h('dd', {}, [pct(c.recentSuccessRatio) + ' of the last ' + c.recent.length + ' (' + c.successes + '/' + c.probes + ' since start)']),
    ];
    if (c.check === 'trackers') facts.push(h('dt', {}, ['trackers']), h('dd', {}, [c.last && c.last.trackerCount !== undefined ? String(c.last.trackerCount) : '-']));
    facts.push(h('dt', {}, ['warnings']), h('dd', {}, [c.last ? String(c.last.warnings) : '-']));
    facts.push(h('dt', {}, ['last failure']), h('dd', { class: 'failure' }, c.lastFailure
      ? [h('code', {}, [c.lastFailure.reason]), ' at ' + time(c.lastFailure.at) + ': ', c.lastFailure.message] : ['none']));
    return h('div', { class: 'check ' + state }, [
      h('div', { class: 'head' }, [h('span', { class: 'badge' }, [state.toUpperCase()]), ' ', h('strong', {}, [c.check]),
        ' ', h('span', { class: 'muted' }, [what + ', every ' + every + ' s'])]),
      h('dl', {}, facts),
      chart(t, c),
      h('p', { class: 'msg' }, [c.last ? c.last.message : 'waiting for the first probe'])
    ]);
  }
  var down = 0;
  s.targets.forEach(function (t) { t.checks.forEach(function (c) { if (c.up === false) down++; }); });
  var out = [h('p', { class: 'summary ' + (down ? 'down' : 'up') }, [down ? down + ' check(s) failing' : 'all checks passing or pending'])];
  s.targets.forEach(function (t) {
    out.push(h('section', { class: 'target' }, [
      h('h2', {}, [t.name, ' ', h('span', { class: 'muted' }, [t.location])]),
      h('p', { class: 'muted' }, ['latency budget ' + t.latencyBudgetMs + ' ms, degraded over ' + t.latencyDegradedMs + ' ms'])
    ].concat(t.checks.map(function (c) { return check(t, c); }))));
  });
  out.push(h('p', { class: 'muted' }, [(s.location ? 'location ' + s.location + ', ' : '') + 'version ' + s.version + ', up since ' + time(s.startedAt) + ', updated ' + time(s.generatedAt)]));
  return out;
}`;

const BROWSER_SCRIPT = `(function () {
${RENDERER}
var SVG = { svg: 1, rect: 1, line: 1, polyline: 1, circle: 1, text: 1, title: 1 };
function h(tag, attrs, children) {
  var el = SVG[tag] ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  Object.keys(attrs).forEach(function (k) { if (attrs[k] !== undefined && attrs[k] !== null) el.setAttribute(k, String(attrs[k])); });
  children.forEach(function (c) {
    if (c === undefined || c === null) return;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  });
  return el;
}
var root = document.getElementById('root'), stale = document.getElementById('stale');
function refresh() {
  fetch('api/status', { cache: 'no-store', headers: { Accept: 'application/json' } })
    .then(function (res) { if (!res.ok) throw new Error('HTTP ' + res.status); return res.json(); })
    .then(function (s) { root.replaceChildren.apply(root, renderStatus(s, h)); stale.hidden = true; })
    .catch(function () { stale.hidden = false; });
}
// ?refresh=SECONDS (1..300) overrides the default period.
var every = Number(new URLSearchParams(location.search).get('refresh'));
setInterval(refresh, (every >= 1 && every <= 300 ? every : ${REFRESH_SECONDS}) * 1000);
})();`;

const STYLE = `
:root { color-scheme: light dark; --ok: #1a7f37; --bad: #cf222e; --warn: #bf8700; --muted: #6e7781; --line: #0969da; }
body { font: 14px/1.45 system-ui, -apple-system, 'Segoe UI', sans-serif; margin: 1.5rem auto; max-width: 980px; padding: 0 1rem; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 1.5rem 0 .25rem; }
a { color: var(--line); } code { font: 12px ui-monospace, monospace; }
.muted { color: var(--muted); font-weight: normal; }
.summary { padding: .5rem .75rem; border-radius: 6px; font-weight: 600; }
.summary.up { background: #dafbe1; color: var(--ok); } .summary.down { background: #ffebe9; color: var(--bad); }
#stale { background: #fff8c5; padding: .4rem .75rem; border-radius: 6px; }
.check { border: 1px solid #d0d7de; border-left-width: 6px; border-radius: 6px; padding: .6rem .8rem; margin: .6rem 0; }
.check.up { border-left-color: var(--ok); } .check.down { border-left-color: var(--bad); } .check.pending { border-left-color: var(--muted); }
.badge { display: inline-block; min-width: 4.5em; text-align: center; border-radius: 4px; color: #fff; font-weight: 700; font-size: 12px; padding: 1px 6px; }
.up .badge { background: var(--ok); } .down .badge { background: var(--bad); } .pending .badge { background: var(--muted); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: .5rem 0; } dt { color: var(--muted); } dd { margin: 0; overflow-wrap: anywhere; }
.failure code { color: var(--bad); }
.chart { width: 100%; height: auto; display: block; }
.chart .bg { fill: rgba(127,127,127,.06); } .chart .line { fill: none; stroke: var(--line); stroke-width: 1.5; }
.chart .budget { stroke: var(--bad); stroke-dasharray: 6 4; } .chart .degraded { stroke: var(--warn); stroke-dasharray: 2 4; }
.chart .fail { fill: var(--bad); } .chart .last { fill: var(--line); } .chart .label { fill: var(--bad); font-size: 10px; text-anchor: end; }
.chart .label.warn { fill: var(--warn); } .chart .label.axis { fill: var(--muted); text-anchor: start; }
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

type Renderer = (snapshot: StatusSnapshot, h: typeof serverH) => Html[];
// Our own constant source (not input), evaluated once so the server and the browser run the same renderer.
const renderStatus = new Function(`${RENDERER}\nreturn renderStatus;`)() as Renderer;

/** The HTML fragment for a snapshot: what the browser renders into #root. */
export function renderStatusBody(snapshot: StatusSnapshot): string {
  return renderStatus(snapshot, serverH)
    .map((n) => n.html)
    .join('\n');
}

/** The whole page, with the snapshot's state already rendered (it works without JavaScript, refreshing by meta). */
export function renderStatusPage(snapshot: StatusSnapshot): string {
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
${renderStatusBody(snapshot)}
</main>
<script>${BROWSER_SCRIPT}</script>
</body>
</html>
`;
}
