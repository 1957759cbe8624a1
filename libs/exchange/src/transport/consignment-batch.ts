import { isUuid } from '@vanthu/shared';
import { exchangeError } from '../exchange.errors';

/**
 * Several consignments in one request (`POST /exchange/v1/consignments`, docs/exchange.md): one
 * signed request, one receiving transaction and one commit for up to BATCH_MAX_ITEMS small
 * packages instead of one each. Body: one line of JSON naming each consignment and its size, then
 * the packages' bytes back to back in that order. Answer: one result per consignment, in order,
 * each either its signed receipt (the very bytes a PUT would answer) or the refusal a PUT would get.
 */
export const BATCH_MAX_ITEMS = 64;
/** Larger packages travel alone (PUT): a batch stays a few MB in memory on both sides. */
export const BATCH_ITEM_MAX_BYTES = 512 * 1024;
const HEADER_MAX_BYTES = 16 * 1024;
/** The largest batch body a receiver reads. */
export const BATCH_MAX_BYTES = BATCH_MAX_ITEMS * BATCH_ITEM_MAX_BYTES + HEADER_MAX_BYTES;

export interface BatchItem {
  readonly consignmentId: string;
  readonly bytes: Buffer;
}

export type BatchResult =
  | { readonly consignmentId: string; readonly receipt: string }
  | {
      readonly consignmentId: string;
      readonly status: number;
      readonly code: string;
      readonly message: string;
    };

export function encodeBatch(items: readonly BatchItem[]): Buffer {
  const header = JSON.stringify({
    consignments: items.map((i) => ({ id: i.consignmentId, size: i.bytes.length })),
  });
  return Buffer.concat([Buffer.from(`${header}\n`, 'utf8'), ...items.map((i) => i.bytes)]);
}

/** The consignments of a batch body; EXCHANGE_BATCH_INVALID unless it is exactly what encodeBatch writes. */
export function decodeBatch(body: Buffer): BatchItem[] {
  const end = body.subarray(0, HEADER_MAX_BYTES + 1).indexOf(0x0a);
  if (end < 0) throw invalid('no header line');
  let header: unknown;
  try {
    header = JSON.parse(body.toString('utf8', 0, end));
  } catch {
    throw invalid('header is not JSON');
  }
  const list = (header as { consignments?: unknown } | null)?.consignments;
  if (!Array.isArray(list) || list.length === 0 || list.length > BATCH_MAX_ITEMS)
    throw invalid(`1 to ${BATCH_MAX_ITEMS} consignments`);
  const items: BatchItem[] = [];
  const ids = new Set<string>();
  let offset = end + 1;
  for (const entry of list as unknown[]) {
    const { id, size } = (entry ?? {}) as { id?: unknown; size?: unknown };
    if (typeof id !== 'string' || !isUuid(id)) throw invalid('ids are UUIDs');
    const consignmentId = id.toLowerCase();
    if (ids.has(consignmentId)) throw invalid('a consignment twice');
    ids.add(consignmentId);
    if (!Number.isSafeInteger(size) || (size as number) < 1 || (size as number) > BATCH_ITEM_MAX_BYTES)
      throw invalid(`sizes of 1 to ${BATCH_ITEM_MAX_BYTES} bytes`);
    if (offset + (size as number) > body.length) throw invalid('sizes beyond the body');
    items.push({ consignmentId, bytes: body.subarray(offset, offset + (size as number)) });
    offset += size as number;
  }
  if (offset !== body.length) throw invalid('bytes after the last consignment');
  return items;
}

export function encodeBatchAnswer(results: readonly BatchResult[]): string {
  return JSON.stringify({
    results: results.map((r) =>
      'receipt' in r
        ? { id: r.consignmentId, receipt: r.receipt }
        : { id: r.consignmentId, status: r.status, code: r.code, message: r.message },
    ),
  });
}

/**
 * The results of a batch answer, by consignment id; null unless it answers exactly these
 * consignments (a proxy's page, an older peer, a cut answer): the sender then sends each alone.
 */
export function decodeBatchAnswer(body: Buffer, ids: readonly string[]): Map<string, BatchResult> | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  const list = (parsed as { results?: unknown } | null)?.results;
  if (!Array.isArray(list) || list.length !== ids.length) return null;
  const results = new Map<string, BatchResult>();
  for (const [i, entry] of (list as unknown[]).entries()) {
    const r = (entry ?? {}) as Record<string, unknown>;
    if (r.id !== ids[i]) return null;
    if (typeof r.receipt === 'string') results.set(ids[i], { consignmentId: ids[i], receipt: r.receipt });
    else if (typeof r.status === 'number' && typeof r.code === 'string' && typeof r.message === 'string')
      results.set(ids[i], {
        consignmentId: ids[i],
        status: r.status,
        code: r.code.slice(0, 60),
        message: r.message.slice(0, 1000),
      });
    else return null;
  }
  return results;
}

function invalid(reason: string) {
  return exchangeError('EXCHANGE_BATCH_INVALID', { reason });
}
