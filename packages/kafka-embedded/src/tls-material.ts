/**
 * A throwaway CA and a server certificate for 127.0.0.1/localhost signed by
 * it, made with the `openssl` command (no dependency, no Java keytool). The
 * SSL listener serves the server certificate; clients trust the CA.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EoskitError } from '@eoskit/core';
import type { ListenerTls } from './security-listeners.js';

/** PEM files of an embedded cluster's TLS listener. */
export interface TlsMaterial extends ListenerTls {
  /** The CA certificate clients trust (`ssl: { ca }`). */
  caCertificate: string;
}

/** Folder (inside the cluster folder) holding the PEM files. */
export const TLS_DIR = 'tls';
/** The CA certificate's file name inside {@link TLS_DIR}. */
export const CA_FILE = 'ca.pem';

function openssl(args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('openssl', args, { cwd, timeout: 60_000 }, (err, _stdout, stderr) => {
      if (!err) return resolve();
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      const why = missing ? 'the openssl command is not installed (it makes the TLS listener\'s certificate)' : `openssl ${args[0]} failed: ${stderr.trim().split('\n').slice(-3).join(' ')}`;
      reject(new EoskitError('EMBEDDED_KAFKA', why, { cause: err }));
    });
  });
}

/** Makes the CA and server certificate in `<clusterDir>/tls` (10-year validity; the keys are unencrypted). */
export async function makeTlsMaterial(clusterDir: string): Promise<TlsMaterial> {
  const dir = join(clusterDir, TLS_DIR);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
  const rsa = ['-newkey', 'rsa:2048', '-nodes', '-days', '3650'];
  await openssl(['req', '-x509', ...rsa, '-keyout', 'ca.key', '-out', CA_FILE, '-subj', '/CN=eoskit embedded Kafka CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
  await openssl(['req', ...rsa.slice(0, 3), '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost'], dir);
  await openssl(['x509', '-req', '-in', 'server.csr', '-CA', CA_FILE, '-CAkey', 'ca.key', '-CAcreateserial', '-days', '3650', '-extfile', 'server.ext', '-out', 'server.pem'], dir);
  const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
  return { caCertificate: read(CA_FILE), certificateChain: read('server.pem'), privateKey: read('server.key') };
}
