import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { Database } from '@vanthu/persistence';
import { authorizeAgency } from '../auth/authorize-agency';
import type { Principal } from '../auth/principal';
import { IdentityErrors } from '../identity.errors';
import type { UnitEntity } from '../units/unit.entity';
import { UnitRepository } from '../units/unit.repository';
import { toUnitView, type UnitView } from '../units/unit-view';

export interface UpdateUnitInput {
  principal: Principal;
  agencyId: string;
  unitId: string;
  expectedVersion: number;
  changes: Partial<Pick<UnitEntity, 'name' | 'abbreviation' | 'active'>>;
}

@Injectable()
export class UpdateUnitUseCase {
  constructor(
    private readonly db: Database,
    private readonly units: UnitRepository,
    private readonly audit: AuditLog,
  ) {}

  async execute(input: UpdateUnitInput): Promise<UnitView> {
    authorizeAgency(input.principal, input.agencyId, ['admin']);
    return this.db.transaction(async () => {
      const unit = await this.units.findInAgency(input.agencyId, input.unitId);
      if (!unit) throw IdentityErrors.unitNotFound();
      const changes = { ...input.changes };
      if (changes.abbreviation) changes.abbreviation = changes.abbreviation.trim().toUpperCase();
      if (!(await this.units.updateVersioned(unit.id, input.expectedVersion, changes))) {
        throw IdentityErrors.versionConflict();
      }
      await this.audit.record({
        action: 'unit.updated',
        agencyId: input.agencyId,
        actor: { id: input.principal.userId, name: input.principal.username },
        subjectType: 'unit',
        subjectId: unit.id,
        details: { changes },
      });
      return toUnitView((await this.units.findInAgency(input.agencyId, unit.id)) as UnitEntity);
    });
  }
}
