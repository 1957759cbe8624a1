import { Injectable } from '@nestjs/common';
import { AuditLog } from '@vanthu/audit';
import { DocumentStore, type DocumentVersionEntity, PDF_MEDIA_TYPE } from '@vanthu/documents';
import { authorizeAgency, type Principal } from '@vanthu/identity';
import { RegistersErrors } from '../registers.errors';
import { auditActorOf } from './entry-actor';
import { RegisterEntryRepository } from './register-entry.repository';

export interface DownloadedVersion {
  versionId: string;
  fileName: string;
  /** application/pdf, or the allow-listed type of a received non-PDF attachment */
  mediaType: string;
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

  /**
   * `versionId: 'main'` is the newest version of the main document (file 0 if a PDF, else the first PDF):
   * the one the entry's `files` list first, so a viewer can ask for it before the entry arrives.
   */
  async execute(input: {
    principal: Principal;
    agencyId: string;
    entryId: string;
    versionId: string | 'main';
  }): Promise<DownloadedVersion> {
    authorizeAgency(input.principal, input.agencyId, []);
    const entry = await this.entries.findInAgency(input.agencyId, input.entryId);
    if (!entry) throw RegistersErrors.entryNotFound();
    const version =
      input.versionId === 'main'
        ? mainDocument(await this.documents.latest(entry.id))
        : await this.documents.find(entry.id, input.versionId);
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
    return {
      versionId: version.id,
      fileName: version.fileName,
      mediaType: version.mediaType,
      sha256: version.sha256,
      bytes,
    };
  }
}

function mainDocument(latest: DocumentVersionEntity[]): DocumentVersionEntity | undefined {
  const pdfs = latest.filter((v) => v.mediaType === PDF_MEDIA_TYPE);
  return pdfs.find((v) => v.fileIndex === 0) ?? pdfs[0];
}
