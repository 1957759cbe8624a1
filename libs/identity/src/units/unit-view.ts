import type { UnitEntity } from './unit.entity';

export interface UnitView {
  id: string;
  agencyId: string;
  code: string;
  name: string;
  abbreviation: string;
  active: boolean;
  version: number;
}

export function toUnitView(unit: UnitEntity): UnitView {
  return {
    id: unit.id,
    agencyId: unit.agencyId,
    code: unit.code,
    name: unit.name,
    abbreviation: unit.abbreviation,
    active: unit.active,
    version: unit.version,
  };
}
