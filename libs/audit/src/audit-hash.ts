import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The one chain of rows written before per-agency chains (migration 1764100000370). */
export const LEGACY_CHAIN = 'global';

/** The chain of events that belong to no agency. */
export const SYSTEM_CHAIN = 'system';

export interface HashedAuditFields {
  /** Node-wide order, assigned by the database; hashed only in the legacy material. */
  seq: string;
  chain: string;
  chainSeq: string;
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

function eventFields(e: Omit<HashedAuditFields, 'seq' | 'chain' | 'chainSeq' | 'prevHash'>): unknown[] {
  return [
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
  ];
}

/**
 * What rows of the legacy chain 'global' were hashed over when they were written: the node-wide
 * seq (then gapless and the chain position) first. Kept byte for byte so those rows still verify.
 */
export function legacyAuditMaterial(e: Omit<HashedAuditFields, 'chain' | 'chainSeq'>): string {
  return canonicalJson([e.seq, ...eventFields(e), e.prevHash]);
}

/**
 * What rows of per-agency chains are hashed over: the chain and the position in it, not the
 * node-wide seq (the database assigns that after the hash is computed, and it has gaps).
 */
export function chainedAuditMaterial(e: Omit<HashedAuditFields, 'seq'>): string {
  return canonicalJson([e.chain, e.chainSeq, ...eventFields(e), e.prevHash]);
}

/** SHA-256 over every stored field and the previous row's hash: changing any of them breaks the chain. */
export function hashAuditEvent(e: HashedAuditFields): string {
  const material = e.chain === LEGACY_CHAIN ? legacyAuditMaterial(e) : chainedAuditMaterial(e);
  return createHash('sha256').update(material).digest('hex');
}

/** The hash of a new row, before the database has given it a seq (new rows are never legacy). */
export function hashNewAuditEvent(e: Omit<HashedAuditFields, 'seq'>): string {
  if (e.chain === LEGACY_CHAIN) throw new Error(`chain '${LEGACY_CHAIN}' is closed to new events`);
  return createHash('sha256').update(chainedAuditMaterial(e)).digest('hex');
}
