import { Injectable } from '@nestjs/common';
import { Database } from '@vanthu/persistence';
import { UnitEntity } from './unit.entity';

@Injectable()
export class UnitRepository {
  constructor(private readonly db: Database) {}

  listByAgency(agencyId: string): Promise<UnitEntity[]> {
    return this.db.manager.find(UnitEntity, { where: { agencyId }, order: { code: 'ASC' } });
  }

  findInAgency(agencyId: string, id: string): Promise<UnitEntity | null> {
    return this.db.manager.findOneBy(UnitEntity, { id, agencyId });
  }

  findByCode(agencyId: string, code: string): Promise<UnitEntity | null> {
    return this.db.manager.findOneBy(UnitEntity, { agencyId, code });
  }

  insert(unit: Partial<UnitEntity>): Promise<UnitEntity> {
    return this.db.manager.save(UnitEntity, this.db.manager.create(UnitEntity, unit));
  }

  async updateVersioned(id: string, expectedVersion: number, changes: Partial<UnitEntity>): Promise<boolean> {
    const result = await this.db.manager
      .createQueryBuilder()
      .update(UnitEntity)
      .set({ ...changes, updatedAt: () => 'now()', version: () => 'version + 1' })
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .execute();
    return result.affected === 1;
  }
}
