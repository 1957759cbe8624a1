import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { Database } from '@vanthu/persistence';
import { exchangeError } from '../exchange.errors';
import { PackageStore } from '../inbound/package-store';
import type { ExchangePeerEntity } from '../peers/exchange-peer.entity';
import { verifyReceipt } from '../transport/exchange-receipt';
import { PeerAuthenticator } from '../transport/peer-authenticator';
import { ExchangeMailboxRepository, type MailboxItem } from './exchange-mailbox.repository';

export const MAILBOX_MAX_LIMIT = 500;

/**
 * The mailbox a poll-only peer reads: what waits for it, the bytes of one item, and the ack that
 * ends it (the peer's own signed receipt, checked against its pinned certificate and the item's
 * bytes, kept as proof of delivery).
 */
@Injectable()
export class ExchangeMailboxService {
  constructor(
    private readonly db: Database,
    private readonly mailbox: ExchangeMailboxRepository,
    private readonly packages: PackageStore,
    private readonly authenticator: PeerAuthenticator,
    private readonly audit: AuditLog,
  ) {}

  async list(
    peer: ExchangePeerEntity,
    after: number,
    limit: number,
  ): Promise<{ items: MailboxItem[]; next: number }> {
    const items = await this.mailbox.listWaiting(
      peer.id,
      after,
      Math.min(Math.max(limit, 1), MAILBOX_MAX_LIMIT),
    );
    return { items, next: items.length ? items[items.length - 1].seq : after };
  }

  async fetch(peer: ExchangePeerEntity, consignmentId: string): Promise<Buffer> {
    const item = await this.mailbox.find(peer.id, consignmentId);
    if (!item) throw exchangeError('EXCHANGE_NOT_FOUND');
    return this.packages.read(item.storageKey);
  }

  async ack(peer: ExchangePeerEntity, consignmentId: string, receiptJson: string): Promise<void> {
    const item = await this.mailbox.find(peer.id, consignmentId);
    if (!item) throw exchangeError('EXCHANGE_NOT_FOUND');
    verifyReceipt(receiptJson, this.authenticator.keyOf(peer), { consignmentId, sha256: item.sha256 });
    await this.db.transaction(async () => {
      if (!(await this.mailbox.ack(peer.id, consignmentId, receiptJson))) return;
      await this.audit.record({
        action: 'exchange.mailbox_acked',
        subjectType: 'consignment',
        subjectId: consignmentId,
        details: { peer: peer.name, sha256: item.sha256, receipt: JSON.parse(receiptJson) as unknown },
      });
    });
  }
}
