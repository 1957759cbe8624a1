import { Injectable } from '@nestjs/common';
import { exchangeError } from '../exchange.errors';
import type { InboundPolicy, KeptPackage, Placement } from '../inbound/inbound-policy';
import type { AdmittedPackage, ReceiveLookups } from '../inbound/package-admission';
import { OutboundQueue } from '../outbound/outbound-queue';
import type { ExchangePeerEntity } from '../peers/exchange-peer.entity';
import { RouteResolver } from '../routing/route-resolver';

/**
 * A hub keeps a package only when its recipient has a route (never straight back to the peer it
 * came from), and queues it to that next hop in the receiving transaction: an outbound row for a
 * peer it pushes to, a mailbox item for one that polls. The bytes travel on unchanged.
 */
@Injectable()
export class HubInboundPolicy implements InboundPolicy {
  /** placing is all a hub does with a package: its row is done once the next hop is queued */
  readonly initialState = 'forwarded';

  constructor(
    private readonly routes: RouteResolver,
    private readonly queue: OutboundQueue,
  ) {}

  async check(
    pkg: AdmittedPackage,
    from: ExchangePeerEntity | null,
    _consignmentId: string,
    lookups: ReceiveLookups,
  ): Promise<Placement> {
    const route = await this.routes.resolve(pkg.toCode, lookups.routes);
    if (route.kind !== 'peer' || route.peer.id === from?.id)
      throw exchangeError('EXCHANGE_UNKNOWN_RECIPIENT', { to: pkg.toCode.slice(0, 100), route: route.kind });
    return { agencyId: null, nextHop: route.peer };
  }

  async place(kept: readonly KeptPackage[]): Promise<void> {
    await this.queue.enqueueMany(
      kept.map(({ pkg, row, placement }) => ({
        peer: placement.nextHop!,
        pkg: {
          consignmentId: row.consignmentId,
          storageKey: row.storageKey,
          sha256: row.sha256,
          size: row.size,
          kind: pkg.kind,
          business: pkg.business,
          statusCode: pkg.statusCode,
          toCode: pkg.toCode,
        },
      })),
    );
  }
}
