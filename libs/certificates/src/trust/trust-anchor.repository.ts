import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { TrustAnchorEntity } from './trust-anchor.entity';

const TRUST_MATERIAL = `
  SELECT kind, der FROM (
    SELECT 'anchor' AS kind, certificate_der AS der, '' AS issuer, created_at, id FROM trust_anchor
    UNION ALL
    (SELECT DISTINCT ON (issuer) 'crl', crl_der, issuer, created_at, id
       FROM crl
      ORDER BY issuer, this_update DESC, created_at DESC)
  ) material
  ORDER BY kind, issuer, created_at, id`;

@Injectable()
export class TrustAnchorRepository {
  constructor(private readonly db: Database) {}

  async insert(row: TrustAnchorEntity): Promise<void> {
    await this.db.manager.insert(TrustAnchorEntity, row);
  }

  list(): Promise<TrustAnchorEntity[]> {
    return this.db.manager.find(TrustAnchorEntity, { order: { label: 'ASC', id: 'ASC' } });
  }

  findById(id: string): Promise<TrustAnchorEntity | null> {
    return this.db.manager.findOneBy(TrustAnchorEntity, { id });
  }

  findByFingerprint(sha256Fingerprint: string): Promise<TrustAnchorEntity | null> {
    return this.db.manager.findOneBy(TrustAnchorEntity, { sha256Fingerprint });
  }

  async delete(id: string): Promise<void> {
    await this.db.manager.delete(TrustAnchorEntity, { id });
  }

  /**
   * The DER of every trust anchor and of the newest CRL of each issuer, in one round trip: the
   * verifier asks for both on every verification. Only the newest list of an issuer: a revocation
   * stays on the issuer's later CRLs at least until the certificate expires (RFC 5280 §3.3), so
   * older lists add little but parsing work.
   */
  async trustMaterialDer(): Promise<{ trustAnchors: Buffer[]; crls: Buffer[] }> {
    const rows: { kind: 'anchor' | 'crl'; der: Buffer }[] = await this.db.manager.query(TRUST_MATERIAL);
    const trustAnchors: Buffer[] = [];
    const crls: Buffer[] = [];
    for (const row of rows) (row.kind === 'anchor' ? trustAnchors : crls).push(row.der);
    return { trustAnchors, crls };
  }
}
