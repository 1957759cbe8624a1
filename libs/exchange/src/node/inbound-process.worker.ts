import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@vanthu/config';
import { readPackage } from '@vanthu/edxml';
import { Database } from '@vanthu/persistence';
import { Clock, isAppException } from '@vanthu/shared';
import { ExchangeInboundRepository } from '../inbound/exchange-inbound.repository';
import { PackageStore } from '../inbound/package-store';
import { retryDelayMs } from '../outbound/retry-backoff';
import { ExchangeSignals } from '../workers/exchange-signals';
import { WorkerLoop } from '../workers/worker-loop';
import { InboundProcessor, type Processed } from './inbound-processor';

const PER_TICK = 8;
const LEASE_MS = 5 * 60_000;

/**
 * Processes received consignments (claimed with FOR UPDATE SKIP LOCKED and a lease), each in one
 * transaction with the statuses it sends. A refusal (a package that is not a usable document) is
 * final; any other failure (database, storage) is tried again later with back-off.
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
    for (const row of rows) await this.processOne(row.consignmentId);
    return rows.length === PER_TICK;
  }

  async processOne(consignmentId: string): Promise<Processed | 'retry' | 'gone'> {
    try {
      return await this.db.transaction(async () => {
        const row = await this.inbound.lockReceived(consignmentId);
        if (!row) return 'gone';
        const parsed = await readPackage(await this.packages.read(row.storageKey), {
          limits: { maxPackageBytes: this.config.exchange.maxPackageBytes },
        });
        const outcome =
          parsed.kind === 'status'
            ? await this.processor.status(row, parsed)
            : await this.processor.edoc(row, parsed);
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
