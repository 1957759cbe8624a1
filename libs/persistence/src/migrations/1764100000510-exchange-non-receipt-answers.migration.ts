import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * exchange (docs/exchange.md, "Answers that are not receipts"): how many 2xx answers to a
 * consignment were not a valid receipt (an HTML page of a misconfigured proxy, a wrong URL, a
 * receipt that does not verify). The send attempt fails the consignment at the limit instead of
 * retrying until the maximum age; a resend starts the count again.
 */
export class ExchangeNonReceiptAnswers1764100000510 implements MigrationInterface {
  name = 'ExchangeNonReceiptAnswers1764100000510';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE exchange_outbound ADD COLUMN non_receipt_answers integer NOT NULL DEFAULT 0
         CONSTRAINT ck_exchange_outbound_non_receipt_answers CHECK (non_receipt_answers >= 0)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE exchange_outbound DROP COLUMN non_receipt_answers`);
  }
}
