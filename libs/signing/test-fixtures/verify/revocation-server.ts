import { createHash, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DerNode } from '../../src/asn1/der-node';
import { der, tlv } from '../../src/cms/der';
import { readIntegerHex } from '../../src/asn1/der-values';

export interface RevocationServer {
  readonly baseUrl: string;
  readonly requests: string[];
  close(): Promise<void>;
}

export interface RevocationServerOptions {
  /** served at GET /ca.crl (asked for at each request, so it may be issued after the server starts) */
  readonly crl: () => Buffer;
  /** the CA answering OCSP itself (no delegated responder) */
  readonly issuer: { readonly certificate: Buffer; readonly privateKey: KeyObject };
  /** serial (lower-case hex) → revocation time; other serials are good */
  readonly revoked: ReadonlyMap<string, Date>;
}

/**
 * A CRL distribution point and an OCSP responder (RFC 6960, responder = the CA, ECDSA) on
 * 127.0.0.1, so online revocation checking is tested against real HTTP and real signed answers.
 */
export async function startRevocationServer(options: RevocationServerOptions): Promise<RevocationServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push(`${req.method} ${req.url}`);
      if (req.method === 'GET' && req.url === '/ca.crl') {
        res.writeHead(200, { 'content-type': 'application/pkix-crl' }).end(options.crl());
      } else if (req.method === 'POST' && req.url === '/ocsp') {
        res
          .writeHead(200, { 'content-type': 'application/ocsp-response' })
          .end(ocspAnswer(Buffer.concat(chunks), options));
      } else res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function ocspAnswer(request: Buffer, options: RevocationServerOptions): Buffer {
  // OCSPRequest → tbsRequest → requestList → Request → reqCert
  const certId = DerNode.parse(request).child(0).child(0).child(0).child(0);
  const revokedAt = options.revoked.get(readIntegerHex(certId.child(3)));
  const now = new Date();
  const status = revokedAt ? tlv(0xa1, generalizedTime(revokedAt)) : Buffer.from([0x80, 0x00]);
  const single = der.sequence(
    certId.raw,
    status,
    generalizedTime(now),
    tlv(0xa0, generalizedTime(new Date(now.getTime() + 86400_000))),
  );
  const keyHash = createHash('sha1').update(subjectPublicKeyBits(options.issuer.certificate)).digest();
  const tbs = der.sequence(tlv(0xa2, der.octetString(keyHash)), generalizedTime(now), der.sequence(single));
  const signature = sign('sha256', tbs, options.issuer.privateKey);
  const basic = der.sequence(
    tbs,
    der.sequence(der.oid('1.2.840.10045.4.3.2')),
    tlv(0x03, Buffer.concat([Buffer.from([0]), signature])),
  );
  const responseBytes = der.sequence(der.oid('1.3.6.1.5.5.7.48.1.1'), der.octetString(basic));
  return der.sequence(Buffer.from([0x0a, 0x01, 0x00]), tlv(0xa0, responseBytes));
}

function generalizedTime(d: Date): Buffer {
  return tlv(0x18, Buffer.from(`${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`));
}

function subjectPublicKeyBits(certificate: Buffer): Buffer {
  const tbs = DerNode.parse(certificate).child(0);
  const f = tbs.children;
  const spki = f[f[0].tag === 0xa0 ? 6 : 5];
  return spki.child(1).value.subarray(1);
}
