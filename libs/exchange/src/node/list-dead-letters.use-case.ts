import { Injectable } from '@nestjs/common';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { ExchangeOutboundRepository } from '../outbound/exchange-outbound.repository';
import { ExchangePeerRepository } from '../peers/exchange-peer.repository';

export const DEAD_LETTERS_MAX_LIMIT = 500;

export interface DeadLetterView {
  deliveryId: string;
  consignmentId: string;
  kind: 'edoc' | 'status';
  business: string | null;
  to: string | null;
  peer: string;
  attempts: number;
  firstQueuedAt: string;
  lastErrorCode: string | null;
  lastError: string | null;
}

/** The agency's dead letters: consignments that were not delivered within the maximum age. */
@Injectable()
export class ListDeadLettersUseCase {
  constructor(
    private readonly outbound: ExchangeOutboundRepository,
    private readonly peers: ExchangePeerRepository,
  ) {}

  async execute(input: {
    principal?: Principal;
    agencyId?: string;
    limit?: number;
  }): Promise<DeadLetterView[]> {
    if (input.principal) authorizeAgency(input.principal, input.agencyId!, ['clerk', 'leader', 'admin']);
    const rows = await this.outbound.listDead(
      input.agencyId ?? null,
      Math.min(input.limit ?? 100, DEAD_LETTERS_MAX_LIMIT),
    );
    const names = new Map((await this.peers.list()).map((p) => [p.id, p.name]));
    return rows
      .filter((r) => r.deliveryId !== null || !input.agencyId)
      .map((r) => ({
        deliveryId: r.deliveryId ?? r.consignmentId,
        consignmentId: r.consignmentId,
        kind: r.kind,
        business: r.business,
        to: r.toCode,
        peer: names.get(r.peerId) ?? r.peerId,
        attempts: r.attempts,
        firstQueuedAt: new Date(r.firstQueuedAt).toISOString(),
        lastErrorCode: r.lastErrorCode,
        lastError: r.lastError,
      }));
  }
}
