import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { DocumentStore } from '@vanthu/documents';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { auditActorOf } from '../entries/entry-actor';
import { RegistersErrors } from '../registers.errors';
import { DocumentCopyRepository } from './document-copy.repository';

/** The signed PDF of one copy, checked against its SHA-256 by the storage layer; audited. */
@Injectable()
export class DownloadCopyUseCase {
  constructor(
    private readonly copies: DocumentCopyRepository,
    private readonly documents: DocumentStore,
    private readonly audit: AuditLog,
  ) {}

  async execute(input: {
    principal: Principal;
    agencyId: string;
    copyId: string;
  }): Promise<{ fileName: string; bytes: Buffer }> {
    authorizeAgency(input.principal, input.agencyId, []);
    const copy = await this.copies.findInAgency(input.agencyId, input.copyId);
    if (!copy) throw RegistersErrors.copyNotFound();
    if (copy.withdrawnAt) throw RegistersErrors.copyWithdrawn();
    const bytes = await this.documents.read(copy);
    await this.audit.record({
      action: 'copy.file_read',
      agencyId: input.agencyId,
      actor: auditActorOf(input.principal),
      subjectType: 'entry',
      subjectId: copy.sourceEntryId,
      details: { copyId: copy.id, sha256: copy.sha256 },
    });
    return { fileName: copy.fileName, bytes };
  }
}
