import { Injectable } from '@nestjs/common';
import { authorizeAgency } from '../auth/authorize-agency';
import type { Principal } from '../auth/principal';
import { UnitRepository } from '../units/unit.repository';
import { toUnitView, type UnitView } from '../units/unit-view';

@Injectable()
export class ListUnitsUseCase {
  constructor(private readonly units: UnitRepository) {}

  async execute(input: { principal: Principal; agencyId: string }): Promise<UnitView[]> {
    authorizeAgency(input.principal, input.agencyId, []);
    return (await this.units.listByAgency(input.agencyId)).map(toUnitView);
  }
}
