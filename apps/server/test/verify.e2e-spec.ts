import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument, StandardFonts } from '@cantoo/pdf-lib';
import request from 'supertest';
import {
  getTestPki,
  insertDistrictAndCommunes,
  insertUser,
  TEST_PASSWORD,
  type TestPki,
  type TestPkiKeyFile,
} from '@vanthu/test-kit';
import { startTestServer, type TestServer } from '@vanthu/test-kit/test-server';
import { SHARED_DIR } from '../../../libs/signing/test-fixtures/shared-dir';

const run = promisify(execFile);
const PDFBOX = join(SHARED_DIR, 'peers/pdfbox/run.sh');

/** Apache PDFBox + BouncyCastle, an independent implementation, signs with one of the test P12s. */
async function pdfboxSign(pdf: Buffer, key: TestPkiKeyFile): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-verify-e2e-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    await run('bash', [PDFBOX, 'sign', join(dir, 'in.pdf'), key.path, key.passphrase, join(dir, 'out.pdf')], {
      timeout: 120_000,
    });
    return await readFile(join(dir, 'out.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function plainPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText('Quyet dinh so 12/QD-UBND', {
    x: 72,
    y: 760,
    size: 14,
    font: await doc.embedFont(StandardFonts.TimesRoman),
  });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

interface Reason {
  code: string;
}

describe('POST /api/v1/verify', () => {
  let server: TestServer;
  let pki: TestPki;
  let signed: Buffer;
  let signedByRevoked: Buffer;
  let user: string;
  let nodeAdmin: string;

  beforeAll(async () => {
    pki = await getTestPki();
    server = await startTestServer();
    const ds = server.db.dataSource;
    const { district, communeA: commune } = await insertDistrictAndCommunes(ds);
    await insertUser(ds, { agencyId: district.id, username: 'd.admin', roles: ['admin'] });
    await insertUser(ds, { agencyId: commune.id, username: 'a.spec', roles: ['specialist'] });
    const login = async (username: string) =>
      (
        await request(server.url)
          .post('/api/v1/auth/login')
          .send({ username, password: TEST_PASSWORD })
          .expect(200)
      ).body.token as string;
    user = await login('a.spec');
    nodeAdmin = await login('d.admin');
    const pdf = await plainPdf();
    [signed, signedByRevoked] = await Promise.all([
      pdfboxSign(pdf, pki.people[2]),
      pdfboxSign(pdf, pki.revoked),
    ]);
  }, 240_000);
  afterAll(() => server.close());

  const verify = (file: Buffer | undefined, token: string | null = user) => {
    const req = request(server.url).post('/api/v1/verify');
    if (token) req.set('Authorization', `Bearer ${token}`);
    return file ? req.attach('file', file, 'van-ban.pdf') : req.field('x', 'y');
  };
  const addTrust = (path: string, file: Buffer) =>
    request(server.url).post(path).set('Authorization', `Bearer ${nodeAdmin}`).attach('file', file, 'ca.der');

  it('without trust anchors: intact, but the chain is untrusted', async () => {
    const res = await verify(signed).expect(200);
    expect(res.body.signatures).toHaveLength(1);
    const [s] = res.body.signatures;
    expect(s).toMatchObject({ intact: true, trusted: false, subFilter: 'adbe.pkcs7.detached' });
    expect(s.signer.serialNumber).toBe(pki.people[2].serialNumber);
    expect(s.reasons.map((r: Reason) => r.code)).toContain('CHAIN_UNTRUSTED');
    expect(res.body.verdict).not.toBe('valid');
  });

  it('with the node’s anchors and CRL: trusted and valid; a revoked signer is invalid', async () => {
    await addTrust('/api/v1/trust/anchors', pki.rootCertificate).expect(201);
    await addTrust('/api/v1/trust/crls', pki.issuingCrl).expect(201);
    const res = await verify(signed).expect(200);
    const [s] = res.body.signatures;
    expect(s).toMatchObject({ intact: true, trusted: true, verdict: 'valid' });
    expect(s.revocation.status).toBe('good');
    expect(res.body.verdict).toBe('valid');

    const revoked = await verify(signedByRevoked).expect(200);
    expect(revoked.body.signatures[0]).toMatchObject({ intact: true, verdict: 'invalid' });
    expect(revoked.body.signatures[0].reasons.map((r: Reason) => r.code)).toContain('CERT_REVOKED');
  });

  it('removing the anchor takes effect at once', async () => {
    const anchors = await request(server.url)
      .get('/api/v1/trust/anchors')
      .set('Authorization', `Bearer ${nodeAdmin}`);
    await request(server.url)
      .delete(`/api/v1/trust/anchors/${anchors.body.items[0].id}`)
      .set('Authorization', `Bearer ${nodeAdmin}`)
      .expect(204);
    const res = await verify(signed).expect(200);
    expect(res.body.signatures[0].trusted).toBe(false);
  });

  it('an unsigned PDF gives the verdict "unsigned"', async () => {
    const res = await verify(await plainPdf()).expect(200);
    expect(res.body).toMatchObject({ verdict: 'unsigned', signatures: [] });
  });

  it('refuses what is not a PDF, a missing file, and callers without a session', async () => {
    const notPdf = await verify(Buffer.from('Đây không phải PDF')).expect(400);
    expect(notPdf.body).toMatchObject({ code: 'PDF_NOT_PDF', message: 'Tệp tải lên không phải là tệp PDF.' });
    const missing = await verify(undefined).expect(400);
    expect(missing.body.code).toBe('FILE_REQUIRED');
    const anonymous = await verify(signed, null).expect(401);
    expect(anonymous.body.code).toBe('AUTH_REQUIRED');
  });
});
