import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';
import { issueCertificate } from '../pki/certificate-builder';
import { parseCertificate } from './certificate-info';
import { assertUsableForSigning } from './certificate-usage';
import { derToPem } from './pem';

const DAY = 24 * 60 * 60 * 1000;

describe('certificate helpers', () => {
  let pki: TestPki;
  beforeAll(async () => {
    pki = await getTestPki();
  });

  const codeOf = (fn: () => unknown): string | undefined => {
    try {
      fn();
      return undefined;
    } catch (error) {
      return (error as { code?: string }).code;
    }
  };

  /** A certificate from the test issuing CA with chosen validity and key usage. */
  const issue = (
    notBefore: Date,
    notAfter: Date,
    keyUsage: Parameters<typeof issueCertificate>[0]['keyUsage'],
  ) => {
    const issuing = pki.organisations[0].identity; // any key works as "signer" for parsing tests
    const key = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    return issueCertificate({
      subject: [
        ['C', 'VN'],
        ['CN', 'Phạm Thị Hường'],
      ],
      publicKey: key.publicKey,
      notBefore,
      notAfter,
      signer: { privateKey: issuing.privateKey, certificate: issuing.certificate },
      keyUsage,
      ocspUrl: 'http://127.0.0.1:9/ocsp',
      caIssuersUrl: 'http://127.0.0.1:9/ca.cer',
      crlDistributionPoints: ['http://127.0.0.1:9/a.crl', 'file:///tmp/b.crl'],
    });
  };

  it('reads subject and issuer with Vietnamese names intact, serial, validity and usages', () => {
    const person = pki.people[0];
    const info = parseCertificate(person.identity.certificate);
    expect(info.subject).toBe('CN=Nguyễn Văn Ấn, T=Chủ tịch, O=Ủy ban nhân dân tỉnh Thừa Thiên Huế, C=VN');
    expect(info.issuer).toBe('CN=vanthu Demo Issuing CA, O=vanthu (demo), C=VN');
    expect(info.serialNumber).toBe(person.serialNumber);
    expect(info.serialNumber).toMatch(/^[0-9a-f]{32}$/);
    expect(info.notBefore.getTime()).toBeLessThan(Date.now());
    expect(info.notAfter.getTime()).toBeGreaterThan(Date.now());
    expect(info.keyUsage).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(info.extendedKeyUsage).toEqual(['emailProtection', 'documentSigning']);
    expect(info.isCa).toBe(false);
    expect(info.crlDistributionPoints).toEqual([`file://${pki.dir}/ca/issuing-ca.crl`]);
    expect(info.caIssuersUrls).toEqual([`file://${pki.dir}/ca/issuing-ca.cer`]);
    expect(info.publicKeyAlgorithm).toBe('rsa');
    expect(info.authorityKeyIdentifier).toBe(parseCertificate(pki.issuingCaCertificate).subjectKeyIdentifier);
  });

  it('accepts PEM and DER alike and reads CRL distribution points and OCSP URLs', () => {
    const der = issue(new Date(Date.now() - DAY), new Date(Date.now() + DAY), ['digitalSignature']);
    const fromPem = parseCertificate(derToPem(der, 'CERTIFICATE'));
    expect(fromPem.der).toEqual(der);
    expect(fromPem.subjectAttributes.find((a) => a.type === 'CN')?.value).toBe('Phạm Thị Hường');
    expect(fromPem.ocspUrls).toEqual(['http://127.0.0.1:9/ocsp']);
    expect(fromPem.caIssuersUrls).toEqual(['http://127.0.0.1:9/ca.cer']);
    expect(fromPem.crlDistributionPoints).toEqual(['http://127.0.0.1:9/a.crl', 'file:///tmp/b.crl']);
    expect(fromPem.publicKeyAlgorithm).toBe('ec');
  });

  it('reads the TSA certificate: EKU timeStamping, and CA flags on the CAs', () => {
    expect(parseCertificate(pki.tsa.identity.certificate).extendedKeyUsage).toEqual(['timeStamping']);
    const root = parseCertificate(readFileSync(pki.rootCertificatePath));
    expect(root.isCa).toBe(true);
    expect(root.keyUsage).toEqual(['keyCertSign', 'cRLSign']);
    expect(root.subject).toBe(root.issuer);
  });

  it('accepts a certificate that can sign now', () => {
    expect(assertUsableForSigning(pki.people[1].identity.certificate, new Date()).subject).toContain(
      'Trần Thị Bích',
    );
    expect(
      codeOf(() => assertUsableForSigning(pki.organisations[0].identity.certificate, new Date())),
    ).toBeUndefined();
  });

  it('refuses an expired certificate, and a valid one at a time after its end', () => {
    expect(codeOf(() => assertUsableForSigning(pki.expired.identity.certificate, new Date()))).toBe(
      'CERT_EXPIRED',
    );
    const info = parseCertificate(pki.people[0].identity.certificate);
    expect(codeOf(() => assertUsableForSigning(info, new Date(info.notAfter.getTime() + 1000)))).toBe(
      'CERT_EXPIRED',
    );
  });

  it('refuses a certificate that is not valid yet', () => {
    const der = issue(new Date(Date.now() + DAY), new Date(Date.now() + 2 * DAY), ['digitalSignature']);
    expect(codeOf(() => assertUsableForSigning(der, new Date()))).toBe('CERT_NOT_YET_VALID');
    expect(codeOf(() => assertUsableForSigning(der, new Date(Date.now() + 1.5 * DAY)))).toBeUndefined();
  });

  it('refuses a certificate whose key usage allows neither digitalSignature nor nonRepudiation', () => {
    const now = new Date();
    const encipherOnly = issue(new Date(now.getTime() - DAY), new Date(now.getTime() + DAY), [
      'keyEncipherment',
    ]);
    expect(codeOf(() => assertUsableForSigning(encipherOnly, now))).toBe('CERT_KEY_USAGE_INVALID');
    const nonRepudiation = issue(new Date(now.getTime() - DAY), new Date(now.getTime() + DAY), [
      'nonRepudiation',
    ]);
    expect(codeOf(() => assertUsableForSigning(nonRepudiation, now))).toBeUndefined();
    expect(codeOf(() => assertUsableForSigning(readFileSync(pki.rootCertificatePath), now))).toBe(
      'CERT_KEY_USAGE_INVALID',
    );
  });

  it('reports garbage as CERT_MALFORMED', () => {
    expect(codeOf(() => parseCertificate(Buffer.from('not a certificate')))).toBe('CERT_MALFORMED');
  });
});
