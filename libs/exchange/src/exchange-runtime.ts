import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@vanthu/config';
import { EnsureExchangeIdentityUseCase } from './identity/ensure-exchange-identity.use-case';
import { MailboxPollWorker } from './mailbox/mailbox-poll.worker';
import { InboundProcessWorker } from './node/inbound-process.worker';
import { PackageBuildWorker } from './node/package-build.worker';
import { SendWorker } from './outbound/send-worker';
import { readPeersFile } from './peers/peers-file';
import { SyncPeersUseCase } from './peers/sync-peers.use-case';

/**
 * Brings the exchange up once the installation is ready (after the demo seed on a first start):
 * the identity (imported, kept or issued from the demo PKI), the peers file loaded into the
 * database, then the workers of this process (unless VANTHU_EXCHANGE_WORKERS=false).
 */
@Injectable()
export class ExchangeRuntime {
  private readonly logger = new Logger('exchange');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly identity: EnsureExchangeIdentityUseCase,
    private readonly peers: SyncPeersUseCase,
    private readonly send: SendWorker,
    private readonly poll: MailboxPollWorker,
    @Optional() private readonly build?: PackageBuildWorker,
    @Optional() private readonly process?: InboundProcessWorker,
  ) {}

  async start(): Promise<void> {
    const { exchange } = this.config;
    if (!exchange.enabled) return;
    const identity = await this.identity.execute();
    if (exchange.peersFile) {
      const loaded = await this.peers.execute(await readPeersFile(exchange.peersFile, exchange.name));
      this.logger.log(`liên thông: ${loaded.peers} hệ thống, ${loaded.routes} tuyến (${exchange.peersFile})`);
    }
    if (identity === 'missing' || !exchange.workers) return;
    this.build?.start();
    this.process?.start();
    this.send.start();
    this.poll.start();
  }
}
