import { Injectable } from '@nestjs/common';
import { exchangeError } from '../exchange.errors';
import { type InboundPolicy, type KeptPackage, type Placement } from '../inbound/inbound-policy';
import type { AdmittedPackage, ReceiveLookups } from '../inbound/package-admission';
import { RouteResolver } from '../routing/route-resolver';
import { ExchangeSignals } from '../workers/exchange-signals';
import { TAKE_BACK } from './inbound-processor';
import { StatusTargetFinder } from './status-target.finder';

/**
 * A node keeps a package only for an agency it hosts, and a status only when it answers a delivery
 * this node made to the agency that reports it (or is a take-back, 13, of a document received
 * here); the processing worker does the rest.
 */
@Injectable()
export class NodeInboundPolicy implements InboundPolicy {
  constructor(
    private readonly routes: RouteResolver,
    private readonly targets: StatusTargetFinder,
    private readonly signals: ExchangeSignals,
  ) {}

  readonly initialState = 'received';

  async check(
    pkg: AdmittedPackage,
    _from: unknown,
    consignmentId: string,
    lookups: ReceiveLookups,
  ): Promise<Placement> {
    const route = await this.routes.resolve(pkg.toCode, lookups.routes);
    if (route.kind !== 'local')
      throw exchangeError('EXCHANGE_UNKNOWN_RECIPIENT', { to: pkg.toCode.slice(0, 100) });
    // a take-back (13) answers no delivery of ours: like a revoke, it is checked when processed
    if (pkg.kind !== 'status' || pkg.statusCode === TAKE_BACK) return { agencyId: route.agency.id };
    const target = pkg.documentId
      ? await this.targets.find({
          senderAgencyId: route.agency.id,
          documentId: pkg.documentId,
          consignmentId,
          code: pkg.statusCode!,
          reporterCode: pkg.fromCode,
        })
      : null;
    if (!target)
      throw exchangeError('EXCHANGE_STATUS_NOT_APPLICABLE', { documentId: pkg.documentId?.slice(0, 120) });
    return { agencyId: route.agency.id, answers: target.deliveryId };
  }

  async place(kept: readonly KeptPackage[]): Promise<void> {
    if (kept.length > 0) this.signals.afterCommit('process');
  }
}
