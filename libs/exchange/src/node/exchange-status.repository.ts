import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';

/** `exchange_status_sent`: the status packages this installation sent, by the consignment they answer. */
@Injectable()
export class ExchangeStatusRepository {
  constructor(private readonly db: Database) {}

  /**
   * The next occurrence number of `code` for `answers`, under a transaction-scoped lock on the
   * answered consignment, so two statuses of one code written at once get different numbers.
   */
  async nextOccurrence(answers: string, code: string): Promise<number> {
    await this.db.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7))`, [answers]);
    const [{ n }]: { n: number }[] = await this.db.manager.query(
      `SELECT count(*)::int AS n FROM exchange_status_sent WHERE answers_consignment = $1 AND status_code = $2`,
      [answers, code],
    );
    return n;
  }

  async record(
    answers: string,
    code: string,
    occurrence: number,
    consignmentId: string,
    at: Date,
  ): Promise<void> {
    await this.db.manager.query(
      `INSERT INTO exchange_status_sent (answers_consignment, status_code, occurrence, consignment_id, sent_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [answers, code, occurrence, consignmentId, at],
    );
  }
}
