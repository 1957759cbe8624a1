import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { APP_CONFIG, type AppConfig } from '@vanthu/config';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { ExchangePeerRepository } from '../peers/exchange-peer.repository';
import { ExchangeSignals } from '../workers/exchange-signals';
import { drainInLanes } from '../workers/in-lanes';
import { WorkerLoop } from '../workers/worker-loop';
import type { ExchangeOutboundEntity } from './exchange-outbound.entity';
import { recordDeadConsignment } from './dead-consignment';
import { ExchangeOutboundRepository } from './exchange-outbound.repository';
import { OutboundListener } from './outbound-listener';
import { SendAttempt } from './send-attempt';
import { BATCH_ITEM_MAX_BYTES } from '../transport/consignment-batch';

/** Requests (a consignment or a batch) per round before the sweep and the circuits are looked at again. */
const PER_TICK = 256;
/** Dead consignments buried per sweep; the next tick takes the rest. */
const BURY_BATCH = 200;

/**
 * Pushes queued consignments to their next hop: claims due rows with a lease (FOR UPDATE SKIP
 * LOCKED: any number of processes share the queue without a double send), sends up to
 * VANTHU_EXCHANGE_CONCURRENCY at once (`drainInLanes`), probes open circuits once per interval,
 * and buries consignments past the maximum age.
 */
@Injectable()
export class SendWorker implements OnApplicationShutdown {
  private readonly logger = new Logger('exchange:send');
  private readonly loop: WorkerLoop;
  private lastSweep = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly outbound: ExchangeOutboundRepository,
    private readonly peers: ExchangePeerRepository,
    private readonly attempt: SendAttempt,
    private readonly listener: OutboundListener,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    signals: ExchangeSignals,
  ) {
    this.loop = new WorkerLoop('send', config.exchange.pollIntervalMs, () => this.tick(), signals);
  }

  start(): void {
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** One round; true when it found work (the loop goes on at once). */
  async tick(): Promise<boolean> {
    const { sendConcurrency, pollIntervalMs, breakerIntervalMs } = this.config.exchange;
    let busy = false;
    if (this.clock.now().getTime() - this.lastSweep >= pollIntervalMs) {
      this.lastSweep = this.clock.now().getTime();
      busy = (await this.buryExpired()) > 0;
    }
    const lease = this.leaseMs();
    const probes: ExchangeOutboundEntity[] = [];
    for (const peerId of await this.outbound.openPeersWithDueWork()) {
      if (await this.peers.claimProbe(peerId, breakerIntervalMs))
        probes.push(...(await this.outbound.claimDue(1, lease, peerId)));
    }
    const [sent] = await Promise.all([
      drainInLanes(
        sendConcurrency,
        PER_TICK,
        () => this.claimBatch(lease),
        (rows) => (rows.length === 1 ? this.attempt.send(rows[0]) : this.attempt.sendMany(rows)),
      ),
      ...probes.map((row) => this.attempt.send(row)),
    ]);
    return busy || probes.length > 0 || sent > 0;
  }

  /**
   * The oldest due consignment and, when it is a plain small one, more due for the same peer to
   * travel in the same request (VANTHU_EXCHANGE_BATCH): a backlog goes in batches, a lone
   * document alone and at once.
   */
  private async claimBatch(lease: number): Promise<ExchangeOutboundEntity[] | undefined> {
    const [first] = await this.outbound.claimDue(1, lease);
    if (!first) return undefined;
    const { sendBatch } = this.config.exchange;
    if (
      sendBatch <= 1 ||
      first.ambiguous ||
      first.size > BATCH_ITEM_MAX_BYTES ||
      !this.attempt.acceptsBatches(first.peerId)
    )
      return [first];
    return [
      first,
      ...(await this.outbound.claimDueFor(first.peerId, sendBatch - 1, lease, BATCH_ITEM_MAX_BYTES)),
    ];
  }

  /** Long enough for the slowest exchange: a row is never taken from a process still sending it. */
  private leaseMs(): number {
    return this.config.exchange.requestTimeoutMs * 2 + 30_000;
  }

  private async buryExpired(): Promise<number> {
    const rows = await this.db.transaction(async () => {
      const dead = await this.outbound.buryExpired(this.config.exchange.maxAgeMs, BURY_BATCH);
      for (const row of dead)
        await recordDeadConsignment(this.listener, this.audit, row, 'expired', {
          firstQueuedAt: new Date(row.firstQueuedAt).toISOString(),
        });
      return dead;
    });
    if (rows.length > 0) this.logger.warn(`${rows.length} gói tin quá hạn gửi, chuyển sang "dead"`);
    return rows.length;
  }
}
