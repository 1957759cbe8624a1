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

/** A chain's head before and after a transaction's events: `from` as locked, `to` its last row. */
export interface HeadMove {
  chain: string;
  from: AuditChainHead;
  to: AuditChainHead;
  count: number;
}

// Locks the chains' head rows until the transaction ends and returns them, creating a head on a
// chain's first event. In READ COMMITTED, ON CONFLICT DO UPDATE waits for a concurrent holder and
// then returns the head it committed, so one statement both serialises and reads. Rows are locked
// in the order given (callers sort), so two transactions on the same chains cannot deadlock.
const LOCK_HEADS_SQL = `
  INSERT INTO audit_chain AS c (chain, last_seq, last_hash)
  SELECT u.chain, 0, $2 FROM unnest($1::varchar[]) WITH ORDINALITY AS u(chain, ord) ORDER BY u.ord
  ON CONFLICT (chain) DO UPDATE SET chain = EXCLUDED.chain
  RETURNING c.chain, c.last_seq::text AS "chainSeq", c.last_hash AS hash`;

const EVENT_COLUMNS = `chain_seq, id, occurred_at, agency_id, actor_id, actor_name, action,
  subject_type, subject_id, details, request_id, ip, prev_hash, hash`;

const EVENT_TYPES = [
  'varchar',
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

/** One VALUES row per event (its chain, then its columns), every parameter typed; `ord` keeps the order. */
function valuesOf(count: number, firstParam: number): string {
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    const base = firstParam + i * EVENT_TYPES.length;
    rows.push(`(${i}, ${EVENT_TYPES.map((type, j) => `$${base + j}::${type}`).join(', ')})`);
  }
  return rows.join(',\n');
}

/**
 * Moves the heads and inserts the rows in one statement. A chain's rows are inserted only if its
 * head was exactly where the caller read it (the insert joins the update), so a wrong belief can
 * never fork or skip a chain: its rows are missing from the result and the caller rolls back. ORDER BY
 * ord makes the database give out `seq` in each chain's order, which the verifier relies on.
 */
function appendSql(count: number): string {
  return `
  WITH moved AS (
    UPDATE audit_chain AS c SET last_seq = m.to_seq, last_hash = m.to_hash
      FROM unnest($1::varchar[], $2::bigint[], $3::char(64)[], $4::bigint[], $5::char(64)[])
           AS m(chain, to_seq, to_hash, count, from_hash)
     WHERE c.chain = m.chain AND c.last_seq = m.to_seq - m.count AND c.last_hash = m.from_hash
    RETURNING c.chain
  )
  INSERT INTO audit_event (chain, ${EVENT_COLUMNS})
  SELECT v.chain, ${EVENT_COLUMNS.split(',')
    .map((c) => `v.${c.trim()}`)
    .join(', ')}
    FROM (VALUES ${valuesOf(count, 6)}) AS v(ord, chain, ${EVENT_COLUMNS})
    JOIN moved ON moved.chain = v.chain
   ORDER BY v.ord
  RETURNING seq`;
}

@Injectable()
export class AuditEventRepository {
  constructor(private readonly db: Database) {}

  /** Must run inside a transaction: the heads stay locked until it commits or rolls back. */
  async lockHeads(chains: readonly string[], genesisHash: string): Promise<Map<string, AuditChainHead>> {
    const { rows } = await this.db.prepared<AuditChainHead & { chain: string }>(LOCK_HEADS_SQL, [
      chains,
      genesisHash,
    ]);
    return new Map(rows.map(({ chain, chainSeq, hash }) => [chain, { chainSeq, hash }]));
  }

  /**
   * Appends `rows` (each chain's consecutive, in chain order) and moves each chain's head as `moves`
   * says. False if any head was not where `moves` says it was: that chain got nothing, the others
   * did, so the caller must roll the transaction back (AuditLog throws).
   */
  async appendAndMoveHeads(moves: readonly HeadMove[], rows: readonly NewAuditEventRow[]): Promise<boolean> {
    const params: unknown[] = [
      moves.map((m) => m.chain),
      moves.map((m) => m.to.chainSeq),
      moves.map((m) => m.to.hash),
      moves.map((m) => m.count),
      moves.map((m) => m.from.hash),
    ];
    for (const row of rows) {
      params.push(
        row.chain,
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
    const { rowCount } = await this.db.prepared(appendSql(rows.length), params);
    return rowCount === rows.length;
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
