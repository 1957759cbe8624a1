import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { authorizeAgency, type Principal, ROLES } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { Clock } from '@vanthu/shared';
import { auditActorOf } from '../../entries/entry-actor';
import { RegisterEntryRepository } from '../../entries/register-entry.repository';
import { RegistersErrors } from '../../registers.errors';
import { CaseFileRepository } from '../case-file.repository';

export interface CaseFileMembership {
  caseFileId: string;
  entryId: string;
  /** False when the document was already in the file (adding again changes nothing). */
  added: boolean;
}

/**
 * Puts a document of the agency into a file. The file holds a link, never a copy: one document may
 * sit in several files and still has one register entry and one set of versions. Idempotent, so a
 * retried request or a second click does no harm.
 */
@Injectable()
export class AddCaseFileEntryUseCase {
  constructor(
    private readonly db: Database,
    private readonly files: CaseFileRepository,
    private readonly entries: RegisterEntryRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: {
    principal: Principal;
    agencyId: string;
    caseFileId: string;
    entryId: string;
  }): Promise<CaseFileMembership> {
    const { principal, agencyId, caseFileId, entryId } = input;
    authorizeAgency(principal, agencyId, ROLES);
    return this.db.transaction(async () => {
      const file = await this.files.findInAgency(agencyId, caseFileId);
      if (!file) throw RegistersErrors.caseFileNotFound();
      const entry = await this.entries.findInAgency(agencyId, entryId);
      if (!entry) throw RegistersErrors.entryNotFound();
      const added = await this.files.addEntry(file.id, entry.id, this.clock.now());
      if (added) {
        await this.audit.record({
          action: 'case_file.entry_added',
          agencyId,
          actor: auditActorOf(principal),
          subjectType: 'case_file',
          subjectId: file.id,
          details: { entryId: entry.id, code: file.code, year: file.year },
        });
      }
      return { caseFileId: file.id, entryId: entry.id, added };
    });
  }
}
