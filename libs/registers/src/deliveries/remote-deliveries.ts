import { Injectable } from '@nestjs/common';
import { AgencyRepository } from '@vanthu/directory';
import { DocumentStore } from '@vanthu/documents';
import { Clock, newId } from '@vanthu/shared';
import { RegisterEntryRepository } from '../entries/register-entry.repository';
import { NotificationRepository } from '../notifications/notification.repository';
import type { DeliveryEntity } from './delivery.entity';
import { DeliveryRepository } from './delivery.repository';
import { type OutgoingDocumentPackage, toOutgoingPackage } from './outgoing-document-package';
import { RemoteDeliveryRepository, type StatusCandidate } from './remote-delivery.repository';

/** Statuses in the order a document goes through them at its recipient; 02 and 16 end it. */
const STATUS_RANK: Record<string, number> = { '01': 1, '03': 3, '04': 4, '05': 5, '06': 6, '15': 7 };
const TERMINAL = new Set(['02', '16']);

export type StatusOutcome = 'applied' | 'recorded' | 'ignored';

/**
 * The sender side of deliveries that travel by exchange, for the exchange module (through the port
 * the application wires): which deliveries wait for a package and what goes in it, and what became
 * of them (sent, failed with the reason, dead with an alert, statuses back).
 */
@Injectable()
export class RemoteDeliveries {
  constructor(
    private readonly remote: RemoteDeliveryRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly entries: RegisterEntryRepository,
    private readonly agencies: AgencyRepository,
    private readonly documents: DocumentStore,
    private readonly notifications: NotificationRepository,
    private readonly clock: Clock,
  ) {}

  /** Locks up to `limit` deliveries waiting for their package (FOR UPDATE SKIP LOCKED). */
  claimUnpackaged(limit: number): Promise<string[]> {
    return this.remote.lockUnpackaged(limit);
  }

  /** Everything the package of one delivery carries. */
  async packageContent(deliveryId: string): Promise<OutgoingDocumentPackage> {
    const delivery = (await this.deliveries.findById(deliveryId))!;
    const entry = (await this.entries.findById(delivery.entryId))!;
    const sender = (await this.agencies.findById(delivery.senderAgencyId))!;
    const files = delivery.business === 'new' ? await this.documents.latest(entry.id) : [];
    const answered = entry.replyToEntryId ? await this.entries.findById(entry.replyToEntryId) : null;
    const replacedBy =
      delivery.business === 'replace' && entry.replacedBy
        ? await this.entries.findById(entry.replacedBy)
        : null;
    return toOutgoingPackage({ delivery, entry, sender, files, answered, replacedBy });
  }

  async markPackaged(deliveryId: string): Promise<void> {
    await this.remote.setPackaged(deliveryId, this.clock.now());
  }

  /** The next hop holds it (its signed receipt): pending → sent, never backwards. */
  async markSent(deliveryId: string): Promise<void> {
    await this.remote.transition(deliveryId, ['pending'], 'sent', this.clock.now());
  }

  /**
   * It will not arrive: refused by the receiver (status 02 with its reason, `refused`), no route,
   * or dead (`alert`: the sending agency's clerks are told).
   */
  async markFailed(
    deliveryId: string,
    reason: string,
    options: { refused?: boolean; alert?: boolean } = {},
  ): Promise<void> {
    const now = this.clock.now();
    const delivery = await this.deliveries.findById(deliveryId);
    if (!delivery || delivery.state === 'delivered') return;
    if (options.refused) await this.deliveries.addStatus(deliveryId, '02', reason.slice(0, 500), null, now);
    await this.remote.setFailure(deliveryId, reason, now);
    if (options.alert) await this.alert(delivery, reason, now);
  }

  /**
   * A resend by the clerk: the delivery goes back to the outbox. `packaged`: its package exists and
   * is re-queued as it is; otherwise it is built again (a route was missing).
   */
  async reopen(
    deliveryId: string,
    senderAgencyId: string,
    packaged: boolean,
  ): Promise<DeliveryEntity | null> {
    const delivery = await this.remote.lock(deliveryId);
    if (!delivery || delivery.senderAgencyId !== senderAgencyId || delivery.channel !== 'exchange')
      return null;
    if (delivery.state !== 'failed') return delivery;
    await this.remote.reopen(deliveryId, packaged, this.clock.now());
    return { ...delivery, state: 'pending' };
  }

  findDelivery(deliveryId: string): Promise<DeliveryEntity | null> {
    return this.deliveries.findById(deliveryId);
  }

  statusCandidates(senderAgencyId: string, documentIdentifier: string): Promise<StatusCandidate[]> {
    return this.remote.statusCandidates(senderAgencyId, documentIdentifier);
  }

  /**
   * A status from the recipient, applied once (the caller deduplicates by consignment): kept in
   * the history always; it becomes the delivery's current status only going forward (01 < 03 < 04
   * < 05 < 06; 02 and 16 end it and nothing moves it afterwards).
   */
  async applyStatus(input: {
    deliveryId: string;
    code: string;
    description: string | null;
    staffName: string | null;
    at: Date;
  }): Promise<StatusOutcome> {
    const delivery = await this.remote.lock(input.deliveryId);
    if (!delivery) return 'ignored';
    const current = delivery.statusCode;
    const forward =
      !current ||
      (!TERMINAL.has(current) &&
        (TERMINAL.has(input.code) || (STATUS_RANK[input.code] ?? 0) >= (STATUS_RANK[current] ?? 0)));
    const now = this.clock.now();
    if (!forward) {
      await this.deliveries.insertStatusHistory(
        input.deliveryId,
        input.code,
        input.description,
        input.staffName,
        now,
      );
      return 'recorded';
    }
    await this.deliveries.addStatus(input.deliveryId, input.code, input.description, input.staffName, now);
    // the document reached the recipient's system: arrived is final for the delivery's state
    if (input.code !== '02' && input.code !== '16')
      await this.remote.transition(input.deliveryId, ['pending', 'sent', 'failed'], 'delivered', now);
    else await this.remote.transition(input.deliveryId, ['pending', 'sent'], 'failed', now);
    return 'applied';
  }

  private async alert(delivery: DeliveryEntity, reason: string, now: Date): Promise<void> {
    const entry = await this.entries.findById(delivery.entryId);
    const title = `Không gửi được văn bản ${entry?.codeNumber ? `số ${entry.codeNumber}/${entry.codeNotation} ` : ''}tới ${delivery.organName}: ${reason}`;
    const clerks = await this.notifications.withRole(delivery.senderAgencyId, 'clerk');
    await this.notifications.insertMany(
      clerks.map((userId) => ({
        id: newId(),
        userId,
        agencyId: delivery.senderAgencyId,
        kind: 'exchange_failed',
        entryId: delivery.entryId,
        title: title.slice(0, 600),
        dedupeKey: `exchange_failed:${delivery.id}:${now.getTime()}`.slice(0, 120),
        createdAt: now,
        readAt: null,
      })),
    );
  }
}
