import { Injectable } from '@nestjs/common';
import { authorizeAgency, type Principal, ROLES } from '@vanthu/identity';
import { toEntryView } from '../../entries/entry-view';
import { RegistersErrors } from '../../registers.errors';
import { type CaseFileDetail, toCaseFileView } from '../case-file-view';
import { CaseFileRepository } from '../case-file.repository';

@Injectable()
export class GetCaseFileUseCase {
  constructor(private readonly files: CaseFileRepository) {}

  async execute(input: {
    principal: Principal;
    agencyId: string;
    caseFileId: string;
  }): Promise<CaseFileDetail> {
    authorizeAgency(input.principal, input.agencyId, ROLES);
    const file = await this.files.findInAgency(input.agencyId, input.caseFileId);
    if (!file) throw RegistersErrors.caseFileNotFound();
    const entries = await this.files.listEntries(file.id);
    return { ...toCaseFileView(file, entries.length), entries: entries.map(toEntryView) };
  }
}
