import { Injectable } from '@nestjs/common';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { RegisterRepository } from '../register.repository';
import type { OutgoingSeries } from '../register-setting.entity';
import type { RegisterKind } from '../register.entity';

export interface RegisterView {
  id: string;
  year: number;
  kind: RegisterKind;
  typeCode: string | null;
  name: string;
  /** The number the next document of this series will get. */
  nextNumber: number;
}

export interface RegistersOfAgency {
  outgoingSeries: OutgoingSeries;
  registers: RegisterView[];
}

@Injectable()
export class ListRegistersUseCase {
  constructor(private readonly registers: RegisterRepository) {}

  async execute(input: {
    principal: Principal;
    agencyId: string;
    year?: number;
  }): Promise<RegistersOfAgency> {
    authorizeAgency(input.principal, input.agencyId, []);
    const rows = await this.registers.listByAgency(input.agencyId, input.year);
    return {
      outgoingSeries: await this.registers.outgoingSeries(input.agencyId),
      registers: rows.map((r) => ({
        id: r.id,
        year: r.year,
        kind: r.kind,
        typeCode: r.documentTypeCode,
        name: r.name,
        nextNumber: r.nextNumber,
      })),
    };
  }
}
