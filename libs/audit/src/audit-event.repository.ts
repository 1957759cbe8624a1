import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditEventEntity } from './audit-event.entity';

/** Arbitrary constant: the advisory lock that serialises appends to the chain. */
const AUDIT_CHAIN_LOCK = 7_263_411;

@Injectable()
export class AuditEventRepository {
  constructor(private readonly db: Database) {}

  /** Must run inside a transaction; held until it commits, so seq and prev_hash cannot race. */
  async lockChain(): Promise<void> {
    await this.db.manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  }

  async findLast(): Promise<{ seq: string; hash: string } | undefined> {
    const rows: { seq: string; hash: string }[] = await this.db.manager.query(
      'SELECT e.seq::text AS seq, e.hash FROM audit_event e ORDER BY e.seq DESC LIMIT 1',
    );
    return rows[0];
  }

  async insert(event: AuditEventEntity): Promise<void> {
    // details is free-form JSON, which TypeORM's deep-partial type cannot express
    await this.db.manager.insert(AuditEventEntity, event as QueryDeepPartialEntity<AuditEventEntity>);
  }

  /** Rows after `afterSeq` in chain order, for the verifier. */
  async findBatchAfter(afterSeq: string, limit: number): Promise<AuditEventEntity[]> {
    return this.db.manager
      .createQueryBuilder(AuditEventEntity, 'e')
      .where('e.seq > :afterSeq', { afterSeq })
      .orderBy('e.seq', 'ASC')
      .limit(limit)
      .getMany();
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
