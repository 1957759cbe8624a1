import { createHash } from 'node:crypto';
import { MIGRATIONS } from '@vanthu/persistence';
import { newId, SystemClock } from '@vanthu/shared';
import { createTestDatabase, type TestDatabase } from '@vanthu/test-kit';
import type { MigrationInterface } from 'typeorm';
import { AuditChainVerifier } from './audit-chain-verifier';
import { AuditEventRepository } from './audit-event.repository';
import { canonicalJson, GENESIS_HASH } from './audit-hash';
import { AuditLog } from './audit-log';

/** The hash the single-chain AuditLog wrote before migration 1764100000370, copied as it was. */
function oldHash(e: {
  seq: string;
  id: string;
  occurredAt: Date;
  agencyId: string | null;
  action: string;
  details: unknown;
  prevHash: string;
}): string {
  const material = canonicalJson([
    e.seq,
    e.id,
    e.occurredAt.toISOString(),
    e.agencyId,
    null,
    null,
    e.action,
    null,
    null,
    e.details,
    null,
    null,
    e.prevHash,
  ]);
  return createHash('sha256').update(material).digest('hex');
}

describe('audit chains migration over a log written by the single-chain AuditLog', () => {
  let db: TestDatabase;
  const agencyA = newId();
  const migration = MIGRATIONS.map((M) => new M() as MigrationInterface).find(
    (m) => m.name === 'AuditChains1764100000370',
  )!;

  async function inTransaction(step: 'up' | 'down'): Promise<void> {
    const runner = db.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await migration[step](runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
  }

  beforeEach(async () => {
    db = await createTestDatabase();
    await inTransaction('down');
    // Rows exactly as the old code wrote them: seq = last + 1, prev_hash = last hash.
    let prevHash = GENESIS_HASH;
    for (let seq = 1; seq <= 4; seq++) {
      const row = {
        seq: String(seq),
        id: newId(),
        occurredAt: new Date(Date.UTC(2025, 0, seq, 8, 30, 0, 123)),
        agencyId: seq % 2 ? agencyA : null,
        action: 'legacy.event',
        details: { seq, người: 'Trần Thị Bình', nested: { z: 1, a: [1, 'x'] } },
        prevHash,
      };
      const hash = oldHash(row);
      await db.dataSource.query(
        `INSERT INTO audit_event (seq, id, occurred_at, agency_id, action, details, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          row.seq,
          row.id,
          row.occurredAt,
          row.agencyId,
          row.action,
          JSON.stringify(row.details),
          prevHash,
          hash,
        ],
      );
      prevHash = hash;
    }
    await inTransaction('up');
  });
  afterEach(() => db.close());

  it('keeps old rows in chain global, verifying beside the new per-agency chains', async () => {
    const legacy = await db.dataSource.query(
      `SELECT e.seq::int AS seq, e.chain, e.chain_seq::int AS "chainSeq", e.hash FROM audit_event e ORDER BY e.seq`,
    );
    expect(
      legacy.map((r: { chain: string; seq: number; chainSeq: number }) => [r.chain, r.seq, r.chainSeq]),
    ).toEqual([1, 2, 3, 4].map((n) => ['global', n, n]));
    expect(
      await db.dataSource.query(
        `SELECT chain, last_seq::int AS "lastSeq", last_hash AS hash FROM audit_chain`,
      ),
    ).toEqual([{ chain: 'global', lastSeq: 4, hash: legacy[3].hash }]);

    const events = new AuditEventRepository(db.database);
    const audit = new AuditLog(db.database, events, new SystemClock());
    await audit.record({ action: 'new.event', agencyId: agencyA, details: { after: true } });
    await audit.record({ action: 'new.event' });
    await audit.record({ action: 'new.event', agencyId: agencyA });

    const added = await db.dataSource.query(
      `SELECT e.seq::int AS seq, e.chain, e.chain_seq::int AS "chainSeq" FROM audit_event e WHERE e.seq > 4 ORDER BY e.seq`,
    );
    // The database numbers on from the old rows; each new chain starts at 1 of its own.
    expect(added).toEqual([
      { seq: 5, chain: agencyA, chainSeq: 1 },
      { seq: 6, chain: 'system', chainSeq: 1 },
      { seq: 7, chain: agencyA, chainSeq: 2 },
    ]);
    expect(await new AuditChainVerifier(events).verify(3)).toEqual({
      ok: true,
      checked: 7,
      lastSeq: '7',
      chains: 3,
    });
  });

  it('still checks old rows against their original hash material', async () => {
    await db.dataSource.query('ALTER TABLE audit_event DISABLE TRIGGER tr_audit_event_append_only');
    await db.dataSource.query(`UPDATE audit_event SET action = 'legacy.forged' WHERE seq = 2`);
    const report = await new AuditChainVerifier(new AuditEventRepository(db.database)).verify();
    expect(report.firstProblem).toEqual({ kind: 'TAMPERED_ROW', chain: 'global', seq: '2' });
  });

  it('keeps audit_event append-only after the migration', async () => {
    await expect(db.dataSource.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
  });
});
