import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditChainVerifier, AuditEventRepository, AuditLog } from '@vanthu/audit';
import { DocumentStore } from '@vanthu/documents';
import { newId, RequestContext, SystemClock } from '@vanthu/shared';
import type { VerificationReport } from '@vanthu/signing';
import { FilesystemObjectStorage } from '@vanthu/storage';
import { createTestDatabase, insertAgency, insertUser, type TestDatabase } from '@vanthu/test-kit';
// the documents lib keeps its repositories to itself; this test builds its store by hand
import { DocumentVersionRepository } from '../../../documents/src/document-version.repository';
import { StoredObjectClaimRepository } from '../../../documents/src/stored-object-claim.repository';
import { RegisterEntryRepository } from '../entries/register-entry.repository';
import { UNSET_ENTRY_FIELDS } from '../entries/unset-entry-fields';
import { NumberAllocator } from '../numbering/number-allocator';
import { RegisterRepository } from '../numbering/register.repository';
import { principalOf } from '../search/entry-search.test-helper';
import { DocumentTypeRepository } from '../types/document-type.repository';
import { IncomingDuplicateGuard } from './incoming-duplicate.guard';
import { IncomingRegistrar, type PendingRegistration } from './incoming-registrar';

const UNSIGNED: VerificationReport = {
  verdict: 'unsigned',
  revisions: 1,
  signatures: [],
  documentReasons: [],
  activeContent: [],
  verifiedAt: '2026-11-26T03:00:00.000Z',
};

describe('IncomingRegistrar (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dir: string;
  let registrar: IncomingRegistrar;
  let documents: DocumentStore;
  let verifier: AuditChainVerifier;
  let statements: string[];
  const agencies: string[] = [];
  const clerks: string[] = [];

  beforeEach(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'vanthu-registrar-'));
    const clock = new SystemClock();
    const entries = new RegisterEntryRepository(db.database, new DocumentTypeRepository(db.database));
    const events = new AuditEventRepository(db.database);
    documents = new DocumentStore(
      db.database,
      new FilesystemObjectStorage({ root: dir }),
      new DocumentVersionRepository(db.database),
      new StoredObjectClaimRepository(db.database),
      clock,
    );
    registrar = new IncomingRegistrar(
      db.database,
      entries,
      new NumberAllocator(
        db.database,
        new RegisterRepository(db.database),
        new DocumentTypeRepository(db.database),
      ),
      new IncomingDuplicateGuard(entries),
      documents,
      new AuditLog(db.database, events, clock),
    );
    verifier = new AuditChainVerifier(events);
    agencies.length = 0;
    clerks.length = 0;
    for (const i of [1, 2]) {
      const agency = await insertAgency(db.dataSource, { code: `000.0${i}.12.H15`, name: `UBND xã ${i}` });
      const clerk = await insertUser(db.dataSource, {
        agencyId: agency.id,
        username: `vanthu${i}`,
        roles: ['clerk'],
      });
      agencies.push(agency.id);
      clerks.push(clerk.id);
    }
    // every statement sent on any pooled connection
    statements = [];
    const pool = (
      db.dataSource.driver as unknown as { master: { on: (e: string, f: (c: unknown) => void) => void } }
    ).master;
    pool.on('acquire', (client) => {
      const c = client as { query: (...args: unknown[]) => unknown; counted?: boolean };
      if (c.counted) return;
      c.counted = true;
      const original = c.query;
      c.query = function (this: unknown, ...args: unknown[]) {
        const first = args[0];
        statements.push(typeof first === 'string' ? first : String((first as { text?: string })?.text));
        return original.apply(this, args);
      };
    });
  });
  afterEach(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A registration ready to be written, its file stored (and claimed) as the use case does. */
  async function pending(
    agency: 0 | 1,
    over: Partial<PendingRegistration['entry']> = {},
    confirmDuplicate = false,
  ): Promise<PendingRegistration> {
    const agencyId = agencies[agency];
    const id = newId();
    const stored = await documents.store(Buffer.from(`%PDF-1.7 ${id}`));
    return {
      principal: principalOf(agencyId, clerks[agency], 'clerk'),
      year: 2026,
      confirmDuplicate,
      entry: {
        ...UNSET_ENTRY_FIELDS,
        id,
        agencyId,
        direction: 'incoming',
        status: 'registered',
        entryDate: '2026-11-26',
        documentTypeCode: 'CV',
        subject: 'V/v báo cáo tình hình thực hiện nhiệm vụ',
        organName: 'UBND tỉnh Đắk Lắk',
        organId: null,
        priority: 'normal',
        codeNumber: String(Math.floor(Math.random() * 1e9)),
        codeNotation: 'UBND-VP',
        documentIdentifier: null,
        source: 'upload',
        verificationVerdict: 'unsigned',
        verificationOverridden: false,
        createdBy: clerks[agency],
        createdAt: new Date(),
        ...over,
      },
      files: [
        {
          fileIndex: 0,
          fileName: `${id}.pdf`,
          stored,
          report: UNSIGNED,
        },
      ],
      audit: { verdict: 'unsigned', overridden: false },
      context: { requestId: `req-${id.slice(0, 8)}` },
    };
  }

  const arrivals = async (agencyId: string) =>
    (
      await db.dataSource.query(
        `SELECT number, code_number AS "codeNumber" FROM register_entry WHERE agency_id = $1 ORDER BY number`,
        [agencyId],
      )
    ).map((r: { number: number; codeNumber: string }): [number, string] => [Number(r.number), r.codeNumber]);

  it('writes registrations that arrive together in one transaction, numbered per agency in order', async () => {
    const items = await Promise.all([0, 1, 0, 0, 1, 0, 1, 0, 0, 1].map((a) => pending(a as 0 | 1)));
    const views = await Promise.all(items.map((item) => registrar.register(item)));

    // the first is written at once; the nine submitted meanwhile share the next transaction
    expect(statements.filter((sql) => /^START TRANSACTION/.test(sql))).toHaveLength(2);
    expect(statements.filter((sql) => /INSERT INTO "register_entry"/.test(sql))).toHaveLength(2);
    const ofAgency = (a: number) => items.filter((item) => item.entry.agencyId === agencies[a]);
    for (const a of [0, 1]) {
      expect(await arrivals(agencies[a])).toEqual(
        ofAgency(a).map((item, i) => [i + 1, item.entry.codeNumber]),
      );
    }
    expect(views.map((v) => v.id)).toEqual(items.map((item) => item.entry.id));
    expect(views[2]).toMatchObject({
      arrivalNumber: '02',
      files: [{ fileIndex: 0 }],
      verification: { verdict: 'unsigned' },
    });

    // one audit event per registration, naming the request that asked for it
    const events: { subject_id: string; request_id: string }[] = await db.dataSource.query(
      `SELECT subject_id, request_id FROM audit_event WHERE action = 'incoming.registered'`,
    );
    expect(new Map(events.map((e) => [e.subject_id, e.request_id]))).toEqual(
      new Map(items.map((item) => [item.entry.id, item.context!.requestId])),
    );
    expect((await verifier.verify()).ok).toBe(true);
  });

  it('warns of a duplicate within one batch, and registers it pointing at the first once confirmed', async () => {
    const first = await pending(0, { documentIdentifier: '000.00.12.H15-261120-0012' });
    const again = await pending(0, { documentIdentifier: '000.00.12.H15-261120-0012' });
    const confirmed = await pending(0, { documentIdentifier: '000.00.12.H15-261120-0012' }, true);
    const otherAgency = await pending(1, { documentIdentifier: '000.00.12.H15-261120-0012' });
    const [a, b, c, d] = await Promise.allSettled(
      [await pending(1), first, again, confirmed, otherAgency].map((item) => registrar.register(item)),
    ).then((all) => all.slice(1));

    expect(a).toMatchObject({ status: 'fulfilled', value: { arrivalNumber: '01' } });
    expect(b).toMatchObject({
      status: 'rejected',
      reason: { code: 'ENTRY_DUPLICATE', details: { id: first.entry.id, arrivalNumber: 1 } },
    });
    expect(c).toMatchObject({
      status: 'fulfilled',
      value: { arrivalNumber: '02', duplicateOf: first.entry.id },
    });
    // another agency's register is its own business
    expect(d).toMatchObject({ status: 'fulfilled', value: { duplicateOf: null } });
    expect((await arrivals(agencies[0])).map(([n]: [number, string]) => n)).toEqual([1, 2]);
  });

  it('writes the others alone when one registration of a batch fails in the database', async () => {
    const good = [await pending(0), await pending(1), await pending(0)];
    // a document type outside the ND30 list: only the foreign key can refuse it
    const bad = await pending(1, { documentTypeCode: 'XX' });
    const results = await Promise.allSettled(
      [await pending(0), good[0], bad, good[1], good[2]].map((i) => registrar.register(i)),
    );

    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect(await arrivals(agencies[0])).toHaveLength(3);
    expect((await arrivals(agencies[1])).map(([n]: [number, string]) => n)).toEqual([1]);
    expect(await db.dataSource.query(`SELECT 1 FROM register_entry WHERE id = $1`, [bad.entry.id])).toEqual(
      [],
    );
    expect((await verifier.verify()).ok).toBe(true);
  });

  it('joins a transaction it is called in, and rolls back with it', async () => {
    // a batch is being written when the caller's transaction registers: it must not join that batch
    const inside = await pending(0);
    const outside = registrar.register(await pending(1));
    await expect(
      db.database.transaction(async () => {
        const view = await registrar.register(inside);
        expect(view.arrivalNumber).toBe('01');
        throw new Error('caller failed');
      }),
    ).rejects.toThrow('caller failed');
    await outside;
    expect(await arrivals(agencies[0])).toEqual([]);
    expect(await arrivals(agencies[1])).toHaveLength(1);
    const again = await pending(0);
    await expect(registrar.register(again)).resolves.toMatchObject({ arrivalNumber: '01' });
  });

  it('keeps a registration written alone in the caller context of its request', async () => {
    const item = await pending(0);
    await RequestContext.run({ requestId: 'someone-else' }, () => registrar.register(item));
    const [event] = await db.dataSource.query(`SELECT request_id FROM audit_event WHERE subject_id = $1`, [
      item.entry.id,
    ]);
    expect(event.request_id).toBe(item.context!.requestId);
  });
});
