// A throwaway certificate authority for HTTPS tests, made with Debian's openssl
// in a temporary directory (no private key is ever committed). It signs a good
// server certificate for 127.0.0.1 and localhost, an expired one (notAfter in
// 2020) and one for another host name, so each way a certificate can be wrong
// is a real certificate served by a real TLS server.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KeyPair {
  cert: string;
  key: string;
}

export interface TestCa {
  dir: string;
  /** The CA certificate (PEM file): what a user would put in NODE_EXTRA_CA_CERTS. */
  caFile: string;
  caPem: string;
  /** Valid, for IP 127.0.0.1 and DNS localhost. */
  good: KeyPair;
  /** Signed by the CA, for the right host, but expired on 2020-01-02. */
  expired: KeyPair;
  /** Signed by the CA, valid, but only for wrong-host.invalid. */
  wrongHost: KeyPair;
  /** Files for trackers-contract sandbox --tls --cert/--key. */
  goodFiles: { cert: string; key: string };
  remove(): void;
}

const OPENSSL_TIMEOUT_MS = 10_000;
const LOOPBACK_SAN = 'subjectAltName=IP:127.0.0.1,DNS:localhost';

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: OPENSSL_TIMEOUT_MS });
}

/** An EC key and a CSR (EC: fast to generate, so the suite stays quick). */
function request(dir: string, name: string): void {
  openssl(dir, [
    'req',
    '-new',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
    '-subj',
    `/CN=${name}`,
  ]);
}

function pair(dir: string, name: string): KeyPair {
  return { cert: readFileSync(join(dir, `${name}.pem`), 'utf8'), key: readFileSync(join(dir, `${name}.key`), 'utf8') };
}

export function createTestCa(): TestCa {
  const dir = mkdtempSync(join(tmpdir(), 'rel-test-ca-'));
  try {
    openssl(dir, [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '2',
      '-subj',
      '/CN=trackers-contract test CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
    const sign = (name: string, san: string) => {
      request(dir, name);
      writeFileSync(join(dir, `${name}.ext`), `${san}\n`);
      openssl(dir, [
        'x509',
        '-req',
        '-in',
        `${name}.csr`,
        '-CA',
        'ca.pem',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-out',
        `${name}.pem`,
        '-days',
        '2',
        '-extfile',
        `${name}.ext`,
      ]);
    };
    sign('good', LOOPBACK_SAN);
    sign('wrong-host', 'subjectAltName=DNS:wrong-host.invalid');
    // `openssl x509` cannot back-date a certificate; `openssl ca` takes explicit dates.
    request(dir, 'expired');
    writeFileSync(join(dir, 'expired.ext'), `${LOOPBACK_SAN}\n`);
    writeFileSync(join(dir, 'index.txt'), '');
    writeFileSync(join(dir, 'serial'), '1000\n');
    writeFileSync(
      join(dir, 'ca.cnf'),
      [
        '[ca]',
        'default_ca = test',
        '[test]',
        `database = ${join(dir, 'index.txt')}`,
        `new_certs_dir = ${dir}`,
        `serial = ${join(dir, 'serial')}`,
        'default_md = sha256',
        'policy = any',
        '[any]',
        'commonName = supplied',
        '',
      ].join('\n'),
    );
    openssl(dir, [
      'ca',
      '-batch',
      '-notext',
      '-config',
      'ca.cnf',
      '-cert',
      'ca.pem',
      '-keyfile',
      'ca.key',
      '-in',
      'expired.csr',
      '-out',
      'expired.pem',
      '-startdate',
      '20200101000000Z',
      '-enddate',
      '20200102000000Z',
      '-extfile',
      'expired.ext',
    ]);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim().split('\n')[0] ?? '';
    throw new Error(`openssl could not make the test CA: ${(err as Error).message.split('\n')[0]} ${stderr}`);
  }
  return {
    dir,
    caFile: join(dir, 'ca.pem'),
    caPem: readFileSync(join(dir, 'ca.pem'), 'utf8'),
    good: pair(dir, 'good'),
    expired: pair(dir, 'expired'),
    wrongHost: pair(dir, 'wrong-host'),
    goodFiles: { cert: join(dir, 'good.pem'), key: join(dir, 'good.key') },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
