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
 *
 * Long poll (VANTHU_EXCHANGE_LONG_POLL, 25 s): with one polled hub, the list asks the hub to hold
 * an empty answer until an item arrives, and polls again as soon as it answers, so a package
 * waits at the hub for a round trip instead of up to a poll interval. A hub that answered an empty
 * list at once (an older hub, or one stopping) is polled again after the interval, as are errors.
 */
@Injectable()
export class MailboxPollWorker implements OnApplicationShutdown {
  private readonly logger = new Logger('exchange:poll');
  private readonly loop: WorkerLoop;

  /** items of one page fetched, received and acked at once (VANTHU_EXCHANGE_CONCURRENCY) */
  private readonly concurrency: number;

  /** seconds the hub may hold an empty poll; 0: plain polls */
  private readonly longPollSeconds: number;
  /** cancels the poll held open when the process stops */
  private readonly stopping = new AbortController();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly peers: ExchangePeerRepository,
    private readonly client: ExchangeClient,
    private readonly receive: ReceiveConsignmentUseCase,
    signals: ExchangeSignals,
  ) {
    this.loop = new WorkerLoop('poll', config.exchange.pollIntervalMs, () => this.tick(), signals);
    this.concurrency = config.exchange.sendConcurrency;
    this.longPollSeconds = Math.floor(config.exchange.longPollMs / 1000);
  }

  start(): void {
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    // a held poll would keep the loop (and the shutdown) waiting for up to the long-poll time
    this.stopping.abort();
    await this.loop.stop();
  }

  async tick(): Promise<boolean> {
    const hubs = await this.peers.listPolled();
    // a held poll of one hub would hold back the others: long poll with a single polled hub only
    const wait = hubs.length === 1 ? this.longPollSeconds : 0;
    let more = false;
    for (const hub of hubs) more = (await this.pollOne(hub, wait)) || more;
    return more && !this.stopping.signal.aborted;
  }

  /**
   * One page of one hub's mailbox; true when it should be polled again at once: the page was full,
   * or it was a long poll that brought items or that the hub held to its end.
   */
  async pollOne(hub: ExchangePeerEntity, waitSeconds = 0): Promise<boolean> {
    if (this.stopping.signal.aborted) return false;
    const address = { name: hub.name, baseUrl: hub.baseUrl! };
    const started = Date.now();
    const listed = await this.client.listMailbox(address, 0, PAGE, waitSeconds, this.stopping.signal);
    if (this.stopping.signal.aborted) return false;
    if (listed.kind !== 'ok') {
      this.logger.warn(`mailbox of ${hub.name}: ${listed.kind === 'refused' ? listed.code : listed.error}`);
      return false;
    }
    const items = (JSON.parse(listed.body.toString('utf8')) as { items: MailboxItem[] }).items;
    if (items.length === 0) return waitSeconds > 0 && Date.now() - started >= (waitSeconds * 1000) / 2;
    // each item is three round trips and a signature check: several at once, so one slow item
    // (a large package, a slow hub answer) does not hold the page back
    let next = 0;
    const take = async (): Promise<void> => {
      while (next < items.length) await this.takeOne(hub, address, items[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, items.length) }, take));
    return items.length === PAGE || waitSeconds > 0;
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
