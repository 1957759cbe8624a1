import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { DocumentStore } from '@vanthu/documents';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { RegistersErrors } from '../registers.errors';
import { auditActorOf } from './entry-actor';
import { RegisterEntryRepository } from './register-entry.repository';

export interface DownloadedVersion {
  fileName: string;
  sha256: string;
  bytes: Buffer;
}

/** The bytes of one stored version, verified against its SHA-256 by the storage layer; audited. */
@Injectable()
export class DownloadVersionUseCase {
  constructor(
    private readonly entries: RegisterEntryRepository,
    private readonly documents: DocumentStore,
    private readonly audit: AuditLog,
  ) {}

  async execute(input: {
    principal: Principal;
    agencyId: string;
    entryId: string;
    versionId: string;
  }): Promise<DownloadedVersion> {
    authorizeAgency(input.principal, input.agencyId, []);
    const entry = await this.entries.findInAgency(input.agencyId, input.entryId);
    if (!entry) throw RegistersErrors.entryNotFound();
    const version = await this.documents.find(entry.id, input.versionId);
    if (!version) throw RegistersErrors.versionNotFound();
    const bytes = await this.documents.read(version);
    // reading a document's content is an access the register must be able to show (ND30: every access)
    await this.audit.record({
      action: 'entry.file_read',
      agencyId: input.agencyId,
      actor: auditActorOf(input.principal),
      subjectType: 'entry',
      subjectId: entry.id,
      details: { versionId: version.id, kind: version.kind, sha256: version.sha256 },
    });
    return { fileName: version.fileName, sha256: version.sha256, bytes };
  }
}
