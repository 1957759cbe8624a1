import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { Database } from '@vanthu/persistence';
import { authorizeAgency } from '../auth/authorize-agency';
import type { Principal } from '../auth/principal';
import { IdentityErrors } from '../identity.errors';
import { UnitRepository } from '../units/unit.repository';
import { toUnitView, type UnitView } from '../units/unit-view';

export interface CreateUnitInput {
  principal: Principal;
  agencyId: string;
  code: string;
  name: string;
  abbreviation: string;
}

@Injectable()
export class CreateUnitUseCase {
  constructor(
    private readonly db: Database,
    private readonly units: UnitRepository,
    private readonly audit: AuditLog,
  ) {}

  async execute(input: CreateUnitInput): Promise<UnitView> {
    authorizeAgency(input.principal, input.agencyId, ['admin']);
    const code = input.code.trim().toUpperCase();
    return this.db.transaction(async () => {
      if (await this.units.findByCode(input.agencyId, code)) throw IdentityErrors.unitCodeTaken();
      const unit = await this.units.insert({
        agencyId: input.agencyId,
        code,
        name: input.name.trim(),
        abbreviation: input.abbreviation.trim().toUpperCase(),
      });
      await this.audit.record({
        action: 'unit.created',
        agencyId: input.agencyId,
        actor: { id: input.principal.userId, name: input.principal.username },
        subjectType: 'unit',
        subjectId: unit.id,
        details: { code, name: unit.name },
      });
      return toUnitView(unit);
    });
  }
}
