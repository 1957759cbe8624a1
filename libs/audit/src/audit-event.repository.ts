import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { AuditEventEntity } from './audit-event.entity';
import type { HashedAuditFields } from './audit-hash';

/** Where a chain ends: the position and hash of its last row (0 and GENESIS when it has none). */
export interface AuditChainHead {
  chainSeq: string;
  hash: string;
}

/** A row to append; `seq` is left to the database. `detailsJson` is the JSON text that will be stored. */
export type NewAuditEventRow = Omit<HashedAuditFields, 'seq' | 'details'> & {
  detailsJson: string;
  hash: string;
};

// Locks the chain's head row until the transaction ends and returns it, creating it on a chain's
// first event. In READ COMMITTED, ON CONFLICT DO UPDATE waits for a concurrent holder and then
// returns the head it committed, so one statement both serialises and reads.
const LOCK_HEAD_SQL = `
  INSERT INTO audit_chain AS c (chain, last_seq, last_hash) VALUES ($1, 0, $2)
  ON CONFLICT (chain) DO UPDATE SET chain = EXCLUDED.chain
  RETURNING c.last_seq::text AS "chainSeq", c.last_hash AS hash`;

const EVENT_COLUMNS = `chain_seq, id, occurred_at, agency_id, actor_id, actor_name, action,
  subject_type, subject_id, details, request_id, ip, prev_hash, hash`;

/** One VALUES row per event, every parameter typed; `ord` keeps the chain's order. */
function valuesOf(count: number): string {
  const types = [
    'bigint',
    'uuid',
    'timestamptz',
    'uuid',
    'uuid',
    'varchar',
    'varchar',
    'varchar',
    'varchar',
    'jsonb',
    'varchar',
    'varchar',
    'char(64)',
    'char(64)',
  ];
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    const base = 6 + i * types.length;
    rows.push(`(${i}, ${types.map((type, j) => `$${base + j}::${type}`).join(', ')})`);
  }
  return rows.join(',\n');
}

/**
 * Moves the head and inserts the rows in one statement. The rows are inserted only if the head was
 * exactly where the caller read it (the insert selects from the update), so a wrong belief can never
 * fork or skip a chain: nothing is written and the caller throws. ORDER BY ord makes the database
 * give out `seq` in chain order, which the verifier relies on.
 */
function appendSql(count: number): string {
  return `
  WITH head AS (
    UPDATE audit_chain SET last_seq = $2::bigint, last_hash = $3::char(64)
    WHERE chain = $1::varchar AND last_seq = $2::bigint - $4::bigint AND last_hash = $5::char(64)
    RETURNING chain
  )
  INSERT INTO audit_event (chain, ${EVENT_COLUMNS})
  SELECT head.chain, ${EVENT_COLUMNS} FROM head,
    (VALUES ${valuesOf(count)}) AS v(ord, ${EVENT_COLUMNS})
  ORDER BY v.ord
  RETURNING seq`;
}

@Injectable()
export class AuditEventRepository {
  constructor(private readonly db: Database) {}

  /** Must run inside a transaction: the head stays locked until it commits or rolls back. */
  async lockHead(chain: string, genesisHash: string): Promise<AuditChainHead> {
    const rows: AuditChainHead[] = await this.db.manager.query(LOCK_HEAD_SQL, [chain, genesisHash]);
    return rows[0]!;
  }

  /** Appends `rows` (consecutive, in chain order) after `head`; false (nothing written) if the head moved. */
  async appendAndMoveHead(head: AuditChainHead, rows: readonly NewAuditEventRow[]): Promise<boolean> {
    const last = rows[rows.length - 1];
    const params: unknown[] = [last.chain, last.chainSeq, last.hash, rows.length, head.hash];
    for (const row of rows) {
      params.push(
        row.chainSeq,
        row.id,
        row.occurredAt,
        row.agencyId,
        row.actorId,
        row.actorName,
        row.action,
        row.subjectType,
        row.subjectId,
        row.detailsJson,
        row.requestId,
        row.ip,
        row.prevHash,
        row.hash,
      );
    }
    const inserted: unknown[] = await this.db.manager.query(appendSql(rows.length), params);
    return inserted.length === rows.length;
  }

  /**
   * Runs `work` on one snapshot. Across chains seq order is not commit order (a writer takes its seq
   * before it commits), so reading batches at different moments could miss a row committed late.
   */
  async inSnapshot<T>(work: () => Promise<T>): Promise<T> {
    return this.db.transaction(work, 'REPEATABLE READ');
  }

  /** Rows after `afterSeq` in seq order, for the verifier. */
  async findBatchAfter(afterSeq: string, limit: number): Promise<AuditEventEntity[]> {
    return this.db.manager
      .createQueryBuilder(AuditEventEntity, 'e')
      .where('e.seq > :afterSeq', { afterSeq })
      .orderBy('e.seq', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Every chain's head, for the verifier to see rows missing from a chain's end. */
  async findHeads(): Promise<(AuditChainHead & { chain: string })[]> {
    return this.db.manager.query(
      'SELECT chain, last_seq::text AS "chainSeq", last_hash AS hash FROM audit_chain ORDER BY chain',
    );
  }

  async findForAgency(
    agencyId: string,
    beforeSeq: string | undefined,
    limit: number,
  ): Promise<AuditEventEntity[]> {
    const qb = this.db.manager
      .createQueryBuilder(AuditEventEntity, 'e')
      .where('e.agency_id = :agencyId', { agencyId })
      .orderBy('e.seq', 'DESC')
      .limit(limit);
    if (beforeSeq) qb.andWhere('e.seq < :beforeSeq', { beforeSeq });
    return qb.getMany();
  }
}
