import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signWithCustomByteRange } from '../../test-fixtures/verify/custom-signature';
import { startRevocationServer, type RevocationServer } from '../../test-fixtures/verify/revocation-server';
import { issueCertificate } from '../pki/certificate-builder';
import { issueCrl } from '../pki/crl-builder';
import type { SigningIdentity } from '../keys/signing-identity';
import { verifyPdf } from './verify-pdf';
import { ParsedCertificate } from './x509/parsed-certificate';

const DAY = 86400_000;
const ecKey = (): { privateKey: KeyObject; publicKey: KeyObject } =>
  generateKeyPairSync('ec', { namedCurve: 'P-256' });

/**
 * Online revocation (fetchRevocation): a CA whose certificates name a CRL distribution point and an
 * OCSP responder on 127.0.0.1, answering with real signed data.
 */
describe('verifyPdf: revocation from the network', () => {
  let server: RevocationServer;
  let root: Buffer;
  let doc: Buffer;
  const signers = new Map<'crlRevoked' | 'ocspRevoked' | 'ocspGood' | 'unreachable', SigningIdentity>();
  const signer = (name: Parameters<typeof signers.get>[0]): SigningIdentity =>
    signers.get(name) as SigningIdentity;

  beforeAll(async () => {
    doc = readFileSync(join(__dirname, '../../test-fixtures/verify/quyet-dinh-libreoffice.pdf'));
    const now = Date.now();
    const ca = ecKey();
    root = issueCertificate({
      subject: [
        ['C', 'VN'],
        ['O', 'vanthu test'],
        ['CN', 'Online Revocation Test CA'],
      ],
      publicKey: ca.publicKey,
      notBefore: new Date(now - 30 * DAY),
      notAfter: new Date(now + 365 * DAY),
      signer: { privateKey: ca.privateKey },
      ca: {},
      keyUsage: ['keyCertSign', 'cRLSign'],
    });
    // the server must exist before the certificates that name its URLs
    const revokedSerials = new Map<string, Date>();
    let crl: Buffer = Buffer.alloc(0);
    server = await startRevocationServer({
      crl: () => crl,
      issuer: { certificate: root, privateKey: ca.privateKey },
      revoked: revokedSerials,
    });
    const leaf = (cn: string, urls: { crl?: string; ocsp?: string }): SigningIdentity => {
      const k = ecKey();
      const certificate = issueCertificate({
        subject: [
          ['C', 'VN'],
          ['CN', cn],
        ],
        publicKey: k.publicKey,
        notBefore: new Date(now - DAY),
        notAfter: new Date(now + 30 * DAY),
        signer: { privateKey: ca.privateKey, certificate: root },
        keyUsage: ['digitalSignature', 'nonRepudiation'],
        crlDistributionPoints: urls.crl ? [urls.crl] : undefined,
        ocspUrl: urls.ocsp,
      });
      return { privateKey: k.privateKey, certificate, chain: [root] };
    };
    signers.set('crlRevoked', leaf('Revoked by CRL', { crl: `${server.baseUrl}/ca.crl` }));
    signers.set('ocspRevoked', leaf('Revoked by OCSP', { ocsp: `${server.baseUrl}/ocsp` }));
    signers.set('ocspGood', leaf('Good by OCSP', { ocsp: `${server.baseUrl}/ocsp` }));
    signers.set('unreachable', leaf('Unreachable CRL', { crl: 'http://127.0.0.1:9/nothing.crl' }));
    const serial = (id: SigningIdentity): Buffer =>
      Buffer.from(new ParsedCertificate(id.certificate).serialRaw);
    const revokedAt = new Date(now - 2 * 3600_000);
    revokedSerials.set(new ParsedCertificate(signer('ocspRevoked').certificate).serialHex, revokedAt);
    crl = issueCrl({
      issuer: { certificate: root, privateKey: ca.privateKey },
      thisUpdate: new Date(now - 3600_000),
      nextUpdate: new Date(now + 7 * DAY),
      crlNumber: 1,
      revoked: [{ serialNumber: serial(signer('crlRevoked')), revokedAt, reason: 'keyCompromise' }],
    });
  });
  afterAll(() => server.close());

  const signAndVerify = async (id: SigningIdentity, fetchRevocation: boolean) => {
    const signed = await signWithCustomByteRange(doc, { identity: id });
    return (await verifyPdf(signed, { trustAnchors: [root], fetchRevocation, fetchTimeoutMs: 3000 }))
      .signatures[0];
  };

  it('offline (the default) asks nobody, reports the status as unknown and so calls nothing valid', async () => {
    const before = server.requests.length;
    const s = await signAndVerify(signer('crlRevoked'), false);
    expect(s.revocation.status).toBe('unknown');
    expect(s.verdict).toBe('indeterminate');
    expect(server.requests.length).toBe(before);
  });

  it('a CRL fetched from the distribution point shows the signer revoked', async () => {
    const s = await signAndVerify(signer('crlRevoked'), true);
    expect(s.verdict).toBe('invalid');
    expect(s.revocation).toMatchObject({ status: 'revoked', source: 'crl' });
    expect(s.reasons.map((r) => r.code)).toContain('CERT_REVOKED');
    expect(server.requests).toContain('GET /ca.crl');
  });

  it('the OCSP responder answers revoked for one signer and good for another', async () => {
    const revoked = await signAndVerify(signer('ocspRevoked'), true);
    expect(revoked.revocation).toMatchObject({ status: 'revoked', source: 'ocsp' });
    expect(revoked.reasons.map((r) => r.code)).toContain('CERT_REVOKED');
    const good = await signAndVerify(signer('ocspGood'), true);
    expect(good.revocation).toMatchObject({ status: 'good', source: 'ocsp' });
    expect(good.verdict).toBe('valid');
    expect(good.reasons).toEqual([]);
    expect(server.requests.filter((r) => r === 'POST /ocsp').length).toBeGreaterThanOrEqual(2);
  });

  it('an unreachable distribution point leaves the signature indeterminate, not invalid', async () => {
    const s = await signAndVerify(signer('unreachable'), true);
    expect(s.verdict).toBe('indeterminate');
    expect(s.reasons.map((r) => r.code)).toEqual(['REVOCATION_FETCH_FAILED', 'REVOCATION_UNKNOWN']);
  });
});
