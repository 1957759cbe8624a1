import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { authorizeAgency, type Principal, ROLES } from '@vanthu/identity';
import { Database } from '@vanthu/persistence';
import { Clock, newId } from '@vanthu/shared';
import { auditActorOf } from '../../entries/entry-actor';
import { vietnamYear } from '../../types/vietnam-date';
import { type CaseFileView, toCaseFileView } from '../case-file-view';
import { CaseFileRepository } from '../case-file.repository';

export interface CreateCaseFileInput {
  principal: Principal;
  agencyId: string;
  /** FileNotation, unique in the agency and year. */
  code: string;
  title: string;
  /** FileCatalog; this year (Vietnam time) when not given. */
  year?: number;
  /** Người lập hồ sơ; the caller when not given. */
  keeper?: string;
}

/** Opens a case file (hồ sơ). Everyone who handles documents keeps files, whatever their role. */
@Injectable()
export class CreateCaseFileUseCase {
  constructor(
    private readonly db: Database,
    private readonly files: CaseFileRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async execute(input: CreateCaseFileInput): Promise<CaseFileView> {
    authorizeAgency(input.principal, input.agencyId, ROLES);
    return this.db.transaction(async () => {
      const file = await this.files.insert({
        id: newId(),
        agencyId: input.agencyId,
        code: input.code,
        title: input.title,
        year: input.year ?? vietnamYear(this.clock.now()),
        keeper: input.keeper ?? input.principal.fullName,
        createdBy: input.principal.userId,
        createdAt: this.clock.now(),
      });
      await this.audit.record({
        action: 'case_file.created',
        agencyId: input.agencyId,
        actor: auditActorOf(input.principal),
        subjectType: 'case_file',
        subjectId: file.id,
        details: { code: file.code, year: file.year, title: file.title },
      });
      return toCaseFileView(file, 0);
    });
  }
}
