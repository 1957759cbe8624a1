import { SystemClock } from '@vanthu/shared';
import { createTestDatabase, type TestDatabase } from '@vanthu/test-kit';
import { AuditChainVerifier } from './audit-chain-verifier';
import { AuditEventRepository } from './audit-event.repository';
import { AuditLog } from './audit-log';

describe('AuditLog (real PostgreSQL)', () => {
  let db: TestDatabase;
  let audit: AuditLog;
  let verifier: AuditChainVerifier;

  beforeEach(async () => {
    db = await createTestDatabase();
    const events = new AuditEventRepository(db.database);
    audit = new AuditLog(db.database, events, new SystemClock());
    verifier = new AuditChainVerifier(events);
  });
  afterEach(() => db.close());

  async function writeChain(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      await audit.record({ action: 'test.event', details: { i, nested: { b: 1, a: 'Nguyễn Văn An' } } });
    }
  }

  it('chains rows and verifies an intact chain', async () => {
    await writeChain(5);
    const report = await verifier.verify(2);
    expect(report).toEqual({ ok: true, checked: 5, lastSeq: '5' });
  });

  it('keeps numbering gapless under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => audit.record({ action: 'parallel', details: { i } })),
    );
    const rows = await db.dataSource.query('SELECT seq::int AS seq FROM audit_event ORDER BY seq');
    expect(rows.map((r: { seq: number }) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await verifier.verify()).ok).toBe(true);
  });

  it('rolls back with the caller transaction', async () => {
    await expect(
      db.database.transaction(async () => {
        await audit.record({ action: 'doomed' });
        throw new Error('business failure');
      }),
    ).rejects.toThrow('business failure');
    const [{ count }] = await db.dataSource.query('SELECT count(*)::int AS count FROM audit_event');
    expect(count).toBe(0);
  });

  it('refuses updates and deletes through the append-only trigger', async () => {
    await writeChain(1);
    await expect(db.dataSource.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
  });

  it('reports the first tampered row', async () => {
    await writeChain(6);
    await db.dataSource.query('ALTER TABLE audit_event DISABLE TRIGGER tr_audit_event_append_only');
    await db.dataSource.query(`UPDATE audit_event SET details = '{"i": 99}' WHERE seq = 4`);
    const report = await verifier.verify();
    expect(report.ok).toBe(false);
    expect(report.firstProblem).toEqual({ kind: 'TAMPERED_ROW', seq: '4' });
    expect(report.checked).toBe(3);
  });

  it('reports a missing row', async () => {
    await writeChain(6);
    await db.dataSource.query('ALTER TABLE audit_event DISABLE TRIGGER tr_audit_event_append_only');
    await db.dataSource.query('DELETE FROM audit_event WHERE seq = 3');
    const report = await verifier.verify();
    expect(report.firstProblem).toEqual({ kind: 'MISSING_ROW', expectedSeq: '3', foundSeq: '4' });
  });

  it('reports a row re-hashed to hide an edit (its successor no longer links)', async () => {
    await writeChain(4);
    await db.dataSource.query('ALTER TABLE audit_event DISABLE TRIGGER tr_audit_event_append_only');
    await db.dataSource.query(`UPDATE audit_event SET hash = repeat('a', 64) WHERE seq = 2`);
    const report = await verifier.verify();
    expect(report.firstProblem).toEqual({ kind: 'TAMPERED_ROW', seq: '2' });
  });
});
