import { Injectable } from '@nestjs/common';
import { RouteResolver } from '../routing/route-resolver';
import { sameAgency } from '../routing/same-agency';
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
    if (!target?.organId) return null;
    return (await sameAgency(this.routes, input.reporterCode, target.organId)) ? target : null;
  }
}
