// What a socket-level error means to the client: one failure reason from the fixed set, and a
// message that keeps Node's code beside words a user can act on (a private CA to trust, a
// certificate to renew, a URL or certificate naming another host).
import type { FailureReason } from './client.ts';

function reasonOf(err: NodeJS.ErrnoException): FailureReason {
  const code = err.code ?? '';
  if (code === 'ECONNREFUSED') return 'connection_refused';
  if (code === 'ECONNRESET' || code === 'EPIPE' || err.message === 'socket hang up' || code === 'ERR_STREAM_PREMATURE_CLOSE') {
    return 'connection_reset';
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL' || code === 'EAI_NONAME') return 'dns';
  if (
    /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|EPROTO)/.test(code) ||
    /SSL|TLS|certificate/i.test(err.message)
  ) {
    return 'tls';
  }
  return 'network';
}

/** Which way a certificate was wrong, in words, for the few codes a user can act on. */
function tlsProblem(code: string): string {
  switch (code) {
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      return 'untrusted certificate (not issued by a trusted CA; for a private CA set NODE_EXTRA_CA_CERTS)';
    case 'CERT_HAS_EXPIRED':
      return 'expired certificate';
    case 'CERT_NOT_YET_VALID':
      return 'certificate not yet valid';
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return 'host-name mismatch (the certificate is for another host)';
    default:
      return 'TLS handshake failed';
  }
}

/** The failure for a socket-level error: a TLS one says which way the certificate was wrong. */
export function socketFailure(err: NodeJS.ErrnoException): { reason: FailureReason; message: string } {
  const reason = reasonOf(err);
  const code = err.code ?? 'error';
  const message = `${code}: ${err.message}`;
  return { reason, message: reason === 'tls' ? `${tlsProblem(code)}: ${message}` : message };
}
