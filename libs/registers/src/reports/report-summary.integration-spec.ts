import type { CountCertificatesByLevelUseCase, LevelCount } from '@vanthu/certificates';
import type { Principal, Role } from '@vanthu/identity';
import { Clock } from '@vanthu/shared';
import {
  createTestDatabase,
  insertAgency,
  insertUnit,
  insertUser,
  type TestDatabase,
} from '@vanthu/test-kit';
import { ReportRepository } from './report.repository';
import { registerFixtures as fx } from './register-fixtures.test-helper';
import { GetReportSummaryUseCase } from './use-cases/get-report-summary.use-case';

class FixedClock extends Clock {
  // 10:00 in Vietnam on 10 April 2026.
  now(): Date {
    return new Date('2026-04-10T03:00:00Z');
  }
}

/** What the certificates lib answers; the real one is exercised over HTTP in the e2e spec. */
const CERTIFICATE_FIGURES: LevelCount[] = [{ levelLabel: 'Huyện', organisations: 1, persons: 4 }];

describe('report summary (real PostgreSQL)', () => {
  let db: TestDatabase;
  let summary: GetReportSummaryUseCase;
  const ids: Record<string, string> = {};
  const period = { from: '2026-01-01', to: '2026-03-31' };

  const principal = (agency: string, role: Role): Principal => ({
    userId: ids.author!,
    username: `${role}.${agency}`,
    fullName: role,
    agencyId: ids[agency]!,
    roles: [{ agencyId: ids[agency]!, role }],
    sessionId: 's',
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    const ds = db.dataSource;
    const certificates = {
      execute: async () => CERTIFICATE_FIGURES,
    } as unknown as CountCertificatesByLevelUseCase;
    summary = new GetReportSummaryUseCase(
      db.database,
      new ReportRepository(db.database),
      certificates,
      new FixedClock(),
    );

    const district = await insertAgency(ds, {
      code: '000.00.12.H15',
      name: "UBND huyện Ea H'Leo",
      levelLabel: 'Huyện',
    });
    const communeA = await insertAgency(ds, {
      code: '000.01.12.H15',
      name: 'UBND thị trấn Ea Drăng',
      parentId: district.id,
    });
    const communeB = await insertAgency(ds, {
      code: '000.05.12.H15',
      name: 'UBND xã Ea Wy',
      parentId: district.id,
      hosted: false,
    });
    const other = await insertAgency(ds, {
      code: '000.00.13.H15',
      name: 'UBND huyện Krông Búk',
      levelLabel: 'Huyện',
    });
    Object.assign(ids, {
      district: district.id,
      communeA: communeA.id,
      communeB: communeB.id,
      other: other.id,
    });
    ids.author = (
      await insertUser(ds, { agencyId: district.id, username: 'd.author', roles: ['leader'] })
    ).id;
    const vp = (
      await insertUnit(ds, { agencyId: district.id, code: 'VP', name: 'Văn phòng', abbreviation: 'VP' })
    ).id;
    const tckh = (
      await insertUnit(ds, {
        agencyId: district.id,
        code: 'TCKH',
        name: 'Phòng Tài chính - Kế hoạch',
        abbreviation: 'TCKH',
      })
    ).id;
    Object.assign(ids, { vp, tckh });

    const registers = async (agencyId: string) => ({
      in: await fx.register(ds, agencyId, 2026, 'incoming'),
      out: await fx.register(ds, agencyId, 2026, 'outgoing'),
      oldIn: await fx.register(ds, agencyId, 2025, 'incoming'),
    });
    const d = await registers(district.id);
    let n = 0;
    const incoming = (f: Partial<Parameters<typeof fx.entry>[1]>) =>
      fx.entry(ds, {
        agencyId: district.id,
        direction: 'incoming',
        status: 'closed',
        entryDate: '2026-01-01',
        registerId: d.in,
        number: ++n,
        ...f,
      });
    // Six registered in the period: 3 closed on time, 1 closed a day late, 1 open and overdue, 1 open.
    await incoming({
      entryDate: '2026-01-05',
      leadUnitId: vp,
      source: 'exchange',
      dueDate: '2026-01-20',
      closedAt: '2026-01-19T10:00:00Z',
    });
    // 23:30 in Vietnam on the deadline itself: on time.
    await incoming({
      entryDate: '2026-01-10',
      typeCode: 'QD',
      leadUnitId: vp,
      source: 'local',
      dueDate: '2026-01-25',
      closedAt: '2026-01-25T16:30:00Z',
    });
    // Still 10 February in UTC, but 00:30 on 11 February in Vietnam: late.
    await incoming({
      entryDate: '2026-02-03',
      typeCode: 'TB',
      leadUnitId: tckh,
      source: 'upload',
      dueDate: '2026-02-10',
      closedAt: '2026-02-10T17:30:00Z',
    });
    await incoming({
      entryDate: '2026-02-14',
      leadUnitId: tckh,
      source: 'upload',
      dueDate: '2026-02-28',
      closedAt: '2026-02-20T02:00:00Z',
    });
    await incoming({
      entryDate: '2026-03-01',
      status: 'registered',
      source: 'exchange',
      dueDate: '2026-03-05',
    });
    await incoming({
      entryDate: '2026-03-20',
      status: 'in_progress',
      leadUnitId: vp,
      source: 'upload',
      dueDate: '2026-05-01',
    });
    // Outside the period (arrived and closed in 2025), and an inbox item never registered.
    await incoming({
      entryDate: '2025-12-20',
      registerId: d.oldIn,
      number: 1,
      dueDate: '2025-12-25',
      closedAt: '2025-12-24T02:00:00Z',
    });
    await fx.entry(ds, {
      agencyId: district.id,
      direction: 'incoming',
      status: 'received',
      entryDate: '2026-01-15',
      source: 'local',
    });

    let m = 0;
    const outgoing = (f: Partial<Parameters<typeof fx.entry>[1]>) =>
      fx.entry(ds, {
        agencyId: district.id,
        direction: 'outgoing',
        status: 'issued',
        entryDate: '2026-01-01',
        registerId: d.out,
        number: ++m,
        ...f,
      });
    const o1 = await outgoing({
      entryDate: '2026-01-12',
      issuedDate: '2026-01-12',
      typeCode: 'QD',
      draftingUnitId: vp,
    });
    await fx.version(ds, district.id, o1, 'original', 1);
    await fx.version(ds, district.id, o1, 'issued', 2);
    for (const channel of ['local', 'exchange', 'paper', 'internal'])
      await fx.delivery(ds, { entryId: o1, senderAgencyId: district.id, channel });
    await fx.delivery(ds, { entryId: o1, senderAgencyId: district.id, channel: 'local', business: 'revoke' });
    const o2 = await outgoing({ entryDate: '2026-02-05', issuedDate: '2026-02-05', draftingUnitId: tckh });
    await fx.version(ds, district.id, o2, 'personal_signed');
    await fx.delivery(ds, { entryId: o2, senderAgencyId: district.id, channel: 'paper' });
    // Registered as a paper document: no signed version.
    const o3 = await outgoing({ entryDate: '2026-03-10', issuedDate: '2026-03-10', draftingUnitId: vp });
    await fx.version(ds, district.id, o3, 'upload');
    await fx.delivery(ds, { entryId: o3, senderAgencyId: district.id, channel: 'paper' });
    // A draft and a document issued after the period count nowhere.
    const draft = await fx.entry(ds, {
      agencyId: district.id,
      direction: 'outgoing',
      status: 'draft',
      entryDate: '2026-02-01',
      draftingUnitId: vp,
    });
    await fx.version(ds, district.id, draft, 'original');
    await outgoing({ entryDate: '2026-04-02', issuedDate: '2026-04-02', draftingUnitId: vp });

    const a = await registers(communeA.id);
    for (const [i, day] of ['2026-01-07', '2026-01-21'].entries())
      await fx.entry(ds, {
        agencyId: communeA.id,
        direction: 'incoming',
        status: 'registered',
        entryDate: day,
        registerId: a.in,
        number: i + 1,
        source: 'local',
      });
    await fx.entry(ds, {
      agencyId: communeA.id,
      direction: 'outgoing',
      status: 'issued',
      entryDate: '2026-02-11',
      issuedDate: '2026-02-11',
      typeCode: 'TB',
      registerId: a.out,
      number: 1,
    });

    const b = await registers(communeB.id);
    await fx.entry(ds, {
      agencyId: communeB.id,
      direction: 'incoming',
      status: 'registered',
      entryDate: '2026-01-08',
      registerId: b.in,
      number: 1,
    });
    const x = await registers(other.id);
    for (let i = 1; i <= 5; i++)
      await fx.entry(ds, {
        agencyId: other.id,
        direction: 'incoming',
        status: 'closed',
        entryDate: '2026-01-09',
        registerId: x.in,
        number: i,
        dueDate: '2026-01-10',
        closedAt: '2026-01-30T02:00:00Z',
        source: 'upload',
      });
    await fx.entry(ds, {
      agencyId: other.id,
      direction: 'outgoing',
      status: 'issued',
      entryDate: '2026-01-09',
      issuedDate: '2026-01-09',
      registerId: x.out,
      number: 1,
    });
  });
  afterAll(() => db.close());

  it('counts the documents in and out by month, type and unit, only of the agency and the period', async () => {
    const r = await summary.execute({
      principal: principal('district', 'leader'),
      agencyId: ids.district!,
      ...period,
    });
    expect(r.agencies.map((a) => a.id)).toEqual([ids.district]);
    expect(r.totals).toEqual({ incoming: 6, outgoing: 3 });
    expect(r.byMonth).toEqual([
      { month: '2026-01', incoming: 2, outgoing: 1 },
      { month: '2026-02', incoming: 2, outgoing: 1 },
      { month: '2026-03', incoming: 2, outgoing: 1 },
    ]);
    expect(r.byType).toEqual([
      { typeCode: 'QD', typeName: 'Quyết định', incoming: 1, outgoing: 1 },
      { typeCode: 'TB', typeName: 'Thông báo', incoming: 1, outgoing: 0 },
      { typeCode: 'CV', typeName: 'Công văn', incoming: 4, outgoing: 2 },
    ]);
    const strip = (units: { unitName: string | null; count: number }[]) =>
      units.map((u) => [u.unitName, u.count]);
    expect(strip(r.byUnit.incoming)).toEqual([
      ['Văn phòng', 3],
      ['Phòng Tài chính - Kế hoạch', 2],
      [null, 1],
    ]);
    expect(strip(r.byUnit.outgoing)).toEqual([
      ['Văn phòng', 2],
      ['Phòng Tài chính - Kế hoạch', 1],
    ]);
    expect(r.byAgency).toEqual([
      { agencyId: ids.district, name: "UBND huyện Ea H'Leo", incoming: 6, outgoing: 3 },
    ]);
  });

  it('rates handling on time by the Vietnam date of closing, and counts open overdue documents today', async () => {
    const r = await summary.execute({
      principal: principal('district', 'clerk'),
      agencyId: ids.district!,
      ...period,
    });
    expect(r.onTime).toEqual({ part: 3, total: 4, rate: 0.75, openOverdue: 1, asOf: '2026-04-10' });
  });

  it('gives the digitally signed share and the electronic share of deliveries and arrivals', async () => {
    const r = await summary.execute({
      principal: principal('district', 'admin'),
      agencyId: ids.district!,
      ...period,
    });
    expect(r.digitallySigned).toEqual({ part: 2, total: 3, rate: 2 / 3 });
    expect(r.electronicExchange.outgoing).toEqual({ part: 2, total: 5, rate: 0.4 });
    expect(r.electronicExchange.incoming).toEqual({ part: 3, total: 6, rate: 0.5 });
  });

  it('lists every month of a partial period, zeros included, and counts only the dates inside it', async () => {
    const r = await summary.execute({
      principal: principal('district', 'leader'),
      agencyId: ids.district!,
      from: '2026-01-06',
      to: '2026-04-30',
    });
    expect(r.byMonth).toEqual([
      { month: '2026-01', incoming: 1, outgoing: 1 },
      { month: '2026-02', incoming: 2, outgoing: 1 },
      { month: '2026-03', incoming: 2, outgoing: 1 },
      { month: '2026-04', incoming: 0, outgoing: 1 },
    ]);
    const empty = await summary.execute({
      principal: principal('district', 'leader'),
      agencyId: ids.district!,
      from: '2024-01-01',
      to: '2024-01-31',
    });
    expect(empty.onTime.rate).toBeNull();
    expect(empty.digitallySigned).toEqual({ part: 0, total: 0, rate: null });
  });

  it('adds up the hosted agencies below the district for its leader, never another tree', async () => {
    const r = await summary.execute({
      principal: principal('district', 'leader'),
      agencyId: ids.district!,
      ...period,
      includeSubordinates: true,
    });
    expect(r.agencies.map((a) => a.name)).toEqual(["UBND huyện Ea H'Leo", 'UBND thị trấn Ea Drăng']);
    expect(r.totals).toEqual({ incoming: 8, outgoing: 4 });
    expect(r.byAgency.map((a) => [a.name, a.incoming, a.outgoing])).toEqual([
      ["UBND huyện Ea H'Leo", 6, 3],
      ['UBND thị trấn Ea Drăng', 2, 1],
    ]);
    expect(r.byMonth[0]).toEqual({ month: '2026-01', incoming: 4, outgoing: 1 });
    expect(r.electronicExchange.incoming).toEqual({ part: 5, total: 8, rate: 5 / 8 });
  });

  it('shows the certificate figures to leaders and admins only', async () => {
    const leader = await summary.execute({
      principal: principal('district', 'leader'),
      agencyId: ids.district!,
      ...period,
    });
    const clerk = await summary.execute({
      principal: principal('district', 'clerk'),
      agencyId: ids.district!,
      ...period,
    });
    expect(leader.certificatesByLevel).toEqual(CERTIFICATE_FIGURES);
    expect(clerk.certificatesByLevel).toBeNull();
  });

  it('refuses the district to a commune leader (404), subordinates to a clerk (403), a reversed period (400)', async () => {
    await expect(
      summary.execute({ principal: principal('communeA', 'leader'), agencyId: ids.district!, ...period }),
    ).rejects.toMatchObject({ code: 'AGENCY_NOT_FOUND' });
    await expect(
      summary.execute({
        principal: principal('district', 'clerk'),
        agencyId: ids.district!,
        ...period,
        includeSubordinates: true,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      summary.execute({ principal: principal('district', 'specialist'), agencyId: ids.district!, ...period }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      summary.execute({
        principal: principal('district', 'leader'),
        agencyId: ids.district!,
        from: '2026-03-01',
        to: '2026-02-01',
      }),
    ).rejects.toMatchObject({ code: 'REPORT_PERIOD_INVALID' });
    const commune = await summary.execute({
      principal: principal('communeA', 'leader'),
      agencyId: ids.communeA!,
      ...period,
      includeSubordinates: true,
    });
    expect(commune.agencies.map((a) => a.id)).toEqual([ids.communeA]);
    expect(commune.totals).toEqual({ incoming: 2, outgoing: 1 });
  });
});
