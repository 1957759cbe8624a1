import { AuditEventRepository, AuditLog } from '@vanthu/audit';
import { translateDatabaseError } from '@vanthu/persistence';
import { foldVietnamese, newId, SystemClock } from '@vanthu/shared';
import { createTestDatabase, type TestDatabase } from '@vanthu/test-kit';
import type { AgencyRecordInput } from './agency-fields.schema';
import { AgencyRepository } from './agency.repository';
import { DEMO_AGENCIES, DEMO_DISTRICT_CODE, demoCommuneCode } from './demo/demo-agencies';
import { type DirectoryUserActor, SystemDirectoryActor } from './directory-actor';
import { DirectoryAuthorization } from './directory-authorization';
import { CreateAgencyUseCase } from './use-cases/create-agency.use-case';
import { GetAgencyUseCase } from './use-cases/get-agency.use-case';
import { ImportAgenciesUseCase } from './use-cases/import-agencies.use-case';
import { ResolveSuccessorUseCase } from './use-cases/resolve-successor.use-case';
import { SearchAgenciesUseCase } from './use-cases/search-agencies.use-case';
import { UpdateAgencyUseCase } from './use-cases/update-agency.use-case';

describe('directory maintenance (real PostgreSQL)', () => {
  let db: TestDatabase;
  let agencies: AgencyRepository;
  let create: CreateAgencyUseCase;
  let update: UpdateAgencyUseCase;
  let get: GetAgencyUseCase;
  let search: SearchAgenciesUseCase;
  let resolve: ResolveSuccessorUseCase;
  let admin: DirectoryUserActor;
  let communeAdmin: DirectoryUserActor;

  beforeEach(async () => {
    db = await createTestDatabase();
    const clock = new SystemClock();
    agencies = new AgencyRepository(db.database);
    const audit = new AuditLog(db.database, new AuditEventRepository(db.database), clock);
    const authorization = new DirectoryAuthorization(agencies);
    create = new CreateAgencyUseCase(db.database, agencies, authorization, audit, clock);
    update = new UpdateAgencyUseCase(db.database, agencies, authorization, audit, clock);
    get = new GetAgencyUseCase(agencies);
    search = new SearchAgenciesUseCase(agencies);
    resolve = new ResolveSuccessorUseCase(agencies);
    const importer = new ImportAgenciesUseCase(db.database, agencies, authorization, audit, clock);
    await importer.execute({
      actor: new SystemDirectoryActor('test seed'),
      format: 'json',
      content: JSON.stringify(DEMO_AGENCIES),
    });
    const district = await agencies.findByCode(DEMO_DISTRICT_CODE);
    const commune = await agencies.findByCode(demoCommuneCode(1));
    admin = { userId: newId(), name: 'Quản trị huyện', adminAgencyIds: [district!.id] };
    communeAdmin = { userId: newId(), name: 'Quản trị xã', adminAgencyIds: [commune!.id] };
  });
  afterEach(() => db.close());

  async function count(table: 'agency' | 'audit_event'): Promise<number> {
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
    return n;
  }

  const newAgency = (code: string, parentCode: string | null = DEMO_DISTRICT_CODE, extra = {}) => ({
    code,
    name: `Cơ quan ${code}`,
    levelLabel: 'Đơn vị',
    parentCode,
    ...extra,
  });

  it('seeds the demo tree with the district as the only hosted root', async () => {
    expect(await count('agency')).toBe(15);
    expect((await agencies.hostedRoots()).map((a) => a.code)).toEqual([DEMO_DISTRICT_CODE]);
    const commune = await get.execute({ code: demoCommuneCode(12) });
    expect(commune.agency).toMatchObject({
      name: 'Ủy ban nhân dân xã Ea Hiao',
      levelLabel: 'Xã',
      hosted: true,
    });
    expect(commune.ancestors.map((a) => a.levelLabel)).toEqual(['Trung ương', 'Tỉnh', 'Huyện']);
  });

  it('creates an agency (code normalised), audits it and reads it back', async () => {
    const auditBefore = await count('audit_event');
    const created = await create.execute({
      actor: admin,
      agency: newAgency(' 000.00.12.h15.pyt ', DEMO_DISTRICT_CODE, {
        shortName: '  ',
        email: 'pyt@example.vn',
      }),
    });
    expect(created).toMatchObject({
      code: '000.00.12.H15.PYT',
      parentCode: DEMO_DISTRICT_CODE,
      shortName: null,
      email: 'pyt@example.vn',
      hosted: false,
      version: 1,
    });
    expect((await get.execute({ code: '000.00.12.h15.pyt' })).agency.id).toBe(created.id);
    expect(await count('audit_event')).toBe(auditBefore + 1);
    const [event] = await db.dataSource.query(`SELECT * FROM audit_event ORDER BY seq DESC LIMIT 1`);
    expect(event).toMatchObject({ action: 'agency.created', subject_id: created.id, actor_id: admin.userId });
    expect(event.details).toMatchObject({ code: '000.00.12.H15.PYT', parentCode: DEMO_DISTRICT_CODE });
  });

  it.each([
    ['a duplicate code', newAgency(demoCommuneCode(3)), 'AGENCY_CODE_TAKEN', 409],
    ['an unknown parent', newAgency('000.00.99.H15', '000.00.98.H15'), 'AGENCY_PARENT_NOT_FOUND', 422],
    ['a malformed code', newAgency('000.00.99'), 'AGENCY_CODE_INVALID', 400],
    ['a malformed parent code', newAgency('000.00.99.H15', 'huyện'), 'AGENCY_CODE_INVALID', 400],
    ['itself as parent', newAgency('000.00.99.H15', '000.00.99.H15'), 'AGENCY_CYCLE', 422],
    [
      'an unknown successor',
      newAgency('000.00.99.H15', null, { successorCode: '000.00.97.H15' }),
      'AGENCY_SUCCESSOR_NOT_FOUND',
      422,
    ],
    [
      'a missing name',
      { code: '000.00.99.H15', levelLabel: 'Xã' } as AgencyRecordInput,
      'AGENCY_INVALID',
      400,
    ],
    [
      'an oversized abbreviation',
      newAgency('000.00.99.H15', null, { abbreviation: 'X'.repeat(21) }),
      'AGENCY_INVALID',
      400,
    ],
  ])('refuses %s and writes nothing', async (_label, agency, code, status) => {
    const before = [await count('agency'), await count('audit_event')];
    await expect(create.execute({ actor: admin, agency })).rejects.toMatchObject({ code, status });
    expect([await count('agency'), await count('audit_event')]).toEqual(before);
  });

  it('lets only the administrators of a hosted root maintain the directory', async () => {
    const before = await count('agency');
    const outsiders = [communeAdmin, { userId: newId(), name: 'Không quyền', adminAgencyIds: [] }];
    for (const actor of outsiders) {
      await expect(create.execute({ actor, agency: newAgency('000.00.99.H15') })).rejects.toMatchObject({
        code: 'DIRECTORY_FORBIDDEN',
        status: 403,
      });
      await expect(
        update.execute({ actor, code: demoCommuneCode(1), expectedVersion: 1, changes: { name: 'Đổi tên' } }),
      ).rejects.toMatchObject({ code: 'DIRECTORY_FORBIDDEN' });
    }
    expect(await count('agency')).toBe(before);
    expect((await get.execute({ code: demoCommuneCode(1) })).agency.name).toBe(
      'Ủy ban nhân dân thị trấn Ea Drăng',
    );
  });

  it('updates fields with optimistic versions and audits the changes', async () => {
    const code = demoCommuneCode(5);
    const updated = await update.execute({
      actor: admin,
      code,
      expectedVersion: 1,
      changes: { name: 'Ủy ban nhân dân xã Ea Wy mới', phone: '0262 3876 555', shortName: null },
    });
    expect(updated).toMatchObject({
      name: 'Ủy ban nhân dân xã Ea Wy mới',
      phone: '0262 3876 555',
      shortName: null,
      version: 2,
    });
    const [event] = await db.dataSource.query(`SELECT * FROM audit_event ORDER BY seq DESC LIMIT 1`);
    expect(event.action).toBe('agency.updated');
    expect(event.details.changes.name).toEqual({
      from: 'Ủy ban nhân dân xã Ea Wy',
      to: 'Ủy ban nhân dân xã Ea Wy mới',
    });

    const auditBefore = await count('audit_event');
    await expect(
      update.execute({ actor: admin, code, expectedVersion: 1, changes: { name: 'Ghi đè' } }),
    ).rejects.toMatchObject({ code: 'AGENCY_VERSION_CONFLICT', status: 409, details: { currentVersion: 2 } });
    expect((await get.execute({ code })).agency).toMatchObject({
      name: 'Ủy ban nhân dân xã Ea Wy mới',
      version: 2,
    });
    expect(await count('audit_event')).toBe(auditBefore);
  });

  it('refuses a parent that would close a cycle and changes nothing', async () => {
    await create.execute({ actor: admin, agency: newAgency('000.00.12.H15.A', DEMO_DISTRICT_CODE) });
    await create.execute({ actor: admin, agency: newAgency('000.00.12.H15.B', '000.00.12.H15.A') });
    await create.execute({ actor: admin, agency: newAgency('000.00.12.H15.C', '000.00.12.H15.B') });
    const auditBefore = await count('audit_event');
    for (const parentCode of ['000.00.12.H15.C', '000.00.12.H15.B', '000.00.12.H15.A']) {
      await expect(
        update.execute({
          actor: admin,
          code: '000.00.12.H15.A',
          expectedVersion: 1,
          changes: { parentCode },
        }),
      ).rejects.toMatchObject({ code: 'AGENCY_CYCLE', status: 422 });
    }
    expect((await get.execute({ code: '000.00.12.H15.A' })).agency).toMatchObject({
      parentCode: DEMO_DISTRICT_CODE,
      version: 1,
    });
    expect(await count('audit_event')).toBe(auditBefore);
    // Moving the bottom of the chain elsewhere is fine.
    const moved = await update.execute({
      actor: admin,
      code: '000.00.12.H15.C',
      expectedVersion: 1,
      changes: { parentCode: '000.00.12.H15.A' },
    });
    expect(moved.parentCode).toBe('000.00.12.H15.A');
  });

  it('searches without diacritics, by parent, hosted flag and code prefix, page by page', async () => {
    const names = async (input: Parameters<SearchAgenciesUseCase['execute']>[0]) =>
      (await search.execute(input)).items.map((a) => a.name);
    expect(await names({ q: 'dak lak' })).toEqual(['Ủy ban nhân dân tỉnh Đắk Lắk']);
    expect(await names({ q: 'DAK  LAK uy ban' })).toEqual(['Ủy ban nhân dân tỉnh Đắk Lắk']);
    expect(await names({ q: 'ea khal' })).toEqual(['Ủy ban nhân dân xã Ea Khăl']);
    expect(await names({ q: 'cư mốt' })).toEqual(['Ủy ban nhân dân xã Cư Mốt']);
    expect(await names({ q: '000.00.00' })).toHaveLength(2);
    expect(await names({ q: '_' })).toEqual([]); // LIKE wildcards are matched literally
    expect(await names({ q: '%' })).toEqual([]);
    expect(await names({ hosted: false })).toEqual(['Văn phòng Chính phủ', 'Ủy ban nhân dân tỉnh Đắk Lắk']);

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await search.execute({ parentCode: DEMO_DISTRICT_CODE, limit: 5, cursor });
      seen.push(...page.items.map((a) => a.code));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => demoCommuneCode(i + 1)));
    await expect(search.execute({ cursor: 'không-phải-con-trỏ' })).rejects.toMatchObject({
      code: 'DIRECTORY_CURSOR_INVALID',
    });
  });

  it('follows successor chains and refuses successor cycles', async () => {
    for (const code of ['000.00.50.H15', '000.00.51.H15', '000.00.52.H15']) {
      await create.execute({ actor: admin, agency: newAgency(code) });
    }
    await update.execute({
      actor: admin,
      code: '000.00.51.H15',
      expectedVersion: 1,
      changes: { successorCode: '000.00.52.H15' },
    });
    await update.execute({
      actor: admin,
      code: '000.00.50.H15',
      expectedVersion: 1,
      changes: { successorCode: '000.00.51.H15' },
    });

    const resolved = await resolve.execute({ code: '000.00.50.h15' });
    expect(resolved.current.code).toBe('000.00.52.H15');
    expect(resolved.chain).toEqual(['000.00.50.H15', '000.00.51.H15', '000.00.52.H15']);
    expect((await resolve.execute({ code: '000.00.52.H15' })).chain).toEqual(['000.00.52.H15']);

    await expect(
      update.execute({
        actor: admin,
        code: '000.00.52.H15',
        expectedVersion: 1,
        changes: { successorCode: '000.00.50.H15' },
      }),
    ).rejects.toMatchObject({ code: 'AGENCY_SUCCESSOR_CYCLE' });
    await expect(
      update.execute({
        actor: admin,
        code: '000.00.52.H15',
        expectedVersion: 1,
        changes: { successorCode: '000.00.52.H15' },
      }),
    ).rejects.toMatchObject({ code: 'AGENCY_SUCCESSOR_CYCLE' });
    expect((await get.execute({ code: '000.00.52.H15' })).agency.successorCode).toBeNull();

    // Data written around the use cases (by hand in SQL) must not hang resolution.
    await db.dataSource.query(
      `UPDATE agency SET successor_code = '000.00.50.H15' WHERE code = '000.00.52.H15'`,
    );
    await expect(resolve.execute({ code: '000.00.51.H15' })).rejects.toMatchObject({
      code: 'AGENCY_SUCCESSOR_CYCLE',
      details: { chain: ['000.00.51.H15', '000.00.52.H15', '000.00.50.H15', '000.00.51.H15'] },
    });
  });

  it('enforces the code format in the database too, with the same error code', async () => {
    const error = await db.dataSource
      .query(`INSERT INTO agency (code, name, level_label) VALUES ('bad', 'x', 'y')`)
      .catch((e: unknown) => e);
    expect(translateDatabaseError(error)).toMatchObject({ code: 'AGENCY_CODE_INVALID', status: 400 });
    const duplicate = await db.dataSource
      .query(`INSERT INTO agency (code, name, level_label) VALUES ('${DEMO_DISTRICT_CODE}', 'x', 'y')`)
      .catch((e: unknown) => e);
    expect(translateDatabaseError(duplicate)).toMatchObject({ code: 'AGENCY_CODE_TAKEN', status: 409 });
  });

  it('folds every Vietnamese letter in the database exactly as foldVietnamese does', async () => {
    const lower = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
    const name = `${lower} ${lower.toUpperCase()} Ea H'Leo`;
    await create.execute({ actor: admin, agency: newAgency('000.00.66.H15', null, { name }) });
    const [{ search_text }] = await db.dataSource.query(
      `SELECT search_text FROM agency WHERE code = '000.00.66.H15'`,
    );
    expect(search_text.trim()).toBe(foldVietnamese(name));
  });

  it('writes the agency and its audit event in one transaction', async () => {
    const before = [await count('agency'), await count('audit_event')];
    await expect(
      db.database.transaction(async () => {
        await create.execute({ actor: admin, agency: newAgency('000.00.77.H15') });
        expect(await count('agency')).toBe(before[0]); // the pool's connection cannot see it yet
        throw new Error('caller failed after the use case');
      }),
    ).rejects.toThrow('caller failed');
    expect([await count('agency'), await count('audit_event')]).toEqual(before);

    await create.execute({ actor: admin, agency: newAgency('000.00.77.H15') });
    expect([await count('agency'), await count('audit_event')]).toEqual([before[0] + 1, before[1] + 1]);
  });
});
