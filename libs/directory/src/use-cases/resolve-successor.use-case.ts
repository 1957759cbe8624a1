import { Injectable } from '@nestjs/common';
import { normalizeAgencyCode } from '../agency-code';
import { AgencyRepository } from '../agency.repository';
import { DirectoryErrors } from '../directory.errors';
import { followSuccessors, type SuccessorChain } from '../successor-chain';

/**
 * The agency that answers today for a code that may have been merged or renamed: documents
 * addressed to an old code go to the end of its successor chain.
 */
@Injectable()
export class ResolveSuccessorUseCase {
  constructor(private readonly agencies: AgencyRepository) {}

  async execute(input: { code: string }): Promise<SuccessorChain> {
    const code = normalizeAgencyCode(input.code);
    const start = await this.agencies.findByCode(code);
    if (!start) throw DirectoryErrors.notFound(code);
    return followSuccessors(start, (c) => this.agencies.findByCode(c));
  }
}
