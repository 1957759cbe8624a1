import { Injectable } from '@nestjs/common';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { decodeCursor, encodeCursor, type Page } from '@vanthu/shared';
import { ExchangeOutboundRepository } from '../outbound/exchange-outbound.repository';
import { ExchangePeerRepository } from '../peers/exchange-peer.repository';

export const DEAD_LETTERS_MAX_LIMIT = 500;
export const DEAD_LETTERS_DEFAULT_LIMIT = 100;

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

/** The agency's dead letters (consignments not delivered within the maximum age), oldest first, by keyset. */
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
    cursor?: string;
  }): Promise<Page<DeadLetterView>> {
    if (input.principal) authorizeAgency(input.principal, input.agencyId!, ['clerk', 'leader', 'admin']);
    const limit = Math.min(input.limit ?? DEAD_LETTERS_DEFAULT_LIMIT, DEAD_LETTERS_MAX_LIMIT);
    const after = input.cursor ? decodeCursor(input.cursor, ['timestamp', 'uuid']) : undefined;
    const agencyId = input.agencyId ?? null;
    const rows = await this.outbound.listDead(
      agencyId,
      after && { at: new Date(after[0]), id: after[1] },
      limit + 1,
    );
    const page = rows.slice(0, limit);
    const names = new Map((await this.peers.list()).map((p) => [p.id, p.name]));
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
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
      })),
      nextCursor:
        rows.length > limit ? encodeCursor([new Date(last.firstQueuedAt).toISOString(), last.id]) : null,
      total: await this.outbound.countDead(agencyId),
    };
  }
}
