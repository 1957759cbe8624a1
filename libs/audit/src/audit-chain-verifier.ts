import { Injectable } from '@nestjs/common';
import { AuditEventRepository } from './audit-event.repository';
import { GENESIS_HASH, hashAuditEvent } from './audit-hash';

export type AuditChainProblem =
  | { kind: 'MISSING_ROW'; expectedSeq: string; foundSeq: string }
  | { kind: 'TAMPERED_ROW'; seq: string }
  | { kind: 'BROKEN_LINK'; seq: string };

export interface AuditChainReport {
  ok: boolean;
  checked: number;
  lastSeq: string | null;
  firstProblem?: AuditChainProblem;
}

/** Walks the whole chain in order and stops at the first row that is missing, altered or relinked. */
@Injectable()
export class AuditChainVerifier {
  constructor(private readonly events: AuditEventRepository) {}

  async verify(batchSize = 2000): Promise<AuditChainReport> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1n;
    let checked = 0;
    let lastSeq: string | null = null;
    for (;;) {
      const batch = await this.events.findBatchAfter(String(expectedSeq - 1n), batchSize);
      if (batch.length === 0) return { ok: true, checked, lastSeq };
      for (const row of batch) {
        if (BigInt(row.seq) !== expectedSeq) {
          return fail(checked, lastSeq, {
            kind: 'MISSING_ROW',
            expectedSeq: String(expectedSeq),
            foundSeq: row.seq,
          });
        }
        if (row.prevHash !== prevHash) return fail(checked, lastSeq, { kind: 'BROKEN_LINK', seq: row.seq });
        if (hashAuditEvent(row) !== row.hash)
          return fail(checked, lastSeq, { kind: 'TAMPERED_ROW', seq: row.seq });
        prevHash = row.hash;
        expectedSeq += 1n;
        checked += 1;
        lastSeq = row.seq;
      }
    }
  }
}

function fail(checked: number, lastSeq: string | null, problem: AuditChainProblem): AuditChainReport {
  return { ok: false, checked, lastSeq, firstProblem: problem };
}
