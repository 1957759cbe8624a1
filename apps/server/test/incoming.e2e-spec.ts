import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { DocumentStore } from '@vanthu/documents';
import { Database } from '@vanthu/persistence';
import { addDays, IncomingReplyLinker, vietnamDate } from '@vanthu/registers';
import { Clock } from '@vanthu/shared';
import { signPdf } from '@vanthu/signing';
import {
  getTestPki,
  insertAgency,
  insertUnit,
  insertUser,
  type AgencyRow,
  type TestPki,
  ApiSessions,
} from '@vanthu/test-kit';
import { startTestServer, type TestServer } from '@vanthu/test-kit/test-server';
import { RegisterEntryEntity } from '../../../libs/registers/src/entries/register-entry.entity';
import { flipByteInPageContent } from '../../../libs/signing/test-fixtures/verify/tampering';

const run = promisify(execFile);
const FIXTURE = join(__dirname, '../../../libs/signing/test-fixtures/verify/quyet-dinh-libreoffice.pdf');
const DAY = 24 * 60 * 60 * 1000;

class SettableClock extends Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

async function encrypt(pdf: Buffer): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'vanthu-incoming-e2e-'));
  try {
    await writeFile(join(dir, 'in.pdf'), pdf);
    await run('qpdf', ['--encrypt', 'user', 'owner', '256', '--', join(dir, 'in.pdf'), join(dir, 'out.pdf')]);
    return await readFile(join(dir, 'out.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface Upload {
  bytes: Buffer;
  name: string;
}

describe('incoming documents over HTTP', () => {
  const clock = new SettableClock();
  let server: TestServer;
  let pki: TestPki;
  let district: AgencyRow;
  let commune: AgencyRow;
  const ids: Record<string, string> = {};
  const units: Record<string, string> = {};
  let unsigned: Buffer;
  let signedA: Buffer;
  let signedB: Buffer;

  beforeAll(async () => {
    pki = await getTestPki();
    server = await startTestServer({}, clock);
    const ds = server.db.dataSource;
    district = await insertAgency(ds, {
      code: '000.00.12.H15',
      name: "UBND huyện Ea H'Leo",
      levelLabel: 'Huyện',
    });
    commune = await insertAgency(ds, {
      code: '000.01.12.H15',
      name: 'UBND thị trấn Ea Drăng',
      parentId: district.id,
    });
    units.tp = (
      await insertUnit(ds, { agencyId: district.id, code: 'TP', name: 'Phòng Tư pháp', abbreviation: 'TP' })
    ).id;
    units.vp = (
      await insertUnit(ds, { agencyId: district.id, code: 'VP', name: 'Văn phòng', abbreviation: 'VP' })
    ).id;
    units.cvp = (
      await insertUnit(ds, { agencyId: commune.id, code: 'VP', name: 'Văn phòng', abbreviation: 'VP' })
    ).id;
    const users: [string, AgencyRow, ('admin' | 'clerk' | 'leader' | 'specialist')[], string | null][] = [
      ['d.admin', district, ['admin'], null],
      ['d.clerk', district, ['clerk'], units.vp],
      ['d.leader', district, ['leader'], null],
      ['d.spec', district, ['specialist'], units.tp],
      ['d.spec2', district, ['specialist'], units.tp],
      ['d.other', district, ['specialist'], units.vp],
      ['c.clerk', commune, ['clerk'], null],
      ['c.leader', commune, ['leader'], null],
      ['c.spec', commune, ['specialist'], units.cvp],
    ];
    for (const [username, agency, roles, unitId] of users) {
      ids[username] = (
        await insertUser(ds, { agencyId: agency.id, username, fullName: `Cán bộ ${username}`, roles })
      ).id;
      if (unitId) await ds.query('UPDATE app_user SET unit_id = $1 WHERE id = $2', [unitId, ids[username]]);
    }
    // The node trusts the test PKI, as verify.e2e-spec.ts sets it up.
    for (const [path, file] of [
      ['/api/v1/trust/anchors', pki.rootCertificate],
      ['/api/v1/trust/crls', pki.issuingCrl],
    ] as const) {
      await http()
        .post(path)
        .set('Authorization', `Bearer ${await token('d.admin')}`)
        .attach('file', file, 'ca.der')
        .expect(201);
    }
    unsigned = readFileSync(FIXTURE);
    signedA = await signPdf(unsigned, { role: 'personal', identity: pki.people[0].identity });
    signedB = await signPdf(unsigned, { role: 'personal', identity: pki.people[1].identity });
  }, 120_000);
  afterAll(() => server.close());

  const http = () => request(server.url);
  let api: ApiSessions | undefined;
  const sessions = () => (api ??= new ApiSessions(server.url));
  const token = (username: string) => sessions().token(username);
  /** Sessions are stamped with the clock: moving it far ahead means logging in again. */
  function setClock(offsetMs: number): void {
    clock.offsetMs = offsetMs;
    sessions().clear();
  }
  const today = () => vietnamDate(clock.now());
  const as = async (username: string) => `Bearer ${await token(username)}`;

  let seq = 100;
  /** Realistic metadata of a Công văn from the province, with a fresh number unless given. */
  function metadata(over: Record<string, unknown> = {}): Record<string, unknown> {
    seq++;
    return {
      typeCode: 'CV',
      codeNumber: String(seq),
      codeNotation: 'UBND-KT',
      issuedDate: addDays(today(), -1),
      subject: 'Về việc triển khai chữ ký số trong gửi nhận văn bản điện tử',
      organId: '000.00.00.H15',
      organName: 'UBND tỉnh Đắk Lắk',
      signerPosition: 'Phó Chủ tịch',
      signerName: 'Nguyễn Văn Ấn',
      priority: 'urgent',
      ...over,
    };
  }

  /** The response, after checking its status (the body is shown when it is not the expected one). */
  async function ok(pending: Promise<request.Response>, status: number): Promise<request.Response> {
    const res = await pending;
    if (res.status !== status)
      throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res;
  }

  async function upload(
    username: string,
    file: Upload | undefined,
    meta: Record<string, unknown> | string,
    attachments: Upload[] = [],
    agencyId = district.id,
  ) {
    const req = http()
      .post(`/api/v1/agencies/${agencyId}/incoming`)
      .set('Authorization', await as(username))
      .field('metadata', typeof meta === 'string' ? meta : JSON.stringify(meta));
    if (file) req.attach('file', file.bytes, file.name);
    for (const a of attachments) req.attach('attachments', a.bytes, a.name);
    return await req;
  }
  const post = async (username: string, path: string, body: object): Promise<request.Response> =>
    await http()
      .post(path)
      .set('Authorization', await as(username))
      .send(body);
  const get = async (username: string, path: string): Promise<request.Response> =>
    await http()
      .get(path)
      .set('Authorization', await as(username));
  const incoming = (agencyId: string, entryId: string, action: string) =>
    `/api/v1/agencies/${agencyId}/incoming/${entryId}/${action}`;

  /** What a refused request must not leave behind. */
  async function footprint(): Promise<Record<string, number>> {
    const [row] = await server.db.dataSource.query(`SELECT
      (SELECT count(*) FROM register_entry)::int AS entries,
      (SELECT count(*) FROM document_version)::int AS versions,
      (SELECT coalesce(sum(next_number), 0) FROM register)::int AS numbers,
      (SELECT count(*) FROM audit_event WHERE subject_type = 'entry')::int AS audits`);
    return row as Record<string, number>;
  }
  async function entryRow(id: string): Promise<Record<string, unknown>> {
    const [row] = await server.db.dataSource.query('SELECT * FROM register_entry WHERE id = $1', [id]);
    return row as Record<string, unknown>;
  }
  async function registered(
    meta: Record<string, unknown> = metadata(),
  ): Promise<{ id: string; version: number }> {
    const res = await ok(upload('d.clerk', { bytes: signedA, name: 'cv.pdf' }, meta), 201);
    return { id: res.body.id, version: res.body.version };
  }
  async function notificationsOf(username: string, unread = false) {
    const res = await get(username, `/api/v1/notifications${unread ? '?unread=true' : ''}`);
    expect(res.status).toBe(200);
    return res.body as {
      unread: number;
      items: { id: string; kind: string; entryId: string; title: string }[];
    };
  }

  let first: { id: string; body: Record<string, unknown> };
  let firstMeta: Record<string, unknown>;

  describe('registering an upload', () => {
    it('verifies signed PDFs, stores the reports and hands out arrival numbers 01, 02 in order', async () => {
      const before = await footprint();
      firstMeta = metadata({ documentIdentifier: '000.00.00.H15,2026/01/05,101/UBND-KT' });
      const a = await ok(upload('d.clerk', { bytes: signedA, name: 'Công văn 101.pdf' }, firstMeta), 201);
      const b = await ok(
        upload('d.clerk', { bytes: signedB, name: 'cv-102.pdf' }, metadata(), [
          { bytes: signedA, name: 'Phụ lục 1.pdf' },
        ]),
        201,
      );
      first = { id: a.body.id, body: a.body };

      expect([a.body.arrivalNumber, b.body.arrivalNumber]).toEqual(['01', '02']);
      expect(a.body).toMatchObject({
        direction: 'incoming',
        status: 'registered',
        source: 'upload',
        entryDate: today(),
        numberNotation: `${firstMeta.codeNumber}/UBND-KT`,
        organName: 'UBND tỉnh Đắk Lắk',
        priority: 'urgent',
        verificationVerdict: 'valid',
        verificationOverridden: false,
        pageAmount: expect.any(Number),
      });
      expect(a.body.verification.files).toEqual([
        {
          fileIndex: 0,
          fileName: 'Công văn 101.pdf',
          verdict: 'valid',
          signatures: [{ signer: pki.people[0].fullName, verdict: 'valid', reasons: expect.any(Array) }],
          warnings: [],
        },
      ]);
      expect(b.body.files.map((f: { fileName: string; kind: string }) => [f.fileName, f.kind])).toEqual([
        ['cv-102.pdf', 'received'],
        ['Phụ lục 1.pdf', 'received'],
      ]);
      expect(b.body.verification.files[0].signatures[0].signer).toBe(pki.people[1].fullName);

      // the report is kept on each stored version as the engine returned it
      const versions = await server.db.dataSource.query(
        `SELECT file_index, verification_verdict, verification_report FROM document_version
          WHERE entry_id = $1 ORDER BY file_index`,
        [b.body.id],
      );
      expect(versions).toHaveLength(2);
      expect(versions[0].verification_verdict).toBe('valid');
      expect(versions[0].verification_report.signatures[0].signer.serialNumber).toBe(
        pki.people[1].serialNumber,
      );
      expect(versions[1].verification_report.signatures[0].signer.serialNumber).toBe(
        pki.people[0].serialNumber,
      );

      const after = await footprint();
      expect(after.entries - before.entries).toBe(2);
      expect(after.versions - before.versions).toBe(3);
      expect(after.audits - before.audits).toBe(2);
      const [audit] = await server.db.dataSource.query(
        `SELECT action, actor_id FROM audit_event WHERE subject_id = $1`,
        [a.body.id],
      );
      expect(audit).toEqual({ action: 'incoming.registered', actor_id: ids['d.clerk'] });
    });

    it('registers an unsigned scan with the verdict "unsigned" and no override', async () => {
      const res = await ok(upload('d.clerk', { bytes: unsigned, name: 'scan.pdf' }, metadata()), 201);
      expect(res.body).toMatchObject({ verificationVerdict: 'unsigned', verificationOverridden: false });
      expect(res.body.verification.files[0]).toMatchObject({ verdict: 'unsigned', signatures: [] });
    });

    it('refuses a tampered signed PDF without an override (nothing written), and keeps the report with one', async () => {
      const tampered = flipByteInPageContent(signedA);
      const meta = metadata();
      const before = await footprint();
      const refused = await upload('d.clerk', { bytes: tampered, name: 'tampered.pdf' }, meta);
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({
        code: 'SIGNATURE_VERIFICATION_FAILED',
        details: { verdict: 'invalid' },
      });
      expect(refused.body.message).toMatch(/Chữ ký số/);
      expect(await footprint()).toEqual(before);

      const res = await ok(
        upload('d.clerk', { bytes: tampered, name: 'tampered.pdf' }, { ...meta, overrideVerification: true }),
        201,
      );
      expect(res.body).toMatchObject({ verificationVerdict: 'invalid', verificationOverridden: true });
      expect(res.body.verification.files[0].signatures[0].reasons).toContain('DIGEST_MISMATCH');
      const [version] = await server.db.dataSource.query(
        'SELECT verification_verdict, verification_report FROM document_version WHERE entry_id = $1',
        [res.body.id],
      );
      expect(version.verification_verdict).toBe('invalid');
      expect(version.verification_report.signatures[0].intact).toBe(false);
      expect((await entryRow(res.body.id)).verification_overridden).toBe(true);
    });

    it('refuses a non-PDF and an encrypted PDF with their codes, naming the file, writing nothing', async () => {
      const before = await footprint();
      const notPdf = await upload(
        'd.clerk',
        { bytes: Buffer.from('Đây không phải PDF'), name: 'a.docx' },
        metadata(),
      );
      expect(notPdf.status).toBe(400);
      expect(notPdf.body).toMatchObject({
        code: 'PDF_NOT_PDF',
        details: { fileIndex: 0, fileName: 'a.docx' },
      });

      const locked = await encrypt(unsigned);
      const encrypted = await upload('d.clerk', { bytes: signedA, name: 'cv.pdf' }, metadata(), [
        { bytes: locked, name: 'phu-luc.pdf' },
      ]);
      // the signing engine's status for this code (the same on every endpoint)
      expect(encrypted.status).toBe(422);
      expect(encrypted.body).toMatchObject({
        code: 'PDF_ENCRYPTED',
        details: { fileIndex: 1, fileName: 'phu-luc.pdf' },
      });
      expect(await footprint()).toEqual(before);
    });

    it('answers 400 with stable codes for bad metadata, and writes nothing', async () => {
      const before = await footprint();
      const file = { bytes: signedA, name: 'cv.pdf' };
      const long = await upload('d.clerk', file, metadata({ subject: 'a'.repeat(501) }));
      expect(long.status).toBe(400);
      expect(long.body.code).toBe('VALIDATION_FAILED');
      expect(long.body.details.issues.map((i: { path: string }) => i.path)).toEqual(['metadata.subject']);
      const badDate = await upload('d.clerk', file, metadata({ issuedDate: '2026-02-30' }));
      expect([badDate.status, badDate.body.details.issues[0].path]).toEqual([400, 'metadata.issuedDate']);
      const early = await upload('d.clerk', file, metadata({ dueDate: addDays(today(), -1) }));
      expect([early.status, early.body.code]).toEqual([400, 'DUE_DATE_BEFORE_ARRIVAL']);
      const future = await upload('d.clerk', file, metadata({ issuedDate: addDays(today(), 1) }));
      expect([future.status, future.body.code]).toEqual([400, 'ISSUED_DATE_IN_FUTURE']);
      const type = await upload('d.clerk', file, metadata({ typeCode: 'XX' }));
      expect([type.status, type.body.code]).toEqual([400, 'DOCUMENT_TYPE_UNKNOWN']);
      const noFile = await upload('d.clerk', undefined, metadata());
      expect([noFile.status, noFile.body.code]).toEqual([400, 'FILE_REQUIRED']);
      const notJson = await upload('d.clerk', file, '{subject:');
      expect([notJson.status, notJson.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(await footprint()).toEqual(before);
    });

    it('warns of a duplicate (same notation and issuer, or same identifier) and registers it once confirmed', async () => {
      const before = await footprint();
      const again = { ...firstMeta, documentIdentifier: null, subject: 'Bản gửi lại' };
      const dup = await upload('d.clerk', { bytes: signedA, name: 'cv.pdf' }, again);
      expect(dup.status).toBe(409);
      expect(dup.body).toMatchObject({
        code: 'ENTRY_DUPLICATE',
        details: { id: first.id, arrivalNumber: 1, numberNotation: `${firstMeta.codeNumber}/UBND-KT` },
      });
      const sameId = await upload(
        'd.clerk',
        { bytes: signedA, name: 'cv.pdf' },
        metadata({ documentIdentifier: firstMeta.documentIdentifier }),
      );
      expect([sameId.status, sameId.body.code, sameId.body.details.id]).toEqual([
        409,
        'ENTRY_DUPLICATE',
        first.id,
      ]);
      expect(await footprint()).toEqual(before);

      const confirmed = await ok(
        upload('d.clerk', { bytes: signedA, name: 'cv.pdf' }, { ...again, confirmDuplicate: true }),
        201,
      );
      expect(confirmed.body.duplicateOf).toBe(first.id);

      // confirmDuplicate as a multipart field of its own, as documented, works the same
      const asField = await http()
        .post(`/api/v1/agencies/${district.id}/incoming`)
        .set('Authorization', await as('d.clerk'))
        .field('metadata', JSON.stringify({ ...again, subject: 'Bản gửi lại lần hai' }))
        .field('confirmDuplicate', 'true')
        .attach('file', signedA, 'cv.pdf');
      expect([asField.status, asField.body.duplicateOf]).toEqual([201, first.id]);
    });

    it('lets only clerks register', async () => {
      for (const username of ['d.spec', 'd.leader']) {
        const res = await upload(username, { bytes: signedA, name: 'cv.pdf' }, metadata());
        expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
      }
      const outside = await upload('c.clerk', { bytes: signedA, name: 'cv.pdf' }, metadata());
      expect(outside.status).toBe(404);
    });
  });

  describe('assignment, progress and closing', () => {
    it('only a leader of the agency assigns; other agencies see nothing', async () => {
      const entry = await registered();
      const body = { version: entry.version, lead: { userId: ids['d.spec'] } };
      const clerk = await post('d.clerk', incoming(district.id, entry.id, 'assign'), body);
      expect([clerk.status, clerk.body.code]).toEqual([403, 'FORBIDDEN']);
      const viaDistrictPath = await post('c.leader', incoming(district.id, entry.id, 'assign'), body);
      expect(viaDistrictPath.status).toBe(404);
      const viaOwnPath = await post('c.leader', incoming(commune.id, entry.id, 'assign'), {
        ...body,
        lead: { userId: ids['c.spec'] },
      });
      expect([viaOwnPath.status, viaOwnPath.body.code]).toEqual([404, 'ENTRY_NOT_FOUND']);
      const foreignUnit = await post('d.leader', incoming(district.id, entry.id, 'assign'), {
        ...body,
        cooperate: [{ unitId: units.cvp }],
      });
      expect([foreignUnit.status, foreignUnit.body.code]).toEqual([400, 'UNIT_NOT_FOUND']);
      const foreignUser = await post('d.leader', incoming(district.id, entry.id, 'assign'), {
        ...body,
        lead: { userId: ids['c.spec'] },
      });
      expect([foreignUser.status, foreignUser.body.code]).toEqual([400, 'USER_NOT_FOUND']);
      const twoTargets = await post('d.leader', incoming(district.id, entry.id, 'assign'), {
        ...body,
        lead: { userId: ids['d.spec'], unitId: units.tp },
      });
      expect([twoTargets.status, twoTargets.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect((await entryRow(entry.id)).status).toBe('registered');
    });

    let handled: { id: string; version: number };

    it('assigns lead, co-operating and informed, and notifies each person once in their strongest role', async () => {
      const entry = await registered();
      const deadline = addDays(today(), 5);
      const res = await ok(
        post('d.leader', incoming(district.id, entry.id, 'assign'), {
          version: entry.version,
          lead: { userId: ids['d.spec'], deadline, instructions: 'Tham mưu văn bản trả lời' },
          cooperate: [{ unitId: units.tp, deadline: addDays(today(), 4) }],
          inform: [{ unitId: units.vp }],
        }),
        200,
      );
      handled = { id: entry.id, version: res.body.version };
      expect(res.body).toMatchObject({
        status: 'assigned',
        leadUserId: ids['d.spec'],
        leadUnitId: null,
        dueDate: deadline,
      });
      expect(res.body.assignments.map((a: { role: string }) => a.role)).toEqual([
        'lead',
        'cooperate',
        'inform',
      ]);

      const lead = (await notificationsOf('d.spec')).items.filter((n) => n.entryId === entry.id);
      expect(lead).toHaveLength(1);
      expect(lead[0].kind).toBe('assignment');
      expect(lead[0].title).toMatch(
        /^Được giao chủ trì xử lý văn bản đến số \d\d: .*\(hạn \d\d\/\d\d\/\d{4}\)$/,
      );
      const cooperating = (await notificationsOf('d.spec2')).items.filter((n) => n.entryId === entry.id);
      expect(cooperating.map((n) => n.title.split(' văn bản')[0])).toEqual(['Được giao phối hợp xử lý']);
      const informed = (await notificationsOf('d.other')).items.filter((n) => n.entryId === entry.id);
      expect(informed.map((n) => n.title.split(' văn bản')[0])).toEqual(['Để biết']);
      // a clerk of the informed unit is a member of it too
      expect((await notificationsOf('d.clerk')).items.filter((n) => n.entryId === entry.id)).toHaveLength(1);
      expect((await notificationsOf('d.leader')).items.filter((n) => n.entryId === entry.id)).toHaveLength(0);
    });

    it('shows each user only their own notifications; marking read is idempotent', async () => {
      const mine = await notificationsOf('d.spec', true);
      expect(mine.unread).toBeGreaterThan(0);
      const id = mine.items[0].id;
      const stranger = await post('d.spec2', `/api/v1/notifications/${id}/read`, {});
      expect([stranger.status, stranger.body.code]).toEqual([404, 'NOTIFICATION_NOT_FOUND']);
      const read = await post('d.spec', `/api/v1/notifications/${id}/read`, {});
      expect(read.status).toBe(200);
      expect(read.body.readAt).toEqual(expect.any(String));
      expect((await post('d.spec', `/api/v1/notifications/${id}/read`, {})).body.readAt).toBe(
        read.body.readAt,
      );
      const after = await notificationsOf('d.spec', true);
      expect(after.items.map((n) => n.id)).not.toContain(id);
      expect(after.unread).toBe(mine.unread - 1);
      expect((await notificationsOf('d.spec')).items.map((n) => n.id)).toContain(id);
    });

    it('records progress by handlers (directly or through their unit); the first progress starts the handling', async () => {
      const path = incoming(district.id, handled.id, 'notes');
      const outsider = await post('d.other', path, { kind: 'opinion', body: 'Ý kiến' });
      expect([outsider.status, outsider.body.code]).toEqual([403, 'FORBIDDEN']);
      const opinion = await post('d.spec2', path, {
        kind: 'opinion',
        body: 'Đề nghị lấy ý kiến Phòng Tài chính',
      });
      expect(opinion.status).toBe(201);
      expect(opinion.body.entry.status).toBe('assigned');
      const progress = await post('d.spec', path, { kind: 'progress', body: 'Đã dự thảo văn bản trả lời' });
      expect(progress.status).toBe(201);
      expect(progress.body.note).toMatchObject({ kind: 'progress', authorId: ids['d.spec'] });
      expect(progress.body.entry.status).toBe('in_progress');
      handled.version = progress.body.entry.version;
      const notes = await server.db.dataSource.query(
        'SELECT kind, author_id FROM entry_note WHERE entry_id = $1 ORDER BY created_at',
        [handled.id],
      );
      expect(notes).toEqual([
        { kind: 'opinion', author_id: ids['d.spec2'] },
        { kind: 'progress', author_id: ids['d.spec'] },
      ]);
    });

    it('lets only a leader close without a reply, with a note; closing completes the assignments', async () => {
      const path = incoming(district.id, handled.id, 'close');
      const spec = await post('d.spec', path, { version: handled.version, note: 'Xong' });
      expect([spec.status, spec.body.code]).toEqual([403, 'FORBIDDEN']);
      const noNote = await post('d.leader', path, { version: handled.version });
      expect([noNote.status, noNote.body.code]).toEqual([400, 'CLOSE_NOTE_REQUIRED']);
      const res = await post('d.leader', path, {
        version: handled.version,
        note: 'Đã chỉ đạo trực tiếp tại cuộc họp',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'closed',
        closeNote: 'Đã chỉ đạo trực tiếp tại cuộc họp',
        replyEntryId: null,
      });
      expect(res.body.closedAt).toEqual(expect.any(String));
      const open = await server.db.dataSource.query(
        'SELECT count(*)::int AS n FROM assignment WHERE entry_id = $1 AND completed_at IS NULL',
        [handled.id],
      );
      expect(open[0].n).toBe(0);
      const late = await post('d.spec', incoming(district.id, handled.id, 'notes'), {
        kind: 'progress',
        body: 'x',
      });
      expect([late.status, late.body.code]).toEqual([409, 'ENTRY_STATUS_INVALID']);
    });

    async function issuedReply(replyTo: string | null, status = 'issued'): Promise<string> {
      const id = randomUUID();
      await server.db.dataSource.query(
        `INSERT INTO register_entry (id, agency_id, direction, status, entry_date, document_type_code, code_number,
           code_notation, subject, reply_to_entry_id)
         VALUES ($1, $2, 'outgoing', $3, $4, 'CV', '35', 'UBND-TP', 'Trả lời về việc triển khai chữ ký số', $5)`,
        [id, district.id, status, today(), replyTo],
      );
      return id;
    }

    it('closes when a handler links an issued reply; a draft is no reply', async () => {
      const entry = await registered();
      const assigned = await ok(
        post('d.leader', incoming(district.id, entry.id, 'assign'), {
          version: entry.version,
          lead: { unitId: units.tp },
        }),
        200,
      );
      const draft = await issuedReply(null, 'draft');
      const path = incoming(district.id, entry.id, 'close');
      const refused = await post('d.spec2', path, { version: assigned.body.version, replyEntryId: draft });
      expect([refused.status, refused.body.code]).toEqual([400, 'REPLY_ENTRY_INVALID']);
      const reply = await issuedReply(entry.id);
      const res = await ok(
        post('d.spec2', path, { version: assigned.body.version, replyEntryId: reply }),
        200,
      );
      expect(res.body).toMatchObject({ status: 'closed', replyEntryId: reply });
      expect((await entryRow(entry.id)).closed_by).toBe(ids['d.spec2']);
    });

    it('closes the answered document when its reply is issued (IncomingReplyLinker, in the issuing transaction)', async () => {
      const entry = await registered();
      const reply = await issuedReply(entry.id);
      const db = server.app.get(Database);
      const linker = server.app.get(IncomingReplyLinker);
      const actor = { userId: ids['d.clerk'], username: 'd.clerk', fullName: 'Cán bộ d.clerk' };
      const closed = await db.transaction(async () => {
        const outgoing = await db.manager.findOneByOrFail(RegisterEntryEntity, { id: reply });
        return linker.linkReply(outgoing, actor);
      });
      expect(closed).toMatchObject({ status: 'closed', replyEntryId: reply });
      const row = await entryRow(entry.id);
      expect([row.status, row.reply_entry_id, row.closed_by]).toEqual(['closed', reply, ids['d.clerk']]);
      // linking again finds nothing open: issuing must not fail on it
      const again = await db.transaction(async () =>
        linker.linkReply(await db.manager.findOneByOrFail(RegisterEntryEntity, { id: reply }), actor),
      );
      expect(again).toBeNull();
    });

    it('replaces the open assignment when the leader reassigns, keeping the replaced one in the audit', async () => {
      const entry = await registered();
      const path = incoming(district.id, entry.id, 'assign');
      const firstRun = await ok(
        post('d.leader', path, {
          version: entry.version,
          lead: { userId: ids['d.spec'] },
          inform: [{ unitId: units.tp }],
        }),
        200,
      );
      const progress = await ok(
        post('d.spec', incoming(district.id, entry.id, 'notes'), { kind: 'progress', body: 'Đã nghiên cứu' }),
        201,
      );
      const res = await ok(
        post('d.leader', path, {
          version: progress.body.entry.version,
          lead: { unitId: units.vp, deadline: addDays(today(), 2) },
        }),
        200,
      );
      // work under way stays under way
      expect(res.body).toMatchObject({ status: 'in_progress', leadUnitId: units.vp, leadUserId: null });
      const rows = await server.db.dataSource.query(
        'SELECT role, unit_id, user_id FROM assignment WHERE entry_id = $1',
        [entry.id],
      );
      expect(rows).toEqual([{ role: 'lead', unit_id: units.vp, user_id: null }]);
      const [audit] = await server.db.dataSource.query(
        `SELECT details FROM audit_event WHERE subject_id = $1 AND action = 'incoming.reassigned'`,
        [entry.id],
      );
      expect(audit.details.replaced.map((a: { id: string }) => a.id)).toEqual(
        firstRun.body.assignments.map((a: { id: string }) => a.id),
      );
      expect(await handlerMayWrite('d.spec', entry.id)).toBe(403);
      expect(await handlerMayWrite('d.other', entry.id)).toBe(201);
    });

    async function handlerMayWrite(username: string, entryId: string): Promise<number> {
      const res = await post(username, incoming(district.id, entryId, 'notes'), {
        kind: 'opinion',
        body: 'Ý kiến',
      });
      return res.status;
    }

    it('lets exactly one of two concurrent assignments on the same version through', async () => {
      const entry = await registered();
      const body = (userId: string) => ({ version: entry.version, lead: { userId } });
      const results = await Promise.all([
        post('d.leader', incoming(district.id, entry.id, 'assign'), body(ids['d.spec'])),
        post('d.leader', incoming(district.id, entry.id, 'assign'), body(ids['d.spec2'])),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const conflict = results.find((r) => r.status === 409)!;
      expect(conflict.body).toMatchObject({
        code: 'ENTRY_VERSION_CONFLICT',
        details: { currentVersion: entry.version + 1 },
      });
      const rows = await server.db.dataSource.query(
        'SELECT count(*)::int AS n FROM assignment WHERE entry_id = $1',
        [entry.id],
      );
      expect(rows[0].n).toBe(1);
    });
  });

  describe('the inbox (documents delivered on this node)', () => {
    /** What the local delivery writes (the outgoing side owns it): the sender's delivery and the receiver's entry. */
    async function delivered(verdict: string): Promise<{ entryId: string; deliveryId: string }> {
      const ds = server.db.dataSource;
      const outgoingId = await (async () => {
        const id = randomUUID();
        await ds.query(
          `INSERT INTO register_entry (id, agency_id, direction, status, entry_date, document_type_code, code_number,
             code_notation, subject) VALUES ($1, $2, 'outgoing', 'issued', $3, 'KH', '12', 'KH-UBND', 'Kế hoạch chuyển đổi số')`,
          [id, district.id, today()],
        );
        return id;
      })();
      const deliveryId = randomUUID();
      await ds.query(
        `INSERT INTO delivery (id, entry_id, sender_agency_id, channel, target_agency_id, organ_id, organ_name, state)
         VALUES ($1, $2, $3, 'local', $4, $5, 'UBND thị trấn Ea Drăng', 'delivered')`,
        [deliveryId, outgoingId, district.id, commune.id, commune.code],
      );
      const entryId = randomUUID();
      seq++;
      await ds.query(
        `INSERT INTO register_entry (id, agency_id, direction, status, entry_date, document_type_code, code_number,
           code_notation, issued_date, subject, organ_id, organ_name, source, source_delivery_id, arrival_at,
           verification_verdict, document_identifier)
         VALUES ($1, $2, 'incoming', 'received', $3, 'KH', $4, 'KH-UBND', $3, 'Kế hoạch chuyển đổi số', $5,
           $6, 'local', $7, now(), $8, $9)`,
        [
          entryId,
          commune.id,
          today(),
          String(seq),
          district.code,
          "UBND huyện Ea H'Leo",
          deliveryId,
          verdict,
          `id-${seq}`,
        ],
      );
      await ds.query(`UPDATE delivery SET incoming_entry_id = $1 WHERE id = $2`, [entryId, deliveryId]);
      await server.app.get(DocumentStore).addVersion({
        agencyId: commune.id,
        entryId,
        fileIndex: 0,
        fileName: 'ke-hoach.pdf',
        kind: 'received',
        bytes: signedA,
        createdBy: null,
        verificationVerdict: verdict,
        verificationReport: { verdict, signatures: [] },
      });
      return { entryId, deliveryId };
    }
    async function statuses(deliveryId: string): Promise<{ code: string; description: string }[]> {
      return server.db.dataSource.query(
        'SELECT code, description FROM delivery_status WHERE delivery_id = $1 ORDER BY at, code',
        [deliveryId],
      );
    }

    it('shows clerks and leaders their own agency’s inbox; a clerk registers with corrections and the sender sees 03', async () => {
      const { entryId, deliveryId } = await delivered('valid');
      const inboxPath = `/api/v1/agencies/${commune.id}/incoming/inbox`;
      for (const username of ['c.clerk', 'c.leader']) {
        const res = await get(username, inboxPath);
        expect(res.status).toBe(200);
        expect(res.body.items.map((e: { id: string }) => e.id)).toContain(entryId);
      }
      const inbox = (await get('c.clerk', inboxPath)).body.items.find(
        (e: { id: string }) => e.id === entryId,
      );
      expect(inbox).toMatchObject({ status: 'received', verificationVerdict: 'valid', arrivalNumber: null });
      expect(inbox.files.map((f: { fileName: string }) => f.fileName)).toEqual(['ke-hoach.pdf']);
      expect((await get('c.spec', inboxPath)).status).toBe(403);
      const districtInbox = await get('d.clerk', `/api/v1/agencies/${district.id}/incoming/inbox`);
      expect(districtInbox.body.items.map((e: { id: string }) => e.id)).not.toContain(entryId);

      const path = incoming(commune.id, entryId, 'register');
      const stale = await post('c.clerk', path, { version: 2 });
      expect([stale.status, stale.body.code]).toEqual([409, 'ENTRY_VERSION_CONFLICT']);
      const foreign = await post('d.clerk', incoming(district.id, entryId, 'register'), { version: 1 });
      expect([foreign.status, foreign.body.code]).toEqual([404, 'ENTRY_NOT_FOUND']);
      const res = await post('c.clerk', path, {
        version: 1,
        subject: 'Kế hoạch chuyển đổi số năm 2026',
        dueDate: addDays(today(), 10),
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'registered',
        arrivalNumber: '01',
        subject: 'Kế hoạch chuyển đổi số năm 2026',
        organName: "UBND huyện Ea H'Leo",
        source: 'local',
        entryDate: today(),
      });
      expect(await statuses(deliveryId)).toEqual([
        { code: '03', description: 'Đã vào sổ văn bản đến, số đến 01' },
      ]);
      const [delivery] = await server.db.dataSource.query('SELECT status_code FROM delivery WHERE id = $1', [
        deliveryId,
      ]);
      expect(delivery.status_code).toBe('03');
      const again = await post('c.clerk', path, { version: res.body.version });
      expect([again.status, again.body.code]).toEqual([409, 'ENTRY_STATUS_INVALID']);

      // the sender then hears of every step: assigned 04, in progress 05, completed 06
      const assigned = await ok(
        post('c.leader', incoming(commune.id, entryId, 'assign'), {
          version: res.body.version,
          lead: { userId: ids['c.spec'], deadline: addDays(today(), 3) },
        }),
        200,
      );
      await post('c.spec', incoming(commune.id, entryId, 'notes'), {
        kind: 'progress',
        body: 'Đang triển khai',
      });
      await post('c.leader', incoming(commune.id, entryId, 'close'), {
        version: assigned.body.version + 1,
        note: 'Đã triển khai',
      }).then((r) => expect(r.status).toBe(200));
      expect((await statuses(deliveryId)).map((s) => s.code)).toEqual(['03', '04', '05', '06']);
    });

    it('needs an override for a failed verification, and returns a document to its sender with 02 and the reason', async () => {
      const { entryId, deliveryId } = await delivered('invalid');
      const before = await footprint();
      const refused = await post('c.clerk', incoming(commune.id, entryId, 'register'), { version: 1 });
      expect([refused.status, refused.body.code]).toEqual([422, 'SIGNATURE_VERIFICATION_FAILED']);
      expect(await footprint()).toEqual(before);
      expect(await statuses(deliveryId)).toEqual([]);

      const leader = await post('c.leader', incoming(commune.id, entryId, 'return'), {
        version: 1,
        reason: 'x',
      });
      expect(leader.status).toBe(403);
      const reason = 'Chữ ký số trên văn bản không hợp lệ';
      const res = await post('c.clerk', incoming(commune.id, entryId, 'return'), { version: 1, reason });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'returned', returnReason: reason, arrivalNumber: null });
      expect(await statuses(deliveryId)).toEqual([{ code: '02', description: reason }]);
      const inbox = await get('c.clerk', `/api/v1/agencies/${commune.id}/incoming/inbox`);
      expect(inbox.body.items.map((e: { id: string }) => e.id)).not.toContain(entryId);
    });

    it('registers a failed delivery with an override, recording it', async () => {
      const { entryId } = await delivered('indeterminate');
      const res = await post('c.clerk', incoming(commune.id, entryId, 'register'), {
        version: 1,
        overrideVerification: true,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ verificationVerdict: 'indeterminate', verificationOverridden: true });
    });
  });

  it('publishes the incoming, assignment and notification routes in OpenAPI', async () => {
    const doc = await http().get('/api/docs/openapi.json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/agencies/{agencyId}/incoming',
        '/api/v1/agencies/{agencyId}/incoming/inbox',
        '/api/v1/agencies/{agencyId}/incoming/{entryId}/register',
        '/api/v1/agencies/{agencyId}/incoming/{entryId}/assign',
        '/api/v1/agencies/{agencyId}/incoming/overdue',
        '/api/v1/notifications',
        '/api/v1/agencies/{agencyId}/notifications/deadline-scan',
      ]),
    );
    const upload = doc.body.paths['/api/v1/agencies/{agencyId}/incoming'].post;
    const schema = upload.requestBody.content['multipart/form-data'].schema;
    expect(schema.properties.metadata.properties.subject.maxLength).toBe(500);
  });

  describe('deadlines', () => {
    let soon: string;
    let later: string;

    it('lists documents due soon per person and unit, from the open-deadline index', async () => {
      const a = await registered();
      const b = await registered();
      soon = (
        await ok(
          post('d.leader', incoming(district.id, a.id, 'assign'), {
            version: a.version,
            lead: { userId: ids['d.spec'], deadline: addDays(today(), 1) },
          }),
          200,
        )
      ).body.id;
      later = (
        await ok(
          post('d.leader', incoming(district.id, b.id, 'assign'), {
            version: b.version,
            lead: { unitId: units.tp, deadline: addDays(today(), 6) },
          }),
          200,
        )
      ).body.id;
      const dueSoon = `/api/v1/agencies/${district.id}/incoming/due-soon`;
      const ids3 = (await get('d.leader', dueSoon)).body.items.map((e: { id: string }) => e.id);
      expect(ids3).toContain(soon);
      expect(ids3).not.toContain(later);
      const wide = (await get('d.leader', `${dueSoon}?days=10`)).body.items;
      expect(wide.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining([soon, later]));
      expect(wide.find((e: { id: string }) => e.id === soon).daysLeft).toBe(1);
      const person = (await get('d.spec', `${dueSoon}?days=10&userId=${ids['d.spec']}`)).body.items;
      expect(person.map((e: { id: string }) => e.id)).toContain(soon);
      expect(person.map((e: { id: string }) => e.id)).not.toContain(later);
      const unit = (await get('d.spec', `${dueSoon}?days=10&unitId=${units.tp}`)).body.items;
      expect(unit.map((e: { id: string }) => e.id)).toContain(later);
      expect(unit.map((e: { id: string }) => e.id)).not.toContain(soon);
      expect((await get('c.leader', dueSoon)).status).toBe(404);
    });

    it('lists overdue documents once their deadline has passed, and reminds the lead handlers once a day', async () => {
      const overduePath = `/api/v1/agencies/${district.id}/incoming/overdue`;
      expect((await get('d.leader', overduePath)).body.items.map((e: { id: string }) => e.id)).not.toContain(
        soon,
      );
      setClock(3 * DAY);
      const overdue = (await get('d.leader', overduePath)).body.items;
      const item = overdue.find((e: { id: string }) => e.id === soon);
      expect(item).toMatchObject({ status: 'assigned', daysLeft: -2 });
      expect(overdue.map((e: { id: string }) => e.id)).not.toContain(later);
      const byUnit = (await get('d.leader', `${overduePath}?unitId=${units.tp}`)).body.items;
      expect(byUnit.map((e: { id: string }) => e.id)).not.toContain(soon);

      const scan = `/api/v1/agencies/${district.id}/notifications/deadline-scan`;
      expect((await post('d.leader', scan, {})).status).toBe(403);
      const run1 = await post('d.admin', scan, {});
      expect(run1.status).toBe(200);
      expect(run1.body.created).toBeGreaterThan(0);
      const run2 = await post('d.admin', scan, {});
      expect(run2.body).toEqual({ entries: run1.body.entries, created: 0 });

      const reminders = (await notificationsOf('d.spec')).items.filter(
        (n) => n.entryId === soon && n.kind === 'deadline_overdue',
      );
      expect(reminders).toHaveLength(1);
      expect(reminders[0].title).toMatch(/^Quá hạn xử lý \(hạn /);
      // the lead unit's members are reminded of `later` (due in 3 days): not yet within two days
      expect(
        (await notificationsOf('d.spec2')).items.filter(
          (n) => n.entryId === later && n.kind !== 'assignment',
        ),
      ).toEqual([]);
      setClock(4 * DAY);
      await post('d.admin', scan, {}).then((r) => expect(r.status).toBe(200));
      const unitReminders = (await notificationsOf('d.spec2')).items.filter(
        (n) => n.entryId === later && n.kind === 'deadline_due_soon',
      );
      expect(unitReminders).toHaveLength(1);
      // a new day, a new reminder of the still overdue one
      expect(
        (await notificationsOf('d.spec')).items.filter(
          (n) => n.entryId === soon && n.kind === 'deadline_overdue',
        ),
      ).toHaveLength(2);
    });
  });
});
