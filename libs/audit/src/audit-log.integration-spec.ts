import { newId, SystemClock } from '@vanthu/shared';
import { createTestDatabase, recordStatements, type TestDatabase } from '@vanthu/test-kit';
import { AuditChainVerifier } from './audit-chain-verifier';
import { AuditEventRepository } from './audit-event.repository';
import { GENESIS_HASH, hashAuditEvent } from './audit-hash';
import { AuditLog } from './audit-log';

interface Row {
  seq: string;
  chain: string;
  chainSeq: number;
  action: string;
  prevHash: string;
  hash: string;
}

interface Head {
  chain: string;
  lastSeq: number;
  lastHash: string;
}

describe('AuditLog (real PostgreSQL)', () => {
  let db: TestDatabase;
  let audit: AuditLog;
  let verifier: AuditChainVerifier;
  const agencyA = newId();
  const agencyB = newId();

  beforeEach(async () => {
    db = await createTestDatabase();
    const events = new AuditEventRepository(db.database);
    audit = new AuditLog(db.database, events, new SystemClock());
    verifier = new AuditChainVerifier(events);
  });
  afterEach(() => db.close());

  async function writeChain(n: number, agencyId?: string): Promise<void> {
    for (let i = 0; i < n; i++) {
      await audit.record({
        action: 'test.event',
        agencyId,
        details: { i, nested: { b: 1, a: 'Nguyễn Văn An' } },
      });
    }
  }

  async function rows(chain?: string): Promise<Row[]> {
    return db.dataSource.query(
      `SELECT e.seq::text AS seq, e.chain, e.chain_seq::int AS "chainSeq", e.action, e.prev_hash AS "prevHash", e.hash
         FROM audit_event e WHERE $1::text IS NULL OR e.chain = $1 ORDER BY e.seq`,
      [chain ?? null],
    );
  }

  async function heads(): Promise<Head[]> {
    const all: Head[] = await db.dataSource.query(
      `SELECT chain, last_seq::int AS "lastSeq", last_hash AS "lastHash" FROM audit_chain`,
    );
    return all.sort((a, b) => (a.chain < b.chain ? -1 : 1));
  }

  async function disableAppendOnly(): Promise<void> {
    await db.dataSource.query('ALTER TABLE audit_event DISABLE TRIGGER tr_audit_event_append_only');
  }

  /** Each row links to the one before it in its own chain, starting from GENESIS at chain_seq 1. */
  function expectLinkedPerChain(all: Row[]): void {
    const last = new Map<string, Row>();
    for (const row of all) {
      const before = last.get(row.chain);
      expect(row.chainSeq).toBe(before ? before.chainSeq + 1 : 1);
      expect(row.prevHash).toBe(before ? before.hash : GENESIS_HASH);
      last.set(row.chain, row);
    }
  }

  it('chains rows and verifies an intact chain', async () => {
    await writeChain(5);
    const report = await verifier.verify(2);
    expect(report).toEqual({ ok: true, checked: 5, lastSeq: '5', chains: 1 });
    expect((await rows()).map((r) => [r.chain, r.chainSeq])).toEqual(
      [1, 2, 3, 4, 5].map((n) => ['system', n]),
    );
  });

  it("keeps two agencies' chains independent, each starting at 1 and verifying", async () => {
    for (let i = 0; i < 3; i++) {
      await writeChain(1, agencyA);
      await writeChain(1, agencyB);
    }
    await writeChain(1);
    const all = await rows();
    expect(all.map((r) => [r.chain, r.chainSeq])).toEqual([
      [agencyA, 1],
      [agencyB, 1],
      [agencyA, 2],
      [agencyB, 2],
      [agencyA, 3],
      [agencyB, 3],
      ['system', 1],
    ]);
    expectLinkedPerChain(all);
    const lastOf = (chain: string) => all.filter((r) => r.chain === chain).at(-1)!;
    expect(await heads()).toEqual(
      [agencyA, agencyB, 'system']
        .sort()
        .map((chain) => ({ chain, lastSeq: lastOf(chain).chainSeq, lastHash: lastOf(chain).hash })),
    );
    expect(await verifier.verify(2)).toEqual({ ok: true, checked: 7, lastSeq: all[6]!.seq, chains: 3 });
  });

  it('keeps each chain gapless under concurrent writers in two agencies', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        audit.record({ action: 'parallel', agencyId: i % 2 ? agencyA : agencyB, details: { i } }),
      ),
    );
    const all = await rows();
    for (const chain of [agencyA, agencyB]) {
      expect(all.filter((r) => r.chain === chain).map((r) => r.chainSeq)).toEqual(
        Array.from({ length: 10 }, (_, i) => i + 1),
      );
    }
    expectLinkedPerChain(all);
    expect(await verifier.verify(3)).toMatchObject({ ok: true, checked: 20, chains: 2 });
  });

  it('locks no chain while a transaction works: its events join the chain when it commits', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let recorded!: () => void;
    const aRecorded = new Promise<void>((resolve) => (recorded = resolve));
    const openA = db.database.transaction(async () => {
      await audit.record({ action: 'held', agencyId: agencyA });
      recorded();
      await held;
    });
    await aRecorded;

    // With a lock taken at record() time (or one lock for the whole log) these would wait for openA.
    await audit.record({ action: 'other agency', agencyId: agencyB });
    await audit.record({ action: 'same agency', agencyId: agencyA });
    expect((await rows(agencyA)).map((r) => r.action)).toEqual(['same agency']);

    release();
    await openA;
    expect((await rows(agencyA)).map((r) => [r.chainSeq, r.action])).toEqual([
      [1, 'same agency'],
      [2, 'held'],
    ]);
    expect((await verifier.verify()).ok).toBe(true);
  });

  it('chains several records of one transaction, and a rollback leaves the head where it was', async () => {
    await writeChain(2, agencyA);
    const [before] = await heads();

    await db.database.transaction(async () => {
      for (let i = 0; i < 3; i++) await audit.record({ action: 'batch', agencyId: agencyA, details: { i } });
    });
    expect((await rows(agencyA)).map((r) => r.chainSeq)).toEqual([1, 2, 3, 4, 5]);
    expectLinkedPerChain(await rows());

    const [committed] = await heads();
    await expect(
      db.database.transaction(async () => {
        await audit.record({ action: 'doomed', agencyId: agencyA });
        await audit.record({ action: 'doomed', agencyId: agencyA });
        throw new Error('business failure');
      }),
    ).rejects.toThrow('business failure');
    expect(await heads()).toEqual([committed]);
    expect((await rows(agencyA)).length).toBe(5);

    await audit.record({ action: 'after rollback', agencyId: agencyA });
    const chainA = await rows(agencyA);
    expect(chainA.at(-1)).toMatchObject({ chainSeq: 6, prevHash: committed!.lastHash });
    expect(before!.lastSeq).toBe(2);
    expectLinkedPerChain(chainA);
    expect((await verifier.verify()).ok).toBe(true);
  });

  it('queues appends to one chain started together in one transaction', async () => {
    await db.database.transaction(() =>
      Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          audit.record({ action: 'together', agencyId: agencyA, details: { i } }),
        ),
      ),
    );
    expect((await rows(agencyA)).map((r) => r.chainSeq)).toEqual([1, 2, 3, 4, 5]);
    expect((await verifier.verify()).ok).toBe(true);
  });

  it("writes a transaction's events at its commit, two statements however many events and chains", async () => {
    await writeChain(1, agencyA);
    let statements: string[] = [];
    let whileWorking = -1;
    await db.database.transaction(async () => {
      statements = await recordStatements(db.database);
      for (const action of ['a1', 'a2', 'a3']) await audit.record({ action, agencyId: agencyA });
      await audit.record({ action: 'b1', agencyId: agencyB });
      whileWorking = statements.length;
    });
    expect(whileWorking).toBe(0);
    const auditStatements = statements.filter((sql) => /audit_(chain|event)/.test(sql));
    expect(auditStatements).toHaveLength(2);
    expect(auditStatements.filter((sql) => /INSERT INTO audit_event/.test(sql))).toHaveLength(1);
    expect((await rows(agencyA)).map((r) => [r.chainSeq, r.action])).toEqual([
      [1, 'test.event'],
      [2, 'a1'],
      [3, 'a2'],
      [4, 'a3'],
    ]);
    expect((await rows(agencyB)).map((r) => [r.chainSeq, r.action])).toEqual([[1, 'b1']]);
    expect((await verifier.verify()).ok).toBe(true);
  });

  it('writes no chain when one of the heads is not where the writer read it', async () => {
    await writeChain(1, agencyA);
    await writeChain(1, agencyB);
    const before = await heads();
    const events = new AuditEventRepository(db.database);
    const chains = [agencyA, agencyB].map((a) => a.toLowerCase()).sort();
    const moved = await db.database.transaction(async () => {
      const locked = await events.lockHeads(chains, GENESIS_HASH);
      const moves = chains.map((chain, i) => {
        const from = locked.get(chain)!;
        // the second chain's head is believed one row behind where it is
        const believed = i === 1 ? { chainSeq: '0', hash: GENESIS_HASH } : from;
        return {
          chain,
          from: believed,
          to: { chainSeq: String(Number(from.chainSeq) + 1), hash: 'f'.repeat(64) },
          count: 1,
        };
      });
      return events.appendAndMoveHeads(
        moves,
        moves.map((m) => ({
          chain: m.chain,
          chainSeq: m.to.chainSeq,
          id: newId(),
          occurredAt: new Date(),
          agencyId: m.chain,
          actorId: null,
          actorName: null,
          action: 'forged',
          subjectType: null,
          subjectId: null,
          detailsJson: '{}',
          requestId: null,
          ip: null,
          prevHash: m.from.hash,
          hash: m.to.hash,
        })),
      );
    });
    expect(moved).toBe(false);
    // the chain whose head was right moved alone (the caller throws and rolls back on false)
    expect((await rows()).filter((r) => r.action === 'forged').map((r) => r.chain)).toEqual([chains[0]]);
    expect((await heads()).find((h) => h.chain === chains[1])).toEqual(
      before.find((h) => h.chain === chains[1]),
    );
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
    expect(await heads()).toEqual([]);
  });

  it('refuses updates and deletes through the append-only trigger', async () => {
    await writeChain(1);
    await expect(db.dataSource.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
  });

  it('reports the first tampered row', async () => {
    await writeChain(6);
    await disableAppendOnly();
    await db.dataSource.query(`UPDATE audit_event SET details = '{"i": 99}' WHERE seq = 4`);
    const report = await verifier.verify();
    expect(report.ok).toBe(false);
    expect(report.firstProblem).toEqual({ kind: 'TAMPERED_ROW', chain: 'system', seq: '4' });
    expect(report.checked).toBe(3);
  });

  it('reports a row missing from the middle of one chain', async () => {
    for (let i = 0; i < 5; i++) {
      await writeChain(1, agencyA);
      await writeChain(1, agencyB);
    }
    await disableAppendOnly();
    await db.dataSource.query('DELETE FROM audit_event WHERE chain = $1 AND chain_seq = 3', [agencyB]);
    const report = await verifier.verify();
    expect(report.firstProblem).toEqual({
      kind: 'MISSING_ROW',
      chain: agencyB,
      expectedSeq: '3',
      foundSeq: '4',
    });
    // A1 B1 A2 B2 A3 (B3 gone) A4 are sound; the walk stops at B4.
    expect(report.checked).toBe(6);
  });

  it("reports rows cut from a chain's end, which the head still counts", async () => {
    await writeChain(3, agencyA);
    await writeChain(2, agencyB);
    await disableAppendOnly();
    await db.dataSource.query('DELETE FROM audit_event WHERE chain = $1 AND chain_seq = 3', [agencyA]);
    const report = await verifier.verify();
    expect(report.firstProblem).toEqual({
      kind: 'MISSING_ROW',
      chain: agencyA,
      expectedSeq: '3',
      foundSeq: null,
    });
  });

  it("reports a chain's last row edited and re-hashed consistently, which the head no longer matches", async () => {
    await writeChain(2, agencyA);
    const events = new AuditEventRepository(db.database);
    const last = (await events.findBatchAfter('0', 10)).at(-1)!;
    last.details = { forged: true };
    // The row alone now verifies: only the head recorded in audit_chain gives the edit away.
    await disableAppendOnly();
    await db.dataSource.query(`UPDATE audit_event SET details = $1, hash = $2 WHERE seq = $3`, [
      JSON.stringify(last.details),
      hashAuditEvent(last),
      last.seq,
    ]);
    const report = await verifier.verify();
    expect(report.firstProblem).toEqual({ kind: 'TAMPERED_ROW', chain: agencyA, seq: last.seq });
    expect(report.checked).toBe(2);
  });

  it('reports a row re-hashed to hide an edit (its successor no longer links)', async () => {
    await writeChain(4);
    await disableAppendOnly();
    await db.dataSource.query(`UPDATE audit_event SET hash = repeat('a', 64) WHERE seq = 2`);
    const report = await verifier.verify();
    expect(report.firstProblem).toEqual({ kind: 'TAMPERED_ROW', chain: 'system', seq: '2' });
  });
});
