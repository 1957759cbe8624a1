import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { APP_CONFIG, type AppConfig } from '@vanthu/config';
import { buildEdocPackageToBuffer } from '@vanthu/edxml';
import { Database } from '@vanthu/persistence';
import { Clock, isAppException } from '@vanthu/shared';
import { exchangeErrorMessage } from '../exchange.errors';
import { sha256Hex } from '../identity/exchange-identity-certificate';
import { ExchangeIdentityStore } from '../identity/exchange-identity.store';
import { ExchangeInboundRepository } from '../inbound/exchange-inbound.repository';
import { PackageStore } from '../inbound/package-store';
import { OutboundQueue } from '../outbound/outbound-queue';
import { RouteResolver } from '../routing/route-resolver';
import { ExchangeSignals } from '../workers/exchange-signals';
import { drainInLanes } from '../workers/in-lanes';
import { WorkerLoop } from '../workers/worker-loop';
import { EdocPackageFactory } from './edoc-package.factory';
import { ExchangeOutboxPort } from './exchange-outbox.port';

/**
 * Deliveries packaged per round, one transaction each (a delivery that cannot be built fails
 * alone), `VANTHU_EXCHANGE_CONCURRENCY` transactions at once, each claiming its own with SKIP LOCKED.
 */
const PER_TICK = 64;

/**
 * The outbox's first step: claims a pending exchange delivery (FOR UPDATE SKIP LOCKED), resolves
 * its route, builds and signs its edXML package with the node's exchange identity, stores the exact
 * bytes and queues them to the next hop, in one transaction with the audit event. No route: the
 * delivery fails at once with EXCHANGE_NO_ROUTE, and the sending clerks are told.
 */
@Injectable()
export class PackageBuildWorker implements OnApplicationShutdown {
  private readonly logger = new Logger('exchange:build');
  private readonly loop: WorkerLoop;
  private readonly concurrency: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly db: Database,
    private readonly outbox: ExchangeOutboxPort,
    private readonly routes: RouteResolver,
    private readonly factory: EdocPackageFactory,
    private readonly identity: ExchangeIdentityStore,
    private readonly packages: PackageStore,
    private readonly queue: OutboundQueue,
    private readonly inbound: ExchangeInboundRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    signals: ExchangeSignals,
  ) {
    this.loop = new WorkerLoop('build', config.exchange.pollIntervalMs, () => this.tick(), signals);
    this.concurrency = config.exchange.sendConcurrency;
  }

  start(): void {
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  async tick(): Promise<boolean> {
    // a delivery is claimed and built in one transaction: the claim is the whole work
    const built = await drainInLanes(
      this.concurrency,
      PER_TICK,
      async () => (await this.buildOne()) || undefined,
      async () => undefined,
    );
    return built >= PER_TICK;
  }

  /** One delivery in its own transaction; false when none waits. */
  async buildOne(): Promise<boolean> {
    return this.db.transaction(async () => {
      const [deliveryId] = await this.outbox.claimUnpackaged(1);
      if (!deliveryId) return false;
      const content = await this.outbox.packageContent(deliveryId);
      const route = await this.routes.resolve(content.recipient.code);
      if (route.kind !== 'peer') {
        await this.fail(deliveryId, content.senderAgencyId, 'EXCHANGE_NO_ROUTE', content.recipient.code);
        return true;
      }
      const me = await this.identity.current();
      const now = this.clock.now();
      let xml: Buffer;
      try {
        xml = (await buildEdocPackageToBuffer(this.factory.build(content, now), { signer: me.signing, now }))
          .xml;
      } catch (error) {
        if (!isAppException(error)) throw error;
        await this.fail(
          deliveryId,
          content.senderAgencyId,
          error.code,
          content.recipient.code,
          error.message,
        );
        return true;
      }
      const sha256 = sha256Hex(xml);
      const { key: storageKey } = await this.packages.put(xml, sha256);
      const placed = await this.queue.enqueue(route.peer, {
        consignmentId: deliveryId,
        storageKey,
        sha256,
        size: xml.length,
        kind: 'edoc',
        business: content.business,
        toCode: content.recipient.code,
        deliveryId,
        agencyId: content.senderAgencyId,
      });
      await this.outbox.markPackaged(deliveryId);
      await this.audit.record({
        action: 'exchange.package_built',
        agencyId: content.senderAgencyId,
        subjectType: 'consignment',
        subjectId: deliveryId,
        details: {
          business: content.business,
          to: content.recipient.code,
          documentId: content.document.documentIdentifier,
          peer: route.peer.name,
          via: placed,
          sha256,
          size: xml.length,
          files: content.files.map((f) => ({ name: f.fileName, sha256: f.sha256 })),
        },
      });
      // statuses that came before their delivery was packaged can be matched now
      await this.inbound.release(
        (await this.inbound.listHeldFor(content.document.documentIdentifier)).map((r) => r.consignmentId),
      );
      return true;
    });
  }

  private async fail(
    deliveryId: string,
    agencyId: string,
    code: string,
    to: string,
    message?: string,
  ): Promise<void> {
    const why = message ?? exchangeErrorMessage('EXCHANGE_NO_ROUTE');
    await this.outbox.markFailed(deliveryId, `${why} (${code})`, { alert: true });
    await this.audit.record({
      action: 'exchange.package_failed',
      agencyId,
      subjectType: 'consignment',
      subjectId: deliveryId,
      details: { code, to },
    });
    this.logger.warn(`delivery ${deliveryId} to ${to}: ${code}`);
  }
}
