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
}
