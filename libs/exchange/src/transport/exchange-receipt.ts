import { type KeyObject, sign, verify } from 'node:crypto';
import { exchangeError } from '../exchange.errors';

/** What a receiver answers to a stored consignment (docs/exchange.md "Receipt"). */
export interface ExchangeReceipt {
  readonly consignmentId: string;
  readonly sha256: string;
  readonly size: number;
  readonly receivedAt: string;
  readonly receiver: string;
  readonly signature: string;
}

type ReceiptFields = Omit<ExchangeReceipt, 'signature'>;

function receiptText(r: ReceiptFields): Buffer {
  return Buffer.from(
    `vanthu-receipt-v1\n${r.consignmentId}\n${r.sha256}\n${r.size}\n${r.receivedAt}\n${r.receiver}`,
    'utf8',
  );
}

/** The receipt as the exact JSON text that is stored and answered to every repeat. */
export function signReceipt(fields: ReceiptFields, key: KeyObject): string {
  const signature = sign('sha256', receiptText(fields), key).toString('base64');
  const receipt: ExchangeReceipt = {
    consignmentId: fields.consignmentId,
    sha256: fields.sha256,
    size: fields.size,
    receivedAt: fields.receivedAt,
    receiver: fields.receiver,
    signature,
  };
  return JSON.stringify(receipt);
}

/**
 * Checks a receipt against the receiver's pinned key and the consignment it must acknowledge:
 * same id, same bytes (sha256), signed by the receiver. EXCHANGE_RECEIPT_INVALID otherwise.
 */
export function verifyReceipt(
  json: string,
  pinnedKey: KeyObject,
  expected: { consignmentId: string; sha256: string },
): ExchangeReceipt {
  let receipt: ExchangeReceipt;
  try {
    receipt = JSON.parse(json) as ExchangeReceipt;
  } catch {
    throw exchangeError('EXCHANGE_RECEIPT_INVALID', { reason: 'json' });
  }
  const fieldsOk =
    typeof receipt === 'object' &&
    receipt !== null &&
    typeof receipt.signature === 'string' &&
    typeof receipt.receivedAt === 'string' &&
    typeof receipt.receiver === 'string' &&
    Number.isSafeInteger(receipt.size) &&
    receipt.consignmentId === expected.consignmentId &&
    receipt.sha256 === expected.sha256;
  if (!fieldsOk) throw exchangeError('EXCHANGE_RECEIPT_INVALID', { reason: 'fields' });
  let ok = false;
  try {
    ok = verify('sha256', receiptText(receipt), pinnedKey, Buffer.from(receipt.signature, 'base64'));
  } catch {
    ok = false;
  }
  if (!ok) throw exchangeError('EXCHANGE_RECEIPT_INVALID', { reason: 'signature' });
  return receipt;
}
