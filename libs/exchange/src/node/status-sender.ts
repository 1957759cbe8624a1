import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { AgencyRepository } from '@vanthu/directory';
import { buildStatusPackageToBuffer, isStatusCode, vietnamTimestamp } from '@vanthu/edxml';
import { Clock } from '@vanthu/shared';
import { sha256Hex } from '../identity/exchange-identity-certificate';
import { ExchangeIdentityStore } from '../identity/exchange-identity.store';
import { ExchangeInboundRepository } from '../inbound/exchange-inbound.repository';
import { PackageStore } from '../inbound/package-store';
import { OutboundQueue } from '../outbound/outbound-queue';
import { ExchangePeerRepository } from '../peers/exchange-peer.repository';
import { RouteResolver } from '../routing/route-resolver';
import { ExchangeStatusRepository } from './exchange-status.repository';
import { statusConsignmentId } from './status-consignment-id';

export interface OutgoingStatus {
  /** the recipient agency hosted here that reports */
  readonly agencyId: string;
  /** the consignment the document came in */
  readonly answers: string;
  readonly code: string;
  readonly description: string | null;
  readonly staffName: string | null;
  readonly at: Date;
}

/**
 * Sends a status back to the sender of a received document, in the caller's transaction: a signed
 * status package whose consignment id is UUIDv5(answered consignment, code, occurrence), stored and
 * queued to the sender's route (or, without one, back the way the document came).
 */
@Injectable()
export class StatusSender {
  private readonly logger = new Logger('exchange');

  constructor(
    private readonly inbound: ExchangeInboundRepository,
    private readonly statuses: ExchangeStatusRepository,
    private readonly agencies: AgencyRepository,
    private readonly identity: ExchangeIdentityStore,
    private readonly packages: PackageStore,
    private readonly routes: RouteResolver,
    private readonly peers: ExchangePeerRepository,
    private readonly queue: OutboundQueue,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async send(status: OutgoingStatus): Promise<string | null> {
    const received = await this.inbound.find(status.answers);
    if (!received || !isStatusCode(status.code)) {
      this.logger.warn(`status ${status.code} for ${status.answers}: not a consignment received here`);
      return null;
    }
    const agency = (await this.agencies.findById(status.agencyId))!;
    const occurrence = await this.statuses.nextOccurrence(status.answers, status.code);
    const consignmentId = statusConsignmentId(status.answers, status.code, occurrence);
    const me = await this.identity.current();
    const built = await buildStatusPackageToBuffer(
      {
        responseFor: { organId: received.fromCode ?? '', documentId: received.documentId ?? '' },
        from: { organId: agency.code, organName: agency.name },
        statusCode: status.code,
        ...(status.description ? { description: status.description.slice(0, 2000) } : {}),
        timestamp: vietnamTimestamp(status.at),
        ...(status.staffName ? { staffInfo: { staff: status.staffName } } : {}),
      },
      { signer: me.signing, now: this.clock.now() },
    );
    const sha256 = sha256Hex(built.xml);
    const { key: storageKey } = await this.packages.put(built.xml, sha256);
    await this.statuses.record(status.answers, status.code, occurrence, consignmentId, this.clock.now());
    const route = received.fromCode ? await this.routes.resolve(received.fromCode) : null;
    const peer =
      route?.kind === 'peer'
        ? route.peer
        : received.receivedFromPeer
          ? await this.peers.findById(received.receivedFromPeer)
          : null;
    if (peer)
      await this.queue.enqueue(peer, {
        consignmentId,
        storageKey,
        sha256,
        size: built.xml.length,
        kind: 'status',
        statusCode: status.code,
        toCode: received.fromCode ?? '',
        agencyId: status.agencyId,
        answersConsignment: status.answers,
      });
    await this.audit.record({
      action: peer ? 'exchange.status_queued' : 'exchange.status_unroutable',
      agencyId: status.agencyId,
      subjectType: 'consignment',
      subjectId: consignmentId,
      details: {
        answers: status.answers,
        code: status.code,
        occurrence,
        to: received.fromCode,
        peer: peer?.name ?? null,
        sha256,
      },
    });
    return consignmentId;
  }
}
