import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';
import { parseCertificate } from '../certificates/certificate-info';
import { derToPem } from '../certificates/pem';
import { generateDemoPki } from './demo-pki';

const openssl = (...args: string[]): string => execFileSync('openssl', args, { stdio: 'pipe' }).toString();
/** openssl's stdout and stderr together, whether it succeeds or fails (verify reports on either). */
const opensslResult = (...args: string[]): string => {
  const result = spawnSync('openssl', args);
  return `${result.stdout.toString()}${result.stderr.toString()}`;
};

describe('generateDemoPki', () => {
  let pki: TestPki;
  let scratch: string;
  beforeAll(async () => {
    pki = await getTestPki();
    scratch = mkdtempSync(join(tmpdir(), 'vanthu-demo-pki-'));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const certPem = (der: Buffer, name: string): string => {
    const path = join(scratch, `${name}.pem`);
    writeFileSync(path, derToPem(der, 'CERTIFICATE'));
    return path;
  };

  it('writes every file listed in manifest.json', () => {
    const onDisk = JSON.parse(readFileSync(join(pki.dir, 'manifest.json'), 'utf8'));
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(pki.manifest)));
    for (const file of pki.manifest.files) expect(existsSync(join(pki.dir, file.path))).toBe(true);
    const kinds = new Set(pki.manifest.files.map((f) => f.kind));
    for (const kind of [
      'root-ca-certificate',
      'issuing-ca-certificate',
      'issuing-ca-pkcs12',
      'issuing-ca-crl',
      'tsa-pkcs12',
      'expired-pkcs12',
      'revoked-pkcs12',
      'ec-personal-pkcs12',
    ]) {
      expect(kinds).toContain(kind);
    }
    expect(pki.manifest.files.filter((f) => f.kind === 'organisation-pkcs12')).toHaveLength(2);
    expect(pki.manifest.files.filter((f) => f.kind === 'personal-pkcs12')).toHaveLength(3);
    expect(pki.manifest.files.filter((f) => f.kind === 'seal-image')).toHaveLength(2);
    expect(pki.manifest.files.filter((f) => f.kind === 'signature-image')).toHaveLength(3);
  });

  it('writes PKCS#12 files that OpenSSL opens with the manifest passphrase, each with a different one', () => {
    const p12s = pki.manifest.files.filter((f) => f.format === 'p12');
    expect(new Set(p12s.map((f) => f.passphrase)).size).toBe(p12s.length);
    for (const file of p12s) {
      const path = join(pki.dir, file.path);
      const certs = openssl('pkcs12', '-in', path, '-passin', `pass:${file.passphrase}`, '-nokeys');
      // the issuing CA's own P12 holds it and the root; every other, the end entity and both CAs
      expect(certs.match(/BEGIN CERTIFICATE/g)).toHaveLength(file.kind === 'issuing-ca-pkcs12' ? 2 : 3);
      const key = openssl('pkcs12', '-in', path, '-passin', `pass:${file.passphrase}`, '-nocerts', '-nodes');
      expect(key).toContain('BEGIN PRIVATE KEY');
      expect(opensslResult('pkcs12', '-in', path, '-passin', 'pass:wrong', '-nokeys')).toMatch(
        /mac verify|invalid password/i,
      );
    }
  });

  it('issues organisation and personal certificates with the agency name, code, title and name', () => {
    const org = parseCertificate(pki.organisations[0].identity.certificate);
    expect(org.subject).toBe(
      'CN=Ủy ban nhân dân tỉnh Thừa Thiên Huế, UID=000.00.01.H57, O=Ủy ban nhân dân tỉnh Thừa Thiên Huế, C=VN',
    );
    expect(org.keyUsage).toEqual(['digitalSignature', 'nonRepudiation']);
    const person = parseCertificate(pki.people[2].identity.certificate);
    expect(person.subject).toBe('CN=Lê Hoàng Đức, T=Giám đốc, O=Sở Nội vụ tỉnh Thừa Thiên Huế, C=VN');
    expect(person.crlDistributionPoints).toHaveLength(1);
  });

  it('chains to the root; the expired and the revoked certificate fail as they should', () => {
    const crl = join(pki.dir, 'ca', 'issuing-ca.crl.pem');
    const verify = (der: Buffer, name: string): string =>
      opensslResult(
        'verify',
        '-CAfile',
        pki.rootCertificatePath,
        '-untrusted',
        pki.issuingCaCertificatePath,
        '-crl_check',
        '-CRLfile',
        crl,
        certPem(der, name),
      );
    expect(verify(pki.people[0].identity.certificate, 'person')).toMatch(/: OK/);
    expect(verify(pki.organisations[1].identity.certificate, 'org')).toMatch(/: OK/);
    expect(verify(pki.ecPerson.identity.certificate, 'ec')).toMatch(/: OK/);
    expect(verify(pki.revoked.identity.certificate, 'revoked')).toMatch(/certificate revoked/);
    expect(verify(pki.expired.identity.certificate, 'expired')).toMatch(/certificate has expired/);
  });

  it('publishes a CRL signed by the issuing CA that lists the revoked serial', () => {
    const text = openssl('crl', '-inform', 'DER', '-in', pki.issuingCrlPath, '-noout', '-text');
    expect(text).toContain(`Serial Number: ${pki.revoked.serialNumber.toUpperCase()}`);
    expect(text).toContain('Key Compromise');
    expect(text).not.toContain(pki.people[0].serialNumber.toUpperCase());
    const verified = opensslResult(
      'crl',
      '-inform',
      'DER',
      '-in',
      pki.issuingCrlPath,
      '-noout',
      '-CAfile',
      pki.issuingCaCertificatePath,
    );
    expect(verified).toContain('verify OK');
  });

  it('gives the TSA a critical timeStamping extended key usage', () => {
    const text = openssl('x509', '-in', certPem(pki.tsa.identity.certificate, 'tsa'), '-noout', '-text');
    expect(text).toMatch(/Extended Key Usage: critical\s+Time Stamping/);
  });

  it('draws red transparent seals with the name around the ring and blue transparent signatures', () => {
    const seal = PNG.sync.read(readFileSync(pki.organisations[0].sealImagePath));
    expect([seal.width, seal.height]).toEqual([472, 472]);
    const sealStats = inkStats(seal);
    expect(sealStats.transparentShare).toBeGreaterThan(0.4);
    expect(sealStats.dominant).toBe('red');
    expect(alphaAt(seal, 2, 2)).toBe(0);
    expect(alphaAt(seal, 236, 236)).toBe(255); // the star's centre
    // lettering in the band between the rings, on the left and on the right of the seal
    expect(inkInBox(seal, 20, 200, 70, 270)).toBeGreaterThan(50);
    expect(inkInBox(seal, 400, 200, 452, 270)).toBeGreaterThan(50);

    const signature = PNG.sync.read(readFileSync(pki.people[0].signatureImagePath));
    const signatureStats = inkStats(signature);
    expect(signatureStats.transparentShare).toBeGreaterThan(0.6);
    expect(signatureStats.opaque).toBeGreaterThan(2000);
    expect(signatureStats.dominant).toBe('blue');
    const other = readFileSync(pki.people[1].signatureImagePath);
    expect(other.equals(readFileSync(pki.people[0].signatureImagePath))).toBe(false);
  });

  it('takes the clock, the publication URLs and an OCSP URL from its input', async () => {
    const outDir = join(scratch, 'custom');
    const now = new Date('2025-03-01T08:00:00Z');
    const manifest = await generateDemoPki({
      outDir,
      now,
      organisations: [{ code: 'H57.01', name: 'Văn phòng UBND tỉnh' }],
      people: [{ username: 'vana', fullName: 'Võ Văn A', position: 'Chánh Văn phòng', agencyCode: 'H57.01' }],
      publicationBaseUrl: 'http://127.0.0.1:8080/pki/',
      ocspUrl: 'http://127.0.0.1:8080/ocsp',
      includeEcCertificate: false,
    });
    expect(manifest.generatedAt).toBe(now.toISOString());
    expect(manifest.files.some((f) => f.kind === 'ec-personal-pkcs12')).toBe(false);
    const personal = manifest.files.find((f) => f.kind === 'personal-pkcs12')!;
    const certificate = openssl(
      'pkcs12',
      '-in',
      join(outDir, personal.path),
      '-passin',
      `pass:${personal.passphrase}`,
      '-nokeys',
      '-clcerts',
    );
    const info = parseCertificate(certificate);
    expect(info.notBefore.toISOString()).toBe('2025-02-28T08:00:00.000Z');
    expect(info.crlDistributionPoints).toEqual(['http://127.0.0.1:8080/pki/issuing-ca.crl']);
    expect(info.ocspUrls).toEqual(['http://127.0.0.1:8080/ocsp']);
    expect(info.serialNumber).toBe(personal.serialNumber);
  });
});

function alphaAt(png: PNG, x: number, y: number): number {
  return png.data[(y * png.width + x) * 4 + 3];
}

function inkInBox(png: PNG, x0: number, y0: number, x1: number, y1: number): number {
  let count = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (alphaAt(png, x, y) > 128) count++;
  return count;
}

function inkStats(png: PNG): {
  transparentShare: number;
  opaque: number;
  dominant: 'red' | 'green' | 'blue';
} {
  let transparent = 0;
  let opaque = 0;
  const sum = [0, 0, 0];
  for (let i = 0; i < png.width * png.height; i++) {
    const alpha = png.data[i * 4 + 3];
    if (alpha === 0) transparent++;
    if (alpha > 200) {
      opaque++;
      for (let c = 0; c < 3; c++) sum[c] += png.data[i * 4 + c];
    }
  }
  const dominant = (['red', 'green', 'blue'] as const)[sum.indexOf(Math.max(...sum))];
  return { transparentShare: transparent / (png.width * png.height), opaque, dominant };
}
