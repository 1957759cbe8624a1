import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';
import { startTsaServer, type TsaServer } from '../../../../test/kit/tsa-server';
import { signWithCustomByteRange } from '../../test-fixtures/verify/custom-signature';
import { forgeSha1Pkcs7 } from '../../test-fixtures/verify/forge-pkcs7';
import { pdfboxSign, pdfsig } from '../../test-fixtures/verify/peers';
import { signPdf } from '../pdf/sign-pdf';
import { HttpTimestampAuthority } from '../tsa/http-timestamp-authority';
import { verifyPdf } from './verify-pdf';
import type { SignatureReport } from './verification-report';

const FIXTURES = join(__dirname, '../../test-fixtures/verify');
const codes = (s: SignatureReport): string[] => s.reasons.map((r) => r.code);

describe('verifyPdf: signatures made by vanthu and by other implementations', () => {
  let pki: TestPki;
  let doc: Buffer;
  let personal: Buffer;
  let both: Buffer;
  let tsa: TsaServer;

  beforeAll(async () => {
    pki = await getTestPki();
    tsa = await startTsaServer({ identity: pki.tsa.identity });
    doc = readFileSync(join(FIXTURES, 'quyet-dinh-libreoffice.pdf'));
    const leader = pki.people[0];
    personal = await signPdf(doc, {
      role: 'personal',
      identity: leader.identity,
      image: readFileSync(leader.signatureImagePath),
    });
    const org = pki.organisations[0];
    both = await signPdf(personal, {
      role: 'organisation',
      identity: org.identity,
      number: 12,
      notation: 'QĐ-UBND',
      sealImage: readFileSync(org.sealImagePath),
    });
  });
  afterAll(() => tsa.close());

  it('personal then organisation signature: both valid, trusted, not revoked; the second is an allowed change', async () => {
    const report = await verifyPdf(both, { trustAnchors: [pki.rootCertificate], crls: [pki.issuingCrl] });
    expect(report.verdict).toBe('valid');
    expect(report.revisions).toBe(3);
    const [leader, clerk] = report.signatures;
    expect(leader).toMatchObject({
      verdict: 'valid',
      intact: true,
      trusted: true,
      level: 'B-B',
      subFilter: 'ETSI.CAdES.detached',
      coveredRevision: 2,
      coversWholeDocument: false,
      signingTimeSource: 'claimed',
      revocation: { status: 'good', source: 'crl' },
    });
    expect(leader.signer?.commonName).toBe('Nguyễn Văn Ấn');
    expect(leader.signer?.serialNumber).toBe(pki.people[0].serialNumber);
    expect(leader.chain.map((c) => c.commonName)).toEqual([
      'Nguyễn Văn Ấn',
      'vanthu Demo Issuing CA',
      'vanthu Demo Root CA',
    ]);
    expect(leader.changesAfter.length).toBeGreaterThan(0);
    expect(leader.changesAfter.every((c) => c.allowed && c.revision === 3)).toBe(true);
    expect(leader.changesAfter.map((c) => c.kind)).toContain('SIGNATURE_ADDED');
    expect(clerk).toMatchObject({
      verdict: 'valid',
      coveredRevision: 3,
      coversWholeDocument: true,
      changesAfter: [],
    });
    expect(clerk.signer?.organization).toBe('Ủy ban nhân dân tỉnh Thừa Thiên Huế');
    expect(leader.reasons.filter((r) => r.severity !== 'info')).toEqual([]);
    expect((await pdfsig(both)).map((s) => s.validation)).toContain('Signature is Valid.');
  });

  it('without CRLs a trusted, intact signature is indeterminate: nothing shows it was not revoked', async () => {
    const report = await verifyPdf(personal, { trustAnchors: [pki.rootCertificate] });
    expect(report.verdict).toBe('indeterminate');
    expect(report.signatures[0].intact).toBe(true);
    expect(report.signatures[0].trusted).toBe(true);
    expect(report.signatures[0].revocation.status).toBe('unknown');
    expect(codes(report.signatures[0])).toEqual(['REVOCATION_UNKNOWN']);
  });

  it('without trust anchors an intact signature is indeterminate (CHAIN_UNTRUSTED), never valid', async () => {
    const report = await verifyPdf(personal, { trustAnchors: [] });
    expect(report.verdict).toBe('indeterminate');
    expect(report.signatures[0].intact).toBe(true);
    expect(codes(report.signatures[0])).toContain('CHAIN_UNTRUSTED');
  });

  it('a timestamped signature reaches B-T and takes its signing time from the TSA', async () => {
    const stamped = await signPdf(doc, {
      role: 'personal',
      identity: pki.people[1].identity,
      timestampAuthority: new HttpTimestampAuthority({ url: tsa.url }),
      signingTime: new Date(Date.now() - 3600_000),
    });
    const [s] = (await verifyPdf(stamped, { trustAnchors: [pki.rootCertificate], crls: [pki.issuingCrl] }))
      .signatures;
    expect(s).toMatchObject({ verdict: 'valid', level: 'B-T', signingTimeSource: 'signature-timestamp' });
    expect(s.timestamp).toMatchObject({ valid: true, trusted: true });
    expect(Math.abs(Date.parse(s.signingTime ?? '') - Date.now())).toBeLessThan(600_000);
    expect(Date.parse(s.claimedSigningTime ?? '')).toBeLessThan(Date.parse(s.signingTime ?? ''));
  });

  it('ECDSA P-256 and RSA-PSS with SHA-512 verify', async () => {
    const ec = await signPdf(doc, { role: 'personal', identity: pki.ecPerson.identity });
    const pss = await signPdf(doc, {
      role: 'personal',
      identity: pki.people[2].identity,
      rsaPadding: 'pss',
      digestAlgorithm: 'SHA-512',
    });
    const [a] = (await verifyPdf(ec, { trustAnchors: [pki.rootCertificate], crls: [pki.issuingCrl] }))
      .signatures;
    const [b] = (await verifyPdf(pss, { trustAnchors: [pki.rootCertificate], crls: [pki.issuingCrl] }))
      .signatures;
    expect([a.verdict, a.signatureAlgorithm]).toEqual(['valid', 'ECDSA/sha256']);
    expect([b.verdict, b.signatureAlgorithm, b.digestAlgorithm]).toEqual([
      'valid',
      'RSA-PSS/sha512',
      'sha512',
    ]);
  });

  it('a legacy SHA-1 adbe.pkcs7.detached signature verifies and is reported as not PAdES', async () => {
    const identity = pki.people[1].identity;
    const legacy = await signWithCustomByteRange(doc, {
      identity,
      subFilter: 'adbe.pkcs7.detached',
      cms: forgeSha1Pkcs7(identity),
    });
    const [s] = (await verifyPdf(legacy, { trustAnchors: [pki.rootCertificate], crls: [pki.issuingCrl] }))
      .signatures;
    expect(s).toMatchObject({
      verdict: 'valid',
      level: 'NOT_PADES',
      digestAlgorithm: 'sha1',
      subFilter: 'adbe.pkcs7.detached',
    });
    expect(codes(s)).toContain('NOT_PADES');
    expect((await pdfsig(legacy))[0].validation).toBe('Signature is Valid.');
  });

  it('a signature written by PDFBox/BouncyCastle after ours verifies, and is an allowed change for ours', async () => {
    const peer = pki.people[2];
    const signedByPeer = await pdfboxSign(personal, peer.path, peer.passphrase);
    const report = await verifyPdf(signedByPeer, {
      trustAnchors: [pki.rootCertificate],
      crls: [pki.issuingCrl],
    });
    expect(report.signatures.map((s) => [s.verdict, s.subFilter])).toEqual([
      ['valid', 'ETSI.CAdES.detached'],
      ['valid', 'adbe.pkcs7.detached'],
    ]);
    expect(report.signatures[0].changesAfter.every((c) => c.allowed)).toBe(true);
    expect(report.signatures[1].signer?.serialNumber).toBe(peer.serialNumber);
  }, 120_000);

  it('a revoked signer: invalid with CERT_REVOKED when the CRL is given', async () => {
    const revoked = await signPdf(doc, { role: 'personal', identity: pki.revoked.identity });
    const [s] = (await verifyPdf(revoked, { trustAnchors: [pki.rootCertificate], crls: [pki.issuingCrl] }))
      .signatures;
    expect(s.verdict).toBe('invalid');
    expect(s.intact).toBe(true);
    expect(codes(s)).toContain('CERT_REVOKED');
    expect(s.revocation.status).toBe('revoked');
    // and without the CRL nothing says it is revoked: the report must not claim "good"
    const [offline] = (await verifyPdf(revoked, { trustAnchors: [pki.rootCertificate] })).signatures;
    expect(offline.revocation.status).toBe('unknown');
  });

  it('an expired signer (PDFBox signs with it today): invalid with CERT_EXPIRED_AT_SIGNING', async () => {
    const expired = await pdfboxSign(doc, pki.expired.path, pki.expired.passphrase);
    const [s] = (await verifyPdf(expired, { trustAnchors: [pki.rootCertificate], crls: [pki.issuingCrl] }))
      .signatures;
    expect(s.intact).toBe(true);
    expect(s.verdict).toBe('invalid');
    expect(codes(s)).toContain('CERT_EXPIRED_AT_SIGNING');
    expect((await pdfsig(expired))[0].validation).toBe('Signature is Valid.');
  }, 120_000);
});
