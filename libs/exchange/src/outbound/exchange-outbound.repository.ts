import { Injectable } from '@nestjs/common';
import { Database, insertRows } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { ExchangeOutboundEntity, type OutboundState } from './exchange-outbound.entity';

const COLUMNS = `o.id, o.consignment_id AS "consignmentId", o.peer_id AS "peerId", o.storage_key AS "storageKey",
  o.sha256, o.size::float8 AS size, o.kind, o.business, o.status_code AS "statusCode", o.to_code AS "toCode",
  o.delivery_id AS "deliveryId", o.agency_id AS "agencyId", o.answers_consignment AS "answersConsignment",
  o.state, o.attempts, o.ambiguous, o.non_receipt_answers AS "nonReceiptAnswers", o.next_attempt_at AS "nextAttemptAt", o.lease_until AS "leaseUntil",
  o.first_queued_at AS "firstQueuedAt", o.sent_at AS "sentAt", o.receipt, o.last_error_code AS "lastErrorCode",
  o.last_error AS "lastError"`;

@Injectable()
export class ExchangeOutboundRepository {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Queues a consignment to a next hop; a second queueing of the same pair changes nothing. */
  async insert(row: ExchangeOutboundEntity): Promise<boolean> {
    return (await this.insertMany([row])) === 1;
  }

  /**
   * Queues several in one statement (a pair already queued changes nothing); how many this call
   * queued. In (consignment, peer) order, so two transactions queueing the same pairs wait rather
   * than deadlock.
   */
  async insertMany(rows: readonly ExchangeOutboundEntity[]): Promise<number> {
    const key = (r: ExchangeOutboundEntity) => `${r.consignmentId}:${r.peerId}`;
    const sorted = [...rows].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    const inserted = await insertRows<ExchangeOutboundEntity, { id: string }>(
      this.db.manager,
      ExchangeOutboundEntity,
      sorted,
      { onConflictDoNothing: 'ON CONSTRAINT uq_exchange_outbound_consignment_peer', returning: 'id' },
    );
    return inserted.length;
  }

  /**
   * Claims due consignments to peers whose circuit is closed, with a lease (FOR UPDATE SKIP LOCKED:
   * processes sharing the database never claim the same row). A row claimed while still `sending`
   * was left by a process that died mid-send: it is marked ambiguous (ask for the receipt first).
   * With `peerId`, claims for that peer only whatever its circuit (the probe).
   */
  async claimDue(limit: number, leaseMs: number, peerId?: string): Promise<ExchangeOutboundEntity[]> {
    const now = this.clock.now();
    const peerFilter = peerId ? 'AND p.id = $4' : 'AND p.probe_at IS NULL';
    const { rows } = await this.db.prepared<ExchangeOutboundEntity>(
      `UPDATE exchange_outbound o
          SET state = 'sending', lease_until = $2, attempts = o.attempts + 1,
              ambiguous = o.ambiguous OR o.state = 'sending'
        WHERE o.id IN (
          SELECT q.id FROM exchange_outbound q JOIN exchange_peer p ON p.id = q.peer_id
           WHERE q.state IN ('queued', 'sending') AND q.next_attempt_at <= $1
             AND (q.lease_until IS NULL OR q.lease_until <= $1)
             AND p.enabled AND p.base_url IS NOT NULL ${peerFilter}
           ORDER BY q.next_attempt_at
           LIMIT $3 FOR UPDATE OF q SKIP LOCKED)
        RETURNING ${COLUMNS}`,
      peerId
        ? [now, new Date(now.getTime() + leaseMs), limit, peerId]
        : [now, new Date(now.getTime() + leaseMs), limit],
    );
    return rows.map((r) => ({ ...r, size: Number(r.size) }));
  }

  /**
   * Claims more due consignments to one peer to go with one just claimed in a batch: queued, not
   * ambiguous (those ask for their receipt first, alone), at most `maxSize` bytes each, and none
   * when the peer's circuit opened meanwhile.
   */
  async claimDueFor(
    peerId: string,
    limit: number,
    leaseMs: number,
    maxSize: number,
  ): Promise<ExchangeOutboundEntity[]> {
    const now = this.clock.now();
    const { rows } = await this.db.prepared<ExchangeOutboundEntity>(
      `UPDATE exchange_outbound o SET state = 'sending', lease_until = $2, attempts = o.attempts + 1
        WHERE o.id IN (
          SELECT q.id FROM exchange_outbound q JOIN exchange_peer p ON p.id = q.peer_id
           WHERE q.peer_id = $4 AND q.state = 'queued' AND NOT q.ambiguous AND q.size <= $5
             AND p.enabled AND p.base_url IS NOT NULL AND p.probe_at IS NULL
             AND q.next_attempt_at <= $1 AND (q.lease_until IS NULL OR q.lease_until <= $1)
           ORDER BY q.next_attempt_at
           LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING ${COLUMNS}`,
      [now, new Date(now.getTime() + leaseMs), limit, peerId, maxSize],
    );
    return rows.map((r) => ({ ...r, size: Number(r.size) }));
  }

  /** Peers with an open circuit and due consignments (candidates for a probe). */
  async openPeersWithDueWork(): Promise<string[]> {
    const rows: { id: string }[] = await this.db.manager.query(
      `SELECT p.id FROM exchange_peer p
        WHERE p.enabled AND p.probe_at IS NOT NULL AND p.probe_at <= $1 AND p.base_url IS NOT NULL
          AND EXISTS (SELECT 1 FROM exchange_outbound q WHERE q.peer_id = p.id
                        AND q.state IN ('queued', 'sending') AND q.next_attempt_at <= $1)`,
      [this.clock.now()],
    );
    return rows.map((r) => r.id);
  }

  /** Ends the attempt; false when the row is no longer ours (a resend or the dead sweep took it). */
  async finish(
    id: string,
    changes: Partial<ExchangeOutboundEntity> & { state: OutboundState },
  ): Promise<boolean> {
    const result = await this.db.manager.update(
      ExchangeOutboundEntity,
      { id, state: 'sending' },
      { ...changes, leaseUntil: null },
    );
    return (result.affected ?? 0) === 1;
  }

  /**
   * Ends several attempts as sent, each with its receipt, in one statement; the ids that were still
   * ours (`sending`: a resend or the dead sweep may have taken one meanwhile).
   */
  async markSent(items: readonly { id: string; receipt: string }[], sentAt: Date): Promise<Set<string>> {
    if (items.length === 0) return new Set();
    const { rows } = await this.db.prepared<{ id: string }>(
      `UPDATE exchange_outbound o SET state = 'sent', receipt = u.receipt, sent_at = $3, ambiguous = false,
              lease_until = NULL
         FROM unnest($1::uuid[], $2::text[]) AS u(id, receipt)
        WHERE o.id = u.id AND o.state = 'sending'
        RETURNING o.id`,
      [items.map((i) => i.id), items.map((i) => i.receipt), sentAt],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Consignments unsent past the maximum age become dead, at most `limit` per call, claimed so that
   * two processes never bury the same one twice.
   */
  async buryExpired(maxAgeMs: number, limit: number): Promise<ExchangeOutboundEntity[]> {
    const now = this.clock.now();
    const { rows } = await this.db.prepared<ExchangeOutboundEntity>(
      `UPDATE exchange_outbound o SET state = 'dead', lease_until = NULL,
              last_error_code = coalesce(o.last_error_code, 'EXCHANGE_PEER_UNAVAILABLE')
        WHERE o.id IN (
          SELECT q.id FROM exchange_outbound q
           WHERE q.state IN ('queued', 'sending') AND q.first_queued_at < $1
             AND (q.lease_until IS NULL OR q.lease_until <= $2)
           ORDER BY q.first_queued_at LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING ${COLUMNS}`,
      [new Date(now.getTime() - maxAgeMs), now, limit],
    );
    return rows.map((r) => ({ ...r, size: Number(r.size) }));
  }

  findByDelivery(deliveryId: string): Promise<ExchangeOutboundEntity[]> {
    return this.db.manager.find(ExchangeOutboundEntity, { where: { deliveryId } });
  }

  findByConsignment(consignmentId: string): Promise<ExchangeOutboundEntity[]> {
    return this.db.manager.find(ExchangeOutboundEntity, { where: { consignmentId } });
  }

  /** Back in the queue with the same bytes, as if queued now (a resend). */
  async requeue(id: string): Promise<void> {
    const now = this.clock.now();
    await this.db.manager.update(
      ExchangeOutboundEntity,
      { id },
      {
        state: 'queued',
        attempts: 0,
        ambiguous: false,
        nonReceiptAnswers: 0,
        nextAttemptAt: now,
        firstQueuedAt: now,
        leaseUntil: null,
        lastErrorCode: null,
        lastError: null,
      },
    );
  }

  /** Locks the rows of a delivery for a resend. */
  async lockByDelivery(deliveryId: string): Promise<ExchangeOutboundEntity[]> {
    const ids: { id: string }[] = await this.db.manager.query(
      `SELECT id FROM exchange_outbound WHERE delivery_id = $1 FOR UPDATE`,
      [deliveryId],
    );
    if (ids.length === 0) return [];
    return this.db.manager.find(ExchangeOutboundEntity, { where: ids.map((r) => ({ id: r.id })) });
  }

  /** Dead consignments of an agency (all with null), oldest first, after a keyset position. */
  async listDead(
    agencyId: string | null,
    after: { at: Date; id: string } | undefined,
    limit: number,
  ): Promise<ExchangeOutboundEntity[]> {
    const rows: ExchangeOutboundEntity[] = await this.db.manager.query(
      `SELECT ${COLUMNS} FROM exchange_outbound o
        WHERE o.state = 'dead' AND ($1::uuid IS NULL OR o.agency_id = $1)
          AND ($2::timestamptz IS NULL OR (o.first_queued_at, o.id) > ($2::timestamptz, $3::uuid))
        ORDER BY o.first_queued_at, o.id LIMIT $4`,
      [agencyId, after?.at ?? null, after?.id ?? null, limit],
    );
    return rows.map((r) => ({ ...r, size: Number(r.size) }));
  }

  async countDead(agencyId: string | null): Promise<number> {
    const [{ n }]: { n: number }[] = await this.db.manager.query(
      `SELECT count(*)::int AS n FROM exchange_outbound WHERE state = 'dead' AND ($1::uuid IS NULL OR agency_id = $1)`,
      [agencyId],
    );
    return n;
  }

  async countByState(): Promise<Record<string, number>> {
    const rows: { state: string; n: number }[] = await this.db.manager.query(
      `SELECT state, count(*)::int AS n FROM exchange_outbound GROUP BY state`,
    );
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  }
}
