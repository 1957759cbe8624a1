import { Injectable } from '@nestjs/common';
import {
  ExchangeInboxPort,
  ExchangeOutboxPort,
  ExchangeSignals,
  type OutgoingDocument,
  type ReceivedDocument,
  StatusSender,
  type StatusTarget,
} from '@vanthu/exchange';
import {
  RemoteDeliveries,
  RemoteDeliveryQueue,
  RemoteInbox,
  type RemoteStatus,
  StatusOutbox,
} from '@vanthu/registers';

/** Exchange's inbox port, answered by the registers' receiver side (the code local deliveries end in). */
@Injectable()
export class RegistersExchangeInbox extends ExchangeInboxPort {
  constructor(
    private readonly inbox: RemoteInbox,
    private readonly deliveries: RemoteDeliveries,
  ) {
    super();
  }

  receive(document: ReceivedDocument): Promise<string> {
    return this.inbox.receive(document);
  }

  async findReceived(agencyId: string, documentIdentifier: string) {
    const entries = await this.inbox.findReceived(agencyId, documentIdentifier);
    return entries.map((e) => ({ id: e.id, status: e.status, organId: e.organId }));
  }

  recall(agencyId: string, entryId: string, reason: string, notice?: string): Promise<void> {
    return this.inbox.recall(agencyId, entryId, reason, notice);
  }

  update(
    agencyId: string,
    entryId: string,
    changes: Parameters<ExchangeInboxPort['update']>[2],
    reason: string,
  ) {
    return this.inbox.update(agencyId, entryId, changes, reason);
  }

  statusCandidates(senderAgencyId: string, documentIdentifier: string): Promise<StatusTarget[]> {
    return this.deliveries.statusCandidates(senderAgencyId, documentIdentifier);
  }

  applyStatus(input: Parameters<ExchangeInboxPort['applyStatus']>[0]) {
    return this.deliveries.applyStatus(input);
  }
}

/** Exchange's outbox port, answered by the registers' deliveries. */
@Injectable()
export class RegistersExchangeOutbox extends ExchangeOutboxPort {
  constructor(private readonly deliveries: RemoteDeliveries) {
    super();
  }

  claimUnpackaged(limit: number): Promise<string[]> {
    return this.deliveries.claimUnpackaged(limit);
  }

  packageContent(deliveryId: string): Promise<OutgoingDocument> {
    return this.deliveries.packageContent(deliveryId);
  }

  markPackaged(deliveryId: string): Promise<void> {
    return this.deliveries.markPackaged(deliveryId);
  }

  markSent(deliveryId: string): Promise<void> {
    return this.deliveries.markSent(deliveryId);
  }

  markFailed(
    deliveryId: string,
    reason: string,
    options?: { refused?: boolean; alert?: boolean },
  ): Promise<void> {
    return this.deliveries.markFailed(deliveryId, reason, options);
  }

  reopen(deliveryId: string, senderAgencyId: string, packaged: boolean) {
    return this.deliveries.reopen(deliveryId, senderAgencyId, packaged);
  }
}

/** The registers' status outbox, answered by the exchange's status sender (same transaction). */
@Injectable()
export class ExchangeStatusOutbox extends StatusOutbox {
  constructor(private readonly sender: StatusSender) {
    super();
  }

  async enqueue(status: RemoteStatus): Promise<void> {
    await this.sender.send({
      agencyId: status.agencyId,
      answers: status.consignmentId,
      code: status.code,
      description: status.description,
      staffName: status.staffName,
      at: status.at,
    });
  }
}

/** A delivery written for the exchange wakes this process's package builder once it commits. */
@Injectable()
export class ExchangeBuildWakeup extends RemoteDeliveryQueue {
  constructor(private readonly signals: ExchangeSignals) {
    super();
  }

  queued(): void {
    this.signals.afterCommit('build');
  }
}
