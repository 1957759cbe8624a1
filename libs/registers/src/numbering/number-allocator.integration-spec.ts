import { createTestDatabase, insertAgency, type AgencyRow, type TestDatabase } from '@vanthu/test-kit';
import { DocumentTypeRepository } from '../types/document-type.repository';
import { NumberAllocator } from './number-allocator';
import { RegisterRepository } from './register.repository';

describe('NumberAllocator (real PostgreSQL)', () => {
  let db: TestDatabase;
  let registers: RegisterRepository;
  let allocator: NumberAllocator;
  let agency: AgencyRow;

  beforeEach(async () => {
    db = await createTestDatabase();
    registers = new RegisterRepository(db.database);
    allocator = new NumberAllocator(registers, new DocumentTypeRepository(db.database));
    agency = await insertAgency(db.dataSource, { code: '000.00.12.H15', name: "UBND huyện Ea H'Leo" });
  });
  afterEach(() => db.close());

  const take = () => db.database.transaction(() => allocator.takeOutgoing(agency.id, 2026, 'QD'));

  it('hands out 1..200 exactly once to 200 concurrent transactions', async () => {
    const taken = await Promise.all(Array.from({ length: 200 }, take));
    const numbers = taken.map((t) => t.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(new Set(taken.map((t) => t.registerId)).size).toBe(1);
  });

  it('gives a number back when the transaction that took it fails', async () => {
    expect((await take()).number).toBe(1);
    await expect(
      db.database.transaction(async () => {
        await allocator.takeOutgoing(agency.id, 2026, 'QD');
        throw new Error('signing failed');
      }),
    ).rejects.toThrow('signing failed');
    expect((await take()).number).toBe(2);
  });

  it('starts a new series at 01 each year and keeps arrivals apart from outgoing numbers', async () => {
    await take();
    await take();
    const nextYear = await db.database.transaction(() => allocator.takeOutgoing(agency.id, 2027, 'QD'));
    const arrival = await db.database.transaction(() => allocator.takeArrival(agency.id, 2026));
    expect(nextYear.number).toBe(1);
    expect(arrival.number).toBe(1);
    expect(nextYear.registerId).not.toBe(arrival.registerId);
  });

  it('numbers each document type separately once the agency chooses per-type series', async () => {
    await registers.setOutgoingSeries(agency.id, 'per_type', new Date());
    const decision = await take();
    const notice = await db.database.transaction(() => allocator.takeOutgoing(agency.id, 2026, 'TB'));
    const decision2 = await take();
    expect([decision.number, notice.number, decision2.number]).toEqual([1, 1, 2]);
    const names = (await registers.listByAgency(agency.id)).map((r) => r.name).sort();
    expect(names).toEqual([
      'Sổ đăng ký văn bản đi – Quyết định năm 2026',
      'Sổ đăng ký văn bản đi – Thông báo năm 2026',
    ]);
  });

  it('refuses a document type outside the ND30 list', async () => {
    await registers.setOutgoingSeries(agency.id, 'per_type', new Date());
    await expect(
      db.database.transaction(() => allocator.takeOutgoing(agency.id, 2026, 'XX')),
    ).rejects.toMatchObject({ code: 'DOCUMENT_TYPE_UNKNOWN' });
  });
});
