import type { Workbook } from 'exceljs';
import { AgencyRepository } from '@vanthu/directory';
import type { Principal, Role } from '@vanthu/identity';
import {
  createTestDatabase,
  insertAgency,
  insertUnit,
  insertUser,
  type TestDatabase,
} from '@vanthu/test-kit';
import { pdfTools } from '../print/pdf-tools.test-helper';
import { registerFixtures as fx } from '../reports/register-fixtures.test-helper';
import { RegisterRowsRepository } from './register-rows.repository';
import { RegisterRepository } from './register.repository';
import { PrintRegisterUseCase } from './use-cases/print-register.use-case';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Workbook: ExcelWorkbook } = require('exceljs') as { Workbook: new () => Workbook };

async function readSheet(bytes: Buffer): Promise<unknown[][]> {
  const book = new ExcelWorkbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  book.worksheets[0]!.eachRow((row, n) => {
    rows[n] = (row.values as unknown[]).slice(1);
  });
  return rows;
}

describe('register printout (real PostgreSQL)', () => {
  let db: TestDatabase;
  let print: PrintRegisterUseCase;
  const ids: Record<string, string> = {};

  const principal = (role: Role, agency = 'commune'): Principal => ({
    userId: ids.leader!,
    username: role,
    fullName: role,
    agencyId: ids[agency]!,
    roles: [{ agencyId: ids[agency]!, role }],
    sessionId: 's',
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    const ds = db.dataSource;
    print = new PrintRegisterUseCase(
      new RegisterRepository(db.database),
      new RegisterRowsRepository(db.database),
      new AgencyRepository(db.database),
    );
    const commune = await insertAgency(ds, { code: '000.01.12.H15', name: 'UBND thị trấn Ea Drăng' });
    const other = await insertAgency(ds, { code: '000.03.12.H15', name: 'UBND xã Ea Sol' });
    Object.assign(ids, { commune: commune.id, other: other.id });
    ids.leader = (
      await insertUser(ds, {
        agencyId: commune.id,
        username: 'c.leader',
        fullName: 'Y Khu Niê',
        roles: ['leader'],
      })
    ).id;
    const specialist = (
      await insertUser(ds, {
        agencyId: commune.id,
        username: 'c.spec',
        fullName: 'Lê Thị Thu',
        roles: ['specialist'],
      })
    ).id;
    const vp = (
      await insertUnit(ds, {
        agencyId: commune.id,
        code: 'VP',
        name: 'Văn phòng HĐND-UBND',
        abbreviation: 'VP',
      })
    ).id;
    ids.incoming = await fx.register(ds, commune.id, 2026, 'incoming');
    ids.outgoing = await fx.register(ds, commune.id, 2026, 'outgoing');
    ids.copies = await fx.register(ds, commune.id, 2026, 'copy');
    ids.otherRegister = await fx.register(ds, other.id, 2026, 'incoming');

    const reply = await fx.entry(ds, {
      agencyId: commune.id,
      direction: 'outgoing',
      status: 'issued',
      entryDate: '2026-03-04',
      issuedDate: '2026-03-04',
      registerId: ids.outgoing,
      number: 2,
      codeNumber: '02',
      codeNotation: 'BC-UBND',
      typeCode: 'BC',
      subject: 'kết quả khắc phục hậu quả lũ lụt',
      signerName: 'Y Khu Niê',
      draftingUnitId: vp,
      issuedAmount: 4,
    });
    await fx.recipient(ds, reply, 1, "UBND huyện Ea H'Leo");
    await fx.recipient(ds, reply, 2, 'Lưu: VT, VP');
    await fx.delivery(ds, {
      entryId: reply,
      senderAgencyId: commune.id,
      channel: 'local',
      at: '2026-03-04T18:00:00Z',
    });
    await fx.entry(ds, {
      agencyId: commune.id,
      direction: 'outgoing',
      status: 'issued',
      entryDate: '2026-02-01',
      issuedDate: '2026-02-01',
      registerId: ids.outgoing,
      number: 1,
      codeNumber: '01',
      codeNotation: 'UBND-VP',
      subject: 'V/v tăng cường công tác phòng cháy chữa cháy rừng',
      signerName: 'Y Khu Niê',
    });

    // Arrival numbers inserted in the order 3, 1, 2: the register prints 1, 2, 3.
    const base = {
      agencyId: commune.id,
      direction: 'incoming' as const,
      status: 'in_progress',
      registerId: ids.incoming,
      organName: "UBND huyện Ea H'Leo",
    };
    await fx.entry(ds, {
      ...base,
      status: 'returned',
      returnReason: 'Gửi nhầm nơi nhận',
      entryDate: '2026-01-20',
      number: 3,
      codeNumber: '40',
      codeNotation: 'UBND-TNMT',
      subject: 'V/v đo đạc đất đai',
    });
    const first = await fx.entry(ds, {
      ...base,
      status: 'closed',
      entryDate: '2026-01-05',
      number: 1,
      codeNumber: '12',
      codeNotation: 'QĐ-UBND',
      issuedDate: '2026-01-03',
      typeCode: 'QD',
      subject: 'về việc thành lập Ban chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn',
      dueDate: '2026-03-15',
      replyEntryId: reply,
    });
    await fx.assignment(ds, {
      entryId: first,
      role: 'lead',
      unitId: vp,
      userId: specialist,
      assignedBy: ids.leader,
      at: '2026-01-05T20:00:00Z',
    });
    await fx.assignment(ds, {
      entryId: first,
      role: 'cooperate',
      userId: ids.leader,
      assignedBy: ids.leader,
      at: '2026-01-06T02:00:00Z',
    });
    await fx.note(ds, {
      entryId: first,
      authorId: specialist,
      kind: 'progress',
      body: 'Đã họp triển khai',
      at: '2026-01-10T02:00:00Z',
    });
    await fx.note(ds, {
      entryId: first,
      authorId: specialist,
      kind: 'progress',
      body: 'Đã hoàn thành báo cáo',
      at: '2026-03-01T02:00:00Z',
    });
    await fx.note(ds, {
      entryId: first,
      authorId: specialist,
      kind: 'opinion',
      body: 'Ý kiến khác',
      at: '2026-03-02T02:00:00Z',
    });
    await fx.entry(ds, {
      ...base,
      entryDate: '2026-01-12',
      number: 2,
      codeNumber: '35',
      codeNotation: 'UBND-VP',
      subject: 'V/v khắc phục hậu quả lũ lụt ở xã Ea Hiao',
    });
  });
  afterAll(() => db.close());

  const run = (format: 'pdf' | 'xlsx', registerId: string, extra: { followUp?: boolean; role?: Role } = {}) =>
    print.execute({
      principal: principal(extra.role ?? 'clerk'),
      agencyId: ids.commune!,
      registerId,
      format,
      followUp: extra.followUp,
    });

  it('prints the incoming register as a PDF with the ND30 headers and the lines in number order', async () => {
    const out = await run('pdf', ids.incoming!);
    expect(out.mediaType).toBe('application/pdf');
    expect(out.fileName).toBe('Sổ đăng ký văn bản đến năm 2026.pdf');
    const path = pdfTools.save('print-register-incoming.pdf', out.bytes);
    const flat = (await pdfTools.text(path, 'raw')).replace(/\s+/g, ' ');
    for (const header of [
      'Ngày đến',
      'Số đến',
      'Tác giả',
      'Tên loại và trích yếu nội dung',
      'Đơn vị hoặc người nhận',
      'Ngày chuyển',
      'Ký nhận',
      'Ghi chú',
    ])
      expect(flat).toContain(header);
    expect(flat).toContain('Quyết định về việc thành lập Ban chỉ huy phòng, chống thiên tai');
    expect(flat).toContain('Văn phòng HĐND-UBND (Lê Thị Thu)');
    expect(flat).toContain('Đã trả lại: Gửi nhầm nơi nhận');
    const at = (s: string) => flat.indexOf(s);
    expect(at('12/QĐ-UBND')).toBeGreaterThan(-1);
    expect(at('12/QĐ-UBND')).toBeLessThan(at('35/UBND-VP'));
    expect(at('35/UBND-VP')).toBeLessThan(at('V/v đo đạc đất đai'));
    expect((await pdfTools.info(path)).size).toMatch(/^84\d.* x 595.*\(A4\)$/);
  });

  it('prints the follow-up register with the deadline, the last progress note and the reply', async () => {
    const out = await run('pdf', ids.incoming!, { followUp: true });
    const flat = (
      await pdfTools.text(pdfTools.save('print-register-follow-up.pdf', out.bytes), 'raw')
    ).replace(/\s+/g, ' ');
    expect(flat).toContain('Thời hạn giải quyết');
    expect(flat).toContain('Đã hoàn thành báo cáo');
    expect(flat).not.toContain('Đã họp triển khai');
    expect(flat).toContain('02/BC-UBND');
  });

  it('exports the registers as spreadsheets that read back with their columns and values', async () => {
    const incoming = await readSheet((await run('xlsx', ids.incoming!, { role: 'leader' })).bytes);
    expect(incoming[5]).toEqual([
      'Ngày đến',
      'Số đến',
      'Tác giả',
      'Số, ký hiệu',
      'Ngày tháng',
      'Tên loại và trích yếu nội dung',
      'Đơn vị hoặc người nhận',
      'Ngày chuyển',
      'Ký nhận',
      'Ghi chú',
    ]);
    expect(incoming.slice(6).map((r) => r[1])).toEqual([1, 2, 3]);
    const line1 = incoming[6]!;
    expect(line1[0]).toEqual(new Date('2026-01-05T00:00:00Z'));
    // Assigned at 20:00 UTC on the 5th: the 6th in Vietnam.
    expect(line1[7]).toEqual(new Date('2026-01-06T00:00:00Z'));
    expect(line1[6]).toBe('Văn phòng HĐND-UBND (Lê Thị Thu)');

    const outgoing = await readSheet((await run('xlsx', ids.outgoing!, { role: 'admin' })).bytes);
    expect(outgoing.slice(6).map((r) => r[0])).toEqual(['01/UBND-VP', '02/BC-UBND']);
    const report = outgoing[7]!;
    expect(report.slice(2, 8)).toEqual([
      'Báo cáo kết quả khắc phục hậu quả lũ lụt',
      'Y Khu Niê',
      "UBND huyện Ea H'Leo; Lưu: VT, VP",
      'Văn phòng HĐND-UBND',
      4,
      new Date('2026-03-05T00:00:00Z'),
    ]);
  });

  it('refuses specialists (403), another agency’s register (404) and the copy register (422)', async () => {
    await expect(run('pdf', ids.incoming!, { role: 'specialist' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(run('pdf', ids.otherRegister!)).rejects.toMatchObject({
      code: 'REGISTER_NOT_FOUND',
      status: 404,
    });
    await expect(run('xlsx', ids.copies!)).rejects.toMatchObject({
      code: 'REGISTER_NOT_PRINTABLE',
      status: 422,
    });
  });

  it('prints and exports a register of 5,000 lines', async () => {
    const registerId = await fx.register(db.dataSource, ids.other!, 2025, 'outgoing');
    await db.dataSource.query(
      `INSERT INTO register_entry (id, agency_id, direction, status, register_id, number, year, entry_date,
                                   document_type_code, code_number, code_notation, issued_date, subject, signer_name)
       SELECT gen_random_uuid(), $1, 'outgoing', 'issued', $2, n, 2025, DATE '2025-01-01' + (n / 14),
              'CV', CASE WHEN n < 10 THEN '0' || n ELSE n::text END, 'UBND-VP', DATE '2025-01-01' + (n / 14),
              'V/v triển khai nhiệm vụ số ' || n || ' về chuyển đổi số', 'Phạm Văn Đức'
         FROM generate_series(1, 5000) AS n`,
      [ids.other, registerId],
    );
    const as = principal('clerk', 'other');
    const pdf = await print.execute({ principal: as, agencyId: ids.other!, registerId, format: 'pdf' });
    const path = pdfTools.save('print-register-5000.pdf', pdf.bytes);
    const { pages } = await pdfTools.info(path);
    expect(pages).toBeGreaterThan(100);
    const last = (await pdfTools.text(path, 'raw', pages)).replace(/\s+/g, ' ');
    expect(last).toContain('5000/UBND-VP');
    const sheet = await readSheet(
      (await print.execute({ principal: as, agencyId: ids.other!, registerId, format: 'xlsx' })).bytes,
    );
    expect(sheet.length - 6).toBe(5000);
    expect(sheet[6]![0]).toBe('01/UBND-VP');
    expect(sheet[5005]![0]).toBe('5000/UBND-VP');
  });
});
