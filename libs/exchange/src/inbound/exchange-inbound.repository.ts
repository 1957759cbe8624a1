import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Database, insertRows } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { ExchangeInboundEntity, type InboundState } from './exchange-inbound.entity';

@Injectable()
export class ExchangeInboundRepository {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  find(consignmentId: string): Promise<ExchangeInboundEntity | null> {
    return this.db.manager.findOneBy(ExchangeInboundEntity, { consignmentId });
  }

  /** The stored rows of these consignments, by id. */
  async findMany(consignmentIds: readonly string[]): Promise<Map<string, ExchangeInboundEntity>> {
    const rows = await this.db.manager.findBy(ExchangeInboundEntity, {
      consignmentId: In([...consignmentIds]),
    });
    return new Map(rows.map((r) => [r.consignmentId, r]));
  }

  /** The consignments holding each of these exact bytes, by SHA-256 (to tell replays under new ids). */
  async holdersOf(sha256s: readonly string[]): Promise<Map<string, string[]>> {
    const rows: { consignment_id: string; sha256: string }[] = await this.db.manager.query(
      `SELECT consignment_id, sha256 FROM exchange_inbound WHERE sha256 = ANY($1::char(64)[])`,
      [[...new Set(sha256s)]],
    );
    const holders = new Map<string, string[]>();
    for (const r of rows) holders.set(r.sha256, [...(holders.get(r.sha256) ?? []), r.consignment_id]);
    return holders;
  }

  /** Inserts unless the consignment is there already; true when this call inserted it. */
  async insertIfAbsent(row: ExchangeInboundEntity): Promise<boolean> {
    return (await this.insertManyIfAbsent([row])).has(row.consignmentId);
  }

  /**
   * Inserts, in one statement, those not there already (by consignment id); the ids this call
   * inserted. In id order, so two receivers racing over the same ids wait rather than deadlock.
   */
  async insertManyIfAbsent(rows: readonly ExchangeInboundEntity[]): Promise<Set<string>> {
    const sorted = [...rows].sort((a, b) => (a.consignmentId < b.consignmentId ? -1 : 1));
    const inserted = await insertRows<ExchangeInboundEntity, { consignment_id: string }>(
      this.db.manager,
      ExchangeInboundEntity,
      sorted,
      { onConflictDoNothing: '(consignment_id)', returning: 'consignment_id' },
    );
    // uuid text comes back lowercase; the ids given may not be (a hub's mailbox item): answered as given
    const got = new Set(inserted.map((r) => r.consignment_id.toLowerCase()));
    return new Set(rows.filter((r) => got.has(r.consignmentId.toLowerCase())).map((r) => r.consignmentId));
  }

  /**
   * Claims received rows due for processing (FOR UPDATE SKIP LOCKED: processes sharing the
   * database take different rows) and leases them; a process that dies leaves them to be claimed
   * again when the lease ends.
   */
  async claimDue(limit: number, leaseMs: number): Promise<ExchangeInboundEntity[]> {
    const now = this.clock.now();
    const { rows } = await this.db.prepared<{ consignment_id: string }>(
      `UPDATE exchange_inbound SET lease_until = $2, attempts = attempts + 1
        WHERE consignment_id IN (
          SELECT consignment_id FROM exchange_inbound
           WHERE state = 'received' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)
           ORDER BY next_attempt_at
           LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING consignment_id`,
      [now, new Date(now.getTime() + leaseMs), limit],
    );
    if (rows.length === 0) return [];
    return this.db.manager.find(ExchangeInboundEntity, {
      where: rows.map((r) => ({ consignmentId: r.consignment_id })),
      order: { receivedAt: 'ASC' },
    });
  }

  /**
   * Locks one row for its processing transaction (one statement); null when another process
   * finished it meanwhile.
   */
  lockReceived(consignmentId: string): Promise<ExchangeInboundEntity | null> {
    return this.db.manager.findOne(ExchangeInboundEntity, {
      where: { consignmentId, state: In(['received', 'held']) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async finish(
    consignmentId: string,
    state: InboundState,
    error?: { code: string; message: string },
    agencyId?: string | null,
  ): Promise<void> {
    const now = this.clock.now();
    await this.db.manager.update(
      ExchangeInboundEntity,
      { consignmentId },
      {
        state,
        processedAt: state === 'held' ? null : now,
        leaseUntil: null,
        nextAttemptAt: null,
        errorCode: error?.code.slice(0, 60) ?? null,
        errorMessage: error?.message.slice(0, 1000) ?? null,
        ...(agencyId !== undefined ? { agencyId } : {}),
      },
    );
  }

  /** A processing that failed for a passing reason (database, storage): tried again later. */
  async retryLater(consignmentId: string, at: Date, error: string): Promise<void> {
    await this.db.manager.update(
      ExchangeInboundEntity,
      { consignmentId },
      { nextAttemptAt: at, leaseUntil: null, errorMessage: error.slice(0, 1000) },
    );
  }

  /** Held events about a document, oldest first: replayed once it has arrived. */
  listHeldFor(documentId: string): Promise<ExchangeInboundEntity[]> {
    return this.db.manager.find(ExchangeInboundEntity, {
      where: { documentId, state: 'held' },
      order: { receivedAt: 'ASC' },
    });
  }

  /** Makes held rows due again. */
  async release(consignmentIds: readonly string[]): Promise<void> {
    if (consignmentIds.length === 0) return;
    await this.db.manager.query(
      `UPDATE exchange_inbound SET state = 'received', next_attempt_at = $2, lease_until = NULL
        WHERE consignment_id = ANY($1::uuid[]) AND state = 'held'`,
      [[...consignmentIds], this.clock.now()],
    );
  }

  async countByState(): Promise<Record<string, number>> {
    const rows: { state: string; n: number }[] = await this.db.manager.query(
      `SELECT state, count(*)::int AS n FROM exchange_inbound GROUP BY state`,
    );
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  }
}
