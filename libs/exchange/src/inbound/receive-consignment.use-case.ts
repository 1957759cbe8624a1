import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { Database } from '@vanthu/persistence';
import { AppException, Clock, isAppException } from '@vanthu/shared';
import { exchangeError } from '../exchange.errors';
import { sha256Hex } from '../identity/exchange-identity-certificate';
import { ExchangeIdentityStore } from '../identity/exchange-identity.store';
import type { ExchangePeerEntity } from '../peers/exchange-peer.entity';
import { signReceipt } from '../transport/exchange-receipt';
import type { ExchangeInboundEntity } from './exchange-inbound.entity';
import { ExchangeInboundRepository } from './exchange-inbound.repository';
import { InboundPolicy, type Placement } from './inbound-policy';
import { type AdmittedPackage, PackageAdmission, type ReceiveLookups } from './package-admission';
import { PackageStore, type StoredPackage } from './package-store';
import type { BatchResult } from '../transport/consignment-batch';

export interface ReceiveConsignmentInput {
  readonly consignmentId: string;
  readonly bytes: Buffer;
  /** the peer that pushed it, or whose mailbox it came from */
  readonly from: ExchangePeerEntity | null;
}

/** A package checked and stored, its row and receipt made, waiting for the transaction that keeps it. */
interface Admitted {
  readonly input: ReceiveConsignmentInput;
  readonly sha256: string;
  readonly pkg: AdmittedPackage;
  readonly placement: Placement;
  readonly stored: StoredPackage;
  readonly row: ExchangeInboundEntity;
  readonly receipt: string;
}

export interface ReceivedConsignment {
  /** the exact receipt bytes (the same for every repeat) */
  readonly receipt: string;
  /** false: a repeat of a consignment stored before */
  readonly created: boolean;
}

/**
 * The idempotent receiving endpoint's work (PUT and mailbox alike): a consignment is stored once
 * (bytes, one row, a signed receipt) and every repeat gets the same receipt and creates nothing;
 * the same id with other bytes is CONSIGNMENT_CONFLICT and the same bytes under another id
 * EXCHANGE_REPLAY. A package is checked whole (PackageAdmission, InboundPolicy) before a byte of it
 * is stored, so a refusal leaves nothing behind.
 */
@Injectable()
export class ReceiveConsignmentUseCase {
  /** concurrent copies of one consignment in this process share one admission */
  private readonly inFlight = new Map<string, Promise<ReceivedConsignment>>();
  private readonly logger = new Logger('exchange');

  constructor(
    private readonly db: Database,
    private readonly inbound: ExchangeInboundRepository,
    private readonly admission: PackageAdmission,
    private readonly policy: InboundPolicy,
    private readonly packages: PackageStore,
    private readonly identity: ExchangeIdentityStore,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: ReceiveConsignmentInput): Promise<ReceivedConsignment> {
    const sha256 = sha256Hex(input.bytes);
    const key = `${input.consignmentId}:${sha256}`;
    const running = this.inFlight.get(key);
    if (running) return running;
    const work = this.receive(input, sha256).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, work);
    return work;
  }

  /**
   * Several consignments from one peer (a batch request): each is checked and stored as a PUT
   * would, and those admitted are kept in one transaction (one commit, one audit flush). Each gets
   * the answer a PUT would have had: its receipt, or its refusal. When the shared transaction fails,
   * each admitted one is received again alone, so only the one at fault fails.
   */
  async executeBatch(
    items: readonly { consignmentId: string; bytes: Buffer }[],
    from: ExchangePeerEntity,
  ): Promise<BatchResult[]> {
    const hashes = items.map((i) => sha256Hex(i.bytes));
    const known = await this.inbound.findMany(items.map((i) => i.consignmentId));
    const holders = await this.inbound.holdersOf(hashes);
    // read on the first package to check (a batch of repeats answers without them)
    let lookups: Promise<ReceiveLookups> | undefined;
    const results: BatchResult[] = [];
    const admitted: { index: number; admitted: Admitted }[] = [];
    const admittedBytes = new Set<string>();
    // the same bytes as an earlier one of this batch: a replay only if that one is kept, so alone after
    const later: number[] = [];
    for (const [index, item] of items.entries()) {
      const { consignmentId } = item;
      const sha256 = hashes[index];
      try {
        const stored = known.get(consignmentId);
        if (stored) {
          results[index] = { consignmentId, receipt: this.repeatOf(stored, sha256) };
          continue;
        }
        assertNotReplay(holders, sha256, consignmentId);
        if (admittedBytes.has(sha256)) {
          later.push(index);
          continue;
        }
        lookups ??= this.admission.lookups();
        admitted.push({ index, admitted: await this.admit({ ...item, from }, sha256, await lookups) });
        admittedBytes.add(sha256);
      } catch (error) {
        results[index] = this.failure(consignmentId, error);
      }
    }
    let created: boolean[] | null = null;
    try {
      if (admitted.length > 0) created = await this.commit(admitted.map((a) => a.admitted));
    } catch (error) {
      // commit gave back every stored copy; alone, each fails or succeeds on its own
      this.logger.warn({ err: error }, `a batch of ${admitted.length} from ${from.name} received one by one`);
    }
    const alone = async (index: number, work: () => Promise<string>) => {
      const { consignmentId } = items[index];
      try {
        results[index] = { consignmentId, receipt: await work() };
      } catch (error) {
        results[index] = this.failure(consignmentId, error);
      }
    };
    for (const [n, { index, admitted: a }] of admitted.entries())
      await alone(index, async () =>
        !created
          ? (await this.execute(a.input)).receipt
          : created[n]
            ? a.receipt
            : await this.receiptOfWinner(a),
      );
    for (const index of later)
      await alone(index, async () => (await this.execute({ ...items[index], from })).receipt);
    return results;
  }

  private async receive(input: ReceiveConsignmentInput, sha256: string): Promise<ReceivedConsignment> {
    const known = await this.inbound.find(input.consignmentId);
    if (known) return { receipt: this.repeatOf(known, sha256), created: false };
    assertNotReplay(await this.inbound.holdersOf([sha256]), sha256, input.consignmentId);
    const admitted = await this.admit(input, sha256, await this.admission.lookups());
    const [created] = await this.commit([admitted]);
    if (created) return { receipt: admitted.receipt, created: true };
    return { receipt: await this.receiptOfWinner(admitted), created: false };
  }

  /** Checks a package whole (a refusal is audited), stores its bytes and signs its receipt. */
  private async admit(
    input: ReceiveConsignmentInput,
    sha256: string,
    lookups: ReceiveLookups,
  ): Promise<Admitted> {
    let pkg: AdmittedPackage;
    let placement: Placement;
    try {
      pkg = await this.admission.admit(input.bytes, input.from, lookups);
      placement = await this.policy.check(pkg, input.from, input.consignmentId, lookups);
    } catch (error) {
      if (isAppException(error) && error.status < 500) await this.auditRefusal(input, sha256, error.code);
      throw error;
    }
    const me = await this.identity.current();
    const stored = await this.packages.put(input.bytes, sha256);
    const receivedAt = this.clock.now();
    const receipt = signReceipt(
      {
        consignmentId: input.consignmentId,
        sha256,
        size: input.bytes.length,
        receivedAt: receivedAt.toISOString(),
        receiver: me.name,
      },
      me.signing.privateKey,
    );
    const row: ExchangeInboundEntity = {
      consignmentId: input.consignmentId,
      sha256,
      size: input.bytes.length,
      storageKey: stored.key,
      kind: pkg.kind,
      business: pkg.business,
      statusCode: pkg.statusCode,
      fromCode: pkg.fromCode.slice(0, 100),
      toCode: pkg.toCode.slice(0, 100),
      documentId: pkg.documentId?.slice(0, 300) ?? null,
      agencyId: placement.agencyId,
      receivedFromPeer: input.from?.id ?? null,
      receipt,
      receivedAt,
      ...(this.policy.initialState === 'received'
        ? { state: 'received', nextAttemptAt: receivedAt, processedAt: null }
        : { state: 'forwarded', nextAttemptAt: null, processedAt: receivedAt }),
      attempts: 0,
      leaseUntil: null,
      errorCode: null,
      errorMessage: null,
    };
    return { input, sha256, pkg, placement, stored, row, receipt };
  }

  /**
   * One transaction for them all: rows inserted, stored copies kept, each placed and audited.
   * Per package, false when another request stored the same id meanwhile. On failure every stored
   * copy is given back and the error thrown.
   */
  private async commit(list: readonly Admitted[]): Promise<boolean[]> {
    try {
      return await this.db.transaction(async () => {
        const ids = await this.inbound.insertManyIfAbsent(list.map((a) => a.row));
        const inserted = list.map((a) => ids.has(a.row.consignmentId));
        const kept = list.filter((_, i) => inserted[i]);
        await this.packages.keep(...kept.map((a) => a.stored));
        await this.policy.place(kept);
        for (const a of kept) {
          await this.audit.record({
            action: 'exchange.received',
            agencyId: a.placement.agencyId,
            subjectType: 'consignment',
            subjectId: a.row.consignmentId,
            details: {
              kind: a.pkg.kind,
              business: a.pkg.business,
              statusCode: a.pkg.statusCode,
              from: a.row.fromCode,
              to: a.row.toCode,
              documentId: a.row.documentId,
              peer: a.input.from?.name ?? null,
              sha256: a.sha256,
              size: a.row.size,
              nextHop: a.placement.nextHop?.name ?? null,
            },
          });
        }
        return inserted;
      });
    } catch (error) {
      await Promise.all(list.map((a) => this.packages.discard(a.stored)));
      throw error;
    }
  }

  /** Another request stored the same id meanwhile: its receipt, when it holds the same bytes. */
  private async receiptOfWinner(lost: Admitted): Promise<string> {
    await this.packages.discard(lost.stored);
    const winner = (await this.inbound.find(lost.input.consignmentId))!;
    return this.repeatOf(winner, lost.sha256);
  }

  /** A batch item's answer when it was not received: its refusal, or a failure of ours to retry. */
  private failure(consignmentId: string, error: unknown): BatchResult {
    const { status, code, message } = receiverError(error, this.logger);
    return { consignmentId, status, code, message };
  }

  private repeatOf(stored: ExchangeInboundEntity, sha256: string): string {
    if (stored.sha256 !== sha256)
      throw exchangeError('CONSIGNMENT_CONFLICT', { consignmentId: stored.consignmentId });
    return stored.receipt;
  }

  /**
   * A mailbox item this installation refuses: the hub must stop offering it, and the ack it needs
   * is a receipt. The row records the refusal (state rejected, no bytes kept); a repeat gets the
   * same receipt.
   */
  async recordRefusal(input: ReceiveConsignmentInput, code: string, message: string): Promise<string> {
    const sha256 = sha256Hex(input.bytes);
    const known = await this.inbound.find(input.consignmentId);
    if (known) return this.repeatOf(known, sha256);
    const me = await this.identity.current();
    const receivedAt = this.clock.now();
    const receipt = signReceipt(
      {
        consignmentId: input.consignmentId,
        sha256,
        size: input.bytes.length,
        receivedAt: receivedAt.toISOString(),
        receiver: me.name,
      },
      me.signing.privateKey,
    );
    await this.db.transaction(async () => {
      const inserted = await this.inbound.insertIfAbsent({
        consignmentId: input.consignmentId,
        sha256,
        size: input.bytes.length,
        storageKey: '',
        kind: 'edoc',
        business: null,
        statusCode: null,
        fromCode: null,
        toCode: null,
        documentId: null,
        agencyId: null,
        receivedFromPeer: input.from?.id ?? null,
        receipt,
        receivedAt,
        state: 'rejected',
        attempts: 0,
        nextAttemptAt: null,
        leaseUntil: null,
        errorCode: code.slice(0, 60),
        errorMessage: message.slice(0, 1000),
        processedAt: receivedAt,
      });
      if (inserted) await this.auditRefusal(input, sha256, code);
    });
    return this.repeatOf((await this.inbound.find(input.consignmentId))!, sha256);
  }

  /** A refused push from an authenticated peer (unauthenticated callers are not worth a log line each). */
  async auditRefusal(input: ReceiveConsignmentInput, sha256: string, code: string): Promise<void> {
    await this.audit.record({
      action: 'exchange.refused',
      subjectType: 'consignment',
      subjectId: input.consignmentId,
      details: { peer: input.from?.name ?? null, code, sha256, size: input.bytes.length },
    });
  }

  /** The stored receipt of a consignment (an ambiguous sender asks before it sends again). */
  async receiptOf(consignmentId: string, from: ExchangePeerEntity): Promise<string> {
    const stored = await this.inbound.find(consignmentId);
    if (!stored || (stored.receivedFromPeer !== null && stored.receivedFromPeer !== from.id))
      throw exchangeError('EXCHANGE_NOT_FOUND');
    return stored.receipt;
  }
}

/** EXCHANGE_REPLAY when these exact bytes are held under another consignment id. */
function assertNotReplay(
  holders: ReadonlyMap<string, string[]>,
  sha256: string,
  consignmentId: string,
): void {
  if ((holders.get(sha256) ?? []).some((id) => id !== consignmentId))
    throw exchangeError('EXCHANGE_REPLAY', { consignmentId });
}

/**
 * What a sender is told when receiving failed: a refusal (4xx) as it was; anything else (the
 * database, storage, a bug) logged and answered EXCHANGE_RECEIVER_UNAVAILABLE (503), which the
 * sender retries. A database conflict is never a refusal of the package: that would fail a
 * delivery (02) for a passing deadlock.
 */
export function receiverError(error: unknown, logger: Logger): AppException {
  if (isAppException(error) && error.status < 500) return error;
  logger.error({ err: error }, 'receiving a consignment failed');
  return isAppException(error) ? error : exchangeError('EXCHANGE_RECEIVER_UNAVAILABLE');
}
