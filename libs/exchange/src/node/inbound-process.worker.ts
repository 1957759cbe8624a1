import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@vanthu/config';
import { readPackage } from '@vanthu/edxml';
import { Database } from '@vanthu/persistence';
import { Clock, isAppException } from '@vanthu/shared';
import { ExchangeInboundRepository } from '../inbound/exchange-inbound.repository';
import { PackageStore } from '../inbound/package-store';
import { retryDelayMs } from '../outbound/retry-backoff';
import { ExchangeSignals } from '../workers/exchange-signals';
import { inLanes } from '../workers/in-lanes';
import { WorkerLoop } from '../workers/worker-loop';
import { InboundProcessor, type Processed } from './inbound-processor';

/** Consignments claimed per round; `VANTHU_EXCHANGE_CONCURRENCY` of them are worked on at once. */
const PER_TICK = 32;
const LEASE_MS = 5 * 60_000;

/**
 * Processes received consignments (claimed with FOR UPDATE SKIP LOCKED and a lease, several at
 * once): each is read and its PDFs verified outside any transaction, then applied in one
 * transaction with the statuses it sends, so a slow verification never holds a lock. A refusal (a
 * package that is not a usable document) is final; any other failure (database, storage) is tried
 * again later with back-off.
 */
@Injectable()
export class InboundProcessWorker implements OnApplicationShutdown {
  private readonly logger = new Logger('exchange:process');
  private readonly loop: WorkerLoop;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly inbound: ExchangeInboundRepository,
    private readonly packages: PackageStore,
    private readonly processor: InboundProcessor,
    private readonly clock: Clock,
    signals: ExchangeSignals,
  ) {
    this.loop = new WorkerLoop('process', config.exchange.pollIntervalMs, () => this.tick(), signals);
  }

  start(): void {
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  async tick(): Promise<boolean> {
    const rows = await this.inbound.claimDue(PER_TICK, LEASE_MS);
    await inLanes(rows, this.config.exchange.sendConcurrency, (row) => this.processOne(row.consignmentId));
    return rows.length === PER_TICK;
  }

  async processOne(consignmentId: string): Promise<Processed | 'retry' | 'gone'> {
    try {
      // leased to this worker: nobody else processes it meanwhile, so it is read without a lock
      const claimed = await this.inbound.find(consignmentId);
      if (!claimed || (claimed.state !== 'received' && claimed.state !== 'held')) return 'gone';
      // the bytes admitted (the row's SHA-256 checked), whose envelope was verified then
      const parsed = await readPackage(await this.packages.readExactly(claimed.storageKey, claimed.sha256), {
        limits: { maxPackageBytes: this.config.exchange.maxPackageBytes },
        envelope: 'checked-before',
      });
      const prepared = await this.processor.prepare(claimed, parsed);
      return await this.db.transaction(async () => {
        const row = await this.inbound.lockReceived(consignmentId);
        if (!row) return 'gone';
        const outcome = await this.processor.apply(row, prepared);
        await this.inbound.finish(row.consignmentId, outcome);
        return outcome;
      });
    } catch (error) {
      // a refusal: whatever the attempt wrote is rolled back; the refusal is written on its own
      if (isAppException(error) && error.status < 500)
        return this.refuse(consignmentId, error.code, error.message);
      const row = await this.inbound.find(consignmentId);
      const at = new Date(this.clock.now().getTime() + retryDelayMs(row?.attempts ?? 1, 2000, 10 * 60_000));
      const message = error instanceof Error ? error.message : String(error);
      await this.inbound.retryLater(consignmentId, at, message);
      this.logger.error(`consignment ${consignmentId}: ${message}`);
      return 'retry';
    }
  }

  private refuse(consignmentId: string, code: string, message: string): Promise<'rejected' | 'gone'> {
    return this.db.transaction(async () => {
      const row = await this.inbound.lockReceived(consignmentId);
      if (!row) return 'gone';
      await this.processor.refuse(row, code, message);
      await this.inbound.finish(consignmentId, 'rejected', { code, message });
      return 'rejected';
    });
  }
}
