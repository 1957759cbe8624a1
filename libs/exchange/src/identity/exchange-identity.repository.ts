import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { ExchangeIdentityEntity } from './exchange-identity.entity';

@Injectable()
export class ExchangeIdentityRepository {
  constructor(private readonly db: Database) {}

  findActive(): Promise<ExchangeIdentityEntity | null> {
    return this.db.manager.findOneBy(ExchangeIdentityEntity, { active: true });
  }

  /** The sealed key is not selected by default: only the store asks for it. */
  async findSealedKey(id: string): Promise<Buffer | null> {
    const rows: { sealed_key: Buffer }[] = await this.db.manager.query(
      'SELECT sealed_key FROM exchange_identity WHERE id = $1',
      [id],
    );
    return rows[0]?.sealed_key ?? null;
  }

  /** Makes `row` the active identity; the previous one stays, inactive (packages it signed stay checkable). */
  async activate(row: ExchangeIdentityEntity): Promise<void> {
    await this.db.manager.query('UPDATE exchange_identity SET active = false WHERE active');
    await this.db.manager.insert(ExchangeIdentityEntity, { ...row, active: true });
  }
}
