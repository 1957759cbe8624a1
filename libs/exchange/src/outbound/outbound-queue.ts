import { Injectable } from '@nestjs/common';
import { Clock, newId } from '@vanthu/shared';
import type { PackageBusiness, PackageKind } from '../inbound/exchange-inbound.entity';
import { ExchangeMailboxRepository } from '../mailbox/exchange-mailbox.repository';
import { MailboxWaiters } from '../mailbox/mailbox-waiters';
import type { ExchangePeerEntity } from '../peers/exchange-peer.entity';
import { ExchangeSignals } from '../workers/exchange-signals';
import type { ExchangeOutboundEntity } from './exchange-outbound.entity';
import { ExchangeOutboundRepository } from './exchange-outbound.repository';

export interface QueuedPackage {
  readonly consignmentId: string;
  readonly storageKey: string;
  readonly sha256: string;
  readonly size: number;
  readonly kind: PackageKind;
  readonly business?: PackageBusiness | null;
  readonly statusCode?: string | null;
  readonly toCode: string;
  readonly deliveryId?: string | null;
  readonly agencyId?: string | null;
  readonly answersConsignment?: string | null;
}

/**
 * Hands a stored package to its next hop in the caller's transaction: an outbound row the send
 * worker pushes (a peer with a URL), or a mailbox item the peer polls (a peer without one).
 */
@Injectable()
export class OutboundQueue {
  constructor(
    private readonly outbound: ExchangeOutboundRepository,
    private readonly mailbox: ExchangeMailboxRepository,
    private readonly signals: ExchangeSignals,
    private readonly waiters: MailboxWaiters,
    private readonly clock: Clock,
  ) {}

  async enqueue(peer: ExchangePeerEntity, pkg: QueuedPackage): Promise<'outbound' | 'mailbox'> {
    await this.enqueueMany([{ peer, pkg }]);
    return peer.baseUrl ? 'outbound' : 'mailbox';
  }

  /** Several at once (a hub forwarding a batch): the outbound rows in one statement. */
  async enqueueMany(items: readonly { peer: ExchangePeerEntity; pkg: QueuedPackage }[]): Promise<void> {
    const now = this.clock.now();
    const rows: ExchangeOutboundEntity[] = [];
    for (const { peer, pkg } of items) {
      if (peer.baseUrl) {
        rows.push(outboundRow(peer, pkg, now));
        continue;
      }
      await this.mailbox.insert({
        peerId: peer.id,
        consignmentId: pkg.consignmentId,
        storageKey: pkg.storageKey,
        sha256: pkg.sha256,
        size: pkg.size,
        state: 'waiting',
        createdAt: now,
        ackedAt: null,
        ackReceipt: null,
      });
      // a poll held open by the peer answers once this commits
      this.waiters.arrived(peer.id);
    }
    if (rows.length === 0) return;
    await this.outbound.insertMany(rows);
    this.signals.afterCommit('send');
  }
}

function outboundRow(peer: ExchangePeerEntity, pkg: QueuedPackage, now: Date): ExchangeOutboundEntity {
  return {
    id: newId(),
    consignmentId: pkg.consignmentId,
    peerId: peer.id,
    storageKey: pkg.storageKey,
    sha256: pkg.sha256,
    size: pkg.size,
    kind: pkg.kind,
    business: pkg.business ?? null,
    statusCode: pkg.statusCode ?? null,
    toCode: pkg.toCode.slice(0, 100),
    deliveryId: pkg.deliveryId ?? null,
    agencyId: pkg.agencyId ?? null,
    answersConsignment: pkg.answersConsignment ?? null,
    state: 'queued',
    attempts: 0,
    ambiguous: false,
    nonReceiptAnswers: 0,
    nextAttemptAt: now,
    leaseUntil: null,
    firstQueuedAt: now,
    sentAt: null,
    receipt: null,
    lastErrorCode: null,
    lastError: null,
  };
}
