import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { CertificateEntity, type CertificateKind } from './certificate.entity';

/** Longer parent chains than this are corrupt data, not a real hierarchy. */
const MAX_DEPTH = 1000;

export type NewCertificateRow = Omit<
  CertificateEntity,
  'status' | 'replacedBy' | 'revokedAt' | 'revokedReason' | 'version' | 'createdAt'
> & { sealedKey: Buffer; createdAt: Date };

export interface LevelCount {
  levelLabel: string;
  organisations: number;
  persons: number;
}

@Injectable()
export class CertificateRepository {
  constructor(private readonly db: Database) {}

  async insert(row: NewCertificateRow): Promise<CertificateEntity> {
    await this.db.manager.insert(CertificateEntity, { ...row, status: 'active' });
    return (await this.findById(row.id))!;
  }

  findById(id: string): Promise<CertificateEntity | null> {
    return this.db.manager.findOneBy(CertificateEntity, { id });
  }

  /** A certificate of the agency; one of another agency reads as absent. */
  findInAgency(agencyId: string, id: string): Promise<CertificateEntity | null> {
    return this.db.manager.findOneBy(CertificateEntity, { id, agencyId });
  }

  /** Same, locked until the transaction ends (revoke and replace must not interleave). */
  lockInAgency(agencyId: string, id: string): Promise<CertificateEntity | null> {
    return this.db.manager.findOne(CertificateEntity, {
      where: { id, agencyId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  findByFingerprint(agencyId: string, sha256Fingerprint: string): Promise<CertificateEntity | null> {
    return this.db.manager.findOneBy(CertificateEntity, { agencyId, sha256Fingerprint });
  }

  listByAgency(agencyId: string): Promise<CertificateEntity[]> {
    return this.db.manager.find(CertificateEntity, {
      where: { agencyId },
      order: { createdAt: 'DESC', id: 'ASC' },
    });
  }

  /** Active organisation certificates of the agency, the one valid longest first. */
  listActiveOrganisation(agencyId: string): Promise<CertificateEntity[]> {
    return this.db.manager.find(CertificateEntity, {
      where: { agencyId, kind: 'organisation', status: 'active' },
      order: { notAfter: 'DESC', id: 'ASC' },
    });
  }

  async hasActive(agencyId: string, kind: CertificateKind, ownerUserId: string | null): Promise<boolean> {
    const rows: unknown[] = await this.db.manager.query(
      `SELECT 1 FROM certificate
        WHERE agency_id = $1 AND kind = $2 AND status = 'active' AND owner_user_id IS NOT DISTINCT FROM $3
        LIMIT 1`,
      [agencyId, kind, ownerUserId],
    );
    return rows.length > 0;
  }

  /** The only way sealed key material leaves the database: for unlocking, never for display. */
  async findSealedKey(id: string): Promise<Buffer | null> {
    const rows: { sealed_key: Buffer | null }[] = await this.db.manager.query(
      'SELECT sealed_key FROM certificate WHERE id = $1',
      [id],
    );
    return rows[0]?.sealed_key ?? null;
  }

  async markRevoked(id: string, at: Date, reason: string): Promise<void> {
    await this.db.manager.query(
      `UPDATE certificate SET status = 'revoked', revoked_at = $2, revoked_reason = $3, sealed_key = NULL,
              version = version + 1
        WHERE id = $1`,
      [id, at, reason],
    );
  }

  async markReplaced(id: string, replacedBy: string): Promise<void> {
    await this.db.manager.query(
      `UPDATE certificate SET status = 'replaced', replaced_by = $2, sealed_key = NULL, version = version + 1
        WHERE id = $1`,
      [id, replacedBy],
    );
  }

  /**
   * Holders of active, unexpired certificates in the agency and the hosted agencies below it, per
   * level label: organisations count agencies with an organisation certificate, persons count people
   * with a personal one (two certificates of one holder are one holder). Levels without any holder
   * are listed with zeros; the order is from the top of the tree down.
   */
  async countHoldersByLevel(rootAgencyId: string, at: Date): Promise<LevelCount[]> {
    const rows: { level_label: string; organisations: number; persons: number }[] =
      await this.db.manager.query(
        `WITH RECURSIVE tree (id, level_label, depth) AS (
         SELECT a.id, a.level_label, 0 FROM agency a WHERE a.id = $1
         UNION ALL
         SELECT c.id, c.level_label, t.depth + 1
           FROM agency c JOIN tree t ON c.parent_id = t.id
          WHERE c.hosted AND t.depth < $3
       )
       SELECT t.level_label,
              count(DISTINCT c.agency_id) FILTER (WHERE c.kind = 'organisation')::int AS organisations,
              count(DISTINCT c.owner_user_id) FILTER (WHERE c.kind = 'personal')::int AS persons
         FROM tree t
         LEFT JOIN certificate c
           ON c.agency_id = t.id AND c.status = 'active' AND c.not_before <= $2 AND c.not_after >= $2
        GROUP BY t.level_label
        ORDER BY min(t.depth), t.level_label`,
        [rootAgencyId, at, MAX_DEPTH],
      );
    return rows.map((r) => ({
      levelLabel: r.level_label,
      organisations: r.organisations,
      persons: r.persons,
    }));
  }

  /** The signature or seal image; kept out of the entity so lists never carry it. */
  async findAppearance(id: string): Promise<Buffer | null> {
    const rows: { appearance_png: Buffer | null }[] = await this.db.manager.query(
      'SELECT appearance_png FROM certificate WHERE id = $1',
      [id],
    );
    return rows[0]?.appearance_png ?? null;
  }

  /** A renewal keeps the holder's signature or seal image: it belongs to the person or seal, not to the key. */
  async copyAppearance(fromId: string, toId: string): Promise<void> {
    await this.db.manager.query(
      `UPDATE certificate AS c SET appearance_png = o.appearance_png
         FROM certificate AS o
        WHERE c.id = $2 AND o.id = $1 AND o.appearance_png IS NOT NULL AND c.appearance_png IS NULL`,
      [fromId, toId],
    );
  }

  async setAppearance(id: string, png: Buffer): Promise<void> {
    await this.db.manager.query(
      'UPDATE certificate SET appearance_png = $2, version = version + 1 WHERE id = $1',
      [id, png],
    );
  }
}
