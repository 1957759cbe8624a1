import { AuditEventRepository, AuditLog } from '@vanthu/audit';
import { isAppException, newId, SystemClock } from '@vanthu/shared';
import { createTestDatabase, type TestDatabase } from '@vanthu/test-kit';
import { AgencyRepository } from './agency.repository';
import { DEMO_AGENCIES, DEMO_DISTRICT_CODE, DEMO_PROVINCE_CODE, demoCommuneCode } from './demo/demo-agencies';
import { type DirectoryActor, type DirectoryUserActor, SystemDirectoryActor } from './directory-actor';
import { DirectoryAuthorization } from './directory-authorization';
import type { ImportProblem } from './directory.errors';
import { ExportAgenciesUseCase } from './use-cases/export-agencies.use-case';
import { type DirectoryFileFormat, ImportAgenciesUseCase } from './use-cases/import-agencies.use-case';
import { UpdateAgencyUseCase } from './use-cases/update-agency.use-case';

const SYSTEM = new SystemDirectoryActor('test seed');

function directoryOn(db: TestDatabase) {
  const clock = new SystemClock();
  const agencies = new AgencyRepository(db.database);
  const audit = new AuditLog(db.database, new AuditEventRepository(db.database), clock);
  const authorization = new DirectoryAuthorization(agencies);
  return {
    agencies,
    importer: new ImportAgenciesUseCase(db.database, agencies, authorization, audit, clock),
    exporter: new ExportAgenciesUseCase(agencies, clock),
    update: new UpdateAgencyUseCase(db.database, agencies, authorization, audit, clock),
  };
}

async function count(db: TestDatabase, table: 'agency' | 'audit_event'): Promise<number> {
  const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
  return n;
}

/** The problems an import was refused with (fails the test if it was not refused that way). */
async function problemsOf(promise: Promise<unknown>): Promise<ImportProblem[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isAppException(error) || error.code !== 'DIRECTORY_IMPORT_INVALID')
    throw new Error(`not refused: ${error}`);
  expect(error.status).toBe(422);
  return (error.details as { problems: ImportProblem[] }).problems;
}

const HEADER = 'code,name,levelLabel,parentCode,hosted';

describe('directory import and export (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dir: ReturnType<typeof directoryOn>;
  const run = (content: string, format: DirectoryFileFormat = 'json', actor: DirectoryActor = SYSTEM) =>
    dir.importer.execute({ actor, format, content });

  beforeEach(async () => {
    db = await createTestDatabase();
    dir = directoryOn(db);
  });
  afterEach(() => db.close());

  it('imports JSON with children before their parents, then upserts by code', async () => {
    const reversed = [...DEMO_AGENCIES].reverse();
    expect(await run(JSON.stringify(reversed))).toEqual({ created: 15, updated: 0, unchanged: 0 });
    expect((await dir.agencies.findByCode(demoCommuneCode(7)))?.parentCode).toBe(DEMO_DISTRICT_CODE);
    expect((await dir.agencies.findByCode(DEMO_DISTRICT_CODE))?.parentCode).toBe(DEMO_PROVINCE_CODE);

    const renamed = DEMO_AGENCIES.map((a) =>
      a.code === demoCommuneCode(2) ? { ...a, name: 'Ủy ban nhân dân xã Ea H’Leo (mới)' } : a,
    );
    expect(await run(JSON.stringify(renamed))).toEqual({ created: 0, updated: 1, unchanged: 14 });
    expect(await dir.agencies.findByCode(demoCommuneCode(2))).toMatchObject({
      name: 'Ủy ban nhân dân xã Ea H’Leo (mới)',
      version: 2,
    });
    const events = await db.dataSource.query(`SELECT action, details FROM audit_event ORDER BY seq`);
    expect(events.map((e: { action: string }) => e.action)).toEqual([
      'directory.imported',
      'directory.imported',
    ]);
    expect(events[1].details).toMatchObject({
      format: 'json',
      rows: 15,
      created: 0,
      updated: 1,
      unchanged: 14,
    });
  });

  it('imports CSV with a BOM, parents later in the file and an existing parent', async () => {
    await run(JSON.stringify(DEMO_AGENCIES.slice(0, 3)));
    const csv = [
      HEADER,
      '000.01.12.H15.VP,Văn phòng,Phòng,000.01.12.H15,false',
      `000.01.12.H15,"Ủy ban nhân dân thị trấn Ea Drăng",Xã,${DEMO_DISTRICT_CODE},true`,
      '',
      '000.00.00.h99 , Cơ quan mới , Tỉnh , ,',
    ].join('\r\n');
    expect(await run(`\uFEFF${csv}`, 'csv')).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(await dir.agencies.findByCode('000.01.12.H15.VP')).toMatchObject({
      parentCode: '000.01.12.H15',
      hosted: false,
    });
    expect(await dir.agencies.findByCode('000.00.00.H99')).toMatchObject({
      name: 'Cơ quan mới',
      parentCode: null,
      levelLabel: 'Tỉnh',
    });
  });

  it('writes nothing when one row is bad, and names that row', async () => {
    const rows: unknown[] = DEMO_AGENCIES.map((a) => ({ ...a }));
    rows[4] = { ...DEMO_AGENCIES[4], code: '000.05.12' };
    const problems = await problemsOf(run(JSON.stringify(rows)));
    expect(problems).toEqual([
      expect.objectContaining({ row: 5, field: 'code', problem: 'AGENCY_CODE_INVALID' }),
    ]);
    expect([await count(db, 'agency'), await count(db, 'audit_event')]).toEqual([0, 0]);
  });

  it('reports every bad CSV row at once with its spreadsheet row number', async () => {
    await run(JSON.stringify(DEMO_AGENCIES.slice(0, 3)));
    const csv = [
      HEADER,
      '000.00.90.H15,Có cấp trên lạ,Xã,000.00.89.H15,false', // 2: unknown parent
      `000.00.91.H15,Bình thường,Xã,${DEMO_DISTRICT_CODE},false`, // 3: fine
      '000.00.91.H15,Trùng mã,Xã,,false', // 4: duplicate of row 3
      '000.00.92.H15,,Xã,,false', // 5: missing name
      '000.00.93.H15,Vòng A,Xã,000.00.94.H15,false', // 6: cycle with 7
      '000.00.94.H15,Vòng B,Xã,000.00.93.H15,false', // 7
      '000.00.95.H15,Cờ lạ,Xã,,có lẽ', // 8: not a boolean
      '000.00.96.H15,Thiếu cột', // 9: wrong number of cells
      `${DEMO_PROVINCE_CODE},Tỉnh dưới huyện,Tỉnh,${DEMO_DISTRICT_CODE},false`, // 10: cycle with existing rows
    ].join('\n');
    const problems = await problemsOf(run(csv, 'csv'));
    expect(problems.map((p) => [p.row, p.problem])).toEqual([
      [2, 'AGENCY_PARENT_NOT_FOUND'],
      [4, 'AGENCY_CODE_DUPLICATE'],
      [5, 'FIELD_INVALID'],
      [6, 'AGENCY_CYCLE'],
      [7, 'AGENCY_CYCLE'],
      [8, 'FIELD_INVALID'],
      [9, 'CSV_COLUMN_COUNT'],
      [10, 'AGENCY_CYCLE'],
    ]);
    expect(problems.find((p) => p.row === 4)?.message).toBe('Mã 000.00.91.H15 trùng với dòng 3.');
    expect(problems.find((p) => p.row === 5)).toMatchObject({
      field: 'name',
      message: 'Thiếu thông tin bắt buộc.',
    });
    expect(await count(db, 'agency')).toBe(3);
    expect((await dir.agencies.findByCode(DEMO_PROVINCE_CODE))?.parentCode).toBe('000.00.00.G22');
  });

  it('refuses unreadable files and successor loops', async () => {
    expect(await problemsOf(run('[{"code": '))).toMatchObject([{ row: null, problem: 'JSON_INVALID' }]);
    expect(await problemsOf(run('{"code": "000.00.00.G22"}'))).toMatchObject([{ problem: 'JSON_NOT_ARRAY' }]);
    expect(await problemsOf(run('[]'))).toMatchObject([{ problem: 'EMPTY_FILE' }]);
    expect(
      await problemsOf(run('[{"code": "000.00.00.G22", "name": "x", "levelLabel": "y", "extra": 1}]')),
    ).toMatchObject([{ row: 1, problem: 'FIELD_INVALID', field: 'extra' }]);
    const loop = [
      { code: '000.00.80.H15', name: 'A', levelLabel: 'Xã', successorCode: '000.00.81.H15' },
      { code: '000.00.81.H15', name: 'B', levelLabel: 'Xã', successorCode: '000.00.80.H15' },
      { code: '000.00.82.H15', name: 'C', levelLabel: 'Xã', successorCode: '000.00.83.H15' },
    ];
    expect((await problemsOf(run(JSON.stringify(loop)))).map((p) => [p.row, p.problem])).toEqual([
      [1, 'AGENCY_SUCCESSOR_CYCLE'],
      [2, 'AGENCY_SUCCESSOR_CYCLE'],
      [3, 'AGENCY_SUCCESSOR_NOT_FOUND'],
    ]);
    expect(await count(db, 'agency')).toBe(0);
  });

  it('lets only node administrators import', async () => {
    await run(JSON.stringify(DEMO_AGENCIES));
    const commune = await dir.agencies.findByCode(demoCommuneCode(1));
    const district = await dir.agencies.findByCode(DEMO_DISTRICT_CODE);
    const communeAdmin: DirectoryUserActor = {
      userId: newId(),
      name: 'QT xã',
      adminAgencyIds: [commune!.id],
    };
    const nodeAdmin: DirectoryUserActor = {
      userId: newId(),
      name: 'QT huyện',
      adminAgencyIds: [district!.id],
    };
    const file = JSON.stringify([{ code: '000.00.70.H15', name: 'Mới', levelLabel: 'Xã' }]);
    await expect(run(file, 'json', communeAdmin)).rejects.toMatchObject({
      code: 'DIRECTORY_FORBIDDEN',
      status: 403,
    });
    expect(await count(db, 'agency')).toBe(15);
    expect(await run(file, 'json', nodeAdmin)).toEqual({ created: 1, updated: 0, unchanged: 15 - 15 });
    const [event] = await db.dataSource.query(`SELECT * FROM audit_event ORDER BY seq DESC LIMIT 1`);
    expect(event).toMatchObject({
      action: 'directory.imported',
      actor_id: nodeAdmin.userId,
      agency_id: district!.id,
    });
  });

  it.each(['json', 'csv'] as const)('round-trips %s export → import without loss', async (format) => {
    await run(JSON.stringify(DEMO_AGENCIES));
    const tricky = [
      {
        code: '000.00.12.H15.TTR',
        name: 'Thanh tra huyện, "Ea H\'Leo"\nphòng 2',
        shortName: '=SUM(A1)',
        abbreviation: 'TTr',
        parentCode: DEMO_DISTRICT_CODE,
        levelLabel: 'Phòng',
        successorCode: null,
        hosted: true,
        isDemo: false,
        address: "'đã có nháy",
        email: 'ttr@ealeo.daklak.gov.vn',
        phone: '+84 262 3876 123',
        website: 'https://ealeo.daklak.gov.vn/thanh-tra',
      },
      {
        code: '000.00.13.H15',
        name: 'Huyện đã sáp nhập',
        levelLabel: 'Huyện',
        successorCode: DEMO_DISTRICT_CODE,
      },
    ];
    await run(JSON.stringify(tricky));
    const first = await dir.exporter.execute({ format });
    expect(first.mediaType).toBe(
      format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    );
    if (format === 'csv') expect(first.content.startsWith('\uFEFFcode,name,')).toBe(true);

    // Into the same directory: nothing changes.
    expect(await run(first.content, format)).toEqual({ created: 0, updated: 0, unchanged: 17 });

    // Into an empty directory: the same export comes out again.
    const other = await createTestDatabase();
    try {
      const otherDir = directoryOn(other);
      expect(await otherDir.importer.execute({ actor: SYSTEM, format, content: first.content })).toEqual({
        created: 17,
        updated: 0,
        unchanged: 0,
      });
      const second = await otherDir.exporter.execute({ format });
      expect(second.content).toBe(first.content);
      expect(await otherDir.agencies.findByCode('000.00.12.H15.TTR')).toMatchObject(tricky[0]);
    } finally {
      await other.close();
    }
  });

  it('exports parents before children', async () => {
    await run(JSON.stringify([...DEMO_AGENCIES].reverse()));
    const { content } = await dir.exporter.execute({ format: 'json' });
    const codes = (JSON.parse(content) as { code: string }[]).map((a) => a.code);
    expect(codes.slice(0, 3)).toEqual(['000.00.00.G22', DEMO_PROVINCE_CODE, DEMO_DISTRICT_CODE]);
    expect(codes).toHaveLength(15);
  });
});
