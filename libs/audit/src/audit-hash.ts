import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedAuditFields {
  seq: string;
  id: string;
  occurredAt: Date;
  agencyId: string | null;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  details: unknown;
  requestId: string | null;
  ip: string | null;
  prevHash: string;
}

/** JSON with object keys sorted at every depth: jsonb does not keep key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 over every stored field and the previous row's hash: changing any of them breaks the chain. */
export function hashAuditEvent(e: HashedAuditFields): string {
  const material = canonicalJson([
    e.seq,
    e.id,
    e.occurredAt.toISOString(),
    e.agencyId,
    e.actorId,
    e.actorName,
    e.action,
    e.subjectType,
    e.subjectId,
    e.details,
    e.requestId,
    e.ip,
    e.prevHash,
  ]);
  return createHash('sha256').update(material).digest('hex');
}
