import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { ExchangeMailboxEntity } from './exchange-mailbox.entity';

export interface MailboxItem {
  readonly seq: number;
  readonly consignmentId: string;
  readonly sha256: string;
  readonly size: number;
}

@Injectable()
export class ExchangeMailboxRepository {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async insert(row: Omit<ExchangeMailboxEntity, 'seq'>): Promise<void> {
    await this.db.manager.query(
      `INSERT INTO exchange_mailbox (peer_id, consignment_id, storage_key, sha256, size, state, created_at)
       VALUES ($1, $2, $3, $4, $5, 'waiting', $6)
       ON CONFLICT ON CONSTRAINT uq_exchange_mailbox_peer_consignment DO NOTHING`,
      [row.peerId, row.consignmentId, row.storageKey, row.sha256, row.size, row.createdAt],
    );
  }

  /**
   * The waiting items of one peer after `after`, in order: a range scan of
   * ix_exchange_mailbox_waiting (peer_id, seq) WHERE state = 'waiting', whatever waits for others.
   */
  async listWaiting(peerId: string, after: number, limit: number): Promise<MailboxItem[]> {
    const { rows } = await this.db.prepared<{
      seq: string;
      consignment_id: string;
      sha256: string;
      size: string;
    }>(
      `SELECT seq, consignment_id, sha256, size FROM exchange_mailbox
        WHERE peer_id = $1 AND state = 'waiting' AND seq > $2 ORDER BY seq LIMIT $3`,
      [peerId, after, limit],
    );
    return rows.map((r) => ({
      seq: Number(r.seq),
      consignmentId: r.consignment_id,
      sha256: r.sha256,
      size: Number(r.size),
    }));
  }

  find(peerId: string, consignmentId: string): Promise<ExchangeMailboxEntity | null> {
    return this.db.manager.findOneBy(ExchangeMailboxEntity, { peerId, consignmentId });
  }

  /** True when this call acked it (a repeated ack is answered the same, and changes nothing). */
  async ack(peerId: string, consignmentId: string, receipt: string): Promise<boolean> {
    const { rows } = await this.db.prepared(
      `UPDATE exchange_mailbox SET state = 'acked', acked_at = $3, ack_receipt = $4
        WHERE peer_id = $1 AND consignment_id = $2 AND state = 'waiting' RETURNING seq`,
      [peerId, consignmentId, this.clock.now(), receipt],
    );
    return rows.length === 1;
  }

  async countWaiting(): Promise<number> {
    const [{ n }]: { n: number }[] = await this.db.manager.query(
      `SELECT count(*)::int AS n FROM exchange_mailbox WHERE state = 'waiting'`,
    );
    return n;
  }
}
