import { AuditEventRepository, AuditLog } from '@vanthu/audit';
import { AgencyRepository } from '@vanthu/directory';
import type { Principal, Role } from '@vanthu/identity';
import { SystemClock } from '@vanthu/shared';
import { createTestDatabase, insertAgency, insertUser, type TestDatabase } from '@vanthu/test-kit';
import { RegisterEntryRepository } from '../entries/register-entry.repository';
import { pdfTools } from '../print/pdf-tools.test-helper';
import { registerFixtures as fx } from '../reports/register-fixtures.test-helper';
import { DocumentTypeRepository } from '../types/document-type.repository';
import { CaseFileRepository } from './case-file.repository';
import { AddCaseFileEntryUseCase } from './use-cases/add-case-file-entry.use-case';
import { CreateCaseFileUseCase } from './use-cases/create-case-file.use-case';
import { ExportCaseFileUseCase } from './use-cases/export-case-file.use-case';
import { GetCaseFileUseCase } from './use-cases/get-case-file.use-case';
import { ListCaseFilesUseCase } from './use-cases/list-case-files.use-case';
import { RemoveCaseFileEntryUseCase } from './use-cases/remove-case-file-entry.use-case';

describe('case files (real PostgreSQL)', () => {
  let db: TestDatabase;
  let create: CreateCaseFileUseCase;
  let list: ListCaseFilesUseCase;
  let get: GetCaseFileUseCase;
  let add: AddCaseFileEntryUseCase;
  let remove: RemoveCaseFileEntryUseCase;
  let exportFile: ExportCaseFileUseCase;
  const ids: Record<string, string> = {};
  const entries: Record<string, string> = {};

  const principal = (agency: 'commune' | 'other', role: Role = 'specialist'): Principal => ({
    userId: ids[`${agency}.user`]!,
    username: `${agency}.user`,
    fullName: 'Người dùng',
    agencyId: ids[agency]!,
    roles: [{ agencyId: ids[agency]!, role }],
    sessionId: 's',
  });
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    (await db.dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;

  beforeAll(async () => {
    db = await createTestDatabase();
    const ds = db.dataSource;
    const clock = new SystemClock();
    const audit = new AuditLog(db.database, new AuditEventRepository(db.database), clock);
    const files = new CaseFileRepository(db.database);
    create = new CreateCaseFileUseCase(db.database, files, audit, clock);
    list = new ListCaseFilesUseCase(files);
    get = new GetCaseFileUseCase(files);
    add = new AddCaseFileEntryUseCase(
      db.database,
      files,
      new RegisterEntryRepository(db.database, new DocumentTypeRepository(db.database)),
      audit,
      clock,
    );
    remove = new RemoveCaseFileEntryUseCase(db.database, files, audit);
    exportFile = new ExportCaseFileUseCase(
      files,
      new AgencyRepository(db.database),
      new DocumentTypeRepository(db.database),
    );

    const commune = await insertAgency(ds, { code: '000.01.12.H15', name: 'UBND thị trấn Ea Drăng' });
    const other = await insertAgency(ds, { code: '000.03.12.H15', name: 'UBND xã Ea Sol' });
    Object.assign(ids, { commune: commune.id, other: other.id });
    ids['commune.user'] = (
      await insertUser(ds, { agencyId: commune.id, username: 'c.user', roles: ['specialist'] })
    ).id;
    ids['other.user'] = (
      await insertUser(ds, { agencyId: other.id, username: 'o.user', roles: ['specialist'] })
    ).id;

    const incoming = await fx.register(ds, commune.id, 2026, 'incoming');
    const outgoing = await fx.register(ds, commune.id, 2026, 'outgoing');
    // Inserted out of date order on purpose; the dates are the registers' (arrival or issue).
    entries.reply = await fx.entry(ds, {
      agencyId: commune.id,
      direction: 'outgoing',
      status: 'issued',
      entryDate: '2026-03-02',
      issuedDate: '2026-03-02',
      registerId: outgoing,
      number: 7,
      codeNumber: '07',
      codeNotation: 'BC-UBND',
      typeCode: 'BC',
      subject: 'kết quả khắc phục hậu quả lũ lụt',
      organName: 'UBND thị trấn Ea Drăng',
      signerName: 'Nguyễn Văn Bình',
      pageAmount: 3,
    });
    entries.second = await fx.entry(ds, {
      agencyId: commune.id,
      direction: 'incoming',
      status: 'closed',
      entryDate: '2026-02-12',
      issuedDate: '2026-02-10',
      registerId: incoming,
      number: 12,
      codeNumber: '35',
      codeNotation: 'UBND-VP',
      subject: 'V/v khắc phục hậu quả lũ lụt',
      organName: "UBND huyện Ea H'Leo",
      documentIdentifier: '000.00.12.H15,2026/02/10,35/UBND-VP',
    });
    entries.first = await fx.entry(ds, {
      agencyId: commune.id,
      direction: 'incoming',
      status: 'closed',
      entryDate: '2026-02-12',
      issuedDate: '2026-02-09',
      registerId: incoming,
      number: 11,
      codeNumber: '12',
      codeNotation: 'QĐ-UBND',
      typeCode: 'QD',
      subject: 'về việc thành lập Ban chỉ huy phòng, chống thiên tai',
      organName: "UBND huyện Ea H'Leo",
    });
    entries.foreign = await fx.entry(ds, {
      agencyId: other.id,
      direction: 'incoming',
      status: 'received',
      entryDate: '2026-02-01',
    });
    await fx.version(ds, commune.id, entries.second, 'received');
  });
  afterAll(() => db.close());

  const newFile = (code: string, year = 2026) =>
    create.execute({
      principal: principal('commune'),
      agencyId: ids.commune!,
      code,
      title: 'Hồ sơ phòng, chống lũ lụt năm 2026',
      year,
      keeper: 'Trần Thị Hoa',
    });

  it('creates files with an audit event and lists them by year', async () => {
    const before = await count(`audit_event WHERE action = 'case_file.created'`);
    const file = await newFile('01.VP');
    await newFile('02.VP', 2025);
    expect(file).toMatchObject({ code: '01.VP', year: 2026, keeper: 'Trần Thị Hoa', entryCount: 0 });
    expect(await count(`audit_event WHERE action = 'case_file.created'`)).toBe(before + 2);
    const of2026 = await list.execute({
      principal: principal('commune'),
      agencyId: ids.commune!,
      year: 2026,
    });
    expect(of2026.map((f) => f.code)).toEqual(['01.VP']);
    expect(await list.execute({ principal: principal('other'), agencyId: ids.other! })).toEqual([]);
  });

  it('puts one document in two files without copying it, lists entries by date then number', async () => {
    const a = await newFile('A.1');
    const b = await newFile('B.1');
    const p = principal('commune', 'clerk');
    const entryRows = await count('register_entry');
    const versionRows = await count('document_version');
    for (const entryId of [entries.reply!, entries.second!, entries.first!])
      expect(
        await add.execute({ principal: p, agencyId: ids.commune!, caseFileId: a.id, entryId }),
      ).toMatchObject({ added: true });
    await add.execute({ principal: p, agencyId: ids.commune!, caseFileId: b.id, entryId: entries.second! });

    expect(await count('register_entry')).toBe(entryRows);
    expect(await count('document_version')).toBe(versionRows);
    expect(await count('document_version WHERE entry_id = $1', [entries.second])).toBe(1);
    expect(await count('case_file_entry WHERE entry_id = $1', [entries.second])).toBe(2);

    const detail = await get.execute({ principal: p, agencyId: ids.commune!, caseFileId: a.id });
    expect(detail.entryCount).toBe(3);
    expect(detail.entries.map((e) => e.id)).toEqual([entries.first, entries.second, entries.reply]);
    expect(detail.entries[0]).toMatchObject({ numberNotation: '12/QĐ-UBND', arrivalNumber: '11' });
  });

  it('adds a document again without effect, and only documents of the same agency', async () => {
    const file = await newFile('C.1');
    const p = principal('commune');
    const input = { principal: p, agencyId: ids.commune!, caseFileId: file.id, entryId: entries.first! };
    const audits = await count(`audit_event WHERE action = 'case_file.entry_added'`);
    expect((await add.execute(input)).added).toBe(true);
    expect((await add.execute(input)).added).toBe(false);
    expect(await count('case_file_entry WHERE case_file_id = $1', [file.id])).toBe(1);
    expect(await count(`audit_event WHERE action = 'case_file.entry_added'`)).toBe(audits + 1);
    await expect(add.execute({ ...input, entryId: entries.foreign! })).rejects.toMatchObject({
      code: 'ENTRY_NOT_FOUND',
      status: 404,
    });
    await expect(
      add.execute({
        principal: principal('other'),
        agencyId: ids.other!,
        caseFileId: file.id,
        entryId: entries.foreign!,
      }),
    ).rejects.toMatchObject({ code: 'CASE_FILE_NOT_FOUND', status: 404 });
  });

  it('removes a document from one file only, audited; removing it again is 404', async () => {
    const a = await newFile('D.1');
    const b = await newFile('D.2');
    const p = principal('commune');
    for (const caseFileId of [a.id, b.id])
      await add.execute({ principal: p, agencyId: ids.commune!, caseFileId, entryId: entries.reply! });
    const audits = await count(`audit_event WHERE action = 'case_file.entry_removed'`);
    await remove.execute({ principal: p, agencyId: ids.commune!, caseFileId: a.id, entryId: entries.reply! });
    expect(await count(`audit_event WHERE action = 'case_file.entry_removed'`)).toBe(audits + 1);
    expect((await get.execute({ principal: p, agencyId: ids.commune!, caseFileId: a.id })).entries).toEqual(
      [],
    );
    expect((await get.execute({ principal: p, agencyId: ids.commune!, caseFileId: b.id })).entryCount).toBe(
      1,
    );
    expect(await count('register_entry WHERE id = $1', [entries.reply])).toBe(1);
    await expect(
      remove.execute({ principal: p, agencyId: ids.commune!, caseFileId: a.id, entryId: entries.reply! }),
    ).rejects.toMatchObject({ code: 'CASE_FILE_ENTRY_NOT_FOUND', status: 404 });
  });

  it('exports the file as XML and PDF with the documents in date order', async () => {
    const file = await newFile('E.1');
    const p = principal('commune');
    for (const entryId of [entries.reply!, entries.second!, entries.first!])
      await add.execute({ principal: p, agencyId: ids.commune!, caseFileId: file.id, entryId });

    const xml = await exportFile.execute({
      principal: p,
      agencyId: ids.commune!,
      caseFileId: file.id,
      format: 'xml',
    });
    expect(xml.mediaType).toBe('application/xml; charset=utf-8');
    expect(xml.fileName).toBe('Hồ sơ E.1 năm 2026.xml');
    const text = xml.bytes.toString('utf8');
    const notations = [...text.matchAll(/<CodeNotation>(.*?)<\/CodeNotation>/g)].map((m) => m[1]);
    expect(notations).toEqual(['QĐ-UBND', 'UBND-VP', 'BC-UBND']);
    expect([...text.matchAll(/<IssuedDate>(.*?)<\/IssuedDate>/g)].map((m) => m[1])).toEqual([
      '2026-02-09',
      '2026-02-10',
      '2026-03-02',
    ]);
    expect(text).toContain('<FileNotation>E.1</FileNotation>');
    expect(text).toContain('<TypeName>Báo cáo</TypeName>');
    expect(text).toContain('<DocumentId>000.00.12.H15,2026/02/10,35/UBND-VP</DocumentId>');

    const pdf = await exportFile.execute({
      principal: p,
      agencyId: ids.commune!,
      caseFileId: file.id,
      format: 'pdf',
    });
    expect(pdf.mediaType).toBe('application/pdf');
    const path = pdfTools.save('case-file-export.pdf', pdf.bytes);
    const raw = await pdfTools.text(path, 'raw');
    const at = (s: string) => raw.indexOf(s);
    expect(raw).toContain('MỤC LỤC VĂN BẢN');
    expect(at('12/QĐ-UBND')).toBeGreaterThan(-1);
    expect(at('12/QĐ-UBND')).toBeLessThan(at('35/UBND-VP'));
    expect(at('35/UBND-VP')).toBeLessThan(at('07/BC-UBND'));
  });
});
