import { Injectable } from '@nestjs/common';
import { RouteResolver } from '../routing/route-resolver';
import { ExchangeInboxPort, type StatusTarget } from './exchange-inbox.port';
import { statusOccurrence } from './status-consignment-id';

/**
 * The delivery a received status answers: among this node's exchange deliveries of the named
 * document, the one whose (delivery, code, occurrence) gives the status's consignment id, sent to
 * the agency that reports (after following successors). None: the status is not about anything
 * this node sent to that agency.
 */
@Injectable()
export class StatusTargetFinder {
  constructor(
    private readonly inbox: ExchangeInboxPort,
    private readonly routes: RouteResolver,
  ) {}

  async find(input: {
    senderAgencyId: string;
    documentId: string;
    consignmentId: string;
    code: string;
    reporterCode: string;
  }): Promise<StatusTarget | null> {
    const candidates = await this.inbox.statusCandidates(input.senderAgencyId, input.documentId);
    const target = candidates.find(
      (c) => statusOccurrence(input.consignmentId, c.deliveryId, input.code) !== undefined,
    );
    if (!target) return null;
    if (target.organId === input.reporterCode) return target;
    const [reporter, recipient] = await Promise.all([
      this.routes.current(input.reporterCode),
      target.organId ? this.routes.current(target.organId) : undefined,
    ]);
    return reporter && recipient && reporter.id === recipient.id ? target : null;
  }
}
