import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { Database } from '@vanthu/persistence';
import { exchangeError } from '../exchange.errors';
import { PackageStore } from '../inbound/package-store';
import type { ExchangePeerEntity } from '../peers/exchange-peer.entity';
import { verifyReceipt } from '../transport/exchange-receipt';
import { PeerAuthenticator } from '../transport/peer-authenticator';
import { ExchangeMailboxRepository, type MailboxItem } from './exchange-mailbox.repository';
import { MailboxWaiters } from './mailbox-waiters';

export const MAILBOX_MAX_LIMIT = 500;

/**
 * A held poll looks again this often for items another process of the installation committed
 * (its own commits wake it at once): one index range scan per held poll per second.
 */
const RECHECK_MS = 1000;

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
    private readonly waiters: MailboxWaiters,
  ) {}

  /**
   * What waits for the peer after `after`. With `waitMs` an empty answer is held (long poll) until
   * an item arrives, the time is up, `signal` fires (the caller went away) or the process shuts
   * down; items waiting are answered at once, as without it. No connection or transaction is held
   * while waiting.
   */
  async list(
    peer: ExchangePeerEntity,
    after: number,
    limit: number,
    waitMs = 0,
    signal?: AbortSignal,
  ): Promise<{ items: MailboxItem[]; next: number }> {
    const take = Math.min(Math.max(limit, 1), MAILBOX_MAX_LIMIT);
    const until = Date.now() + waitMs;
    for (;;) {
      const generation = this.waiters.generation(peer.id);
      const items = await this.mailbox.listWaiting(peer.id, after, take);
      const left = until - Date.now();
      if (items.length > 0 || left <= 0 || signal?.aborted || this.waiters.shuttingDown)
        return { items, next: items.length ? items[items.length - 1].seq : after };
      await this.waiters.wait(peer.id, generation, Math.min(left, RECHECK_MS), signal);
    }
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
