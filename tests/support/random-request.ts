// Random HTTP requests for property tests of our servers (the sandbox, the monitor's
// HTTP server): any method token, a path of random segments (known routes mixed in),
// random headers with valid token names and field values, a random body. Sent over a
// raw socket-level request with a hard timeout, so a hang is a failure, not a stuck suite.
import http from 'node:http';
import fc from 'fast-check';

export interface RandomRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

const TOKEN = fc.stringMatching(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,12}$/);
const SEGMENT = fc.oneof(
  fc.constantFrom(
    'v2',
    'customers',
    'trackers',
    '98662653',
    '-1',
    '0',
    '..',
    '%2e%2e',
    '%00',
    '__sandbox',
    'faults',
    'health',
    'metrics',
    'status',
    'v3',
    'oauth',
    'token',
    'generate',
  ),
  fc.stringMatching(/^[A-Za-z0-9._~%-]{0,16}$/),
);

export const randomRequest: fc.Arbitrary<RandomRequest> = fc.record({
  method: fc.oneof(fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE'), TOKEN),
  path: fc
    .tuple(fc.array(SEGMENT, { maxLength: 6 }), fc.option(fc.stringMatching(/^[A-Za-z0-9=&%_.-]{0,24}$/), { nil: undefined }))
    .map(([segs, q]) => `/${segs.join('/')}${q !== undefined ? `?${q}` : ''}`),
  headers: fc.dictionary(
    TOKEN.filter(
      (n) => !['content-length', 'transfer-encoding', 'host', 'connection', 'expect', 'upgrade'].includes(n.toLowerCase()),
    ),
    fc.stringMatching(/^[\x20-\x7e]{0,40}$/).map((v) => v.trim()),
    { maxKeys: 5 },
  ),
  body: fc.oneof(
    fc.constant(''),
    fc.string({ maxLength: 200 }),
    fc.constant('{"__proto__":{"x":1}}'),
    fc.constant('{'.repeat(500)),
  ),
});

export type Outcome = { status: number } | { error: string };

export function send(base: string, r: RandomRequest, timeoutMs = 3000): Promise<Outcome> {
  // RFC 9110 §9.3.8: TRACE carries no content. Others get an explicit Content-Length: Node's client
  // frames no body for OPTIONS or DELETE by default, and the server would parse it as a second request.
  const body = ['GET', 'HEAD', 'TRACE'].includes(r.method) ? undefined : r.body;
  const headers = body === undefined ? r.headers : { ...r.headers, 'Content-Length': String(Buffer.byteLength(body)) };
  return new Promise((resolve) => {
    const req = http.request(`${base}${r.path}`, { method: r.method, headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
      res.on('error', (e) => resolve({ error: e.message }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (e) => resolve({ error: e.message }));
    req.end(body);
  });
}
