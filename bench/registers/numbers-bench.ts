import { AuditEventRepository } from '../../libs/audit/src/audit-event.repository';
import { AuditLog } from '../../libs/audit/src/audit-log';
import { createDataSource } from '../../libs/persistence/src/data-source-factory';
import { Database } from '../../libs/persistence/src/database';
import { RegisterEntryRepository } from '../../libs/registers/src/entries/register-entry.repository';
import { NumberAllocator, numberingGroup } from '../../libs/registers/src/numbering/number-allocator';
import { RegisterRepository } from '../../libs/registers/src/numbering/register.repository';
import { newEntry } from '../../libs/registers/src/search/entry-search.test-helper';
import { composeNotation, formatDocumentNumber } from '../../libs/registers/src/types/notation';
import { DocumentTypeRepository } from '../../libs/registers/src/types/document-type.repository';
import { SystemClock } from '../../libs/shared/src/clock';
import { ALL_ENTITIES } from '../../test/kit/all-entities';
import { insertAgency, insertUser } from '../../test/kit/factories';
import type { BenchPostgres } from './bench-postgres';

export interface NumbersResult {
  perSecond: number;
  issued: number;
  clients: number;
}

/**
 * The database part of issuing an outgoing document, by `clients` concurrent clients on one
 * register: take the number (NumberAllocator.takeOutgoing), insert the entry and append the audit
 * event in the agency's numbering group transaction, as IssueOutgoing does (issues that queue behind
 * a running one commit together). Afterwards the register must hold exactly the numbers 1..N, each
 * once, or the benchmark fails.
 */
export async function runNumbersBench(
  pg: BenchPostgres,
  total: number,
  clients: number,
): Promise<NumbersResult> {
  const url = await pg.createMigrated('bench_numbers');
  // One connection per client: 50 transactions really queue on the register row at once.
  const dataSource = createDataSource({ url, entities: ALL_ENTITIES, poolSize: clients });
  await dataSource.initialize();
  try {
    const db = new Database(dataSource);
    const agency = await insertAgency(dataSource, {
      code: '000.00.12.H15',
      name: "UBND huyện Ea H'Leo",
      levelLabel: 'Huyện',
    });
    const clerk = await insertUser(dataSource, {
      agencyId: agency.id,
      username: 'vanthu.huyen',
      roles: ['clerk'],
    });
    const clock = new SystemClock();
    const numbers = new NumberAllocator(db, new RegisterRepository(db), new DocumentTypeRepository(db));
    const entries = new RegisterEntryRepository(db, new DocumentTypeRepository(db));
    const audit = new AuditLog(db, new AuditEventRepository(db), clock);
    const notation = composeNotation({
      typeAbbreviation: null,
      issuerAbbreviation: 'UBND',
      unitAbbreviation: 'VP',
    });
    const year = 2026;

    const issue = (i: number) =>
      db.groupTransaction(numberingGroup(agency.id, 'outgoing'), async () => {
        const taken = await numbers.takeOutgoing(agency.id, year, 'CV');
        const at = clock.now();
        const entry = await entries.insert(
          newEntry(agency.id, {
            direction: 'outgoing',
            status: 'issued',
            registerId: taken.registerId,
            number: taken.number,
            year: taken.year,
            entryDate: '2026-11-25',
            codeNumber: formatDocumentNumber(taken.number),
            codeNotation: notation,
            issuedDate: '2026-11-25',
            subject: `V/v triển khai kế hoạch chuyển đổi số năm 2026 (bản ${i})`,
            organName: "UBND huyện Ea H'Leo",
            createdBy: clerk.id,
            createdAt: at,
          }),
        );
        await audit.record({
          action: 'outgoing.issued',
          agencyId: agency.id,
          actor: { id: clerk.id, name: clerk.username },
          subjectType: 'entry',
          subjectId: entry.id,
          details: { number: taken.number, year: taken.year, notation },
        });
      });

    // Warm the pool and the register row, then start counting from a clean register.
    await Promise.all(Array.from({ length: clients }, (_, i) => issue(-i)));
    await dataSource.query(`DELETE FROM register_entry; UPDATE register SET next_number = 1`);

    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < total) await issue(next++);
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    const [check] = await dataSource.query(
      `SELECT count(*)::int AS n, count(DISTINCT number)::int AS distinct_numbers, min(number) AS lo, max(number) AS hi
         FROM register_entry WHERE direction = 'outgoing'`,
    );
    if (check.n !== total || check.distinct_numbers !== total || check.lo !== 1 || check.hi !== total)
      throw new Error(`numbering broke: expected exactly 1..${total}, found ${JSON.stringify(check)}`);
    return { perSecond: total / seconds, issued: total, clients };
  } finally {
    await dataSource.destroy();
  }
}
