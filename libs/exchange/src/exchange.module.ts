import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { CertificatesModule } from '@vanthu/certificates';
import { DirectoryModule } from '@vanthu/directory';
import { StoredObjectClaimRepository } from '@vanthu/documents';
import { ExchangeRuntime } from './exchange-runtime';
import { ExchangeOverviewUseCase } from './exchange-status.use-case';
import { HubInboundPolicy } from './hub/hub-inbound.policy';
import { EnsureExchangeIdentityUseCase } from './identity/ensure-exchange-identity.use-case';
import { ExchangeIdentityRepository } from './identity/exchange-identity.repository';
import { ExchangeIdentityStore } from './identity/exchange-identity.store';
import { ExchangeInboundRepository } from './inbound/exchange-inbound.repository';
import { InboundPolicy } from './inbound/inbound-policy';
import { PackageAdmission } from './inbound/package-admission';
import { PackageStore } from './inbound/package-store';
import { ReceiveConsignmentUseCase } from './inbound/receive-consignment.use-case';
import { ExchangeMailboxRepository } from './mailbox/exchange-mailbox.repository';
import { ExchangeMailboxService } from './mailbox/exchange-mailbox.service';
import { MailboxPollWorker } from './mailbox/mailbox-poll.worker';
import { MailboxWaiters } from './mailbox/mailbox-waiters';
import { EdocPackageFactory } from './node/edoc-package.factory';
import { ExchangeStatusRepository } from './node/exchange-status.repository';
import { InboundProcessWorker } from './node/inbound-process.worker';
import { InboundProcessor } from './node/inbound-processor';
import { ListDeadLettersUseCase } from './node/list-dead-letters.use-case';
import { NodeInboundPolicy } from './node/node-inbound.policy';
import { NodeOutboundListener } from './node/node-outbound.listener';
import { PackageBuildWorker } from './node/package-build.worker';
import { ResendDeliveryUseCase } from './node/resend-delivery.use-case';
import { StatusSender } from './node/status-sender';
import { StatusTargetFinder } from './node/status-target.finder';
import { ExchangeOutboundRepository } from './outbound/exchange-outbound.repository';
import { NoOutboundListener, OutboundListener } from './outbound/outbound-listener';
import { OutboundQueue } from './outbound/outbound-queue';
import { SendAttempt } from './outbound/send-attempt';
import { SendWorker } from './outbound/send-worker';
import { ExchangePeerRepository } from './peers/exchange-peer.repository';
import { SyncPeersUseCase } from './peers/sync-peers.use-case';
import { RouteResolver } from './routing/route-resolver';
import { ExchangeClient } from './transport/exchange-client';
import { PeerAuthenticator } from './transport/peer-authenticator';
import { ExchangeWireController } from './wire/exchange-wire.controller';
import { ExchangeSignals } from './workers/exchange-signals';

const COMMON: Provider[] = [
  ExchangeSignals,
  ExchangeIdentityRepository,
  ExchangeIdentityStore,
  EnsureExchangeIdentityUseCase,
  ExchangePeerRepository,
  SyncPeersUseCase,
  RouteResolver,
  PeerAuthenticator,
  ExchangeClient,
  // the exchange's own instance: the hub has no DocumentsModule
  StoredObjectClaimRepository,
  PackageStore,
  PackageAdmission,
  ExchangeInboundRepository,
  ReceiveConsignmentUseCase,
  ExchangeMailboxRepository,
  ExchangeMailboxService,
  MailboxWaiters,
  ExchangeOutboundRepository,
  OutboundQueue,
  SendAttempt,
  SendWorker,
  MailboxPollWorker,
  ExchangeOverviewUseCase,
  ExchangeRuntime,
];

const NODE: Provider[] = [
  { provide: InboundPolicy, useClass: NodeInboundPolicy },
  { provide: OutboundListener, useClass: NodeOutboundListener },
  EdocPackageFactory,
  ExchangeStatusRepository,
  StatusSender,
  StatusTargetFinder,
  InboundProcessor,
  InboundProcessWorker,
  PackageBuildWorker,
  ResendDeliveryUseCase,
  ListDeadLettersUseCase,
];

const HUB: Provider[] = [
  { provide: InboundPolicy, useClass: HubInboundPolicy },
  { provide: OutboundListener, useClass: NoOutboundListener },
];

const EXPORTED = [
  ExchangeRuntime,
  ExchangeOverviewUseCase,
  EnsureExchangeIdentityUseCase,
  ExchangeIdentityStore,
];

/**
 * The exchange between installations (docs/exchange.md). Needs APP_CONFIG, Clock, Database,
 * AuditLog and ObjectStorage from the application; a node also needs ExchangeInboxPort and
 * ExchangeOutboxPort (the registers' side, wired by the application).
 */
@Module({})
export class ExchangeModule {
  /** A node: sends its deliveries, receives documents and statuses for the agencies it hosts. */
  static forNode(): DynamicModule {
    return {
      module: ExchangeModule,
      imports: [DirectoryModule, CertificatesModule],
      controllers: [ExchangeWireController],
      providers: [...COMMON, ...NODE],
      exports: [...EXPORTED, StatusSender, ResendDeliveryUseCase, ListDeadLettersUseCase, ExchangeSignals],
    };
  }

  /** A hub: stores and forwards by route, keeps mailboxes for poll-only peers. */
  static forHub(): DynamicModule {
    return {
      module: ExchangeModule,
      imports: [DirectoryModule, CertificatesModule],
      controllers: [ExchangeWireController],
      providers: [...COMMON, ...HUB],
      exports: EXPORTED,
    };
  }
}
