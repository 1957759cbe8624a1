import { Injectable } from '@nestjs/common';
import { AuditEventRepository } from './audit-event.repository';
import { GENESIS_HASH, hashAuditEvent } from './audit-hash';

/**
 * `expectedSeq` and `foundSeq` are positions in `chain` (chain_seq; equal to seq in the legacy
 * chain 'global'); `foundSeq` is null when the chain's rows stop before the head recorded for it.
 * `seq` is the node-wide seq of the row at fault.
 */
export type AuditChainProblem =
  | { kind: 'MISSING_ROW'; chain: string; expectedSeq: string; foundSeq: string | null }
  | { kind: 'TAMPERED_ROW'; chain: string; seq: string }
  | { kind: 'BROKEN_LINK'; chain: string; seq: string };

export interface AuditChainReport {
  ok: boolean;
  checked: number;
  /** Seq of the last row checked and found sound. */
  lastSeq: string | null;
  /** Chains with at least one row checked. */
  chains: number;
  firstProblem?: AuditChainProblem;
}

interface ChainState {
  nextSeq: bigint;
  prevHash: string;
  lastRowSeq: string | null;
}

/**
 * Walks every row in seq order, following each chain, and stops at the first row that is missing,
 * altered or relinked; then checks that each chain reaches the head recorded for it (rows cut from
 * a chain's end, or a last row rewritten with a fresh hash, leave the head behind).
 */
@Injectable()
export class AuditChainVerifier {
  constructor(private readonly events: AuditEventRepository) {}

  verify(batchSize = 2000): Promise<AuditChainReport> {
    return this.events.inSnapshot(() => this.walk(batchSize));
  }

  private async walk(batchSize: number): Promise<AuditChainReport> {
    const chains = new Map<string, ChainState>();
    let checked = 0;
    let lastSeq: string | null = null;
    const fail = (problem: AuditChainProblem): AuditChainReport => ({
      ok: false,
      checked,
      lastSeq,
      chains: chains.size,
      firstProblem: problem,
    });
    for (let after = '0'; ;) {
      const batch = await this.events.findBatchAfter(after, batchSize);
      if (batch.length === 0) break;
      for (const row of batch) {
        let state = chains.get(row.chain);
        if (!state)
          chains.set(row.chain, (state = { nextSeq: 1n, prevHash: GENESIS_HASH, lastRowSeq: null }));
        const { chain, seq } = row;
        if (BigInt(row.chainSeq) !== state.nextSeq)
          return fail({
            kind: 'MISSING_ROW',
            chain,
            expectedSeq: String(state.nextSeq),
            foundSeq: row.chainSeq,
          });
        if (row.prevHash !== state.prevHash) return fail({ kind: 'BROKEN_LINK', chain, seq });
        if (hashAuditEvent(row) !== row.hash) return fail({ kind: 'TAMPERED_ROW', chain, seq });
        state.nextSeq += 1n;
        state.prevHash = row.hash;
        state.lastRowSeq = seq;
        checked += 1;
        lastSeq = seq;
      }
      after = batch[batch.length - 1]!.seq;
    }
    for (const head of await this.events.findHeads()) {
      const state = chains.get(head.chain);
      const reached = state ? state.nextSeq - 1n : 0n;
      if (BigInt(head.chainSeq) > reached)
        return fail({
          kind: 'MISSING_ROW',
          chain: head.chain,
          expectedSeq: String(reached + 1n),
          foundSeq: null,
        });
      if (state?.lastRowSeq && BigInt(head.chainSeq) === reached && head.hash !== state.prevHash)
        return fail({ kind: 'TAMPERED_ROW', chain: head.chain, seq: state.lastRowSeq });
    }
    return { ok: true, checked, lastSeq, chains: chains.size };
  }
}
