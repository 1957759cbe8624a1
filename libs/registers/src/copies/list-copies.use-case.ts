import { Injectable } from '@nestjs/common';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { RegisterEntryRepository } from '../entries/register-entry.repository';
import { RegistersErrors } from '../registers.errors';
import { type CopyView, toCopyView } from './copy-view';
import { DocumentCopyRepository } from './document-copy.repository';

/** The electronic copies made of one document of the agency, in number order. */
@Injectable()
export class ListCopiesUseCase {
  constructor(
    private readonly entries: RegisterEntryRepository,
    private readonly copies: DocumentCopyRepository,
  ) {}

  async execute(input: { principal: Principal; agencyId: string; entryId: string }): Promise<CopyView[]> {
    authorizeAgency(input.principal, input.agencyId, []);
    const entry = await this.entries.findInAgency(input.agencyId, input.entryId);
    if (!entry) throw RegistersErrors.entryNotFound();
    return (await this.copies.listBySource(input.agencyId, entry.id)).map(toCopyView);
  }
}
