import { Injectable } from '@nestjs/common';
import { AgencyRepository, tryNormalizeAgencyCode } from '@vanthu/directory';
import { UnitRepository } from '@vanthu/identity';
import { newId } from '@vanthu/shared';
import { EntryRecipientEntity } from '../deliveries/entry-recipient.entity';
import { RegistersErrors } from '../registers.errors';
import type { RecipientInput } from './outgoing-metadata';

/**
 * Turns the recipients chosen on a draft into rows: internal units of the agency, agencies of the
 * directory by code (hosted here or elsewhere; a renamed agency is followed to its successor at
 * delivery), and recipients without a code that get paper. Unknown units or codes are refused.
 */
@Injectable()
export class RecipientResolver {
  constructor(
    private readonly units: UnitRepository,
    private readonly agencies: AgencyRepository,
  ) {}

  async resolve(
    agencyId: string,
    entryId: string,
    inputs: RecipientInput[],
  ): Promise<EntryRecipientEntity[]> {
    if (inputs.length === 0) throw RegistersErrors.recipientsRequired();
    const rows: EntryRecipientEntity[] = [];
    const seen = new Set<string>();
    for (const input of inputs) {
      const row = await this.resolveOne(agencyId, input);
      const key = `${row.kind}:${row.unitId ?? row.organId ?? row.organName.toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ ...row, id: newId(), entryId, position: rows.length + 1 });
    }
    return rows;
  }

  private async resolveOne(
    agencyId: string,
    input: RecipientInput,
  ): Promise<Omit<EntryRecipientEntity, 'id' | 'entryId' | 'position'>> {
    if (input.kind === 'unit') {
      const unit = await this.units.findInAgency(agencyId, input.unitId);
      if (!unit) throw RegistersErrors.unitNotFound();
      return { kind: 'unit', unitId: unit.id, agencyId: null, organId: null, organName: unit.name };
    }
    if (input.kind === 'agency') {
      const code = tryNormalizeAgencyCode(input.organId);
      const agency = code ? await this.agencies.findByCode(code) : null;
      if (!agency) throw RegistersErrors.recipientUnknown(input.organId);
      return {
        kind: 'agency',
        unitId: null,
        agencyId: agency.id,
        organId: agency.code,
        organName: agency.name,
      };
    }
    return { kind: 'paper', unitId: null, agencyId: null, organId: null, organName: input.organName.trim() };
  }
}
