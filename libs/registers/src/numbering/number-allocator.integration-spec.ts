import {
  createTestDatabase,
  insertAgency,
  recordStatements,
  type AgencyRow,
  type TestDatabase,
} from '@vanthu/test-kit';
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
    allocator = new NumberAllocator(db.database, registers, new DocumentTypeRepository(db.database));
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

  describe('several numbers in one transaction', () => {
    /** Runs `work` in a transaction and returns it with the statements sent that touch `register`. */
    async function counting<T>(work: () => Promise<T>): Promise<{ result: T; registerStatements: string[] }> {
      let statements: string[] = [];
      const result = await db.database.transaction(async () => {
        statements = await recordStatements(db.database);
        return work();
      });
      return { result, registerStatements: statements.filter((sql) => /\bregister\b/.test(sql)) };
    }

    const nextNumberInDatabase = async () =>
      Number(
        (
          await db.dataSource.query(
            `SELECT next_number FROM register WHERE agency_id = $1 AND kind = 'outgoing'`,
            [agency.id],
          )
        )[0].next_number,
      );

    it('takes the first from the register row and the rest in memory, writing the counter once', async () => {
      await take();
      const { result, registerStatements } = await counting(async () => {
        const numbers: number[] = [];
        for (let i = 0; i < 5; i++)
          numbers.push((await allocator.takeOutgoing(agency.id, 2026, 'QD')).number);
        return numbers;
      });
      expect(result).toEqual([2, 3, 4, 5, 6]);
      expect(registerStatements).toHaveLength(2);
      expect(registerStatements[1]).toMatch(/^UPDATE register AS r SET next_number/);
      expect(await nextNumberInDatabase()).toBe(7);
      expect((await take()).number).toBe(7);
    });

    it('writes nothing back for a single number', async () => {
      const { registerStatements } = await counting(() => allocator.takeOutgoing(agency.id, 2026, 'QD'));
      // the first number of the year creates the register: find, ensure (insert + select), take
      expect(registerStatements.some((sql) => /unnest/.test(sql))).toBe(false);
      expect(await nextNumberInDatabase()).toBe(2);
    });

    it('counts the single series once whatever the types, and per type when the agency chose that', async () => {
      const mixed = await db.database.transaction(async () => [
        (await allocator.takeOutgoing(agency.id, 2026, 'QD')).number,
        (await allocator.takeOutgoing(agency.id, 2026, 'TB')).number,
        (await allocator.takeOutgoing(agency.id, 2026, 'CV')).number,
      ]);
      expect(mixed).toEqual([1, 2, 3]);
      await registers.setOutgoingSeries(agency.id, 'per_type', new Date());
      const perType = await db.database.transaction(async () => [
        (await allocator.takeOutgoing(agency.id, 2026, 'QD')).number,
        (await allocator.takeOutgoing(agency.id, 2026, 'TB')).number,
        (await allocator.takeOutgoing(agency.id, 2026, 'QD')).number,
        (await allocator.takeArrival(agency.id, 2026)).number,
        (await allocator.takeArrival(agency.id, 2026)).number,
      ]);
      expect(perType).toEqual([1, 1, 2, 1, 2]);
      const after = await db.database.transaction(async () => [
        (await allocator.takeOutgoing(agency.id, 2026, 'QD')).number,
        (await allocator.takeOutgoing(agency.id, 2026, 'TB')).number,
        (await allocator.takeArrival(agency.id, 2026)).number,
      ]);
      expect(after).toEqual([3, 2, 3]);
    });

    it('gives every number of a failed transaction back, the ones counted in memory included', async () => {
      await expect(
        db.database.transaction(async () => {
          for (let i = 0; i < 4; i++) await allocator.takeOutgoing(agency.id, 2026, 'QD');
          throw new Error('signing failed');
        }),
      ).rejects.toThrow('signing failed');
      expect((await take()).number).toBe(1);
    });

    it('refuses to take a number outside a transaction', async () => {
      await expect(allocator.takeOutgoing(agency.id, 2026, 'QD')).rejects.toThrow(/inside the transaction/);
    });
  });
});
