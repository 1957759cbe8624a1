import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { CrlEntity } from './crl.entity';

@Injectable()
export class CrlRepository {
  constructor(private readonly db: Database) {}

  async insert(row: CrlEntity): Promise<void> {
    await this.db.manager.insert(CrlEntity, row);
  }

  list(): Promise<CrlEntity[]> {
    return this.db.manager.find(CrlEntity, { order: { issuer: 'ASC', thisUpdate: 'DESC', id: 'ASC' } });
  }

  findByFingerprint(sha256Fingerprint: string): Promise<CrlEntity | null> {
    return this.db.manager.findOneBy(CrlEntity, { sha256Fingerprint });
  }

  /**
   * The newest list of each issuer. A revocation stays on the issuer's later CRLs at least until the
   * certificate expires (RFC 5280 §3.3), so older lists add little but parsing work for the verifier.
   */
  async latestDerPerIssuer(): Promise<Buffer[]> {
    const rows: { crl_der: Buffer }[] = await this.db.manager.query(
      `SELECT DISTINCT ON (issuer) crl_der FROM crl ORDER BY issuer, this_update DESC, created_at DESC`,
    );
    return rows.map((r) => r.crl_der);
  }
}
