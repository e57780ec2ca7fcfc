// Socket errors the loopback tests cannot provoke (DNS without leaving the machine, an EPIPE, a
// certificate not yet valid) still map to the right reason, and a TLS one says in words which way the
// certificate was wrong, Node's code beside it. The client's own tests provoke the rest for real.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FailureReason } from '../../../src/client.ts';
import { socketFailure } from '../../../src/socket-failure.ts';

const failure = (code: string, message: string) => socketFailure(Object.assign(new Error(message), { code }));

test('socket errors map to reasons', () => {
  const cases: [string, string, FailureReason][] = [
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND eu.api.capillarytech.com', 'dns'],
    ['EAI_AGAIN', 'getaddrinfo EAI_AGAIN x', 'dns'],
    ['ECONNREFUSED', 'connect ECONNREFUSED', 'connection_refused'],
    ['ECONNRESET', 'read ECONNRESET', 'connection_reset'],
    ['EPIPE', 'write EPIPE', 'connection_reset'],
    ['CERT_HAS_EXPIRED', 'certificate has expired', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames", 'tls'],
    ['EHOSTUNREACH', 'connect EHOSTUNREACH', 'network'],
  ];
  for (const [code, message, reason] of cases) assert.equal(failure(code, message).reason, reason, code);
});

test('the message keeps the code and message; a TLS one starts with what to do about it', () => {
  assert.equal(failure('ECONNRESET', 'read ECONNRESET').message, 'ECONNRESET: read ECONNRESET');
  assert.match(
    failure('DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate').message,
    /^untrusted certificate .*NODE_EXTRA_CA_CERTS/,
  );
  assert.match(failure('UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'unable to get local issuer').message, /^untrusted/);
  assert.match(
    failure('CERT_NOT_YET_VALID', 'certificate is not yet valid').message,
    /^certificate not yet valid: CERT_NOT_YET_VALID: /,
  );
  assert.match(failure('EPROTO', 'wrong version number').message, /^TLS handshake failed: EPROTO: wrong version number$/);
});
