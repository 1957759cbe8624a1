import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { AddTrustAnchorsUseCase, SystemCertificateActor } from '@vanthu/certificates';
import { Database } from '@vanthu/persistence';
import { isAppException } from '@vanthu/shared';
import { ExchangePeerRepository } from './exchange-peer.repository';
import type { PeersConfiguration } from './peers-file';

export interface PeersSyncResult {
  readonly peers: number;
  readonly routes: number;
  readonly trustAnchorsAdded: number;
}

/**
 * Loads the peers file into `exchange_peer` / `exchange_route` (routing is data: the file is how an
 * operator writes it) and trusts the network's anchors, in one transaction, audited.
 */
@Injectable()
export class SyncPeersUseCase {
  constructor(
    private readonly db: Database,
    private readonly peers: ExchangePeerRepository,
    private readonly trust: AddTrustAnchorsUseCase,
    private readonly audit: AuditLog,
  ) {}

  async execute(config: PeersConfiguration): Promise<PeersSyncResult> {
    let trustAnchorsAdded = 0;
    for (const anchor of config.trustAnchors) {
      try {
        await this.trust.execute({ actor: new SystemCertificateActor('exchange peers file'), data: anchor });
        trustAnchorsAdded += 1;
      } catch (error) {
        if (!isAppException(error) || error.code !== 'TRUST_ANCHOR_DUPLICATE') throw error;
      }
    }
    return this.db.transaction(async () => {
      await this.peers.lockForSync();
      const ids = await this.peers.upsertAll(config.peers);
      await this.peers.replaceRoutes(
        new Map([...config.routes].map(([code, name]) => [code, ids.get(name)!])),
      );
      await this.audit.record({
        action: 'exchange.peers_loaded',
        details: {
          peers: config.peers.map((p) => ({ name: p.name, role: p.role, url: p.baseUrl, poll: p.poll })),
          routes: Object.fromEntries(config.routes),
          trustAnchorsAdded,
        },
      });
      return { peers: config.peers.length, routes: config.routes.size, trustAnchorsAdded };
    });
  }
}
