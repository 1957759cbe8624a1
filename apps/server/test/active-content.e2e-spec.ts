import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import { DocumentStore } from '@vanthu/documents';
import { signPdf } from '@vanthu/signing';
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
import {
  BASE_OBJECTS,
  craftPdf,
  withOpenActionScript,
} from '../../../libs/signing/test-fixtures/verify/crafted-pdf';
import { giveSeal, giveSignature, trustTestPki } from './support/signing-world';

/**
 * Issue 13 §3 over HTTP: a draft or a new version with active content is refused before anything
 * is written; a received document with it is registered with the warning shown to the clerk.
 */
describe('active content in outgoing and incoming documents (HTTP)', () => {
  let server: TestServer;
  let pki: TestPki;
  let district: AgencyRow;
  let communeA: AgencyRow;
  let api: ApiSessions;
  let clean: Buffer;
  let scripted: Buffer;
  const ids: Record<string, string> = {};
  const SIGNER = 'Nguyễn Văn Ấn';
  /** an attachment carrying a spreadsheet inside it */
  const withEmbeddedFile = craftPdf({
    ...BASE_OBJECTS,
    1: '<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(bang-luong.xlsm) 4 0 R] >> >> >>',
    4: '<< /Type /Filespec /F (bang-luong.xlsm) /EF << /F 5 0 R >> >>',
    5: '<< /Type /EmbeddedFile /Length 2 >>\nstream\nPK\nendstream',
  });

  beforeAll(async () => {
    pki = await getTestPki();
    server = await startTestServer();
    const ds = server.db.dataSource;
    ({ district, communeA } = await insertDistrictAndCommunes(ds));
    const users: [string, AgencyRow, 'specialist' | 'leader' | 'clerk', string?][] = [
      ['d.spec', district, 'specialist'],
      ['d.leader', district, 'leader', SIGNER],
      ['d.clerk', district, 'clerk'],
      ['a.clerk', communeA, 'clerk'],
    ];
    for (const [username, agency, role, fullName] of users)
      ids[username] = (await insertUser(ds, { agencyId: agency.id, username, roles: [role], fullName })).id;
    await trustTestPki(server, pki);
    await giveSeal(server, district.id, pki.organisations[0]);
    await giveSignature(server, district.id, ids['d.leader'], pki.people[0]);
    api = new ApiSessions(server.url);
    clean = await nd30Pdf({ signerName: SIGNER });
    scripted = withOpenActionScript(clean);
  }, 120_000);
  afterAll(() => server?.close());

  const outgoing = (id = '', action = '') =>
    `/api/v1/agencies/${district.id}/outgoing${id ? `/${id}` : ''}${action}`;

  async function draft(main: Buffer, attachments: Buffer[] = []): Promise<request.Response> {
    const req = request(server.url)
      .post(outgoing())
      .set('Authorization', await api.bearer('d.spec'))
      .field(
        'metadata',
        JSON.stringify({
          typeCode: 'QD',
          subject: 'Quyết định ban hành kế hoạch chuyển đổi số năm 2026',
          signerUserId: ids['d.leader'],
          recipients: [{ kind: 'agency', organId: communeA.code }],
        }),
      )
      .attach('file', main, { filename: 'Quyết định.pdf', contentType: 'application/pdf' });
    for (const a of attachments)
      req.attach('attachments', a, { filename: 'Phụ lục.pdf', contentType: 'application/pdf' });
    return req;
  }

  /** rows and stored objects: what a refused request must not add to */
  async function footprint(): Promise<Record<string, number>> {
    const [row] = await server.db.dataSource.query(`SELECT
      (SELECT count(*) FROM register_entry)::int AS entries,
      (SELECT count(*) FROM document_version)::int AS versions,
      (SELECT count(*) FROM audit_event WHERE subject_type = 'entry')::int AS audits`);
    return { ...row, objects: await countFiles(join(server.dataDir, 'objects')) };
  }

  it('refuses a draft whose main file or attachment carries active content, naming it, and writes nothing', async () => {
    const before = await footprint();
    const main = await draft(scripted);
    expect([main.status, main.body.code]).toEqual([422, 'PDF_ACTIVE_CONTENT']);
    expect(main.body.message).toContain('Tệp "Quyết định.pdf" chứa nội dung chủ động');
    expect(main.body.message).toContain('mã JavaScript');
    expect(main.body.details).toEqual({ kinds: ['JAVASCRIPT', 'OPEN_ACTION'], fileName: 'Quyết định.pdf' });
    const attachment = await draft(clean, [withEmbeddedFile]);
    expect([attachment.status, attachment.body.code]).toEqual([422, 'PDF_ACTIVE_CONTENT']);
    expect(attachment.body.message).toContain('Tệp "Phụ lục.pdf"');
    expect(attachment.body.message).toContain('tệp nhúng kèm bên trong tệp PDF');
    expect(await footprint()).toEqual(before);
  });

  it('refuses a new version with active content and keeps the draft as it was', async () => {
    const created = await draft(clean);
    expect(created.status).toBe(201);
    const before = await footprint();
    const res = await request(server.url)
      .post(outgoing(created.body.id, '/files'))
      .set('Authorization', await api.bearer('d.spec'))
      .field('version', String(created.body.version))
      .field('fileIndex', '1')
      .attach('file', withEmbeddedFile, { filename: 'Phụ lục mới.pdf', contentType: 'application/pdf' });
    expect([res.status, res.body.code, res.body.details?.kinds]).toEqual([
      422,
      'PDF_ACTIVE_CONTENT',
      ['EMBEDDED_FILE'],
    ]);
    expect(await footprint()).toEqual(before);
    const entry = await api.get('d.spec', `/api/v1/agencies/${district.id}/entries/${created.body.id}`);
    expect(entry.body.version).toBe(created.body.version);
  });

  it('registers an uploaded document with a script, its warning shown, and will not copy it under seal', async () => {
    const signed = await signPdf(scripted, { role: 'personal', identity: pki.people[0].identity });
    const res = await request(server.url)
      .post(`/api/v1/agencies/${district.id}/incoming`)
      .set('Authorization', await api.bearer('d.clerk'))
      .field(
        'metadata',
        JSON.stringify({
          typeCode: 'CV',
          codeNumber: '77',
          codeNotation: 'UBND-KT',
          issuedDate: '2026-01-05',
          subject: 'Về việc rà soát văn bản điện tử có mã lệnh',
          organName: 'UBND tỉnh Đắk Lắk',
        }),
      )
      .attach('file', signed, 'Công văn 77.pdf');
    expect(res.status).toBe(201);
    // the signature is valid and needs no override; what the file carries is said beside it
    expect(res.body).toMatchObject({
      status: 'registered',
      verificationVerdict: 'valid',
      verificationOverridden: false,
    });
    const [file] = res.body.verification.files;
    expect(file.verdict).toBe('valid');
    expect(file.warnings).toEqual([
      { code: 'ACTIVE_CONTENT', message: expect.stringContaining('Phát hiện: mã JavaScript') },
    ]);
    const detail = await api.get('d.clerk', `/api/v1/agencies/${district.id}/entries/${res.body.id}`);
    const [stored] = Object.values(detail.body.verificationReports) as {
      activeContent: { kind: string }[];
    }[];
    expect(stored.activeContent.map((f) => f.kind)).toEqual(['JAVASCRIPT', 'OPEN_ACTION']);

    const before = await footprint();
    const copy = await api.post('d.clerk', `/api/v1/agencies/${district.id}/entries/${res.body.id}/copies`, {
      copyType: 'sao-y',
    });
    expect([copy.status, copy.body.code]).toEqual([422, 'PDF_ACTIVE_CONTENT']);
    expect(await footprint()).toEqual(before);
  });

  it('delivers a document issued from a draft stored before the check with the warning in the commune inbox', async () => {
    const created = await draft(clean);
    let version = created.body.version as number;
    for (const [user, decision] of [
      ['d.spec', 'submit'],
      ['d.leader', 'forward'],
      ['d.leader', 'approve'],
    ]) {
      const res = await api.post(user, outgoing(created.body.id, '/decisions'), { version, decision });
      expect(res.status).toBe(200);
      version = res.body.version;
    }
    const signed = await api.post('d.leader', outgoing(created.body.id, '/sign'), {
      version,
      passphrase: pki.people[0].passphrase,
    });
    expect(signed.status).toBe(200);
    // a signed version with a script, as one stored before drafts were checked would be
    await server.app.get(DocumentStore).addVersion({
      agencyId: district.id,
      entryId: created.body.id,
      fileIndex: 0,
      fileName: 'Quyết định.pdf',
      kind: 'personal_signed',
      bytes: await signPdf(scripted, {
        role: 'personal',
        identity: pki.people[0].identity,
        image: await readFile(pki.people[0].signatureImagePath),
        signerName: SIGNER,
      }),
      createdBy: ids['d.leader'],
    });
    const issued = await api.post('d.clerk', outgoing(created.body.id, '/issue'), {
      version: signed.body.version,
    });
    expect([issued.status, issued.body.code]).toEqual([200, undefined]);

    const [arrived] = await server.db.dataSource.query(
      `SELECT e.id, e.version FROM register_entry e JOIN delivery d ON d.id = e.source_delivery_id
        WHERE d.entry_id = $1 AND e.agency_id = $2`,
      [created.body.id, communeA.id],
    );
    const registered = await api.post(
      'a.clerk',
      `/api/v1/agencies/${communeA.id}/incoming/${arrived.id}/register`,
      {
        version: arrived.version,
      },
    );
    expect(registered.status).toBe(200);
    expect(registered.body).toMatchObject({ status: 'registered', verificationVerdict: 'valid' });
    expect(registered.body.verification.files[0].warnings.map((w: { code: string }) => w.code)).toEqual([
      'ACTIVE_CONTENT',
    ]);
  });
});

async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).length;
}
