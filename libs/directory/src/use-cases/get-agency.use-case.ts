import { Injectable } from '@nestjs/common';
import type { Agency } from '../agency';
import { normalizeAgencyCode } from '../agency-code';
import { AgencyRepository } from '../agency.repository';
import { DirectoryErrors } from '../directory.errors';

export interface AgencyDetails {
  agency: Agency;
  /** From the top of the tree down to the parent. */
  ancestors: Agency[];
}

/** Open to every signed-in user: the directory is reference data for choosing recipients. */
@Injectable()
export class GetAgencyUseCase {
  constructor(private readonly agencies: AgencyRepository) {}

  async execute(input: { code: string }): Promise<AgencyDetails> {
    const code = normalizeAgencyCode(input.code);
    const agency = await this.agencies.findByCode(code);
    if (!agency) throw DirectoryErrors.notFound(code);
    return { agency, ancestors: await this.agencies.findAncestors(agency.id) };
  }
}
