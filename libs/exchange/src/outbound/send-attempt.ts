import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { APP_CONFIG, type AppConfig } from '@vanthu/config';
import { Database } from '@vanthu/persistence';
import { Clock, isAppException } from '@vanthu/shared';
import { PackageStore } from '../inbound/package-store';
import type { ExchangePeerEntity } from '../peers/exchange-peer.entity';
import { ExchangePeerRepository } from '../peers/exchange-peer.repository';
import { ExchangeClient, type PeerAnswer, transientStatus } from '../transport/exchange-client';
import { type BatchResult, decodeBatchAnswer, encodeBatch } from '../transport/consignment-batch';
import { verifyReceipt } from '../transport/exchange-receipt';
import { sha256Hex } from '../identity/exchange-identity-certificate';
import { PeerAuthenticator } from '../transport/peer-authenticator';
import type { ExchangeOutboundEntity } from './exchange-outbound.entity';
import { ExchangeOutboundRepository } from './exchange-outbound.repository';
import { recordDeadConsignment } from './dead-consignment';
import { OutboundListener } from './outbound-listener';
import { retryDelayMs } from './retry-backoff';

/**
 * 2xx answers that are not a valid receipt after which the consignment fails (dead, clerks alerted,
 * resend possible): with the back-off between them, about half a minute at the default settings,
 * long enough to ride out a proxy's passing error page, short enough that a wrong URL is known the
 * same minute rather than after the maximum age.
 */
export const NON_RECEIPT_ANSWER_LIMIT = 5;

/** How long a process sends one consignment per request to a peer that refused a batch. */
const BATCHES_REFUSED_PAUSE_MS = 10 * 60_000;

/**
 * One attempt at one claimed consignment. After an ambiguous attempt (the body went out, no answer
 * came) the receipt is asked for first: delivered means holding the receiver's signed receipt,
 * never a guess. A receipt is checked against the peer's pinned certificate before it counts; an
 * answer that is not one (a proxy's HTML page, a wrong URL, a receipt that does not verify) leaves
 * the attempt ambiguous (the package may have reached the peer behind the proxy: the next attempt
 * asks for its receipt first) and, at NON_RECEIPT_ANSWER_LIMIT, fails the consignment.
 */
@Injectable()
export class SendAttempt {
  private readonly logger = new Logger('exchange:send');
  /** peers that refused a batch → until when they get one consignment per request */
  private readonly batchesRefused = new Map<string, number>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly outbound: ExchangeOutboundRepository,
    private readonly peers: ExchangePeerRepository,
    private readonly packages: PackageStore,
    private readonly client: ExchangeClient,
    private readonly authenticator: PeerAuthenticator,
    private readonly listener: OutboundListener,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async send(row: ExchangeOutboundEntity): Promise<void> {
    const peer = await this.peers.findById(row.peerId);
    if (!peer?.baseUrl) return this.retry(row, null, { kind: 'transient', error: 'peer has no URL' });
    try {
      if (row.ambiguous) {
        const asked = await this.client.getReceipt(
          { name: peer.name, baseUrl: peer.baseUrl },
          row.consignmentId,
        );
        if (asked.kind === 'ok') return await this.answered(row, peer, asked.body);
        if (asked.kind !== 'refused') return await this.retry(row, peer, asked);
        // not there: the earlier attempt never arrived, so this one is a plain send again
        if (asked.code !== 'EXCHANGE_NOT_FOUND')
          return await this.refusedAlone(row, peer, asked.code, asked.message);
        row = { ...row, ambiguous: false };
      }
      const bytes = await this.packages.read(row.storageKey);
      const answer = await this.client.put(
        { name: peer.name, baseUrl: peer.baseUrl },
        row.consignmentId,
        bytes,
        row.sha256,
      );
      if (answer.kind === 'ok') return await this.answered(row, peer, answer.body);
      if (answer.kind === 'refused') return await this.refusedAlone(row, peer, answer.code, answer.message);
      return await this.retry(row, peer, answer);
    } catch (error) {
      // storage or database trouble on our side: try again later, without blaming the peer
      await this.retry(row, null, { kind: 'transient', error: errorText(error) });
    }
  }

  /**
   * Several claimed consignments to one peer (none ambiguous) in one request, each then ending as
   * its own PUT would have: delivered (all of them in one transaction), refused, retried. No answer
   * or a transient one retries them all later: one failure for the peer's circuit, ambiguous when
   * the body went out. An answer that is not a batch answer (an older peer, a proxy that refuses
   * the body or answers with its own page) makes this process send to that peer one consignment
   * per request for a while (`acceptsBatches`); the rows go back to the queue, due at once.
   */
  async sendMany(rows: readonly ExchangeOutboundEntity[]): Promise<void> {
    const peer = await this.peers.findById(rows[0].peerId);
    if (!peer?.baseUrl) {
      for (const row of rows) await this.retry(row, null, { kind: 'transient', error: 'peer has no URL' });
      return;
    }
    let body: Buffer;
    try {
      const bytes = await Promise.all(rows.map((r) => this.packages.read(r.storageKey)));
      body = encodeBatch(rows.map((r, i) => ({ consignmentId: r.consignmentId, bytes: bytes[i] })));
    } catch (error) {
      // our storage failed: try again later, without blaming the peer
      this.logger.warn(`batch to ${peer.name} not built: ${errorText(error)}`);
      for (const row of rows) await this.retry(row, null, { kind: 'transient', error: errorText(error) });
      return;
    }
    const answer = await this.client.putMany(
      { name: peer.name, baseUrl: peer.baseUrl },
      body,
      sha256Hex(body),
    );
    if (answer.kind === 'transient' || answer.kind === 'ambiguous') {
      for (const [i, row] of rows.entries()) await this.retry(row, i === 0 ? peer : null, answer);
      return;
    }
    const ids = rows.map((r) => r.consignmentId);
    const results = answer.kind === 'ok' ? decodeBatchAnswer(answer.body, ids) : null;
    if (!results) {
      this.batchesRefused.set(peer.id, this.clock.now().getTime() + BATCHES_REFUSED_PAUSE_MS);
      const what = answer.kind === 'ok' ? 'an answer that is not a batch answer' : `${answer.code}`;
      this.logger.warn(`${peer.name} refused a batch (${what}): one consignment per request for a while`);
      // a 2xx that is not ours may come from a proxy that forwarded the body: ask before resending
      for (const row of rows) await this.requeue(row, answer.kind === 'ok', `batch refused: ${what}`);
      return;
    }
    try {
      await this.batchAnswered(rows, peer, results);
    } catch (error) {
      // our database failed while recording the answers: the peer may hold them all, so the rows
      // not finished yet ask for their receipts next time (a finished row is left as it is)
      this.logger.warn(`answers of a batch to ${peer.name} not recorded: ${errorText(error)}`);
      for (const row of rows)
        await this.retry(row, null, { kind: 'ambiguous', error: errorText(error) }).catch(() => undefined);
    }
  }

  /** False for a while after the peer refused a batch: this process then sends it one by one. */
  acceptsBatches(peerId: string): boolean {
    const until = this.batchesRefused.get(peerId);
    return until === undefined || until <= this.clock.now().getTime();
  }

  /**
   * Each consignment of a batch as its own answer says. The peer's circuit: closed by a delivery or
   * a refusal (it answered), one failure when items failed on its side and none got through.
   */
  private async batchAnswered(
    rows: readonly ExchangeOutboundEntity[],
    peer: ExchangePeerEntity,
    results: ReadonlyMap<string, BatchResult>,
  ): Promise<void> {
    const delivered: { row: ExchangeOutboundEntity; receipt: string }[] = [];
    let answered = false;
    let failedThere: ExchangeOutboundEntity | null = null;
    for (const row of rows) {
      const result = results.get(row.consignmentId)!;
      if ('receipt' in result) {
        if (this.isReceipt(result.receipt, row, peer)) delivered.push({ row, receipt: result.receipt });
        else await this.notAReceipt(row, peer, result.receipt);
      } else if (transientStatus(result.status)) {
        const error = { kind: 'transient' as const, error: `${result.code}: ${result.message}` };
        await this.retry(row, null, error, result.code);
        failedThere ??= row;
      } else {
        await this.rejected(row, peer, result.code, result.message);
        answered = true;
      }
    }
    if (delivered.length > 0) await this.delivered(delivered, peer);
    else if (answered) await this.peers.recordSuccess(peer.id);
    else if (failedThere)
      await this.recordPeerFailure(peer, `${failedThere.consignmentId}: failed at the peer`);
  }

  /** A 2xx answer: delivered when it is the peer's receipt for these bytes, otherwise counted. */
  private async answered(row: ExchangeOutboundEntity, peer: ExchangePeerEntity, body: Buffer): Promise<void> {
    const receipt = body.toString('utf8');
    if (!this.isReceipt(receipt, row, peer)) return this.notAReceipt(row, peer, receipt);
    await this.delivered([{ row, receipt }], peer);
  }

  /** The peer's signed receipt for this consignment's bytes, checked against its pinned certificate. */
  private isReceipt(receipt: string, row: ExchangeOutboundEntity, peer: ExchangePeerEntity): boolean {
    try {
      verifyReceipt(receipt, this.authenticator.keyOf(peer), {
        consignmentId: row.consignmentId,
        sha256: row.sha256,
      });
      return true;
    } catch {
      return false;
    }
  }

  /** Receipts held: the consignments are sent, in one transaction however many. */
  private async delivered(
    items: readonly { row: ExchangeOutboundEntity; receipt: string }[],
    peer: ExchangePeerEntity,
  ): Promise<void> {
    await this.db.transaction(async () => {
      const sentAt = this.clock.now();
      const ours = await this.outbound.markSent(
        items.map(({ row, receipt }) => ({ id: row.id, receipt })),
        sentAt,
      );
      for (const { row, receipt } of items) {
        if (!ours.has(row.id)) continue;
        await this.listener.onSent({ ...row, state: 'sent', receipt, sentAt });
        await this.audit.record({
          action: 'exchange.sent',
          agencyId: row.agencyId,
          subjectType: 'consignment',
          subjectId: row.consignmentId,
          details: {
            kind: row.kind,
            business: row.business,
            statusCode: row.statusCode,
            to: row.toCode,
            peer: peer.name,
            attempts: row.attempts,
            sha256: row.sha256,
            receipt: JSON.parse(receipt) as unknown,
          },
        });
      }
    });
    await this.peers.recordSuccess(peer.id);
  }

  /** A refusal of a lone consignment; the peer answered, so it is up. */
  private async refusedAlone(
    row: ExchangeOutboundEntity,
    peer: ExchangePeerEntity,
    code: string,
    message: string,
  ): Promise<void> {
    await this.rejected(row, peer, code, message);
    await this.peers.recordSuccess(peer.id);
  }

  private async rejected(
    row: ExchangeOutboundEntity,
    peer: ExchangePeerEntity,
    code: string,
    message: string,
  ): Promise<void> {
    await this.db.transaction(async () => {
      const changes = { state: 'rejected' as const, lastErrorCode: code, lastError: message.slice(0, 1000) };
      if (!(await this.outbound.finish(row.id, changes))) return;
      await this.listener.onRejected({ ...row, ...changes }, code, message);
      await this.audit.record({
        action: 'exchange.rejected',
        agencyId: row.agencyId,
        subjectType: 'consignment',
        subjectId: row.consignmentId,
        details: { kind: row.kind, to: row.toCode, peer: peer.name, code, message: message.slice(0, 500) },
      });
    });
  }

  /**
   * A 2xx answer that is not this consignment's receipt. Receipt-shaped JSON that does not verify
   * is a peer of ours with another key (EXCHANGE_RECEIPT_INVALID); anything else is not our
   * protocol (EXCHANGE_PEER_NOT_EXCHANGE). Either way the peer may hold the package (a proxy can
   * forward the body and replace the answer), so the row becomes ambiguous: the next attempt asks
   * for the receipt before sending, and the receiver's idempotent PUT makes a second copy
   * impossible anyway. The circuit is left alone: the peer answered, just not as a peer.
   */
  private async notAReceipt(
    row: ExchangeOutboundEntity,
    peer: ExchangePeerEntity,
    answer: string,
  ): Promise<void> {
    const code = receiptShaped(answer) ? 'EXCHANGE_RECEIPT_INVALID' : 'EXCHANGE_PEER_NOT_EXCHANGE';
    const error = `2xx answer that is not a valid receipt: ${answer.slice(0, 300)}`;
    const nonReceiptAnswers = row.nonReceiptAnswers + 1;
    if (nonReceiptAnswers < NON_RECEIPT_ANSWER_LIMIT)
      return this.retry(row, null, { kind: 'ambiguous', error }, code, { nonReceiptAnswers });
    await this.db.transaction(async () => {
      const changes = {
        state: 'dead' as const,
        ambiguous: true,
        nonReceiptAnswers,
        lastErrorCode: code,
        lastError: error.slice(0, 1000),
      };
      if (!(await this.outbound.finish(row.id, changes))) return;
      await recordDeadConsignment(this.listener, this.audit, { ...row, ...changes }, 'not-exchange', {
        peer: peer.name,
        nonReceiptAnswers,
      });
    });
  }

  private async retry(
    row: ExchangeOutboundEntity,
    peer: ExchangePeerEntity | null,
    answer: Extract<PeerAnswer, { kind: 'transient' | 'ambiguous' }>,
    code = 'EXCHANGE_PEER_UNAVAILABLE',
    extra: Partial<ExchangeOutboundEntity> = {},
  ): Promise<void> {
    const { backoffBaseMs, backoffCapMs } = this.config.exchange;
    const delay = retryDelayMs(row.attempts - 1, backoffBaseMs, backoffCapMs);
    await this.outbound.finish(row.id, {
      ...extra,
      state: 'queued',
      nextAttemptAt: new Date(this.clock.now().getTime() + delay),
      ambiguous: row.ambiguous || answer.kind === 'ambiguous',
      lastErrorCode: code,
      lastError: answer.error.slice(0, 1000),
    });
    if (peer) await this.recordPeerFailure(peer, answer.error);
  }

  /** One failure for the peer's circuit; the one that opens it is audited. */
  private async recordPeerFailure(peer: ExchangePeerEntity, error: string): Promise<void> {
    const { breakerThreshold, breakerIntervalMs } = this.config.exchange;
    const wasOpen = peer.probeAt !== null;
    const open = await this.peers.recordFailure(peer.id, error, breakerThreshold, breakerIntervalMs);
    if (open && !wasOpen)
      await this.audit.record({
        action: 'exchange.circuit_opened',
        subjectType: 'peer',
        subjectId: peer.id,
        details: { peer: peer.name, error: error.slice(0, 300), failures: breakerThreshold },
      });
  }

  /** Back in the queue, due at once, without counting against the back-off. */
  private async requeue(row: ExchangeOutboundEntity, ambiguous: boolean, error: string): Promise<void> {
    await this.outbound.finish(row.id, {
      state: 'queued',
      nextAttemptAt: this.clock.now(),
      ambiguous: row.ambiguous || ambiguous,
      lastErrorCode: 'EXCHANGE_BATCH_REFUSED',
      lastError: error.slice(0, 1000),
    });
  }
}

/** JSON with a receipt's signature and consignment id: one of ours, signed with another key or for other bytes. */
function receiptShaped(text: string): boolean {
  try {
    const parsed = JSON.parse(text) as unknown;
    return (
      typeof parsed === 'object' &&
      parsed !== null &&
      typeof (parsed as Record<string, unknown>).signature === 'string' &&
      typeof (parsed as Record<string, unknown>).consignmentId === 'string'
    );
  } catch {
    return false;
  }
}

function errorText(error: unknown): string {
  return isAppException(error) ? error.code : error instanceof Error ? error.message : String(error);
}
