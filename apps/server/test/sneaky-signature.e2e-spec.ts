import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import {
  ApiSessions,
  getTestPki,
  insertDistrictAndCommunes,
  insertUser,
  type AgencyRow,
  type TestPki,
} from '@vanthu/test-kit';
import { startTestServer, type TestServer } from '@vanthu/test-kit/test-server';
import { nd30Pdf } from '../../../libs/signing/test-fixtures/nd30-document';
import { pdfsig } from '../../../libs/signing/test-fixtures/verify/peers';
import { addSneakySignature, FORGED_TEXT } from '../../../libs/signing/test-fixtures/verify/sneaky-signature';
import { giveSeal, giveSignature, trustTestPki } from './support/signing-world';

const run = promisify(execFile);
const ROOT = join(__dirname, '../../..');
const SIGNER = 'Nguyễn Văn Ấn';
const MESSAGE_PART = 'không có chữ ký của chính trường đó';

interface ChangeView {
  kind: string;
  allowed: boolean;
  message: string;
}
interface SignatureView {
  verdict: string;
  intact: boolean;
  reasons: Array<{ code: string; details?: { changes?: Array<{ kind: string }> } }>;
  changesAfter: ChangeView[];
}

/**
 * Issue 13 §1 end to end: a decision issued through the API (leader's signature, then number, date
 * and seal), with one incremental update appended that adds an unsigned signature field whose
 * appearance paints a forged paragraph. Every way vanthu judges a file refuses it.
 */
describe('the "sneaky signature" on an issued document: API, CLI and incoming registration', () => {
  let server: TestServer;
  let pki: TestPki;
  let api: ApiSessions;
  let district: AgencyRow;
  let communeA: AgencyRow;
  let communeB: AgencyRow;
  let issued: Buffer;
  let forged: Buffer;
  let dir: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    pki = await getTestPki();
    server = await startTestServer();
    const ds = server.db.dataSource;
    ({ district, communeA, communeB } = await insertDistrictAndCommunes(ds));
    const users: Array<[string, AgencyRow, Array<'clerk' | 'leader' | 'specialist'>, string?]> = [
      ['d.spec', district, ['specialist']],
      ['d.leader', district, ['leader'], SIGNER],
      ['d.clerk', district, ['clerk']],
      ['b.clerk', communeB, ['clerk']],
    ];
    for (const [username, agency, roles, fullName] of users)
      ids[username] = (await insertUser(ds, { agencyId: agency.id, username, roles, fullName })).id;
    await trustTestPki(server, pki);
    await giveSeal(server, district.id, pki.organisations[0]);
    await giveSignature(server, district.id, ids['d.leader'], pki.people[0]);
    api = new ApiSessions(server.url);
    dir = await mkdtemp(join(tmpdir(), 'vanthu-sneaky-e2e-'));
    issued = await issueThroughApi();
    forged = addSneakySignature(issued);
    await writeFile(join(dir, 'forged.pdf'), forged);
  }, 240_000);
  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const outgoing = (id = '', action = '') => `/api/v1/agencies/${district.id}/outgoing/${id}${action}`;

  /** draft → submit → forward → approve → sign (leader) → issue (clerk), then the issued PDF as stored */
  async function issueThroughApi(): Promise<Buffer> {
    const created = await request(server.url)
      .post(outgoing())
      .set('Authorization', await api.bearer('d.spec'))
      .field(
        'metadata',
        JSON.stringify({
          typeCode: 'QD',
          subject: 'Quyết định phê duyệt kế hoạch chuyển đổi số năm 2026',
          signerUserId: ids['d.leader'],
          priority: 'normal',
          recipients: [{ kind: 'agency', organId: communeA.code }],
        }),
      )
      .attach('file', await nd30Pdf({ signerName: SIGNER }), {
        filename: 'Quyết định.pdf',
        contentType: 'application/pdf',
      });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    let version = created.body.version as number;
    for (const [user, decision] of [
      ['d.spec', 'submit'],
      ['d.leader', 'forward'],
      ['d.leader', 'approve'],
    ]) {
      const res = await api.post(user, outgoing(id, '/decisions'), { version, decision });
      expect(res.status).toBe(200);
      version = res.body.version;
    }
    const signed = await api.post('d.leader', outgoing(id, '/sign'), {
      version,
      passphrase: pki.people[0].passphrase,
    });
    expect(signed.status).toBe(200);
    const done = await api.post('d.clerk', outgoing(id, '/issue'), { version: signed.body.version });
    expect(done.status).toBe(200);
    const entry = `/api/v1/agencies/${district.id}/entries/${id}`;
    const detail = (await api.get('d.clerk', entry)).body;
    const file = await api.get('d.clerk', `${entry}/versions/${detail.files[0].id}/content`);
    expect(file.status).toBe(200);
    return file.body as Buffer;
  }

  const verify = async (pdf: Buffer) =>
    request(server.url)
      .post('/api/v1/verify')
      .set('Authorization', await api.bearer('b.clerk'))
      .attach('file', pdf, 'van-ban.pdf');

  it('POST /api/v1/verify: the issued document is valid; with the forged field both signatures are invalid, and why', async () => {
    expect((await verify(issued)).body.verdict).toBe('valid');
    const res = await verify(forged);
    expect(res.status).toBe(200);
    expect(res.body.verdict).toBe('invalid');
    const signatures = res.body.signatures as SignatureView[];
    expect(signatures.map((s) => [s.verdict, s.intact])).toEqual([
      ['invalid', true],
      ['invalid', true],
    ]);
    for (const s of signatures) {
      const refused = s.changesAfter.filter((c) => !c.allowed);
      expect(refused.map((c) => c.kind)).toEqual(['UNSIGNED_SIGNATURE_APPEARANCE']);
      expect(refused[0].message).toContain(MESSAGE_PART);
      const reason = s.reasons.find((r) => r.code === 'DISALLOWED_CHANGES_AFTER');
      expect(reason?.details?.changes?.map((c) => c.kind)).toEqual(['UNSIGNED_SIGNATURE_APPEARANCE']);
    }
  });

  it('pdfsig (poppler, no change analysis) calls every signature of the forgery valid; pdftotext shows the forged text', async () => {
    // pdfsig: "Signature is Valid." for the leader's and for each of the organisation's three widgets,
    // and "The signature form field is not signed." for the added field: nothing says the page changed
    const validations = (await pdfsig(forged)).map((s) => s.validation);
    expect(validations.filter((v) => v !== '')).toEqual(Array(4).fill('Signature is Valid.'));
    const { stdout } = await run('pdftotext', ['-f', '1', '-l', '1', join(dir, 'forged.pdf'), '-']);
    expect(stdout).toContain(FORGED_TEXT);
  });

  it('vanthu verify exits 1 and names the change in Vietnamese', async () => {
    const cli = join(dir, 'cli');
    await run(
      join(ROOT, 'node_modules/.bin/swc'),
      ['apps/cli/src', 'libs', '-d', cli, '--config-file', '.swcrc', '--copy-files', '--quiet'],
      { cwd: ROOT },
    );
    await writeFile(join(dir, 'root.der'), pki.rootCertificate);
    await writeFile(join(dir, 'crl.der'), pki.issuingCrl);
    const args = ['verify', '--trust', join(dir, 'root.der'), '--crl', join(dir, 'crl.der'), '--in'];
    const env = { ...process.env, NODE_PATH: join(ROOT, 'node_modules') };
    const main = join(cli, 'apps/cli/src/main.js');
    await writeFile(join(dir, 'issued.pdf'), issued);
    await expect(
      run('node', [main, ...args, join(dir, 'issued.pdf')], { cwd: ROOT, env }),
    ).resolves.toBeDefined();
    const failed = await run('node', [main, ...args, join(dir, 'forged.pdf')], { cwd: ROOT, env }).then(
      () => ({ code: 0, stdout: '' }),
      (e: { code: number; stdout: string }) => e,
    );
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain(MESSAGE_PART);
    expect(failed.stdout).toContain('(KHÔNG được phép)');
    expect(failed.stdout).toContain('Kết luận: tài liệu KHÔNG HỢP LỆ.');
  }, 120_000);

  it('uploaded as incoming, the forgery is refused unless overridden, and then registered as invalid, never valid', async () => {
    const upload = async (pdf: Buffer, number: string, over: object = {}) =>
      request(server.url)
        .post(`/api/v1/agencies/${communeB.id}/incoming`)
        .set('Authorization', await api.bearer('b.clerk'))
        .field(
          'metadata',
          JSON.stringify({
            typeCode: 'QD',
            codeNumber: number,
            codeNotation: 'QĐ-UBND',
            issuedDate: new Date().toISOString().slice(0, 10),
            subject: 'Quyết định phê duyệt kế hoạch chuyển đổi số năm 2026',
            organId: district.code,
            organName: "UBND huyện Ea H'Leo",
            signerPosition: 'Chủ tịch',
            signerName: SIGNER,
            priority: 'normal',
            ...over,
          }),
        )
        .attach('file', pdf, 'quyet-dinh.pdf');
    const entries = async (): Promise<number> =>
      Number((await server.db.dataSource.query('SELECT count(*) AS n FROM register_entry'))[0].n);

    const before = await entries();
    const refused = await upload(forged, '91');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'SIGNATURE_VERIFICATION_FAILED',
      details: { verdict: 'invalid' },
    });
    expect(await entries()).toBe(before);

    const overridden = await upload(forged, '91', { overrideVerification: true });
    expect(overridden.status).toBe(201);
    expect(overridden.body).toMatchObject({ verificationVerdict: 'invalid', verificationOverridden: true });
    for (const s of overridden.body.verification.files[0].signatures)
      expect(s).toMatchObject({
        verdict: 'invalid',
        reasons: expect.arrayContaining(['DISALLOWED_CHANGES_AFTER']),
      });

    // the document as issued registers as valid: the forged field alone makes the difference
    const genuine = await upload(issued, '92');
    expect(genuine.status).toBe(201);
    expect(genuine.body.verificationVerdict).toBe('valid');
  });
});
