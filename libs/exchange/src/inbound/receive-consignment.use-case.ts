import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { Database } from '@vanthu/persistence';
import { Clock, isAppException } from '@vanthu/shared';
import { exchangeError } from '../exchange.errors';
import { sha256Hex } from '../identity/exchange-identity-certificate';
import { ExchangeIdentityStore } from '../identity/exchange-identity.store';
import type { ExchangePeerEntity } from '../peers/exchange-peer.entity';
import { signReceipt } from '../transport/exchange-receipt';
import type { ExchangeInboundEntity } from './exchange-inbound.entity';
import { ExchangeInboundRepository } from './exchange-inbound.repository';
import { InboundPolicy, type Placement } from './inbound-policy';
import { type AdmittedPackage, PackageAdmission } from './package-admission';
import { PackageStore } from './package-store';

export interface ReceiveConsignmentInput {
  readonly consignmentId: string;
  readonly bytes: Buffer;
  /** the peer that pushed it, or whose mailbox it came from */
  readonly from: ExchangePeerEntity | null;
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

  private async receive(input: ReceiveConsignmentInput, sha256: string): Promise<ReceivedConsignment> {
    const known = await this.inbound.find(input.consignmentId);
    if (known) return { receipt: this.repeatOf(known, sha256), created: false };
    const replayOf = await this.inbound.findOtherWithSha256(sha256, input.consignmentId);
    if (replayOf) throw exchangeError('EXCHANGE_REPLAY', { consignmentId: input.consignmentId });

    let pkg: AdmittedPackage;
    let placement: Placement;
    try {
      pkg = await this.admission.admit(input.bytes, input.from);
      placement = await this.policy.check(pkg, input.from, input.consignmentId);
    } catch (error) {
      if (isAppException(error) && error.status < 500) await this.auditRefusal(input, sha256, error.code);
      throw error;
    }
    const me = await this.identity.current();
    const stored = await this.packages.put(input.bytes, sha256);
    const storageKey = stored.key;
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
      storageKey,
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
      state: 'received',
      attempts: 0,
      nextAttemptAt: receivedAt,
      leaseUntil: null,
      errorCode: null,
      errorMessage: null,
      processedAt: null,
    };
    let created: boolean;
    try {
      created = await this.db.transaction(async () => {
        if (!(await this.inbound.insertIfAbsent(row))) return false;
        await this.packages.keep(stored);
        await this.policy.place(pkg, row, placement);
        await this.audit.record({
          action: 'exchange.received',
          agencyId: placement.agencyId,
          subjectType: 'consignment',
          subjectId: input.consignmentId,
          details: {
            kind: pkg.kind,
            business: pkg.business,
            statusCode: pkg.statusCode,
            from: row.fromCode,
            to: row.toCode,
            documentId: row.documentId,
            peer: input.from?.name ?? null,
            sha256,
            size: row.size,
            nextHop: placement.nextHop?.name ?? null,
          },
        });
        return true;
      });
    } catch (error) {
      await this.packages.discard(stored);
      throw error;
    }
    if (created) return { receipt, created: true };
    // another process stored the same id meanwhile: answer what it stored
    await this.packages.discard(stored);
    const winner = (await this.inbound.find(input.consignmentId))!;
    return { receipt: this.repeatOf(winner, sha256), created: false };
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
