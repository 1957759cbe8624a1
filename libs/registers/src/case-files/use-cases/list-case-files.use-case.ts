import { Injectable } from '@nestjs/common';
import { authorizeAgency, type Principal, ROLES } from '@vanthu/identity';
import { type CaseFileView, toCaseFileView } from '../case-file-view';
import { CaseFileRepository } from '../case-file.repository';

@Injectable()
export class ListCaseFilesUseCase {
  constructor(private readonly files: CaseFileRepository) {}

  async execute(input: { principal: Principal; agencyId: string; year?: number }): Promise<CaseFileView[]> {
    authorizeAgency(input.principal, input.agencyId, ROLES);
    const rows = await this.files.listByAgency(input.agencyId, input.year ?? null);
    return rows.map((r) => toCaseFileView(r.file, r.entryCount));
  }
}
