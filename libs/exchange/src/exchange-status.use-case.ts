import { Injectable } from '@nestjs/common';
import { ExchangeIdentityStore, type IdentitySummary } from './identity/exchange-identity.store';
import { ExchangeInboundRepository } from './inbound/exchange-inbound.repository';
import { ExchangeMailboxRepository } from './mailbox/exchange-mailbox.repository';
import { ExchangeOutboundRepository } from './outbound/exchange-outbound.repository';
import { ExchangePeerRepository } from './peers/exchange-peer.repository';

export interface PeerView {
  name: string;
  role: 'hub' | 'node';
  url: string | null;
  poll: boolean;
  enabled: boolean;
  fingerprint: string;
  circuit: 'closed' | 'open';
  failures: number;
  probeAt: string | null;
  lastError: string | null;
  lastSuccessAt: string | null;
}

export interface ExchangeOverview {
  identity: Omit<IdentitySummary, 'certificate'> | null;
  peers: PeerView[];
  routes: Record<string, string>;
  outbound: Record<string, number>;
  inbound: Record<string, number>;
  mailboxWaiting: number;
}

/** What `vanthu exchange status` and `peers` print: identity, peers with their circuits, queues. */
@Injectable()
export class ExchangeOverviewUseCase {
  constructor(
    private readonly identity: ExchangeIdentityStore,
    private readonly peers: ExchangePeerRepository,
    private readonly outbound: ExchangeOutboundRepository,
    private readonly inbound: ExchangeInboundRepository,
    private readonly mailbox: ExchangeMailboxRepository,
  ) {}

  async execute(): Promise<ExchangeOverview> {
    const summary = await this.identity.summary();
    const peers = await this.peers.list();
    const names = new Map(peers.map((p) => [p.id, p.name]));
    return {
      identity: summary
        ? {
            name: summary.name,
            fingerprint: summary.fingerprint,
            agencyCodes: summary.agencyCodes,
            source: summary.source,
            notAfter: summary.notAfter,
          }
        : null,
      peers: peers.map((p) => ({
        name: p.name,
        role: p.role,
        url: p.baseUrl,
        poll: p.poll,
        enabled: p.enabled,
        fingerprint: p.sha256Fingerprint,
        circuit: p.probeAt ? 'open' : 'closed',
        failures: p.failures,
        probeAt: p.probeAt?.toISOString() ?? null,
        lastError: p.lastError,
        lastSuccessAt: p.lastSuccessAt?.toISOString() ?? null,
      })),
      routes: Object.fromEntries(
        (await this.peers.listRoutes()).map((r) => [r.agencyCode, names.get(r.peerId) ?? r.peerId]),
      ),
      outbound: await this.outbound.countByState(),
      inbound: await this.inbound.countByState(),
      mailboxWaiting: await this.mailbox.countWaiting(),
    };
  }
}
