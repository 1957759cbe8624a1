import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { RegisterEntryEntity } from '../entries/register-entry.entity';
import { DeliveryEntity } from './delivery.entity';

/** A delivery whose document the original sender may receive statuses about. */
export interface StatusCandidate {
  readonly deliveryId: string;
  readonly business: DeliveryEntity['business'];
  readonly organId: string | null;
  readonly senderAgencyId: string;
}

/** The queries of deliveries that travel by exchange (channel 'exchange'). */
@Injectable()
export class RemoteDeliveryRepository {
  constructor(private readonly db: Database) {}

  /**
   * Pending exchange deliveries not yet made into a package, oldest first, locked until the
   * caller's transaction ends; rows another process holds are skipped, not waited for.
   */
  async lockUnpackaged(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.db.manager.query(
      `SELECT id FROM delivery
        WHERE channel = 'exchange' AND state = 'pending' AND packaged_at IS NULL
        ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  async setPackaged(id: string, at: Date): Promise<void> {
    await this.db.manager.query(`UPDATE delivery SET packaged_at = $2, updated_at = $2 WHERE id = $1`, [
      id,
      at,
    ]);
  }

  /** state `from` → `to`; false when the delivery is in another state (never moved backwards). */
  async transition(
    id: string,
    from: readonly DeliveryEntity['state'][],
    to: DeliveryEntity['state'],
    at: Date,
  ): Promise<boolean> {
    const { rows } = await this.db.prepared(
      `UPDATE delivery SET state = $3, updated_at = $4 WHERE id = $1 AND state = ANY($2::varchar[]) RETURNING id`,
      [id, [...from], to, at],
    );
    return rows.length === 1;
  }

  /** Back to the outbox: pending, its current status cleared (the history stays), packaged or not. */
  async reopen(id: string, packaged: boolean, at: Date): Promise<void> {
    await this.db.manager.query(
      `UPDATE delivery SET state = 'pending', status_code = NULL, status_description = NULL, status_at = NULL,
              packaged_at = CASE WHEN $2 THEN packaged_at ELSE NULL END, updated_at = $3
        WHERE id = $1`,
      [id, packaged, at],
    );
  }

  async setFailure(id: string, description: string, at: Date): Promise<void> {
    await this.db.manager.query(
      `UPDATE delivery SET state = 'failed', status_description = $2, status_at = $3, updated_at = $3 WHERE id = $1`,
      [id, description.slice(0, 500), at],
    );
  }

  async lock(id: string): Promise<DeliveryEntity | null> {
    const rows: { id: string }[] = await this.db.manager.query(
      `SELECT id FROM delivery WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (rows.length === 0) return null;
    return this.db.manager.findOneBy(DeliveryEntity, { id });
  }

  /** Exchange deliveries of the document `documentIdentifier` sent by `senderAgencyId`. */
  async statusCandidates(senderAgencyId: string, documentIdentifier: string): Promise<StatusCandidate[]> {
    const rows: {
      id: string;
      business: DeliveryEntity['business'];
      organ_id: string | null;
      sender_agency_id: string;
    }[] = await this.db.manager.query(
      `SELECT d.id, d.business, d.organ_id, d.sender_agency_id FROM delivery d
           JOIN register_entry e ON e.id = d.entry_id
          WHERE d.sender_agency_id = $1 AND d.channel = 'exchange' AND e.document_identifier = $2`,
      [senderAgencyId, documentIdentifier],
    );
    return rows.map((r) => ({
      deliveryId: r.id,
      business: r.business,
      organId: r.organ_id,
      senderAgencyId: r.sender_agency_id,
    }));
  }

  /** The newest incoming entry of `agencyId` that came by exchange for this document. */
  /** Incoming entries received by exchange under this document identifier, newest first. */
  findReceived(agencyId: string, documentIdentifier: string): Promise<RegisterEntryEntity[]> {
    return this.db.manager.find(RegisterEntryEntity, {
      where: { agencyId, documentIdentifier, source: 'exchange', direction: 'incoming' },
      order: { createdAt: 'DESC' },
    });
  }

  findBySourceDelivery(sourceDeliveryId: string): Promise<RegisterEntryEntity | null> {
    return this.db.manager.findOneBy(RegisterEntryEntity, { sourceDeliveryId });
  }

  /** Outgoing entry of `agencyId` with this document identifier (the document a reply answers). */
  findOutgoingByIdentifier(
    agencyId: string,
    documentIdentifier: string,
  ): Promise<RegisterEntryEntity | null> {
    return this.db.manager.findOneBy(RegisterEntryEntity, {
      agencyId,
      documentIdentifier,
      direction: 'outgoing',
    });
  }
}
