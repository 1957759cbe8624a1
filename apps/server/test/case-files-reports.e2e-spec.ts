import { randomUUID } from 'node:crypto';
import type { Workbook } from 'exceljs';
import request from 'supertest';
import { ApiSessions, insertAgency, insertUnit, insertUser, type AgencyRow } from '@vanthu/test-kit';
import { startTestServer, type TestServer } from '@vanthu/test-kit/test-server';
import { registerFixtures as fx } from '../../../libs/registers/src/reports/register-fixtures.test-helper';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Workbook: ExcelWorkbook } = require('exceljs') as { Workbook: new () => Workbook };

/** Collects a binary answer (PDF, XLSX) as a Buffer. */
const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  // In a parser the response is still the incoming stream.
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('case files, register printouts and reports over HTTP', () => {
  let server: TestServer;
  let district: AgencyRow;
  let commune: AgencyRow;
  const users: Record<string, string> = {};
  const entries: Record<string, string> = {};
  const registers: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer();
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
    const accounts: [string, AgencyRow, ('admin' | 'clerk' | 'leader' | 'specialist')[]][] = [
      ['d.admin', district, ['admin']],
      ['d.leader', district, ['leader']],
      ['d.clerk', district, ['clerk']],
      ['d.spec', district, ['specialist']],
      ['a.leader', commune, ['leader']],
      ['a.clerk', commune, ['clerk']],
    ];
    for (const [username, agency, roles] of accounts)
      users[username] = (await insertUser(ds, { agencyId: agency.id, username, roles })).id;
    const vp = (
      await insertUnit(ds, { agencyId: district.id, code: 'VP', name: 'Văn phòng', abbreviation: 'VP' })
    ).id;

    registers.incoming = await fx.register(ds, district.id, 2026, 'incoming');
    registers.outgoing = await fx.register(ds, district.id, 2026, 'outgoing');
    const inbound = { agencyId: district.id, direction: 'incoming' as const, registerId: registers.incoming };
    entries.late = await fx.entry(ds, {
      ...inbound,
      status: 'registered',
      entryDate: '2026-02-20',
      number: 2,
      codeNumber: '08',
      codeNotation: 'SNV-TCBM',
      issuedDate: '2026-02-18',
      subject: 'V/v rà soát biên chế năm 2026',
      organName: 'Sở Nội vụ tỉnh Đắk Lắk',
      source: 'exchange',
      dueDate: '2026-03-10',
    });
    entries.early = await fx.entry(ds, {
      ...inbound,
      status: 'closed',
      entryDate: '2026-01-06',
      number: 1,
      codeNumber: '15',
      codeNotation: 'QĐ-UBND',
      typeCode: 'QD',
      issuedDate: '2026-01-05',
      subject: 'về việc giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội',
      organName: 'UBND tỉnh Đắk Lắk',
      source: 'local',
      leadUnitId: vp,
      dueDate: '2026-01-30',
      closedAt: '2026-01-20T03:00:00Z',
    });
    entries.issued = await fx.entry(ds, {
      agencyId: district.id,
      direction: 'outgoing',
      status: 'issued',
      registerId: registers.outgoing,
      number: 1,
      entryDate: '2026-01-25',
      issuedDate: '2026-01-25',
      codeNumber: '01',
      codeNotation: 'BC-UBND',
      typeCode: 'BC',
      subject: 'kết quả thực hiện chỉ tiêu tháng 1',
      signerName: 'Nguyễn Thị Mai',
      draftingUnitId: vp,
    });
    await fx.version(ds, district.id, entries.issued, 'issued');
    await fx.delivery(ds, { entryId: entries.issued, senderAgencyId: district.id, channel: 'local' });
    await fx.delivery(ds, { entryId: entries.issued, senderAgencyId: district.id, channel: 'paper' });
    const communeRegister = await fx.register(ds, commune.id, 2026, 'incoming');
    entries.communes = await fx.entry(ds, {
      agencyId: commune.id,
      direction: 'incoming',
      status: 'registered',
      registerId: communeRegister,
      number: 1,
      entryDate: '2026-02-02',
      source: 'local',
    });
    // An organisation certificate of the district, valid today (the certificates lib counts holders).
    await ds.query(
      `INSERT INTO certificate (id, agency_id, kind, subject, issuer, serial_number, not_before, not_after,
                                sha256_fingerprint, certificate_der, sealed_key, status)
       VALUES ($1, $2, 'organisation', 'CN=UBND huyện', 'CN=CA', '01', now() - interval '1 day',
               now() + interval '1 year', $3, '\\x00', '\\x00', 'active')`,
      [randomUUID(), district.id, 'a'.repeat(64)],
    );
  });
  afterAll(() => server.close());

  const http = () => request(server.url);
  let api: ApiSessions | undefined;
  const sessions = () => (api ??= new ApiSessions(server.url));
  const token = (username: string) => sessions().token(username);
  const as = async (username: string) => ({ Authorization: `Bearer ${await token(username)}` });
  const base = (agency: AgencyRow = district) => `/api/v1/agencies/${agency.id}`;
  const auditCount = async (action: string) =>
    (
      await server.db.dataSource.query('SELECT count(*)::int AS n FROM audit_event WHERE action = $1', [
        action,
      ])
    )[0].n as number;

  describe('case files', () => {
    let fileId: string;

    it('a specialist opens a file; ND30 lengths and the yearly unique code are enforced', async () => {
      const body = {
        code: '03.VP',
        title: 'Hồ sơ kế hoạch phát triển kinh tế - xã hội 2026',
        year: 2026,
        keeper: 'Hà Văn Lâm',
      };
      const created = await http()
        .post(`${base()}/case-files`)
        .set(await as('d.spec'))
        .send(body)
        .expect(201);
      fileId = created.body.id;
      expect(created.body).toMatchObject({ ...body, entryCount: 0, createdBy: users['d.spec'] });
      expect(await auditCount('case_file.created')).toBe(1);

      const tooLong = await http()
        .post(`${base()}/case-files`)
        .set(await as('d.spec'))
        .send({ ...body, code: 'X'.repeat(21) })
        .expect(400);
      expect(tooLong.body.code).toBe('VALIDATION_FAILED');
      const again = await http()
        .post(`${base()}/case-files`)
        .set(await as('d.clerk'))
        .send(body)
        .expect(409);
      expect(again.body.code).toBe('CASE_FILE_DUPLICATE');
      await http()
        .post(`${base()}/case-files`)
        .set(await as('d.clerk'))
        .send({ ...body, year: 2025 })
        .expect(201);

      const list = await http()
        .get(`${base()}/case-files?year=2026`)
        .set(await as('d.leader'))
        .expect(200);
      expect(list.body.items.map((f: { id: string }) => f.id)).toEqual([fileId]);
    });

    it('adds documents (again: no change), only of the agency, and lists them in date order', async () => {
      const add = async (entryId: string, status: number) =>
        http()
          .post(`${base()}/case-files/${fileId}/entries`)
          .set(await as('d.spec'))
          .send({ entryId })
          .expect(status);
      expect((await add(entries.late!, 200)).body).toEqual({
        caseFileId: fileId,
        entryId: entries.late,
        added: true,
      });
      await add(entries.early!, 200);
      expect((await add(entries.early!, 200)).body.added).toBe(false);
      expect(await auditCount('case_file.entry_added')).toBe(2);
      expect((await add(entries.communes!, 404)).body.code).toBe('ENTRY_NOT_FOUND');

      const detail = await http()
        .get(`${base()}/case-files/${fileId}`)
        .set(await as('d.admin'))
        .expect(200);
      expect(detail.body.entries.map((e: { id: string }) => e.id)).toEqual([entries.early, entries.late]);
      await http()
        .get(`${base(commune)}/case-files/${fileId}`)
        .set(await as('a.leader'))
        .expect(404);
      const foreign = await http()
        .get(`${base()}/case-files/${fileId}`)
        .set(await as('a.leader'))
        .expect(404);
      expect(foreign.body.code).toBe('AGENCY_NOT_FOUND');
    });

    it('exports PDF and XML with their media types and the Vietnamese file name (RFC 5987)', async () => {
      const pdf = await http()
        .get(`${base()}/case-files/${fileId}/export.pdf`)
        .set(await as('d.clerk'))
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toBe(
        `attachment; filename="Ho so 03.VP nam 2026.pdf"; filename*=UTF-8''H%E1%BB%93%20s%C6%A1%2003.VP%20n%C4%83m%202026.pdf`,
      );
      expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');

      const xml = await http()
        .get(`${base()}/case-files/${fileId}/export.xml`)
        .set(await as('d.clerk'))
        .expect(200);
      expect(xml.headers['content-type']).toBe('application/xml; charset=utf-8');
      expect(xml.headers['content-disposition']).toContain(`filename*=UTF-8''H%E1%BB%93%20s%C6%A1%2003.VP`);
      const notations = [...xml.text.matchAll(/<CodeNotation>(.*?)<\/CodeNotation>/g)].map((m) => m[1]);
      expect(notations).toEqual(['QĐ-UBND', 'SNV-TCBM']);
      expect(xml.text).toContain(
        '<Subject>về việc giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội</Subject>',
      );
    });

    it('removes a document from the file (204, audited), then 404 for one not in it', async () => {
      const url = `${base()}/case-files/${fileId}/entries/${entries.late}`;
      await http()
        .delete(url)
        .set(await as('d.spec'))
        .expect(204);
      expect(await auditCount('case_file.entry_removed')).toBe(1);
      expect(
        (
          await http()
            .delete(url)
            .set(await as('d.spec'))
            .expect(404)
        ).body.code,
      ).toBe('CASE_FILE_ENTRY_NOT_FOUND');
      const detail = await http()
        .get(`${base()}/case-files/${fileId}`)
        .set(await as('d.spec'))
        .expect(200);
      expect(detail.body.entries.map((e: { id: string }) => e.id)).toEqual([entries.early]);
    });
  });

  describe('register printouts', () => {
    it('prints the incoming register as PDF for a clerk, with the register name as file name', async () => {
      const res = await http()
        .get(`${base()}/registers/${registers.incoming}/print.pdf`)
        .set(await as('d.clerk'))
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain(
        `filename*=UTF-8''S%E1%BB%95%20%C4%91%C4%83ng%20k%C3%BD%20v%C4%83n%20b%E1%BA%A3n%20%C4%91%E1%BA%BFn%20n%C4%83m%202026.pdf`,
      );
      expect((res.body as Buffer).length).toBeGreaterThan(1000);
    });

    it('exports the follow-up register as XLSX for a leader', async () => {
      const res = await http()
        .get(`${base()}/registers/${registers.incoming}/export.xlsx?followUp=true`)
        .set(await as('d.leader'))
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const book = new ExcelWorkbook();
      await book.xlsx.load(res.body as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      const header = (sheet.getRow(5).values as unknown[]).slice(1);
      expect(header).toContain('Thời hạn giải quyết');
      expect(sheet.getRow(6).getCell(4).value).toBe('15/QĐ-UBND');
      expect(sheet.getRow(7).getCell(4).value).toBe('08/SNV-TCBM');
      expect(sheet.getRow(7).getCell(8).value).toEqual(new Date('2026-03-10T00:00:00Z'));
    });

    it('refuses specialists (403), other agencies (404), unknown registers (404) and bad ids (400)', async () => {
      const url = `${base()}/registers/${registers.incoming}/print.pdf`;
      expect(
        (
          await http()
            .get(url)
            .set(await as('d.spec'))
            .expect(403)
        ).body.code,
      ).toBe('FORBIDDEN');
      await http()
        .get(url)
        .set(await as('a.clerk'))
        .expect(404);
      const unknown = await http()
        .get(`${base()}/registers/${randomUUID()}/export.xlsx`)
        .set(await as('d.admin'))
        .expect(404);
      expect(unknown.body.code).toBe('REGISTER_NOT_FOUND');
      await http()
        .get(`${base()}/registers/not-a-uuid/print.pdf`)
        .set(await as('d.admin'))
        .expect(400);
    });
  });

  describe('reports', () => {
    const summary = async (username: string, query: string, status: number, agency: AgencyRow = district) =>
      http()
        .get(`${base(agency)}/reports/summary?${query}`)
        .set(await as(username))
        .expect(status);

    it('gives the district leader its figures with the certificates by level', async () => {
      const res = await summary('d.leader', 'from=2026-01-01&to=2026-03-31', 200);
      expect(res.body.totals).toEqual({ incoming: 2, outgoing: 1 });
      expect(res.body.byMonth.map((m: { month: string }) => m.month)).toEqual([
        '2026-01',
        '2026-02',
        '2026-03',
      ]);
      expect(res.body.onTime).toMatchObject({ part: 1, total: 1, rate: 1 });
      expect(res.body.digitallySigned).toEqual({ part: 1, total: 1, rate: 1 });
      expect(res.body.electronicExchange.outgoing).toEqual({ part: 1, total: 2, rate: 0.5 });
      expect(res.body.certificatesByLevel).toContainEqual({
        levelLabel: 'Huyện',
        organisations: 1,
        persons: 0,
      });
    });

    it('adds up the communes for the district leader, not for its clerk; a commune never sees the district', async () => {
      const all = await summary('d.leader', 'from=2026-01-01&to=2026-03-31&includeSubordinates=true', 200);
      expect(all.body.totals).toEqual({ incoming: 3, outgoing: 1 });
      expect(all.body.agencies.map((a: { id: string }) => a.id)).toEqual([district.id, commune.id]);
      const clerk = await summary('d.clerk', 'from=2026-01-01&to=2026-03-31', 200);
      expect(clerk.body.certificatesByLevel).toBeNull();
      await summary('d.clerk', 'from=2026-01-01&to=2026-03-31&includeSubordinates=true', 403);
      const commune404 = await summary('a.leader', 'from=2026-01-01&to=2026-03-31', 404);
      expect(commune404.body.code).toBe('AGENCY_NOT_FOUND');
      const own = await summary('a.leader', 'from=2026-01-01&to=2026-03-31', 200, commune);
      expect(own.body.totals).toEqual({ incoming: 1, outgoing: 0 });
    });

    it('rejects invalid dates and a reversed period with 400', async () => {
      expect((await summary('d.leader', 'from=2026-02-30&to=2026-03-31', 400)).body.code).toBe(
        'VALIDATION_FAILED',
      );
      // a bound left out is the start or end of the other bound's year
      expect((await summary('d.leader', 'to=2026-03-31', 200)).body).toMatchObject({ from: '2026-01-01' });
      expect((await summary('d.leader', 'from=2026-04-01&to=2026-03-31', 400)).body.code).toBe(
        'REPORT_PERIOD_INVALID',
      );
    });
  });
});
