import { createHash } from 'node:crypto';

/** UUIDv5 namespace of status consignments (docs/exchange.md). */
export const STATUS_NAMESPACE = '6f1b0c1e-3a4d-5e6f-8a9b-0c1d2e3f4a5b';
/** Statuses of one code for one consignment that the receiver of statuses looks for. */
export const MAX_STATUS_OCCURRENCE = 200;

/** RFC 9562 UUIDv5 (SHA-1) of `name` in `namespace`. */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The consignment id of the `occurrence`-th status `code` sent about consignment `answers`: the
 * same on every retry, and one the original sender can recompute from its own deliveries.
 */
export function statusConsignmentId(answers: string, code: string, occurrence: number): string {
  return uuidV5(STATUS_NAMESPACE, `${answers.toLowerCase()}/${code}/${occurrence}`);
}

/** The occurrence for which `consignmentId` is the status `code` about `answers`, if any. */
export function statusOccurrence(consignmentId: string, answers: string, code: string): number | undefined {
  for (let n = 0; n < MAX_STATUS_OCCURRENCE; n += 1)
    if (statusConsignmentId(answers, code, n) === consignmentId) return n;
  return undefined;
}
