import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@vanthu/config';
import { isAppException } from '@vanthu/shared';
import { sha256Hex } from '../identity/exchange-identity-certificate';
import { ReceiveConsignmentUseCase } from '../inbound/receive-consignment.use-case';
import type { ExchangePeerEntity } from '../peers/exchange-peer.entity';
import { ExchangePeerRepository } from '../peers/exchange-peer.repository';
import { ExchangeClient } from '../transport/exchange-client';
import { ExchangeSignals } from '../workers/exchange-signals';
import { WorkerLoop } from '../workers/worker-loop';
import type { MailboxItem } from './exchange-mailbox.repository';

const PAGE = 50;

/**
 * A node without an inbound port polls its hub: lists what waits, fetches each package, receives
 * it exactly as a push (same checks, same store, same receipt) and acks it with that receipt. A
 * package this node refuses is recorded as refused and acked too, so the hub stops offering it.
 */
@Injectable()
export class MailboxPollWorker implements OnApplicationShutdown {
  private readonly logger = new Logger('exchange:poll');
  private readonly loop: WorkerLoop;

  /** items of one page fetched, received and acked at once (VANTHU_EXCHANGE_CONCURRENCY) */
  private readonly concurrency: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly peers: ExchangePeerRepository,
    private readonly client: ExchangeClient,
    private readonly receive: ReceiveConsignmentUseCase,
    signals: ExchangeSignals,
  ) {
    this.loop = new WorkerLoop('poll', config.exchange.pollIntervalMs, () => this.tick(), signals);
    this.concurrency = config.exchange.sendConcurrency;
  }

  start(): void {
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  async tick(): Promise<boolean> {
    let more = false;
    for (const hub of await this.peers.listPolled()) more = (await this.pollOne(hub)) || more;
    return more;
  }

  /** One page of one hub's mailbox; true when the page was full (poll again at once). */
  async pollOne(hub: ExchangePeerEntity): Promise<boolean> {
    const address = { name: hub.name, baseUrl: hub.baseUrl! };
    const listed = await this.client.listMailbox(address, 0, PAGE);
    if (listed.kind !== 'ok') {
      this.logger.warn(`mailbox of ${hub.name}: ${listed.kind === 'refused' ? listed.code : listed.error}`);
      return false;
    }
    const items = (JSON.parse(listed.body.toString('utf8')) as { items: MailboxItem[] }).items;
    // each item is three round trips and a signature check: several at once, so one slow item
    // (a large package, a slow hub answer) does not hold the page back
    let next = 0;
    const take = async (): Promise<void> => {
      while (next < items.length) await this.takeOne(hub, address, items[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, items.length) }, take));
    return items.length === PAGE;
  }

  /** Fetches, receives (or records the refusal of) and acks one item; a failed fetch waits for the next poll. */
  private async takeOne(
    hub: ExchangePeerEntity,
    address: { name: string; baseUrl: string },
    item: MailboxItem,
  ): Promise<void> {
    const fetched = await this.client.fetchMailboxItem(address, item.consignmentId);
    if (fetched.kind !== 'ok' || sha256Hex(fetched.body) !== item.sha256) {
      this.logger.warn(`mailbox item ${item.consignmentId} of ${hub.name} not fetched`);
      return;
    }
    const input = { consignmentId: item.consignmentId, bytes: fetched.body, from: hub };
    let receipt: string;
    try {
      receipt = (await this.receive.execute(input)).receipt;
    } catch (error) {
      if (!isAppException(error) || error.status >= 500) throw error;
      receipt = await this.receive.recordRefusal(input, error.code, error.message);
    }
    const acked = await this.client.ackMailboxItem(address, item.consignmentId, receipt);
    if (acked.kind !== 'ok')
      this.logger.warn(
        `ack of ${item.consignmentId} to ${hub.name}: ${acked.kind === 'refused' ? acked.code : acked.error}`,
      );
  }
}
