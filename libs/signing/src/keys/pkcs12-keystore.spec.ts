import { execFileSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, sign, verify, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTestPki, type TestPki } from '../../../../test/kit/test-pki';
import { derToPem } from '../certificates/pem';
import { loadPkcs12 } from './pkcs12-keystore';
import { writePkcs12 } from './pkcs12-writer';

describe('loadPkcs12', () => {
  let pki: TestPki;
  let dir: string;

  beforeAll(async () => {
    pki = await getTestPki();
    dir = mkdtempSync(join(tmpdir(), 'vanthu-p12-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const expectCode = (fn: () => unknown, code: string): Error => {
    try {
      fn();
    } catch (error) {
      expect((error as { code?: string }).code).toBe(code);
      return error as Error;
    }
    throw new Error(`expected ${code}`);
  };

  it('opens an RSA PKCS#12 into a working KeyObject, the matching certificate and the ordered chain', () => {
    const person = pki.people[0];
    const identity = loadPkcs12(readFileSync(person.path), person.passphrase);
    expect(identity.privateKey.asymmetricKeyType).toBe('rsa');
    const cert = new X509Certificate(identity.certificate);
    expect(cert.subject).toContain('CN=Nguyễn Văn Ấn');
    expect(identity.chain).toEqual([pki.issuingCaCertificate, pki.rootCertificate]);
    const signature = sign('sha256', Buffer.from('văn bản'), identity.privateKey);
    expect(verify('sha256', Buffer.from('văn bản'), cert.publicKey, signature)).toBe(true);
  });

  it('opens an EC (P-256) PKCS#12, which node-forge alone cannot', () => {
    const identity = loadPkcs12(readFileSync(pki.ecPerson.path), pki.ecPerson.passphrase);
    expect(identity.privateKey.asymmetricKeyType).toBe('ec');
    expect(identity.privateKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(new X509Certificate(identity.certificate).checkPrivateKey(identity.privateKey)).toBe(true);
    expect(identity.chain).toHaveLength(2);
  });

  it('orders a chain stored root-first and drops certificates that are not in it', () => {
    const person = pki.people[1].identity;
    const stranger = pki.organisations[0].identity.certificate;
    const p12 = writePkcs12({
      privateKey: person.privateKey,
      certificate: person.certificate,
      chain: [pki.rootCertificate, stranger, pki.issuingCaCertificate],
      passphrase: 'x',
    });
    expect(loadPkcs12(p12, 'x').chain).toEqual([pki.issuingCaCertificate, pki.rootCertificate]);
  });

  it('reads a legacy PKCS#12 written by OpenSSL (3DES, SHA-1 MAC) and a non-ASCII passphrase', () => {
    const person = pki.people[2].identity;
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    writeFileSync(keyPath, person.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(
      certPath,
      derToPem(person.certificate, 'CERTIFICATE') + derToPem(pki.issuingCaCertificate, 'CERTIFICATE'),
    );
    const out = join(dir, 'legacy.p12');
    const passphrase = 'Mật khẩu đặc biệt';
    execFileSync('openssl', [
      'pkcs12',
      '-export',
      '-inkey',
      keyPath,
      '-in',
      certPath,
      '-out',
      out,
      '-certpbe',
      'PBE-SHA1-3DES',
      '-keypbe',
      'PBE-SHA1-3DES',
      '-macalg',
      'sha1',
      '-passout',
      `pass:${passphrase}`,
    ]);
    const identity = loadPkcs12(readFileSync(out), passphrase);
    expect(identity.certificate).toEqual(person.certificate);
    expect(identity.chain).toEqual([pki.issuingCaCertificate]);
    expect(createPublicKey(identity.privateKey).export({ format: 'jwk' })).toEqual(
      createPublicKey(person.privateKey).export({ format: 'jwk' }),
    );
  });

  it('rejects a wrong passphrase without echoing it', () => {
    const error = expectCode(
      () => loadPkcs12(readFileSync(pki.people[0].path), 'không-phải-mật-khẩu-42'),
      'P12_PASSWORD_WRONG',
    );
    expect(error.message).not.toContain('không-phải-mật-khẩu-42');
    expect(JSON.stringify(error)).not.toContain('không-phải-mật-khẩu-42');
    expect((error as { status?: number }).status).toBe(400);
  });

  it('rejects a file without a private key', () => {
    const p12 = writePkcs12({ certificate: pki.people[0].identity.certificate, passphrase: 'p' });
    expectCode(() => loadPkcs12(p12, 'p'), 'P12_NO_PRIVATE_KEY');
  });

  it('rejects a key whose certificate is missing', () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const p12 = writePkcs12({
      privateKey: other.privateKey,
      certificate: pki.people[0].identity.certificate,
      passphrase: 'p',
    });
    expectCode(() => loadPkcs12(p12, 'p'), 'P12_NO_CERTIFICATE');
  });

  it('rejects garbage and truncated files as malformed', () => {
    expectCode(() => loadPkcs12(Buffer.from('definitely not a pfx'), 'p'), 'P12_MALFORMED');
    expectCode(() => loadPkcs12(Buffer.alloc(0), 'p'), 'P12_MALFORMED');
    const whole = readFileSync(pki.people[0].path);
    expectCode(
      () => loadPkcs12(whole.subarray(0, whole.length >> 1), pki.people[0].passphrase),
      'P12_MALFORMED',
    );
  });
});
