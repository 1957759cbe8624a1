import { Injectable } from '@nestjs/common';
import { exchangeErrorMessage, EXCHANGE_ERROR_CODES, type ExchangeErrorCode } from '../exchange.errors';
import type { ExchangeOutboundEntity } from '../outbound/exchange-outbound.entity';
import type { DeadCause, OutboundListener } from '../outbound/outbound-listener';
import { ExchangeOutboxPort } from './exchange-outbox.port';

/** The sender's delivery follows its package: sent, refused (02 and the reason), dead (alert). */
@Injectable()
export class NodeOutboundListener implements OutboundListener {
  constructor(private readonly outbox: ExchangeOutboxPort) {}

  async onSent(row: ExchangeOutboundEntity): Promise<void> {
    if (row.deliveryId) await this.outbox.markSent(row.deliveryId);
  }

  async onRejected(row: ExchangeOutboundEntity, code: string, message: string): Promise<void> {
    if (row.deliveryId)
      await this.outbox.markFailed(row.deliveryId, `${message} (${code})`, { refused: true });
  }

  async onDead(row: ExchangeOutboundEntity, cause: DeadCause = 'expired'): Promise<void> {
    if (!row.deliveryId) return;
    const code = row.lastErrorCode ?? 'EXCHANGE_PEER_UNAVAILABLE';
    const known = (EXCHANGE_ERROR_CODES as string[]).includes(code);
    const why = known ? exchangeErrorMessage(code as ExchangeErrorCode) : (row.lastError ?? code);
    const prefix =
      cause === 'expired'
        ? 'Quá thời hạn gửi, chưa gửi được tới hệ thống nhận'
        : `Không gửi được: ${row.nonReceiptAnswers} lần liền hệ thống nhận trả lời không phải biên nhận`;
    await this.outbox.markFailed(row.deliveryId, `${prefix}: ${why} (${code})`, { alert: true });
  }
}
