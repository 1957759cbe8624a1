import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { exchangeError } from '../exchange.errors';
import { ExchangeOutboundRepository } from '../outbound/exchange-outbound.repository';
import { ExchangeSignals } from '../workers/exchange-signals';
import { ExchangeOutboxPort } from './exchange-outbox.port';

export interface ResendDeliveryInput {
  /** a clerk of the agency; absent for the operator's CLI (`vanthu exchange resend`) */
  readonly principal?: Principal;
  readonly agencyId?: string;
  readonly deliveryId: string;
}

export interface ResendOutcome {
  readonly deliveryId: string;
  /** requeued: the same consignment and the same stored bytes go again; rebuilt: no package existed */
  readonly action: 'requeued' | 'rebuilt';
}

/**
 * Resend of a delivery that failed (dead past the maximum age, refused, or without a route): the
 * same consignment id and the same stored bytes are queued again (a receiver that has it already
 * answers with its receipt), or, when no package was ever made, the delivery goes back to the
 * outbox to be built. Audited with who asked.
 */
@Injectable()
export class ResendDeliveryUseCase {
  constructor(
    private readonly db: Database,
    private readonly outbound: ExchangeOutboundRepository,
    private readonly outbox: ExchangeOutboxPort,
    private readonly signals: ExchangeSignals,
    private readonly audit: AuditLog,
  ) {}

  async execute(input: ResendDeliveryInput): Promise<ResendOutcome> {
    if (input.principal) authorizeAgency(input.principal, input.agencyId!, ['clerk']);
    return this.db.transaction(async () => {
      const rows = (await this.outbound.lockByDelivery(input.deliveryId)).filter(
        (r) => !input.agencyId || r.agencyId === input.agencyId,
      );
      const failed = rows.filter((r) => r.state === 'dead' || r.state === 'rejected');
      if (rows.length > 0 && failed.length === 0) throw exchangeError('EXCHANGE_DELIVERY_NOT_RESENDABLE');
      const agencyId = input.agencyId ?? rows[0]?.agencyId;
      const delivery = agencyId
        ? await this.outbox.reopen(input.deliveryId, agencyId, rows.length > 0)
        : null;
      if (!delivery || delivery.channel !== 'exchange') throw exchangeError('EXCHANGE_DELIVERY_NOT_FOUND');
      if (delivery.state !== 'pending') throw exchangeError('EXCHANGE_DELIVERY_NOT_RESENDABLE');
      for (const row of failed) await this.outbound.requeue(row.id);
      const action = rows.length > 0 ? 'requeued' : 'rebuilt';
      await this.audit.record({
        action: 'exchange.resend',
        agencyId,
        actor: input.principal
          ? { id: input.principal.userId, name: input.principal.fullName }
          : { id: null, name: 'vanthu exchange resend' },
        subjectType: 'consignment',
        subjectId: input.deliveryId,
        details: { action, previous: failed.map((r) => ({ state: r.state, code: r.lastErrorCode })) },
      });
      this.signals.afterCommit(action === 'requeued' ? 'send' : 'build');
      return { deliveryId: input.deliveryId, action };
    });
  }
}
