import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { authorizeAgency, type Principal, ROLES } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { auditActorOf } from '../../entries/entry-actor';
import { RegistersErrors } from '../../registers.errors';
import { CaseFileRepository } from '../case-file.repository';

/** Takes a document out of a file; the document itself and its other files are untouched. */
@Injectable()
export class RemoveCaseFileEntryUseCase {
  constructor(
    private readonly db: Database,
    private readonly files: CaseFileRepository,
    private readonly audit: AuditLog,
  ) {}

  async execute(input: {
    principal: Principal;
    agencyId: string;
    caseFileId: string;
    entryId: string;
  }): Promise<void> {
    const { principal, agencyId, caseFileId, entryId } = input;
    authorizeAgency(principal, agencyId, ROLES);
    await this.db.transaction(async () => {
      const file = await this.files.findInAgency(agencyId, caseFileId);
      if (!file) throw RegistersErrors.caseFileNotFound();
      if (!(await this.files.removeEntry(file.id, entryId))) throw RegistersErrors.caseFileEntryNotFound();
      await this.audit.record({
        action: 'case_file.entry_removed',
        agencyId,
        actor: auditActorOf(principal),
        subjectType: 'case_file',
        subjectId: file.id,
        details: { entryId, code: file.code, year: file.year },
      });
    });
  }
}
