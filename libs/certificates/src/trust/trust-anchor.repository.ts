import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { TrustAnchorEntity } from './trust-anchor.entity';

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

  async allDer(): Promise<Buffer[]> {
    const rows: { certificate_der: Buffer }[] = await this.db.manager.query(
      'SELECT certificate_der FROM trust_anchor ORDER BY created_at, id',
    );
    return rows.map((r) => r.certificate_der);
  }
}
