import { Injectable, Optional } from '@nestjs/common';
import { AgencyRepository, ResolveSuccessorUseCase } from '@vanthu/directory';
import { Clock, newId } from '@vanthu/shared';
import type { DeliveryEntity } from '../deliveries/delivery.entity';
import type { EntryRecipientEntity } from '../deliveries/entry-recipient.entity';
import { DeliveryRepository } from '../deliveries/delivery.repository';
import { RemoteDeliveryQueue } from '../deliveries/remote-delivery-queue.port';
import { type DeliveredFiles, LocalDelivery } from '../deliveries/local-delivery';
import type { RegisterEntryEntity } from '../entries/register-entry.entity';

/**
 * One delivery per recipient, written in the issuing transaction: internal units and paper
 * recipients are recorded, agencies hosted here get the document in their inbox at once, and
 * agencies elsewhere get a pending delivery the exchange module sends (one failing recipient does
 * not hold back the others).
 */
@Injectable()
export class OutgoingRelease {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly agencies: AgencyRepository,
    private readonly successors: ResolveSuccessorUseCase,
    private readonly local: LocalDelivery,
    private readonly clock: Clock,
    @Optional() private readonly remoteQueue?: RemoteDeliveryQueue,
  ) {}

  async release(entry: RegisterEntryEntity, files: DeliveredFiles): Promise<DeliveryEntity[]> {
    const out: DeliveryEntity[] = [];
    const reports = new Map<string, ReturnType<DeliveredFiles['report']>>();
    const once: DeliveredFiles = {
      versions: files.versions,
      report: (version) => {
        if (!reports.has(version.id)) reports.set(version.id, files.report(version));
        return reports.get(version.id)!;
      },
    };
    for (const recipient of await this.deliveries.listRecipients(entry.id)) {
      const delivery = await this.record(entry, recipient);
      if (delivery.channel === 'local') await this.local.deliver(entry, delivery, once);
      out.push(delivery);
    }
    return out;
  }

  private async record(entry: RegisterEntryEntity, recipient: EntryRecipientEntity): Promise<DeliveryEntity> {
    const now = this.clock.now();
    const addressed = recipient.agencyId ? await this.agencies.findById(recipient.agencyId) : null;
    // an agency merged or renamed since the draft: the document goes to the one that answers today
    const target = addressed?.successorCode
      ? (await this.successors.execute({ code: addressed.code })).current
      : addressed;
    const channel =
      recipient.kind === 'unit'
        ? 'internal'
        : recipient.kind === 'paper'
          ? 'paper'
          : target?.hosted
            ? 'local'
            : 'exchange';
    const delivery: DeliveryEntity = {
      id: newId(),
      entryId: entry.id,
      recipientId: recipient.id,
      senderAgencyId: entry.agencyId,
      channel,
      business: 'new',
      reason: null,
      targetAgencyId: target?.id ?? null,
      organId: target?.code ?? recipient.organId,
      organName: target?.name ?? recipient.organName,
      state: channel === 'internal' ? 'delivered' : channel === 'paper' ? 'not_sent' : 'pending',
      statusCode: null,
      statusDescription: null,
      statusAt: null,
      incomingEntryId: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.deliveries.insert(delivery);
    if (delivery.channel === 'exchange') this.remoteQueue?.queued();
    return delivery;
  }
}
