import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { VerifyDocumentUseCase } from '@vanthu/certificates';
import { vietnamDate } from '@vanthu/registers';
import { Clock } from '@vanthu/shared';
import {
  ApiSessions,
  getTestPki,
  insertAgency,
  insertDistrictAndCommunes,
  insertUnit,
  insertUser,
  type AgencyRow,
  type TestPki,
} from '@vanthu/test-kit';
import { startTestServer, type TestServer } from '@vanthu/test-kit/test-server';
import { nd30Pdf } from '../../../libs/signing/test-fixtures/nd30-document';
import { giveSeal, giveSignature, trustTestPki } from './support/signing-world';

const run = promisify(execFile);

class FixedClock extends Clock {
  now(): Date {
    return new Date();
  }
}

describe('outgoing documents over HTTP: draft, review, sign, issue, release, recall', () => {
  let server: TestServer;
  let pki: TestPki;
  let district: AgencyRow;
  let communeA: AgencyRow;
  let communeB: AgencyRow;
  let elsewhere: AgencyRow;
  let unitVp: string;
  let mainPdf: Buffer;
  let attachmentPdf: Buffer;
  const ids: Record<string, string> = {};
  const SIGNER = 'Nguyễn Văn Ấn';
  const logLines: string[] = [];
  let leaderCertificateId: string;

  beforeAll(async () => {
    pki = await getTestPki();
    server = await startTestServer({}, new FixedClock(), { logLines });
    const ds = server.db.dataSource;
    ({ district, communeA, communeB } = await insertDistrictAndCommunes(ds));
    elsewhere = await insertAgency(ds, {
      code: '000.00.00.H15',
      name: 'UBND tỉnh Đắk Lắk',
      levelLabel: 'Tỉnh',
      hosted: false,
    });
    unitVp = (
      await insertUnit(ds, {
        agencyId: district.id,
        code: 'VP',
        name: 'Văn phòng HĐND và UBND',
        abbreviation: 'VP',
      })
    ).id;
    const users: [string, AgencyRow, ('admin' | 'clerk' | 'leader' | 'specialist')[], string?][] = [
      ['d.spec', district, ['specialist']],
      ['d.leader', district, ['leader'], SIGNER],
      ['d.leader2', district, ['leader']],
      ['d.clerk', district, ['clerk']],
      ['a.clerk', communeA, ['clerk']],
      ['b.clerk', communeB, ['clerk']],
    ];
    for (const [username, agency, roles, fullName] of users) {
      ids[username] = (
        await insertUser(ds, {
          agencyId: agency.id,
          username,
          roles,
          fullName,
          unitId: agency === district ? unitVp : null,
        })
      ).id;
    }
    await trustTestPki(server, pki);
    await giveSeal(server, district.id, pki.organisations[0]);
    leaderCertificateId = await giveSignature(server, district.id, ids['d.leader'], pki.people[0]);
    api = new ApiSessions(server.url);
    mainPdf = await nd30Pdf({ signerName: SIGNER });
    attachmentPdf = await nd30Pdf({ articles: 2 });
  });
  afterAll(() => server?.close());

  let api: ApiSessions;
  const auth = (username: string) => api.bearer(username);
  const get = (username: string, path: string) => api.get(username, path);
  const post = (username: string, path: string, body: object) => api.post(username, path, body);

  const metadata = (overrides: object = {}) => ({
    typeCode: 'QD',
    subject: 'Quyết định ban hành Quy chế công tác văn thư, lưu trữ điện tử trên địa bàn huyện',
    signerUserId: ids['d.leader'],
    draftingUnitId: unitVp,
    priority: 'urgent',
    recipients: [
      { kind: 'agency', organId: communeA.code },
      { kind: 'agency', organId: communeB.code },
      { kind: 'agency', organId: elsewhere.code },
      { kind: 'unit', unitId: unitVp },
      { kind: 'paper', organName: 'Báo Đắk Lắk' },
    ],
    ...overrides,
  });

  async function draft(
    meta: object = metadata(),
    file: Buffer | null = mainPdf,
    attachments: Buffer[] = [attachmentPdf],
  ) {
    const req = request(server.url)
      .post(`/api/v1/agencies/${district.id}/outgoing`)
      .set('Authorization', await auth('d.spec'))
      .field('metadata', JSON.stringify(meta));
    if (file) req.attach('file', file, { filename: 'Quyết định.pdf', contentType: 'application/pdf' });
    for (const a of attachments)
      req.attach('attachments', a, { filename: 'Phụ lục.pdf', contentType: 'application/pdf' });
    return req;
  }

  const path = (id: string, action = '') => `/api/v1/agencies/${district.id}/outgoing/${id}${action}`;

  /** draft → reviewing → approving → approved → signed, as the right people. */
  async function draftAndSign(meta: object = metadata()): Promise<{ id: string; version: number }> {
    const created = await draft(meta);
    expect(created.status).toBe(201);
    let v = created.body.version as number;
    const step = async (user: string, decision: string) => {
      const res = await post(user, path(created.body.id, '/decisions'), { version: v, decision });
      expect(res.status).toBe(200);
      v = res.body.version;
    };
    await step('d.spec', 'submit');
    await step('d.leader2', 'forward');
    await step('d.leader', 'approve');
    const signed = await post('d.leader', path(created.body.id, '/sign'), {
      version: v,
      passphrase: pki.people[0].passphrase,
    });
    expect(signed.status).toBe(200);
    return { id: created.body.id, version: signed.body.version };
  }

  it('runs the whole outgoing flow and delivers to two communes hosted here', async () => {
    const created = await draft();
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'draft',
      direction: 'outgoing',
      pageAmount: 2,
      numberNotation: null,
    });
    const id = created.body.id as string;
    let version = created.body.version as number;

    // review by the unit head; a specialist cannot forward, only the designated signer approves
    expect((await post('d.spec', path(id, '/decisions'), { version, decision: 'submit' })).status).toBe(200);
    version += 1;
    const notHead = await post('d.spec', path(id, '/decisions'), { version, decision: 'forward' });
    expect(notHead.status).toBe(403);
    expect(
      (
        await post('d.leader2', path(id, '/decisions'), {
          version,
          decision: 'forward',
          comment: 'Đồng ý trình ký',
        })
      ).status,
    ).toBe(200);
    version += 1;
    const notSigner = await post('d.leader2', path(id, '/decisions'), { version, decision: 'approve' });
    expect(notSigner.status).toBe(403);
    expect(notSigner.body.code).toBe('NOT_SIGNER');
    expect((await post('d.leader', path(id, '/decisions'), { version, decision: 'approve' })).status).toBe(
      200,
    );
    version += 1;

    // only the signer signs, with the right passphrase; the clerk cannot sign
    expect((await post('d.clerk', path(id, '/sign'), { version, passphrase: 'x' })).status).toBe(403);
    const wrong = await post('d.leader', path(id, '/sign'), { version, passphrase: 'sai mật khẩu' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('P12_PASSWORD_WRONG');
    expect(JSON.stringify(wrong.body)).not.toContain('sai mật khẩu');
    const signed = await post('d.leader', path(id, '/sign'), {
      version,
      passphrase: pki.people[0].passphrase,
    });
    expect(signed.status).toBe(200);
    expect(signed.body.file.kind).toBe('personal_signed');
    version = signed.body.version;

    // only a clerk issues
    expect((await post('d.leader', path(id, '/issue'), { version })).status).toBe(403);
    const issued = await post('d.clerk', path(id, '/issue'), { version });
    expect(issued.status).toBe(200);
    const today = vietnamDate(new Date());
    expect(issued.body).toMatchObject({
      status: 'issued',
      issuedDate: today,
      codeNumber: '01',
      codeNotation: 'QĐ-UBND',
    });
    expect(issued.body.numberNotation).toBe('01/QĐ-UBND');
    expect(issued.body.documentIdentifier).toBe(`${district.code},${today.replaceAll('-', '/')},01/QĐ-UBND`);

    const detail = (await get('d.clerk', `/api/v1/agencies/${district.id}/entries/${id}`)).body;
    expect(
      detail.versions
        .filter((v: { fileIndex: number }) => v.fileIndex === 0)
        .map((v: { kind: string }) => v.kind),
    ).toEqual(['original', 'personal_signed', 'issued']);
    expect(detail.files.map((f: { kind: string }) => f.kind)).toEqual(['issued', 'attachment_signed']);
    const byName = Object.fromEntries(detail.deliveries.map((d: { organName: string }) => [d.organName, d]));
    expect(byName['UBND thị trấn Ea Drăng']).toMatchObject({
      channel: 'local',
      state: 'delivered',
      statusCode: '01',
    });
    expect(byName['UBND xã Ea Sol']).toMatchObject({
      channel: 'local',
      state: 'delivered',
      statusCode: '01',
    });
    expect(byName['UBND tỉnh Đắk Lắk']).toMatchObject({
      channel: 'exchange',
      state: 'pending',
      statusCode: null,
    });
    expect(byName['Văn phòng HĐND và UBND']).toMatchObject({ channel: 'internal', state: 'delivered' });
    expect(byName['Báo Đắk Lắk']).toMatchObject({ channel: 'paper', state: 'not_sent' });

    // the issued PDF: leader's signature still valid, organisation signature valid, number printed
    const issuedVersion = detail.files[0];
    const pdf = await get(
      'd.clerk',
      `/api/v1/agencies/${district.id}/entries/${id}/versions/${issuedVersion.id}/content`,
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.body as Buffer;
    const [read] = await server.db.dataSource.query(
      `SELECT actor_name, details FROM audit_event WHERE action = 'entry.file_read' AND subject_id = $1`,
      [id],
    );
    expect(read).toMatchObject({
      actor_name: 'd.clerk',
      details: { versionId: issuedVersion.id, kind: 'issued' },
    });
    const report = await server.app.get(VerifyDocumentUseCase).execute({ pdf: bytes });
    expect(report.signatures).toHaveLength(2);
    expect(report.signatures.map((s) => s.verdict)).toEqual(['valid', 'valid']);
    const dir = await mkdtemp(join(tmpdir(), 'vanthu-outgoing-'));
    await writeFile(join(dir, 'issued.pdf'), bytes);
    const { stdout } = await run('pdftotext', [join(dir, 'issued.pdf'), '-']).finally(() =>
      rm(dir, { recursive: true, force: true }),
    );
    expect(stdout.replace(/\s+/g, ' ')).toContain('Số: 01/QĐ-UBND');
    // the viewer's first request, sent before it knows the version: the newest main document
    // (after its draft and signed versions), naming its version; not for another agency's clerk
    const main = await get('d.clerk', `/api/v1/agencies/${district.id}/entries/${id}/main-file/content`);
    expect(main.status).toBe(200);
    expect(main.headers['x-version-id']).toBe(issuedVersion.id);
    expect(Buffer.compare(main.body as Buffer, bytes)).toBe(0);
    expect(detail.versions.filter((v: { fileIndex: number }) => v.fileIndex === 0).length).toBeGreaterThan(1);
    const foreign = await get('a.clerk', `/api/v1/agencies/${district.id}/entries/${id}/main-file/content`);
    expect(foreign.status).toBe(404);
    expect(foreign.headers['x-version-id']).toBeUndefined();

    // each commune sees it in its own inbox, prefilled and verified, and nothing of the others
    const inA = byName['UBND thị trấn Ea Drăng'];
    const [incomingA] = await server.db.dataSource.query(
      'SELECT id FROM register_entry WHERE source_delivery_id = $1',
      [inA.id],
    );
    const seen = await get('a.clerk', `/api/v1/agencies/${communeA.id}/entries/${incomingA.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      direction: 'incoming',
      status: 'received',
      numberNotation: '01/QĐ-UBND',
      organName: "UBND huyện Ea H'Leo",
      source: 'local',
      verificationVerdict: 'valid',
      priority: 'urgent',
    });
    // every delivered file was verified on arrival: the decision and its signed attachment
    expect(seen.body.files.map((f: { verificationVerdict: string }) => f.verificationVerdict)).toEqual([
      'valid',
      'valid',
    ]);
    expect(Object.keys(seen.body.verificationReports)).toHaveLength(2);
    expect(seen.body.files.map((f: { sha256: string }) => f.sha256)).toEqual(
      detail.files.map((f: { sha256: string }) => f.sha256),
    );
    expect((await get('b.clerk', `/api/v1/agencies/${communeA.id}/entries/${incomingA.id}`)).status).toBe(
      404,
    );
    expect((await get('a.clerk', `/api/v1/agencies/${district.id}/entries/${id}`)).status).toBe(404);
    expect((await get('b.clerk', `/api/v1/agencies/${communeB.id}/entries/${incomingA.id}`)).status).toBe(
      404,
    );
  });

  it('locks a personal key after 5 wrong passphrases, even against the right one', async () => {
    await giveSignature(server, district.id, ids['d.leader2'], pki.people[1]);
    const created = await draft(metadata({ signerUserId: ids['d.leader2'] }));
    let v = created.body.version as number;
    for (const [user, decision] of [
      ['d.spec', 'submit'],
      ['d.leader', 'forward'],
      ['d.leader2', 'approve'],
    ]) {
      v = (await post(user, path(created.body.id, '/decisions'), { version: v, decision })).body.version;
    }
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push(
        (await post('d.leader2', path(created.body.id, '/sign'), { version: v, passphrase: `sai-${i}` })).body
          .code,
      );
    }
    expect(codes).toEqual([
      'P12_PASSWORD_WRONG',
      'P12_PASSWORD_WRONG',
      'P12_PASSWORD_WRONG',
      'P12_PASSWORD_WRONG',
      'P12_LOCKED',
    ]);
    const right = await post('d.leader2', path(created.body.id, '/sign'), {
      version: v,
      passphrase: pki.people[1].passphrase,
    });
    expect(right.status).toBe(429);
    expect(right.body.code).toBe('P12_LOCKED');
    expect(right.body.message).toContain('phút');
  });

  it('lets a leader replace their signature image with a PNG, and nobody else', async () => {
    const put = async (user: string, file: Buffer) =>
      request(server.url)
        .put(`/api/v1/agencies/${district.id}/certificates/${leaderCertificateId}/appearance`)
        .set('Authorization', await auth(user))
        .attach('file', file, 'chu-ky.png');
    const stored = async (): Promise<Buffer> =>
      (
        await server.db.dataSource.query('SELECT appearance_png FROM certificate WHERE id = $1', [
          leaderCertificateId,
        ])
      )[0].appearance_png;
    const original = await readFile(pki.people[0].signatureImagePath);
    const other = await readFile(pki.people[2].signatureImagePath);
    expect(other.equals(original)).toBe(false);
    expect((await put('d.leader', other)).status).toBe(204);
    expect((await stored()).equals(other)).toBe(true);
    const notPng = await put('d.leader', Buffer.from('GIF89a not a png'));
    expect(notPng.status).toBe(400);
    expect(notPng.body.code).toBe('APPEARANCE_IMAGE_INVALID');
    // an 8000 × 8000 PNG header (64 million pixels) is refused from the header alone
    const huge = Buffer.concat([original.subarray(0, 33), Buffer.alloc(64)]);
    huge.writeUInt32BE(8000, 16);
    huge.writeUInt32BE(8000, 20);
    const tooLarge = await put('d.leader', huge);
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.code).toBe('APPEARANCE_IMAGE_TOO_LARGE');
    expect(tooLarge.body.message).toContain('8000 × 8000');
    expect(tooLarge.body.details).toMatchObject({ width: 8000, height: 8000 });
    // a PNG within the limits that does not decode is refused as signing would refuse it
    const truncated = await put('d.leader', original.subarray(0, 100));
    expect(truncated.body.code).toBe('APPEARANCE_IMAGE_INVALID');
    expect((await put('d.spec', original)).status).toBe(403);
    expect((await put('a.clerk', original)).status).toBe(404);
    expect((await stored()).equals(other)).toBe(true);
    expect((await put('d.leader', original)).status).toBe(204);
    expect((await stored()).equals(original)).toBe(true);
  });

  it('refuses bad drafts with stable codes and writes nothing', async () => {
    const before = await server.db.dataSource.query('SELECT count(*)::int AS n FROM register_entry');
    const cases: [object, Buffer | null, string][] = [
      [metadata(), Buffer.from('not a pdf at all'), 'PDF_NOT_PDF'],
      [metadata(), null, 'FILE_REQUIRED'],
      [metadata({ subject: 'x'.repeat(501) }), mainPdf, 'VALIDATION_FAILED'],
      [metadata({ dueDate: '2026-02-30' }), mainPdf, 'VALIDATION_FAILED'],
      [metadata({ typeCode: 'XX' }), mainPdf, 'DOCUMENT_TYPE_UNKNOWN'],
      [
        metadata({ recipients: [{ kind: 'agency', organId: '000.99.99.H99' }] }),
        mainPdf,
        'RECIPIENT_UNKNOWN',
      ],
      [metadata({ signerUserId: ids['d.clerk'] }), mainPdf, 'SIGNER_NOT_LEADER'],
      [metadata({ recipients: [] }), mainPdf, 'VALIDATION_FAILED'],
    ];
    for (const [meta, file, code] of cases) {
      const res = await draft(meta, file, []);
      expect({ code: res.body.code, status: res.status < 500 && res.status >= 400 }).toEqual({
        code,
        status: true,
      });
      expect(typeof res.body.message).toBe('string');
    }
    const after = await server.db.dataSource.query('SELECT count(*)::int AS n FROM register_entry');
    expect(after[0].n).toBe(before[0].n);
  });

  it('answers a stale version with 409 ENTRY_VERSION_CONFLICT and keeps the first change', async () => {
    const created = await draft();
    const v = created.body.version;
    const [a, b] = await Promise.all([
      request(server.url)
        .patch(path(created.body.id))
        .set('Authorization', await auth('d.spec'))
        .send({ version: v, subject: 'Trích yếu thứ nhất' }),
      request(server.url)
        .patch(path(created.body.id))
        .set('Authorization', await auth('d.spec'))
        .send({ version: v, subject: 'Trích yếu thứ hai' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const winner = a.status === 200 ? a : b;
    expect(loser.body.code).toBe('ENTRY_VERSION_CONFLICT');
    const now = await get('d.spec', `/api/v1/agencies/${district.id}/entries/${created.body.id}`);
    expect(now.body.subject).toBe(winner.body.subject);
  });

  it('issues 200 documents in parallel as 01..200, and a failed issue consumes no number', async () => {
    const ds = server.db.dataSource;
    await ds.query(`INSERT INTO register_setting (agency_id, outgoing_series) VALUES ($1, 'per_type')`, [
      district.id,
    ]);
    const template = await draftAndSign(
      metadata({ typeCode: 'TB', recipients: [{ kind: 'unit', unitId: unitVp }] }),
    );
    // 199 more signed documents like it (the signature itself is not what this test is about)
    const clones: { id: string }[] = await ds.query(
      `WITH src AS (SELECT * FROM register_entry WHERE id = $1)
       INSERT INTO register_entry (id, agency_id, direction, status, entry_date, document_type_code, subject,
                                   organ_id, organ_name, signer_user_id, signer_name, priority, drafting_unit_id,
                                   search_text, created_at, updated_at, version)
       SELECT gen_random_uuid(), agency_id, direction, status, entry_date, document_type_code,
              subject || ' ' || g, organ_id, organ_name, signer_user_id, signer_name, priority, drafting_unit_id,
              search_text, created_at, updated_at, version
         FROM src, generate_series(1, 199) g
       RETURNING id`,
      [template.id],
    );
    await ds.query(
      `INSERT INTO document_version (id, agency_id, entry_id, file_index, file_name, seq, kind, storage_key, sha256, size_bytes, created_at)
       SELECT gen_random_uuid(), v.agency_id, c.id, v.file_index, v.file_name, v.seq, v.kind, v.storage_key, v.sha256, v.size_bytes, v.created_at
         FROM document_version v CROSS JOIN unnest($2::uuid[]) AS c(id)
        WHERE v.entry_id = $1`,
      [template.id, clones.map((c) => c.id)],
    );
    const all = [template.id, ...clones.map((c) => c.id)];
    const token = await auth('d.clerk');
    const results = await Promise.all(
      all.map((id) =>
        request(server.url)
          .post(path(id, '/issue'))
          .set('Authorization', token)
          .send({ version: template.version }),
      ),
    );
    expect(logLines.filter((l) => l.includes('"level":50')).slice(0, 2)).toEqual([]);
    expect(
      results
        .filter((r) => r.status !== 200)
        .map((r) => r.body)
        .slice(0, 2),
    ).toEqual([]);
    const numbers = results.map((r) => Number(r.body.codeNumber)).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(results.find((r) => r.body.codeNumber === '01')!.body.numberNotation).toBe('01/TB-UBND');

    // a signed document whose PDF turns out unreadable: the issue fails after taking its number
    const broken = await draftAndSign(
      metadata({ typeCode: 'TB', recipients: [{ kind: 'unit', unitId: unitVp }] }),
    );
    const junk = Buffer.from('%PDF-1.7\nthis is not really a PDF\n');
    const { createHash } = await import('node:crypto');
    const sha = createHash('sha256').update(junk).digest('hex');
    const { ObjectStorage } = await import('@vanthu/storage');
    await server.app.get(ObjectStorage).put(`documents/${sha.slice(0, 2)}/${sha}.pdf`, junk);
    await ds.query(
      `INSERT INTO document_version (id, agency_id, entry_id, file_index, file_name, seq, kind, storage_key, sha256, size_bytes, created_at)
       VALUES (gen_random_uuid(), $1, $2, 0, 'hỏng.pdf', 99, 'personal_signed', $3, $4, $5, now())`,
      [district.id, broken.id, `documents/${sha.slice(0, 2)}/${sha}.pdf`, sha, junk.length],
    );
    const failed = await post('d.clerk', path(broken.id, '/issue'), { version: broken.version });
    expect(failed.status).toBe(400);
    expect(failed.body.code).toBe('PDF_MALFORMED');
    const after = await get('d.clerk', `/api/v1/agencies/${district.id}/entries/${broken.id}`);
    expect(after.body).toMatchObject({ status: 'signed', codeNumber: null });
    const next = await draftAndSign(
      metadata({ typeCode: 'TB', recipients: [{ kind: 'unit', unitId: unitVp }] }),
    );
    const ok = await post('d.clerk', path(next.id, '/issue'), { version: next.version });
    expect(ok.body.numberNotation).toBe('201/TB-UBND');
  });

  it('recalls an issued document: the sender copy freezes, the commune copy is destroyed with a record', async () => {
    const doc = await draftAndSign(
      metadata({ typeCode: 'CV', recipients: [{ kind: 'agency', organId: communeA.code }] }),
    );
    const issued = await post('d.clerk', path(doc.id, '/issue'), { version: doc.version });
    expect(issued.body.numberNotation).toMatch(/^\d{2,}\/UBND-VP$/);
    const [delivery] = (await get('d.clerk', `/api/v1/agencies/${district.id}/entries/${doc.id}`)).body
      .deliveries;
    const [incoming] = await server.db.dataSource.query(
      'SELECT id FROM register_entry WHERE source_delivery_id = $1',
      [delivery.id],
    );

    expect(
      (await post('d.spec', path(doc.id, '/recall'), { version: issued.body.version, reason: 'x' })).status,
    ).toBe(403);
    const recalled = await post('d.clerk', path(doc.id, '/recall'), {
      version: issued.body.version,
      reason: 'Sai nơi nhận',
    });
    expect(recalled.status).toBe(200);
    expect(recalled.body.status).toBe('recalled');
    const again = await post('d.clerk', path(doc.id, '/recall'), {
      version: recalled.body.version,
      reason: 'lần hai',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ENTRY_STATUS_INVALID');

    const atCommune = (await get('a.clerk', `/api/v1/agencies/${communeA.id}/entries/${incoming.id}`)).body;
    expect(atCommune).toMatchObject({
      status: 'recalled',
      returnReason: 'Sai nơi nhận',
      numberNotation: issued.body.numberNotation,
    });
    expect(atCommune.files).toEqual([]);
    expect(atCommune.subject).not.toContain('Quy chế');
    const sender = (await get('d.clerk', `/api/v1/agencies/${district.id}/entries/${doc.id}`)).body;
    expect(sender.files.map((f: { kind: string }) => f.kind)).toEqual(['issued', 'attachment_signed']);
    const revoke = sender.deliveries.find((d: { business: string }) => d.business === 'revoke');
    expect(revoke).toMatchObject({ channel: 'local', state: 'delivered', statusCode: '15' });
  });

  it('withdraws the copies a commune made of a document the district then recalls', async () => {
    await giveSeal(server, communeA.id, pki.organisations[1]);
    const doc = await draftAndSign(
      metadata({ typeCode: 'TB', recipients: [{ kind: 'agency', organId: communeA.code }] }),
    );
    const issued = await post('d.clerk', path(doc.id, '/issue'), { version: doc.version });
    expect(issued.status).toBe(200);
    const [delivery] = (await get('d.clerk', `/api/v1/agencies/${district.id}/entries/${doc.id}`)).body
      .deliveries;
    const [{ id: incomingId }] = await server.db.dataSource.query(
      'SELECT id FROM register_entry WHERE source_delivery_id = $1',
      [delivery.id],
    );
    const atCommune = `/api/v1/agencies/${communeA.id}`;
    const registered = await post('a.clerk', `${atCommune}/incoming/${incomingId}/register`, { version: 1 });
    expect(registered.status).toBe(200);
    const copy = await post('a.clerk', `${atCommune}/entries/${incomingId}/copies`, { copyType: 'sao-y' });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ numberNotation: '01/SY-UBND', withdrawnAt: null });
    expect((await get('a.clerk', `${atCommune}/copies/${copy.body.id}/content`)).status).toBe(200);

    const recalled = await post('d.clerk', path(doc.id, '/recall'), {
      version: issued.body.version,
      reason: 'Ban hành nhầm',
    });
    expect(recalled.status).toBe(200);
    // the copy keeps its number in the commune's copy register; its file is no longer served
    const [listed] = (await get('a.clerk', `${atCommune}/entries/${incomingId}/copies`)).body.items;
    expect(listed).toMatchObject({ id: copy.body.id, number: 1 });
    expect(Date.parse(listed.withdrawnAt)).not.toBeNaN();
    const content = await get('a.clerk', `${atCommune}/copies/${copy.body.id}/content`);
    expect([content.status, content.body.code]).toEqual([410, 'COPY_WITHDRAWN']);
    const again = await post('a.clerk', `${atCommune}/entries/${incomingId}/copies`, { copyType: 'sao-y' });
    expect([again.status, again.body.code]).toEqual([409, 'ENTRY_STATUS_INVALID']);
  });

  it('updates and then replaces an issued document, at the sender and at the commune', async () => {
    const toA = { recipients: [{ kind: 'agency', organId: communeA.code }] };
    const first = await draftAndSign(metadata({ typeCode: 'KH', ...toA }));
    const issued = await post('d.clerk', path(first.id, '/issue'), { version: first.version });
    const [delivery] = (await get('d.clerk', `/api/v1/agencies/${district.id}/entries/${first.id}`)).body
      .deliveries;
    const [incoming] = await server.db.dataSource.query(
      'SELECT id FROM register_entry WHERE source_delivery_id = $1',
      [delivery.id],
    );

    const updated = await post('d.clerk', path(first.id, '/update'), {
      version: issued.body.version,
      reason: 'Đính chính thời hạn',
      changes: { dueDate: '2027-01-15', subject: 'Kế hoạch (đính chính) chuyển đổi số năm 2027' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ status: 'issued', dueDate: '2027-01-15' });
    const atCommune = (await get('a.clerk', `/api/v1/agencies/${communeA.id}/entries/${incoming.id}`)).body;
    expect(atCommune).toMatchObject({
      dueDate: '2027-01-15',
      subject: 'Kế hoạch (đính chính) chuyển đổi số năm 2027',
    });
    expect(atCommune.notes.map((n: { body: string }) => n.body)).toEqual([
      'Cơ quan ban hành cập nhật thông tin văn bản: Đính chính thời hạn',
    ]);
    const emptyUpdate = await post('d.clerk', path(first.id, '/update'), {
      version: updated.body.version,
      reason: 'x',
      changes: {},
    });
    expect(emptyUpdate.body.code).toBe('VALIDATION_FAILED');

    const second = await draftAndSign(metadata({ typeCode: 'KH', ...toA }));
    const issued2 = await post('d.clerk', path(second.id, '/issue'), { version: second.version });
    const selfReplace = await post('d.clerk', path(first.id, '/replace'), {
      version: updated.body.version,
      replacementEntryId: first.id,
      reason: 'x',
    });
    expect(selfReplace.body.code).toBe('REPLACEMENT_INVALID');
    const replaced = await post('d.clerk', path(first.id, '/replace'), {
      version: updated.body.version,
      replacementEntryId: second.id,
      reason: 'Ban hành văn bản thay thế',
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ status: 'replaced', replacedBy: second.id });
    const oldAtCommune = (await get('a.clerk', `/api/v1/agencies/${communeA.id}/entries/${incoming.id}`))
      .body;
    expect(oldAtCommune.status).toBe('recalled');
    expect(oldAtCommune.subject).toContain(issued2.body.numberNotation);
    expect(oldAtCommune.files).toEqual([]);
    const sender = (await get('d.clerk', `/api/v1/agencies/${district.id}/entries/${first.id}`)).body;
    expect(sender.deliveries.map((d: { business: string }) => d.business)).toEqual([
      'new',
      'update',
      'replace',
    ]);
    // frozen: nothing more can happen to the replaced document
    const late = await post('d.clerk', path(first.id, '/recall'), {
      version: replaced.body.version,
      reason: 'x',
    });
    expect(late.body.code).toBe('ENTRY_STATUS_INVALID');
  });

  it('delivers to the successor of a merged commune', async () => {
    const merged = await insertAgency(server.db.dataSource, {
      code: '000.09.12.H15',
      name: 'UBND xã Ea Hiao (cũ)',
      parentId: district.id,
    });
    await server.db.dataSource.query('UPDATE agency SET successor_code = $2 WHERE id = $1', [
      merged.id,
      communeB.code,
    ]);
    const doc = await draftAndSign(
      metadata({ typeCode: 'TB', recipients: [{ kind: 'agency', organId: merged.code }] }),
    );
    const issued = await post('d.clerk', path(doc.id, '/issue'), { version: doc.version });
    expect(issued.status).toBe(200);
    const [delivery] = (await get('d.clerk', `/api/v1/agencies/${district.id}/entries/${doc.id}`)).body
      .deliveries;
    expect(delivery).toMatchObject({
      organId: communeB.code,
      organName: 'UBND xã Ea Sol',
      channel: 'local',
      statusCode: '01',
    });
    const [incoming] = await server.db.dataSource.query(
      'SELECT agency_id FROM register_entry WHERE source_delivery_id = $1',
      [delivery.id],
    );
    expect(incoming.agency_id).toBe(communeB.id);
  });
});
